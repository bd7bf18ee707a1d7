import type { StageNode } from '../ast/dockerfile.js';
import type { CacheMode } from './cleanup.js';
import type { Image, Scratch } from './image.js';
import type { MountValue } from './mounts.js';
import type { PackageInstall } from './packages.js';
import type { StageSource } from './stage-source.js';
import type { CheckAbsolutePath, CheckDigest, CheckImageRef, Duration, PortSpec, RootUser } from './type-checks.js';
import type { CreateUserOptions } from './users.js';
import type { Arg, TemplateWithVars, TextInput } from './variables.js';

/** The brand behind `Stage<HasUser>`: only in the types, never a value at run time. */
export declare const userState: unique symbol;

/** What `run()` takes: a shell line, a multi-line script (rendered as a heredoc), an argv, or an install helper. */
export type RunInput = string | TemplateWithVars | readonly [string, ...string[]] | PackageInstall;

/** Options of `run()`; each also has a modifier method (`withMounts()`, ...). */
export interface RunOptions {
  readonly mounts?: readonly MountValue[];
  readonly network?: 'default' | 'none' | 'host';
  readonly security?: 'sandbox' | 'insecure';
}

/** Options of `copy()`. */
export interface CopyOptions {
  /** Owner of the copied files; `true` means the stage's current user (set with `user()`). */
  readonly chown?: string | number | true;
  /** Octal mode, e.g. `'755'` or `0o755`. */
  readonly chmod?: string | number;
  /** `--link`: the layer does not depend on the files below it (needs syntax 1.4). */
  readonly link?: boolean;
  /** `--parents`: keep the source directory structure (needs syntax 1.20). */
  readonly parents?: boolean;
  /** `--exclude` patterns (needs syntax 1.19). */
  readonly exclude?: readonly string[];
}

/** Options of `addUrl()`. */
export interface AddUrlOptions {
  /** `sha256:` and 64 hex digits: ADD verifies the download (needs syntax 1.6). */
  readonly checksum: string;
  readonly chown?: string | number;
  readonly chmod?: string | number;
  readonly link?: boolean;
}

/** Options of `healthcheck()`. */
export interface HealthcheckOptions {
  readonly interval?: Duration;
  readonly timeout?: Duration;
  readonly startPeriod?: Duration;
  readonly startInterval?: Duration;
  readonly retries?: number;
}

/** A user: a name, a numeric uid, `user:group`, or `{ uid, gid }`. */
export type UserSpec = string | number | { readonly uid: number; readonly gid: number };

/** The user state after `user(T)`: false for root. */
export type UserResult<T> = T extends RootUser ? false : true;

/**
 * A build stage. Immutable: every method returns a new stage, so two stages branched from one
 * base never see each other's changes. `HasUser` records whether `user()` or `allowRoot()` was
 * called, so `dockerfile()` can refuse a final stage that runs as root at compile time.
 */
