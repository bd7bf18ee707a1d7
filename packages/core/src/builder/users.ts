import type { RunStep } from '../ast/instructions.js';
import { issue, type DockwrightIssue, type IssuePath } from '../errors/issue.js';
import { shellWord } from '../lexical/quote.js';
import { checkLine } from '../validate/text.js';

/** The tool family that creates users: Debian/Fedora `groupadd`/`useradd`, or Alpine/BusyBox `addgroup`/`adduser`. */
export type UserTool = 'shadow' | 'busybox';

/** How `user(name, { create })` makes the user. */
export interface CreateUserOptions {
  /** Fixed numeric uid, so Kubernetes `runAsNonRoot` can check it. */
  readonly uid: number;
  /** Numeric gid; defaults to the uid. */
  readonly gid?: number;
  /** Home directory, created; `false` for none. Defaults to `/home/<name>`. */
  readonly home?: string | false;
  /** Login shell; defaults to nologin. */
  readonly shell?: string;
  /** Which tools the base image has; guessed from the image name when not given. */
  readonly tool?: UserTool;
}

/** Guesses the user tools of an image from its name: Alpine and BusyBox use `adduser`. */
export function guessUserTool(imageName: string): UserTool {
  return /alpine|busybox/.test(imageName) ? 'busybox' : 'shadow';
}

/**
 * What is wrong with a home directory or login shell: each is one absolute path (it becomes one
 * argument of useradd or adduser, quoted for the shell).
 */
export function createUserIssues(options: CreateUserOptions, path: IssuePath): DockwrightIssue[] {
  const found: DockwrightIssue[] = [];
  for (const [what, value] of [['home', options.home], ['shell', options.shell]] as const) {
    if (typeof value !== 'string') continue;
    const line = checkLine(value, `the ${what} directory`.replace('shell directory', 'login shell'), path);
    if (line !== undefined) found.push(line);
    // A `:` would split the line useradd writes to /etc/passwd; a blank in a shell is an argument.
    else if (!value.startsWith('/') || value.includes(':') || (what === 'shell' && /\s/.test(value))) {
      found.push(issue('DW6014', `create.${what} ${JSON.stringify(value)} is not one absolute path`, what === 'home' ? "write an absolute path without ':', such as '/home/app', or false for no home" : "write the shell's absolute path, such as '/bin/sh'; arguments are not allowed", path));
    }
  }
  return found;
}

/** The commands that create a system group and user with fixed ids, in one RUN; every value is one shell word. */
export function createUserSteps(name: string, options: CreateUserOptions, tool: UserTool): RunStep[] {
  const gid = options.gid ?? options.uid;
  const home = options.home === undefined ? `/home/${name}` : options.home;
  const command = (words: readonly (string | number)[]): RunStep => ({ kind: 'Command', text: words.map((w) => shellWord(String(w))).join(' ') });
  if (tool === 'busybox') {
    const shell = options.shell ?? '/sbin/nologin';
    const homeFlags = home === false ? ['-H'] : ['-h', home];
    return [command(['addgroup', '-S', '-g', gid, name]), command(['adduser', '-S', '-D', '-u', options.uid, '-G', name, ...homeFlags, '-s', shell, name])];
  }
  const shell = options.shell ?? '/usr/sbin/nologin';
  // -l (--no-log-init): a high uid otherwise grows /var/log/lastlog to gigabytes (hadolint DL3046).
  const homeFlags = home === false ? ['--no-create-home'] : ['--create-home', '--home-dir', home];
  return [
    command(['groupadd', '--system', '--gid', gid, name]),
    command(['useradd', '--system', '-l', '--uid', options.uid, '--gid', gid, ...homeFlags, '--shell', shell, name]),
  ];
}
