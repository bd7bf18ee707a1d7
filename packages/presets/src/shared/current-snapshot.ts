// Browser-safe half of the project snapshot (in-project-snapshot.ts is the Node half): detection
// asks whether it runs inside one without importing node:async_hooks. The key is global so
// that two copies of this package (the CLI's and a target's) see the same snapshot.

/** Where `inProjectSnapshot()` keeps its AsyncLocalStorage, shared by every copy of the package. */
export const SNAPSHOT_KEY: unique symbol = Symbol.for('@dockwright/presets.projectSnapshot') as never;

/** One snapshot: open while its work runs, closed when the work has returned or settled. */
export interface Snapshot {
  open: boolean;
}

interface SnapshotStorage {
  getStore(): Snapshot | undefined;
}

/**
 * The open snapshot the detection under way runs in, or undefined. Inside one, a cache checked
 * against the disk once may be trusted until it closes. A timer or callback started inside the
 * work keeps the store after the work has ended; it is closed by then, so it is not trusted.
 */
export function currentSnapshot(): Snapshot | undefined {
  const store = (globalThis as { [SNAPSHOT_KEY]?: SnapshotStorage })[SNAPSHOT_KEY]?.getStore();
  return store?.open === true ? store : undefined;
}
