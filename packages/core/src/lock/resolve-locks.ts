import type { DockerfileNode, StageNode } from '../ast/dockerfile.js';
import type { ImageRef } from '../ast/image.js';
import type { Instruction } from '../ast/instructions.js';
import { mapImageRefs } from '../ast/image-refs.js';
import { lockedImages } from '../images/locked-images.js';
import type { DockwrightIssue } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { validateLockfile, type Lockfile } from './lockfile.js';
import { lockKey } from '../images/lock-key.js';

/** The result of `resolveLocks()`: the AST with every locked digest filled in, or what is missing. */
export type ResolveLocksResult =
  | { readonly ok: true; readonly ast: DockerfileNode }
  | { readonly ok: false; readonly issues: readonly [DockwrightIssue, ...DockwrightIssue[]] };

/** The OCI labels `resolveLocks()` gives the final stage when its base image is locked. */
export const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';
export const BASE_DIGEST_LABEL = 'org.opencontainers.image.base.digest';

function withDigest(ref: ImageRef, digests: ReadonlyMap<string, string>): ImageRef {
  if (ref.locked !== true || typeof ref.tag !== 'string') return ref;
  const digest = digests.get(lockKey(ref.name, ref.tag));
  return digest === undefined ? ref : { ...ref, digest };
}


/** The image the final stage is built on, following FROM another stage down to an image. */
function baseImage(ast: DockerfileNode, stage: StageNode): ImageRef | undefined {
  const seen = new Set<string>();
  let current: StageNode | undefined = stage;
  while (current !== undefined && !seen.has(current.name)) {
    seen.add(current.name);
    const base: StageNode['from']['base'] = current.from.base;
    if (base.kind === 'ImageRef') return base;
    if (base.kind === 'Scratch') return undefined;
    current = ast.stages.find((s) => s.name === base.name);
  }
  return undefined;
}

function hasLabel(stage: StageNode, key: string): boolean {
  return stage.instructions.some((i) => i.kind === 'Label' && i.pairs.some((p) => p.key === key));
}

/**
 * Fills in the digest of every locked image from the lockfile, and gives the final stage the OCI
 * labels `org.opencontainers.image.base.name` and `.base.digest` when its base image is locked
 * (unless the stage sets them itself). A locked image missing from the lockfile is DW1013, which
 * says to run `dockwright lock`. Pure: no network, no files.
 *
 * @example
 * ```ts
 * const result = resolveLocks(dockerfile(app).ast, lockfile);
 * if (result.ok) console.log(render(result.ast));
 * ```
 */
export function resolveLocks(ast: DockerfileNode, given: Lockfile): ResolveLocksResult {
  // A Lockfile built in code is checked as the file is: its digests reach the text.
  const valid = validateLockfile(given);
  if (!valid.ok) return valid;
  const lockfile = valid.lockfile;
  const wanted = lockedImages(ast);
  const digests = new Map<string, string>();
  const issues: DockwrightIssue[] = [];
  for (const ref of wanted) {
    const entry = Object.hasOwn(lockfile.images, ref.key) ? lockfile.images[ref.key] : undefined;
    if (entry === undefined) {
      issues.push(issue('DW1013', `image ${ref.written} is locked but ${ref.written === ref.key ? 'it' : ref.key} is not in the lockfile`, 'run `dockwright lock` to resolve it and record its digest in dockwright.lock.yaml', ref.path));
    } else digests.set(ref.key, entry.digest);
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  const stages = [...mapImageRefs(ast, (ref) => withDigest(ref, digests)).stages];
  const final = stages.at(-1);
  const base = final === undefined ? undefined : baseImage({ ...ast, stages }, final);
  if (final !== undefined && base?.locked === true && base.digest !== undefined && typeof base.tag === 'string' && !hasLabel(final, BASE_NAME_LABEL) && !hasLabel(final, BASE_DIGEST_LABEL)) {
    const label: Instruction = {
      kind: 'Label',
      pairs: [
        { key: BASE_NAME_LABEL, value: lockKey(base.name, base.tag) },
        { key: BASE_DIGEST_LABEL, value: base.digest },
      ],
    };
    stages[stages.length - 1] = { ...final, instructions: [label, ...final.instructions] };
  }
  const syntaxKey = wanted.find((w) => w.path.instruction === '# syntax')?.key;
  const syntaxDigest = syntaxKey === undefined ? undefined : digests.get(syntaxKey);
  return {
    ok: true,
    ast: deepFreeze({ ...ast, ...(syntaxDigest === undefined ? {} : { syntax: `${ast.syntax ?? ''}@${syntaxDigest}` }), stages }),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
