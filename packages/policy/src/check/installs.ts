import { splitShell, type RunInstruction, type Text } from '@dockwright/core';

// Variables as `${NAME}`: a word holding one is read as a value we cannot judge.
function textToDisplay(text: Text): string {
  return typeof text === 'string' ? text : text.parts.map((p) => (typeof p === 'string' ? p : `\${${p.name}}`)).join('');
}

/** The package managers whose installs the policy reads. `os` ones install into the image's system. */
export type Manager = 'apt' | 'apk' | 'dnf' | 'zypper' | 'pip' | 'npm' | 'gem' | 'go';

/** One package named on an install command line. */
export interface InstalledPackage {
  /** As written, version included: `curl=7.88.1-10+deb12u8`. */
  readonly word: string;
  /** The package name alone: `curl`. */
  readonly name: string;
  readonly pinned: boolean;
}

/** One install command: its package manager and the packages it names. */
export interface InstallCommand {
  readonly manager: Manager;
  readonly packages: readonly InstalledPackage[];
}

/** True for the managers that install operating-system packages (the ones forbidden-package and build-tool lists are about). */
export function isOsManager(manager: Manager): boolean {
  return manager === 'apt' || manager === 'apk' || manager === 'dnf' || manager === 'zypper';
}

// Options whose next word is their value, not a package.
const VALUE_OPTIONS: Readonly<Record<Manager, readonly string[]>> = {
  apt: ['-o', '--option', '-t', '--target-release', '-c', '--config-file'],
  apk: ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch'],
  dnf: ['--setopt', '--repo', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-c', '--config'],
  zypper: ['-r', '--repo', '--from'],
  pip: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--prefix', '--root', '-f', '--find-links'],
  npm: ['--prefix', '--registry', '-w', '--workspace', '--filter'],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source'],
  go: ['-C', '-o', '-tags', '-ldflags', '-gcflags'],
};

/**
 * The simple commands of shell text, each a list of words with quotes removed, read by core's one
 * shell reader: a `&&` inside quotes is part of a word, not a new command.
 */
function simpleCommands(text: string): string[][] {
  return splitShell(text)
    .map((c) => [...c.assignments, ...c.words])
    .filter((words) => words.length > 0);
}

/** Which manager a command line runs, and where its arguments start. */
function managerOf(words: readonly string[]): { manager: Manager; args: string[] } | undefined {
  let i = 0;
  // Leading variable assignments and wrappers: `DEBIAN_FRONTEND=noninteractive`, `sudo`, `env`, `command`.
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? '') || ['sudo', 'env', 'command', 'exec', 'nice'].includes(words[i] ?? ''))) i += 1;
  const tool = (words[i] ?? '').replace(/^.*\//, '');
  const rest = words.slice(i + 1);
  const sub = (names: readonly string[]) => {
    const at = rest.findIndex((w) => !w.startsWith('-'));
    return at >= 0 && names.includes(rest[at] ?? '') ? rest.slice(at + 1) : undefined;
  };
  const pick = (manager: Manager, args: string[] | undefined) => (args === undefined ? undefined : { manager, args });
  switch (tool) {
    case 'apt-get':
    case 'apt':
    case 'aptitude':
      return pick('apt', sub(['install']));
    case 'apk':
      return pick('apk', sub(['add']));
    case 'dnf':
    case 'yum':
    case 'microdnf':
    case 'tdnf':
      return pick('dnf', sub(['install']));
    case 'zypper':
      return pick('zypper', sub(['install', 'in']));
    case 'pip':
    case 'pip3':
      return pick('pip', sub(['install']));
    case 'python':
    case 'python3':
      return rest[0] === '-m' && (rest[1] === 'pip' || rest[1] === 'pip3') ? pick('pip', managerOf(['pip', ...rest.slice(2)])?.args) : undefined;
    case 'npm':
      return pick('npm', sub(['install', 'i', 'add']));
    case 'pnpm':
      return pick('npm', sub(['add']));
    case 'yarn': {
      const global = rest[0] === 'global' ? rest.slice(1) : rest;
      return pick('npm', global[0] === 'add' ? global.slice(1) : undefined);
    }
    case 'gem':
      return pick('gem', sub(['install']));
    case 'go':
      return pick('go', sub(['install']));
    default:
      return undefined;
  }
}

