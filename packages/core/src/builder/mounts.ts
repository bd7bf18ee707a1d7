import type { ImageRef, StageRef } from '../ast/image.js';
import type { Mount } from '../ast/mount.js';
import type { DockwrightIssue } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { checkArgument, checkOptions, isRecord, MAX_ID, spec, type ArgSpec } from '../validate/arguments.js';
import { MOUNT_VALUE } from '../validate/values.js';
import { fileMode } from '../rules/instructions/file-mode.js';
import { toIssue } from '../rules/rule.js';
import type { Image } from './image.js';
import type { StageSource } from './stage-source.js';
import { isStage } from './stage.js';

/** A typed `RUN --mount`, made by `cacheMount`, `bindMount`, `secretMount`, `sshMount` or `tmpfsMount`. */
export interface MountValue {
  readonly kind: 'Mount';
  readonly mount: Mount;
  /** The stage or image the mount reads from, so the Dockerfile can include and order it. */
  readonly source?: StageSource | Image;
  readonly issues: readonly DockwrightIssue[];
}

const ID = /^[A-Za-z0-9_.-]+$/;

function checkValues(values: Record<string, string | undefined>): DockwrightIssue[] {
  return Object.entries(values).flatMap(([key, value]) =>
    value === undefined || MOUNT_VALUE.test(value)
      ? []
      : [issue('DW7004', `--mount ${key}=${JSON.stringify(value)} holds a character a mount option cannot carry`, 'use letters, digits and . _ / @ : + ~ % - only (no spaces, commas, quotes, = or $)', { instruction: 'RUN' })],
  );
}

function checkMode(mode: string | undefined): DockwrightIssue[] {
  // DW6015's one predicate and message, as --chmod and lint read it.
  const found = mode === undefined ? undefined : fileMode(mode).problem;
  return found === undefined ? [] : [toIssue(found, { instruction: 'RUN' })];
}

function fromRef(from: StageSource | Image | undefined): { from?: StageRef | ImageRef } {
  if (from === undefined) return {};
  return { from: from.kind === 'Image' ? from.ref : { kind: 'StageRef', name: from.name } };
}

function make(mount: Mount, issues: DockwrightIssue[], source?: StageSource | Image): MountValue {
  return Object.freeze({ kind: 'Mount', mount: Object.freeze(mount), ...(source === undefined ? {} : { source }), issues: [...issues, ...(source?.kind === 'Image' ? source.issues : [])] });
}

const AT_RUN = { instruction: 'RUN' } as const;

// What BuildKit's mount parser accepts: uid and gid are `ParseUint(v, 10, 32)`, so 0 to 2^32 - 1.
const id = spec.integer(0, MAX_ID);
// A stage made by stage(), not an object of its shape: the Dockerfile renders the stages the
// final one reads, so a look-alike would be a stage with nothing to render.
const source: ArgSpec = {
  what: "a stage from stage('name') or an image from image()",
  test: (v) => isStage(v) || (isRecord(v) && v['kind'] === 'Image' && isRecord(v['ref'])),
};
const shapes = {
  cache: { id: spec.string, sharing: spec.oneOf('shared', 'private', 'locked'), from: source, source: spec.string, mode: spec.string, uid: id, gid: id, readonly: spec.boolean },
  bind: { source: spec.string, from: source, readwrite: spec.boolean },
  secret: { target: spec.string, env: spec.string, required: spec.boolean, mode: spec.string, uid: id, gid: id },
  ssh: { id: spec.string, target: spec.string, required: spec.boolean, mode: spec.string, uid: id, gid: id },
  // A whole number of bytes: BuildKit reads `size=1.5` as 1 and `1e+21` as a negative number.
  tmpfs: { size: spec.integer(0, Number.MAX_SAFE_INTEGER) },
} as const;

/**
 * The kinds and ranges a mount function refuses; when there are any, the mount is not built (a
 * value of the wrong kind would render as text BuildKit reads differently, or not at all).
 */
function refused(call: string, first: readonly [string, unknown] | undefined, options: unknown, shape: Readonly<Record<string, ArgSpec>>): MountValue | undefined {
  const found = [...(first === undefined ? [] : [checkArgument(call, first[0], first[1], spec.string, AT_RUN)]), ...checkOptions(call, options, shape, AT_RUN)].filter((i): i is DockwrightIssue => i !== undefined);
  if (found.length === 0) return undefined;
  return Object.freeze({ kind: 'Mount', mount: Object.freeze({ type: 'tmpfs', target: '/invalid' }), issues: found });
}

