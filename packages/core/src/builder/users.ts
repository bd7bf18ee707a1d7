import type { RunStep } from '../ast/instructions.js';

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

/** The commands that create a system group and user with fixed ids, in one RUN. */
export function createUserSteps(name: string, options: CreateUserOptions, tool: UserTool): RunStep[] {
  const gid = options.gid ?? options.uid;
  const home = options.home === undefined ? `/home/${name}` : options.home;
  if (tool === 'busybox') {
    const shell = options.shell ?? '/sbin/nologin';
    const homeFlags = home === false ? ['-H'] : ['-h', home];
    return [
      { kind: 'Command', text: `addgroup -S -g ${gid} ${name}` },
      { kind: 'Command', text: ['adduser -S -D', '-u', String(options.uid), '-G', name, ...homeFlags, '-s', shell, name].join(' ') },
    ];
  }
  const shell = options.shell ?? '/usr/sbin/nologin';
  // -l (--no-log-init): a high uid otherwise grows /var/log/lastlog to gigabytes (hadolint DL3046).
  const homeFlags = home === false ? ['--no-create-home'] : ['--create-home', '--home-dir', home];
  return [
    { kind: 'Command', text: `groupadd --system --gid ${gid} ${name}` },
    { kind: 'Command', text: ['useradd --system -l', '--uid', String(options.uid), '--gid', String(gid), ...homeFlags, '--shell', shell, name].join(' ') },
  ];
}