/** The package name and whether a version is pinned, per manager. */
function readPackage(manager: Manager, word: string, versionFlag: boolean): InstalledPackage | undefined {
  // A variable (`$PACKAGES`) or a path, URL or archive is not a package name we can judge.
  if (/^\$/.test(word) || /^(\.|\/|~)|:\/\/|\.(whl|tar\.gz|tgz|zip|deb|rpm|apk)$/.test(word)) return undefined;
  switch (manager) {
    case 'apt':
    case 'apk': {
      const m = /^([^=~<>:]+)(?::[a-z0-9]+)?(?:(=|~|>=|<=|>|<).*)?$/.exec(word);
      const name = (m?.[1] ?? word).split('/')[0] ?? word;
      return { word, name, pinned: m?.[2] === '=' || m?.[2] === '~' || /\$/.test(word) };
    }
    case 'dnf':
    case 'zypper': {
      // name-version[-release]: a dash followed by a digit starts the version.
      const m = /^(.+?)(?:-(\d[^-]*(?:-[^-]+)?)|(?:=|>=|<=)(.+))$/.exec(word);
      return { word, name: m?.[1] ?? word, pinned: m !== null || /\$/.test(word) };
    }
    case 'pip': {
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?(.*)$/.exec(word);
      if (m === null) return undefined;
      return { word, name: (m[1] ?? word).toLowerCase(), pinned: /^\s*===?/.test(m[3] ?? '') };
    }
    case 'npm': {
      if (/^(git\+|github:|file:|link:)/.test(word)) return undefined;
      const m = /^(@[^/@]+\/[^@]+|[^@]+)(?:@(.*))?$/.exec(word);
      if (m === null) return undefined;
      const version = m[2];
      return { word, name: m[1] ?? word, pinned: version !== undefined && version !== '' && !/^(latest|next|\*|x)$/.test(version) && !/^[\^~><]/.test(version) };
    }
    case 'gem': {
      const m = /^([^:]+)(?::(.+))?$/.exec(word);
      return { word, name: m?.[1] ?? word, pinned: versionFlag || m?.[2] !== undefined };
    }
    case 'go': {
      const m = /^([^@]+)(?:@(.*))?$/.exec(word);
      const version = m?.[2];
      return { word, name: m?.[1] ?? word, pinned: version !== undefined && version !== 'latest' && version !== '' };
    }
  }
}

function installOf(words: readonly string[]): InstallCommand | undefined {
  const found = managerOf(words);
  if (found === undefined) return undefined;
  const valued = VALUE_OPTIONS[found.manager];
  const names: string[] = [];
  let versionFlag = false;
  for (let i = 0; i < found.args.length; i += 1) {
    const word = found.args[i] ?? '';
    if (found.manager === 'gem' && (word === '-v' || word === '--version' || word.startsWith('--version='))) versionFlag = true;
    if (valued.includes(word)) {
      i += 1;
      continue;
    }
    if (word.startsWith('-')) continue;
    names.push(word);
  }
  const packages = names.flatMap((w) => readPackage(found.manager, w, versionFlag) ?? []);
  return packages.length === 0 ? undefined : { manager: found.manager, packages };
}

/**
 * The install commands of a RUN (shell form, heredoc script, or exec form), with the packages
 * each names. Commands written through `aptInstall()` and friends and plain shell text are read
 * the same way.
 *
 * @example
 * ```ts
 * installsOf(runNode); // [{ manager: 'apt', packages: [{ word: 'curl', name: 'curl', pinned: false }] }]
 * ```
 */
export function installsOf(run: RunInstruction): InstallCommand[] {
  const command = run.command;
  const lines: string[][] =
    command.form === 'exec'
      ? [[...command.argv]]
      : command.form === 'heredoc'
        ? simpleCommands(command.script)
        : command.steps.flatMap((step) => (step.kind === 'PackageList' ? [[...(simpleCommands(step.command)[0] ?? []), ...step.packages]] : simpleCommands(textToDisplay(step.text))));
  // `sh -c "..."` in exec form: read the script.
  const expanded = lines.flatMap((words) => (words.length >= 3 && /(^|\/)(ba)?sh$/.test(words[0] ?? '') && words[1] === '-c' ? simpleCommands(words.slice(2).join(' ')) : [words]));
  return expanded.flatMap((words) => installOf(words) ?? []);
}

/**
 * The install commands of shell text, e.g. a raw `RUN` line.
 *
 * @example
 * ```ts
 * installsOfText('apk add --no-cache curl'); // [{ manager: 'apk', packages: [{ word: 'curl', name: 'curl', pinned: false }] }]
 * ```
 */
export function installsOfText(text: string): InstallCommand[] {
  return simpleCommands(text).flatMap((words) => installOf(words) ?? []);
}