/** Options of a cache mount. */
export interface CacheMountOptions {
  /** Cache id; defaults to the target path. Give one to share a cache between stages. */
  readonly id?: string;
  /** `locked` for package managers that cannot share (apt), `shared` (default) or `private`. */
  readonly sharing?: 'shared' | 'private' | 'locked';
  readonly from?: StageSource | Image;
  readonly source?: string;
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly readonly?: boolean;
}

/**
 * A cache mount: a directory kept between builds, never in the image.
 *
 * @example
 * ```ts
 * stage('deps').from(node).run('npm ci').withMounts(cacheMount('/root/.npm', { sharing: 'locked' }));
 * ```
 */
export function cacheMount(target: string, options: CacheMountOptions = {}): MountValue {
  const bad = refused('cacheMount()', ['the target', target], options, shapes.cache);
  if (bad !== undefined) return bad;
  const { from, ...rest } = options;
  const issues = [...checkValues({ target, id: rest.id, source: rest.source }), ...checkMode(rest.mode)];
  return make({ type: 'cache', target, ...rest, ...fromRef(from) }, issues, from);
}

/** Options of a bind mount. */
export interface BindMountOptions {
  /** Path in the context, stage or image; defaults to its root. */
  readonly source?: string;
  readonly from?: StageSource | Image;
  /** Writes are allowed but discarded after the RUN. */
  readonly readwrite?: boolean;
}

/**
 * A bind mount: files of the context (or of a stage or image) visible during one RUN only.
 *
 * @example
 * ```ts
 * build.run('go mod download').withMounts(bindMount('go.mod', { source: 'go.mod' }), bindMount('go.sum', { source: 'go.sum' }));
 * ```
 */
export function bindMount(target: string, options: BindMountOptions = {}): MountValue {
  const bad = refused('bindMount()', ['the target', target], options, shapes.bind);
  if (bad !== undefined) return bad;
  const { from, ...rest } = options;
  return make({ type: 'bind', target, ...rest, ...fromRef(from) }, checkValues({ target, source: rest.source }), from);
}

/** Where a secret appears: as a file (`target`), as an environment variable (`env`), or both. */
export interface SecretMountOptions {
  readonly target?: string;
  readonly env?: string;
  /** Fail the build when the secret is not passed (default: the RUN sees no secret). */
  readonly required?: boolean;
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
}

/**
 * A build secret, readable during one RUN and never written to a layer, the config or the
 * history. This is the only way Dockwright lets a secret into a build.
 *
 * @example
 * ```ts
 * deps.run('npm ci').withMounts(secretMount('npmrc', { target: '/root/.npmrc', required: true }));
 * // docker build --secret id=npmrc,src=$HOME/.npmrc .
 * ```
 */
export function secretMount(id: string, options: SecretMountOptions = {}): MountValue {
  const bad = refused('secretMount()', ['the id', id], options, shapes.secret);
  if (bad !== undefined) return bad;
  const issues = [...checkValues({ target: options.target, env: options.env }), ...checkMode(options.mode)];
  if (!ID.test(id)) issues.push(issue('DW4002', `secret id ${JSON.stringify(id)} is not a plain name`, 'use letters, digits, . _ and - for a secret id', { instruction: 'RUN' }));
  if (options.env !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.env)) {
    issues.push(issue('DW4002', `secret env ${JSON.stringify(options.env)} is not a variable name`, 'name the variable like NPM_TOKEN', { instruction: 'RUN' }));
  }
  return make({ type: 'secret', id, ...options }, issues);
}

/** Options of an SSH agent mount. */
export interface SshMountOptions {
  readonly id?: string;
  readonly target?: string;
  readonly required?: boolean;
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
}

/**
 * The build's SSH agent, for cloning private repositories during one RUN.
 *
 * @example
 * ```ts
 * build.run('git clone git@github.com:acme/private.git').withMounts(sshMount());
 * // docker build --ssh default .
 * ```
 */
export function sshMount(options: SshMountOptions = {}): MountValue {
  const bad = refused('sshMount()', undefined, options, shapes.ssh);
  if (bad !== undefined) return bad;
  const issues = [...checkValues({ id: options.id, target: options.target }), ...checkMode(options.mode)];
  return make({ type: 'ssh', ...options }, issues);
}

/**
 * An in-memory directory for one RUN.
 *
 * @example
 * ```ts
 * build.run('make test').withMounts(tmpfsMount('/tmp', { size: 64 * 1024 * 1024 }));
 * ```
 */
export function tmpfsMount(target: string, options: { readonly size?: number } = {}): MountValue {
  const bad = refused('tmpfsMount()', ['the target', target], options, shapes.tmpfs);
  if (bad !== undefined) return bad;
  return make({ type: 'tmpfs', target, ...options }, checkValues({ target }));
}
