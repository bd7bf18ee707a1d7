import { watch, type FSWatcher } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { skippedDirectories } from '../targets/expand-glob.js';

/**
 * Every directory under `root` (itself included) a target could be in, as the target search
 * walks them: node_modules, dist and dot-directories are left out.
 *
 * @example
 * ```ts
 * projectDirs('/repo'); // ['/repo', '/repo/services', '/repo/services/api', ...]
 * ```
 */
export function projectDirs(root: string): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    dirs.push(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && !skippedDirectories.has(e.name)) walk(join(dir, e.name));
  };
  walk(root);
  return dirs;
}

/**
 * One `fs.watch` per directory (not recursive: Node's recursive watch on Linux walks
 * node_modules too), reporting the path of each file that changes in any of them. `set()` adds
 * and drops directories to match a new list.
 *
 * @example
 * ```ts
 * const watcher = new DirWatcher((path) => console.log(`${path} changed`));
 * watcher.set(projectDirs('/repo'));
 * watcher.close();
 * ```
 */
export class DirWatcher {
  readonly #watchers = new Map<string, FSWatcher>();
  readonly #onChange: (path: string) => void;

  constructor(onChange: (path: string) => void) {
    this.#onChange = onChange;
  }

  /** How many directories are watched. */
  get size(): number {
    return this.#watchers.size;
  }

  set(dirs: Iterable<string>): void {
    const wanted = new Set(dirs);
    for (const [dir, w] of this.#watchers) {
      if (!wanted.has(dir)) {
        w.close();
        this.#watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.#watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => {
          // A directory removed under us, or a platform without names: the directory itself changed.
          this.#onChange(name === null ? dir : join(dir, name.toString()));
        });
        w.on('error', () => {
          w.close();
          this.#watchers.delete(dir);
        });
        this.#watchers.set(dir, w);
      } catch {
        // Gone already, or not readable: nothing to watch there.
      }
    }
  }

  close(): void {
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
  }
}
