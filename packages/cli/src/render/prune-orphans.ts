import { randomBytes } from 'node:crypto';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readHead } from '../files/read-head.js';
import { HEADER_BYTES, readGeneratedHeader } from './generated-header.js';
import type { Orphan } from './find-orphans.js';

/** The files deleted (absolute paths) and, if one could not be, which and why. */
export interface PruneResult {
  readonly deleted: readonly string[];
  readonly failure?: { readonly path: string; readonly reason: string };
}

/** `EPERM operation not permitted`: the code and what it means, without the temporary name. */
function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const what = /^\w+: ([^,]+)/.exec(String(e.message))?.[1] ?? String(e.message);
  return `${e.code ?? 'error'} ${what}`;
}

/**
 * Deletes the orphans all together or not at all. Each file is first checked again (it must
 * still carry the header naming the same source, so a file edited since it was found is kept),
 * then renamed aside in its own directory; if any of that fails, every file already moved is
 * renamed back and nothing is deleted. Only then are the moved files removed (one that cannot be,
 * which takes a failing disk, is put back and reported).
 *
 * @example
 * ```ts
 * const { deleted, failure } = await pruneOrphans(orphans);
 * if (failure !== undefined) console.error(`${failure.path}: ${failure.reason}`);
 * ```
 */
export async function pruneOrphans(orphans: readonly Orphan[]): Promise<PruneResult> {
  const moved: { path: string; aside: string }[] = [];
  const restore = async () => {
    for (const m of moved.reverse()) await rename(m.aside, m.path).catch(() => undefined);
  };
  for (const orphan of orphans) {
    const head = await readHead(orphan.path, HEADER_BYTES);
    const named = head === undefined ? undefined : readGeneratedHeader(head);
    if (named === undefined || resolve(dirname(orphan.path), named) !== orphan.source) {
      await restore();
      return { deleted: [], failure: { path: orphan.path, reason: 'changed while dockwright ran; it no longer carries the same generated header' } };
    }
    const aside = join(dirname(orphan.path), `.${basename(orphan.path)}.${process.pid}.${randomBytes(4).toString('hex')}.prune`);
    try {
      await rename(orphan.path, aside);
    } catch (error) {
      await restore();
      return { deleted: [], failure: { path: orphan.path, reason: errorText(error) } };
    }
    moved.push({ path: orphan.path, aside });
  }
  // Removing a file just renamed in the same directory fails only if the disk does; then it is put back.
  const deleted: string[] = [];
  let failure: PruneResult['failure'];
  for (const m of moved) {
    try {
      await unlink(m.aside);
      deleted.push(m.path);
    } catch (error) {
      await rename(m.aside, m.path).catch(() => undefined);
      failure ??= { path: m.path, reason: errorText(error) };
    }
  }
  return failure === undefined ? { deleted } : { deleted, failure };
}
