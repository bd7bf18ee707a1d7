import type { ImageRef, StageRef } from './image.js';

/** `--mount=type=cache`: a persistent cache directory, shared between builds. */
export interface CacheMount {
  readonly type: 'cache';
  readonly target: string;
  readonly id?: string;
  readonly sharing?: 'shared' | 'private' | 'locked';
  readonly from?: StageRef | ImageRef;
  readonly source?: string;
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly readonly?: boolean;
}

/** `--mount=type=bind`: files of the context, a stage or an image, visible during one RUN. */
export interface BindMount {
  readonly type: 'bind';
  readonly target: string;
  readonly source?: string;
  readonly from?: StageRef | ImageRef;
  readonly readwrite?: boolean;
}

/** `--mount=type=secret`: a build secret as a file or an environment variable, never in a layer. */
export interface SecretMount {
  readonly type: 'secret';
  readonly id: string;
  readonly target?: string;
  readonly env?: string;
  readonly required?: boolean;
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
}

/** `--mount=type=ssh`: the build's SSH agent socket. */
export interface SshMount {
  readonly type: 'ssh';
  readonly id?: string;
  readonly target?: string;
  readonly required?: boolean;
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
}

/** `--mount=type=tmpfs`: an in-memory directory for one RUN. */
export interface TmpfsMount {
  readonly type: 'tmpfs';
  readonly target: string;
  readonly size?: number;
}

/** Any `RUN --mount`. */
export type Mount = CacheMount | BindMount | SecretMount | SshMount | TmpfsMount;
