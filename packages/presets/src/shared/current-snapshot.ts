// Browser-safe half of the project snapshot (in-project-snapshot.ts is the Node half): detection
// asks whether it runs inside one without importing node:async_hooks. The key is global so
// that two copies of this package (the CLI's and a target's) see the same snapshot.

/** Where `inProjectSnapshot()` keeps its AsyncLocalStorage, shared by every copy of the package. */
export const SNAPSHOT_KEY: unique symbol = Symbol.for('@dockwright/presets.projectSnapshot') as never;

interface SnapshotStorage {
  getStore(): object | undefined;
}

/**
 * The snapshot the detection under way runs in, or undefined outside `inProjectSnapshot()`.
 * Inside one, a cache checked against the disk once may be trusted for the rest of it.
 */
export function currentSnapshot(): object | undefined {
  const storage = (globalThis as { [SNAPSHOT_KEY]?: SnapshotStorage })[SNAPSHOT_KEY];
  return storage?.getStore();
}
