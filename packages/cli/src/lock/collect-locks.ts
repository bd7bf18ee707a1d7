import type { LockedReference } from '@dockwright/core';
import type { CliIssue } from '../errors/cli-issue.js';
import { displayPath } from '../files/display-path.js';
import type { Phase } from '../render/planned-file.js';
import { loadTarget } from '../targets/load-target.js';
import type { Target } from '../targets/target.js';

/** One locked image of the project and the targets that use it. */
export interface CollectedLock {
  readonly key: string;
  /** As first written, e.g. `node:22.11-bookworm-slim`. */
  readonly written: string;
  /** The target modules that use it, relative to the working directory. */
  readonly usedBy: readonly string[];
}

/** A target that could not be loaded, so its images are unknown. */
export interface FailedTarget {
  readonly file: string;
  readonly phase: Phase;
  readonly issues: readonly CliIssue[];
}

/**
 * Loads one target and lists the locked images of every Dockerfile it exports (FROM,
 * `COPY --from`, `RUN --mount from=`, `# syntax`), or how it failed.
 *
 * @example
 * ```ts
 * const found = await targetLocks(target, '/repo');
 * if (found.ok) console.log(found.locks.map((l) => l.key));
 * ```
 */
export async function targetLocks(target: Target, cwd: string): Promise<{ ok: true; file: string; locks: readonly LockedReference[] } | ({ ok: false } & FailedTarget)> {
  const file = displayPath(cwd, target.file);
  const loaded = await loadTarget(target, cwd);
  if (!loaded.ok) return { ok: false, file, phase: loaded.phase, issues: loaded.issues };
  // `locks` is missing on Dockerfiles from a copy of core without lockfiles: they lock nothing.
  return { ok: true, file, locks: loaded.entries.flatMap((e) => (e.dockerfile as { locks?: readonly LockedReference[] }).locks ?? []) };
}

/**
 * Merges the locked images of several targets into one list sorted by key.
 *
 * @example
 * ```ts
 * mergeLocks([{ file: 'api/service.dockerfile.ts', locks }]); // [{ key, written, usedBy: ['api/service.dockerfile.ts'] }]
 * ```
 */
export function mergeLocks(found: readonly { readonly file: string; readonly locks: readonly LockedReference[] }[]): CollectedLock[] {
  const byKey = new Map<string, { key: string; written: string; usedBy: string[] }>();
  for (const { file, locks } of found) {
    for (const lock of locks) {
      const seen = byKey.get(lock.key) ?? { key: lock.key, written: lock.written, usedBy: [] };
      if (!seen.usedBy.includes(file)) seen.usedBy.push(file);
      byKey.set(lock.key, seen);
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
