import { programOf, type Program } from './program.js';
import type { ShellCommand } from './split-shell.js';

/** A package manager a RUN can call. */
export type InstallManager = 'apt-get' | 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'pnpm' | 'yarn' | 'gem' | 'go';

/** One install command: the manager, the subcommand, every argument, and the packages named. */
export interface PackageInstallCommand {
  readonly manager: InstallManager;
  readonly subcommand: string;
  readonly args: readonly string[];
  readonly packages: readonly string[];
  readonly program: Program;
}

// Options that take a value, per manager, so the value is not read as a package or subcommand.
const VALUED: Readonly<Record<InstallManager, ReadonlySet<string>>> = {
  'apt-get': new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file']),
  apt: new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file']),
  apk: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--repositories-file', '--arch', '--cache-dir', '--keys-dir']),
  dnf: new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--repo', '--repofrompath', '--nodocs-placeholder']),
  yum: new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude']),
  microdnf: new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever']),
  zypper: new Set(['--root', '-R', '--repo', '-r', '--from']),
  pip: new Set(['-e', '--editable', '--root-user-action', '--no-binary', '--only-binary', '--report', '--progress-bar', '-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--prefix', '--root', '-f', '--find-links', '--src', '--platform', '--python-version', '--implementation', '--abi', '--upgrade-strategy', '--progress-bar', '--log', '--proxy', '--retries', '--timeout', '--cache-dir', '--trusted-host', '--cert', '--client-cert', '--global-option', '--install-option', '--config-settings', '-C', '--python']),
  npm: new Set(['--prefix', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--omit', '--include', '--loglevel', '--location', '--install-strategy', '--tag', '--access']),
  pnpm: new Set(['--dir', '-C', '--filter', '-F', '--registry', '--store-dir', '--workspace', '-w-placeholder']),
  yarn: new Set(['--cwd', '--registry', '--cache-folder', '--modules-folder', '--network-timeout']),
  gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform', '-N']),
  go: new Set(['-o', '-tags', '-ldflags', '-gcflags', '-mod', '-modfile', '-p', '-trimpath-placeholder']),
};

const INSTALL_WORDS: Readonly<Record<InstallManager, ReadonlySet<string>>> = {
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  apk: new Set(['add']),
  dnf: new Set(['install', 'groupinstall', 'localinstall']),
  yum: new Set(['install', 'groupinstall', 'localinstall']),
  microdnf: new Set(['install', 'groupinstall', 'localinstall']),
  zypper: new Set(['install', 'in']),
  pip: new Set(['install']),
  npm: new Set(['install', 'i', 'add']),
  pnpm: new Set(['add']),
  yarn: new Set(['add']),
  gem: new Set(['install', 'i']),
  go: new Set(['install', 'run']),
};

/**
 * The manager a program is, if any: `pip3.12` and `python -m pip` are pip, `/sbin/apk` is apk,
 * `yarn global add` is yarn's add.
 *
 * @example
 * ```ts
 * managerOf(programOf(splitShell('python3 -m pip install x')[0]!)); // { manager: 'pip', args: ['install', 'x'] }
 * ```
 */
export function managerOf(program: Program): { manager: InstallManager; args: readonly string[] } | undefined {
  const name = program.name;
  if (/^pip(?:\d+(?:\.\d+)?)?$/.test(name)) return { manager: 'pip', args: program.args };
  if (/^python(?:\d+(?:\.\d+)?)?$/.test(name)) {
    const m = program.args.indexOf('-m');
    if (m >= 0 && program.args[m + 1] === 'pip') return { manager: 'pip', args: program.args.slice(m + 2) };
    return undefined;
  }
  // `yarn global add x` installs as `yarn add x` does, into the global folder.
  if (name === 'yarn' && program.args[0] === 'global') return { manager: 'yarn', args: program.args.slice(1) };
  if (name in VALUED) return { manager: name as InstallManager, args: program.args };
  return undefined;
}

/** The first argument that is not an option (or an option's value): the subcommand. */
export function subcommandOf(manager: InstallManager, args: readonly string[]): { subcommand: string; at: number } | undefined {
  const valued = VALUED[manager];
  for (let k = 0; k < args.length; k += 1) {
    const a = args[k] as string;
    if (valued.has(a)) k += 1;
    else if (!a.startsWith('-')) return { subcommand: a, at: k };
  }
  return undefined;
}

/**
 * The package install commands among shell commands.
 *
 * @example
 * ```ts
 * packageInstalls(splitShell('apt-get install -y curl=7.88.1')).map((i) => i.packages); // [['curl=7.88.1']]
 * ```
 */
export function packageInstalls(commands: readonly ShellCommand[]): PackageInstallCommand[] {
  const found: PackageInstallCommand[] = [];
  for (const c of commands) {
    const program = programOf(c);
    const m = managerOf(program);
    if (m === undefined) continue;
    const sub = subcommandOf(m.manager, m.args);
    if (sub === undefined || !INSTALL_WORDS[m.manager].has(sub.subcommand)) continue;
    const valued = VALUED[m.manager];
    const packages: string[] = [];
    for (let k = sub.at + 1; k < m.args.length; k += 1) {
      const a = m.args[k] as string;
      if (valued.has(a)) k += 1;
      else if (!a.startsWith('-') && a !== '') packages.push(a);
    }
    found.push({ manager: m.manager, subcommand: sub.subcommand, args: m.args, packages, program });
  }
  return found;
}
