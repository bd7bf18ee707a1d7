import { splitShell, type ShellCommand } from './split-shell.js';

/** A command with the program name read through wrappers such as `sudo` and `env`. */
export interface Program {
  /** The program's base name: `/usr/bin/apt-get` reads `apt-get`. */
  readonly name: string;
  /** The arguments after the program name. */
  readonly args: readonly string[];
  /** The wrappers it ran under, such as `sudo`. */
  readonly wrappers: readonly string[];
  readonly command: ShellCommand;
}

// Programs that run the rest of their arguments as a command, and the options that take a value.
const WRAPPERS: Readonly<Record<string, ReadonlySet<string>>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U']),
  env: new Set(['-u', '-C', '-S']),
  nohup: new Set(),
  time: new Set(['-f', '-o']),
  exec: new Set(['-a']),
  command: new Set(),
  nice: new Set(['-n']),
  gosu: new Set(),
  'su-exec': new Set(),
  chroot: new Set(),
  xargs: new Set(['-I', '-n', '-P', '-d', '-a', '-E', '-L', '-s']),
};
// Wrappers whose first argument is a user or directory, not the program.
const TAKES_ONE = new Set(['gosu', 'su-exec', 'chroot']);

/**
 * Reads a command's program through wrappers: `sudo -u app env A=1 /usr/bin/pip install x` is
 * `pip` with `install x`, wrapped by sudo and env.
 *
 * @example
 * ```ts
 * programOf(splitShell('sudo apt-get install -y curl')[0]!).name; // 'apt-get'
 * ```
 */
export function programOf(command: ShellCommand): Program {
  const cached = programs.get(command);
  if (cached !== undefined) return cached;
  const found = readProgram(command);
  programs.set(command, found);
  return found;
}

// Many rules read the same command; it is read once.
const programs = new WeakMap<ShellCommand, Program>();

function readProgram(command: ShellCommand): Program {
  const wrappers: string[] = [];
  let words = command.words;
  for (;;) {
    const name = baseName(words[0] ?? '');
    // Own keys only: a command named `valueOf` or `constructor` is no wrapper.
    const options = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    if (options === undefined || words.length < 2) break;
    wrappers.push(name);
    let k = 1;
    if (TAKES_ONE.has(name)) k += 1;
    while (k < words.length) {
      const w = words[k] as string;
      if (options.has(w)) k += 2;
      else if (w.startsWith('-') || (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))) k += 1;
      else break;
    }
    words = words.slice(k);
  }
  return { name: baseName(words[0] ?? ''), args: words.slice(1), wrappers, command };
}

/** The last path component: `/usr/bin/apt-get` reads `apt-get`. */
export function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash < 0 ? word : word.slice(slash + 1);
}

/**
 * True when any argument is one of the flags, also inside short-flag groups: `-yq` has `-y`.
 *
 * @example
 * ```ts
 * hasFlag(['-qy', 'install'], '-y', '--yes'); // true
 * ```
 */
export function hasFlag(args: readonly string[], ...flags: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    for (const f of flags) {
      if (a === f || (f.startsWith('--') && a.startsWith(`${f}=`))) return true;
      if (f.length === 2 && f.startsWith('-') && /^-[A-Za-z]+$/.test(a) && a.includes(f[1] as string)) return true;
    }
  }
  return false;
}

// Shells whose `-c` argument is a script of its own.
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/**
 * The commands and, after each `sh -c 'script'` (bash, dash, ... too), the commands of its
 * script, read by the same reader: `sh -c 'apt-get install -y telnet'` installs telnet.
 *
 * @example
 * ```ts
 * withShellScripts(splitShell(`sh -c 'apt-get install -y telnet'`)).map((c) => c.words[0]); // ['sh', 'apt-get']
 * ```
 */
export function withShellScripts(commands: readonly ShellCommand[], depth = 0): ShellCommand[] {
  return commands.flatMap((c) => {
    const program = programOf(c);
    const flag = program.args[0];
    const script = program.args[1];
    if (depth > 2 || !SHELLS.has(program.name) || flag === undefined || !/^-[a-z]*c[a-z]*$/.test(flag) || script === undefined) return [c];
    return [c, ...withShellScripts(splitShell(script), depth + 1)];
  });
}
