import type { Text } from './text.js';

/** An image in a registry: `name`, an optional tag (which may use ARGs) and an optional digest. */
export interface ImageRef {
  readonly kind: 'ImageRef';
  /** `[registry/]path`, e.g. `docker.io/library/node` or `node`. */
  readonly name: string;
  readonly tag?: Text;
  /** `sha256:` and 64 hex digits. */
  readonly digest?: string;
  /**
   * The digest comes from the lockfile (`dockwright.lock.yaml`): set by `.locked()` or
   * `.pinDigest()` without an argument. Until `resolveLocks()` fills `digest`, the reference
   * cannot be rendered.
   */
  readonly locked?: true;
}

/** A reference to another stage of the same Dockerfile, by name. */
export interface StageRef {
  readonly kind: 'StageRef';
  readonly name: string;
}

/** The empty base image. */
export interface ScratchRef {
  readonly kind: 'Scratch';
}

/** What FROM, `COPY --from` and `--mount from=` may name. */
export type BaseRef = ImageRef | StageRef | ScratchRef;
