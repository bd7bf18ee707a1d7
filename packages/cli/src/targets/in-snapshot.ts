import { registerLoader } from './module-loader.js';

/**
 * Runs one pass over the targets (render, lock) as one look at the project: the presets'
 * detection then reads a monorepo's workspace once for all its services instead of once each
 * (see `inProjectSnapshot()` in @dockwright/presets). The files do not change during a pass, and
 * `--watch` starts a new process for each.
 *
 * @example
 * ```ts
 * const outcomes = await inSnapshot(() => mapConcurrent(targets, 8, (t) => planTarget(t, cwd)));
 * ```
 */
export async function inSnapshot<T>(work: () => Promise<T>): Promise<T> {
  // In the workspace the package is TypeScript source: the loader comes first.
  await registerLoader();
  let snapshot: typeof import('@dockwright/presets/snapshot') | undefined;
  try {
    snapshot = await import('@dockwright/presets/snapshot');
  } catch {
    // A copy of the presets from before the snapshot: the pass runs as it did then, only slower.
  }
  return snapshot === undefined ? work() : snapshot.inProjectSnapshot(work);
}