export interface Stage<HasUser extends boolean = boolean> extends StageSource {
  readonly [userState]: HasUser;
  /** RUN: a shell line, a multi-line script (heredoc), an argv (exec form) or an install helper. */
  run(command: RunInput, options?: RunOptions): RunStage<HasUser>;
  /** COPY from the build context. */
  copy(source: TextInput | readonly TextInput[], dest: TextInput, options?: CopyOptions): Stage<HasUser>;
  /** COPY from another stage or an image. */
  copy(from: StageSource | Image, source: TextInput | readonly TextInput[], dest: TextInput, options?: CopyOptions): Stage<HasUser>;
  /** ADD of a remote file, verified by its checksum. */
  addUrl(url: `https://${string}` | `http://${string}`, dest: string, options: AddUrlOptions): Stage<HasUser>;
  /** ADD of a git repository (`https://host/repo.git#ref`). */
  addGit(url: string, dest: string, options?: { readonly keepGitDir?: boolean; readonly chown?: string | number; readonly link?: boolean }): Stage<HasUser>;
  /** ADD of a local archive, unpacked on purpose; for plain files use `copy()`. */
  addArchive(path: string, dest: string, options?: { readonly chown?: string | number; readonly chmod?: string | number }): Stage<HasUser>;
  /** ENV, one `KEY=value` per variable. Secret-looking names are refused: use `secretMount()`. */
  env(variables: Readonly<Record<string, TextInput>>): Stage<HasUser>;
  /** LABEL; see `oci()` for the `org.opencontainers.image.*` keys. */
  label(labels: Readonly<Record<string, TextInput>>): Stage<HasUser>;
  /** Declares an ARG in this stage, so later instructions may use its handle. */
  arg(handle: Arg): Stage<HasUser>;
  /** WORKDIR, always absolute. */
  workdir<P extends string>(path: (P & CheckAbsolutePath<P>) | TemplateWithVars): Stage<HasUser>;
  /** EXPOSE ports: `3000`, `'53/udp'`. */
  expose(...ports: readonly [PortSpec, ...PortSpec[]]): Stage<HasUser>;
  /** VOLUME. */
  volume(...paths: readonly [string, ...string[]]): Stage<HasUser>;
  /** USER; with `create`, also creates a system user and group with fixed ids in this stage. */
  user<const T extends UserSpec>(user: T, options?: { readonly create?: CreateUserOptions }): Stage<UserResult<T>>;
  /** Lets the final stage run as root, on purpose; the reason is rendered as a comment. */
  allowRoot(reason: string): Stage<true>;
  /** HEALTHCHECK in exec form, or `'none'` to turn off an inherited one. */
  healthcheck(command: readonly [string, ...string[]] | 'none', options?: HealthcheckOptions): Stage<HasUser>;
  /** CMD, exec form only. */
  cmd(argv: readonly [string, ...string[]]): Stage<HasUser>;
  /** ENTRYPOINT, exec form only. */
  entrypoint(argv: readonly [string, ...string[]]): Stage<HasUser>;
  /** SHELL for later shell-form RUNs, e.g. `['/bin/bash', '-o', 'pipefail', '-c']`. */
  shell(argv: readonly [string, ...string[]]): Stage<HasUser>;
  /** STOPSIGNAL, e.g. `'SIGTERM'`. */
  stopSignal(signal: string | number): Stage<HasUser>;
  /** ONBUILD: instructions for images built FROM this one. */
  onBuild(record: (stage: Stage<boolean>) => Stage<boolean>): Stage<HasUser>;
  /** A `#` comment line. */
  comment(text: string): Stage<HasUser>;
  /** Escape hatch: one instruction line written as is, after a `# dockwright:raw <reason>` comment. */
  raw(line: string, reason: string): Stage<HasUser>;
  /** Applies a function to this stage: how presets and organisations package steps. */
  with<R>(fn: (stage: this) => R): R;
  /** This stage as AST data. */
  toAst(): StageNode;
}

/** A stage right after `run()`: the RUN's modifiers are offered here and nowhere else. */
export interface RunStage<HasUser extends boolean = boolean> extends Stage<HasUser> {
  /** Makes the RUN's package manager clean up in the same layer, or use cache mounts (`{ cache: 'mount' }`). */
  withCleanup(options?: { readonly cache?: CacheMode }): RunStage<HasUser>;
  /** Adds `--mount` flags. */
  withMounts(...mounts: readonly MountValue[]): RunStage<HasUser>;
  /** `--network=none|host|default`. */
  withNetwork(network: 'default' | 'none' | 'host'): RunStage<HasUser>;
  /** `--security=insecure|sandbox` (needs syntax 1.20 and the security.insecure entitlement). */
  withSecurity(security: 'sandbox' | 'insecure'): RunStage<HasUser>;
}

/** A stage right after `from(image)`: the FROM's modifiers are offered here and nowhere else. */
export interface FromStage<HasUser extends boolean = false> extends Stage<HasUser> {
  /** Pins the base image by digest: `name:tag@sha256:...`. */
  pinDigest<D extends string>(digest: D & CheckDigest<D>): FromStage<HasUser>;
  /** Without an argument: the same as `locked()`. */
  pinDigest(): FromStage<HasUser>;
  /** Takes the base image's digest from `dockwright.lock.yaml` (written by `dockwright lock`). */
  locked(): FromStage<HasUser>;
  /** `FROM --platform=$BUILDPLATFORM`, for cross-compiling stages. */
  platform(platform: Arg | TemplateWithVars): FromStage<HasUser>;
}

/** A stage with a name and no base yet: only `from()` is offered. */
export interface StageStart {
  readonly name: string;
  /** FROM an image value. */
  from(image: Image): FromStage<false>;
  /** FROM another stage; the user it runs as carries over. */
  from<H extends boolean>(stage: Stage<H>): Stage<H>;
  /** FROM scratch: an empty image with no shell. */
  from(base: Scratch): Stage<false>;
  // Last, so a refused literal reports this overload's sentence-like error.
  /** FROM an image reference; a literal without a tag or with `:latest` does not type-check. */
  from<S extends string>(image: S & CheckImageRef<S>): FromStage<false>;
}
