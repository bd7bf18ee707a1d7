import type { DockerfileNode } from '../ast/dockerfile.js';
import type { ImageRef } from '../ast/image.js';
import type { IssuePath } from '../errors/issue.js';
import { splitImageRef } from './image-name.js';
import { imageRefs } from '../ast/image-refs.js';
import { lockKey } from './lock-key.js';

// Which images of a model are locked, and which still lack their digest: questions about the
// model alone, so render can refuse an unresolved one without knowing of lockfiles.

/** One image a Dockerfile takes from the lockfile, and where it is used. */
export interface LockedReference {
  /** The lockfile key, `docker.io/library/node:22.11-bookworm-slim`. */
  readonly key: string;
  /** The reference as written, `node:22.11-bookworm-slim`. */
  readonly written: string;
  /** Where: `{ stage, instruction }`, or `{ instruction: '# syntax' }` for the frontend. */
  readonly path: IssuePath;
}

function written(ref: ImageRef): string {
  return `${ref.name}:${typeof ref.tag === 'string' ? ref.tag : ''}`;
}


/**
 * Every image of a Dockerfile AST whose digest comes from the lockfile (FROM, `COPY --from`,
 * `RUN --mount from=`, and the `# syntax` frontend), in the order they appear, one per key.
 * This is what `dockwright lock` resolves.
 *
 * @example
 * ```ts
 * lockedImages(dockerfile(app).ast); // [{ key: 'docker.io/library/node:22.11-bookworm-slim', written: 'node:22.11-bookworm-slim', path: { stage: 'app', instruction: 'FROM' } }]
 * ```
 */
export function lockedImages(ast: DockerfileNode): readonly LockedReference[] {
  const found = new Map<string, LockedReference>();
  if (ast.syntax !== undefined && ast.syntaxLocked === true) {
    const parts = splitImageRef(ast.syntax);
    if (parts.tag !== undefined && parts.digest === undefined) {
      const key = lockKey(parts.name, parts.tag);
      found.set(key, { key, written: ast.syntax, path: { instruction: '# syntax' } });
    }
  }
  for (const { ref, path } of imageRefs(ast)) {
    if (ref.locked !== true || typeof ref.tag !== 'string') continue;
    const key = lockKey(ref.name, ref.tag);
    if (!found.has(key)) found.set(key, { key, written: written(ref), path: { stage: path.stage, instruction: path.instruction } });
  }
  return [...found.values()];
}

/**
 * The locked images of an AST that have no digest yet: what `render()` refuses (DW1013).
 *
 * @example
 * ```ts
 * unresolvedLocks(dockerfile(app).ast).length; // 1 until resolveLocks() fills it in
 * ```
 */
export function unresolvedLocks(ast: DockerfileNode): readonly LockedReference[] {
  const pending = new Set<string>();
  if (ast.syntaxLocked === true && ast.syntax !== undefined && !ast.syntax.includes('@')) {
    const parts = splitImageRef(ast.syntax);
    if (parts.tag !== undefined) pending.add(lockKey(parts.name, parts.tag));
  }
  for (const { ref } of imageRefs(ast)) {
    if (ref.locked === true && ref.digest === undefined && typeof ref.tag === 'string') pending.add(lockKey(ref.name, ref.tag));
  }
  // Nearly every model has none: no second walk for them (render asks on every call).
  return pending.size === 0 ? [] : lockedImages(ast).filter((r) => pending.has(r.key));
}
