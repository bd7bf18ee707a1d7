import { AsyncLocalStorage } from 'node:async_hooks';
import { DockwrightError } from '@dockwright/core';
import { SNAPSHOT_KEY, type Snapshot } from './shared/current-snapshot.js';

type Global = { [SNAPSHOT_KEY]?: AsyncLocalStorage<Snapshot> };

function storage(): AsyncLocalStorage<Snapshot> {
  const global = globalThis as Global;
  global[SNAPSHOT_KEY] ??= new AsyncLocalStorage<Snapshot>();
  return global[SNAPSHOT_KEY];
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Runs `work` (and what it awaits, dynamic imports included) as one look at the project:
 * detection on the disk may read a workspace's package list once and trust it until `work`
 * returns or its promise settles, instead of checking every package.json again for each service.
 * A timer or watcher that `work` starts and that fires later detects outside the snapshot. `dockwright render`
 * runs each pass in one, so a monorepo of N services reads its workspace once, not N times.
 * Use it where the files do not change while `work` runs; outside one, every detection checks
 * the disk again (a file edited between two calls is always seen).
 *
 * @example
 * ```ts
 * import { detectNode, inProjectSnapshot, nodePreset } from '@dockwright/presets';
 *
 * const files = await inProjectSnapshot(async () => ['services/api', 'services/web'].map((dir) => nodePreset(detectNode(dir))));
 * ```
 */
export function inProjectSnapshot<T>(work: () => T): T {
  if (typeof work !== 'function') {
    const got = work === null ? 'null' : Array.isArray(work) ? 'an array' : typeof work;
    throw new DockwrightError([
      { code: 'DW9005', message: `inProjectSnapshot(): work must be a function, got ${got}`, hint: 'pass the work to run, such as () => nodePreset(detectNode(dir))', path: { instruction: 'inProjectSnapshot()' } },
    ]);
  }
  const snapshot: Snapshot = { open: true };
  const close = () => {
    snapshot.open = false;
  };
  let result: T;
  try {
    result = storage().run(snapshot, work);
  } catch (error) {
    close();
    throw error;
  }
  if (!isThenable(result)) {
    close();
    return result;
  }
  return result.then(
    (value) => {
      close();
      return value;
    },
    (error: unknown) => {
      close();
      throw error;
    },
  ) as T;
}
