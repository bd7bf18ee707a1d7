import { currentSnapshot, type Snapshot } from '../shared/current-snapshot.js';
import { projectFiles, type ProjectFiles } from '../shared/project-files.js';
import { join, listEntries, readJson, resolve, stamp } from '../shared/read-project.js';

/** A package of a workspace, as the scan read it from its package.json. */
export interface ScannedPackage {
  readonly name: string;
  /** Its directory relative to the workspace root (`services/api`). */
  readonly dir: string;
  /** Everything it depends on (dependencies and devDependencies), by name. */
  readonly deps: readonly string[];
  /** The names of its package.json scripts (`build`, `start`). */
  readonly scripts: readonly string[];
}

interface Scan {
  readonly globs: string;
  /** What the scan read, with the size and modification time each had then. */
  readonly stamps: ReadonlyMap<string, string>;
  readonly packages: readonly ScannedPackage[];
  /** The file source it was read from (held weakly: a project in memory is not kept alive by the cache). */
  readonly source: WeakRef<ProjectFiles>;
  /** The snapshot it was last checked in (see inProjectSnapshot). */
  checkedIn: Snapshot | undefined;
}

// One scan per workspace root: every service of a monorepo asks for the same one, and
// `dockwright render` detects all of them in one process.
const scans = new Map<string, Scan>();

/**
 * The packages a workspace's globs name (`dir/*`, `dir/**` one level deep, and plain paths), each
 * with its dependencies. Cached per root; the cache is used only while every directory listed and
 * every package.json read is as it was (same size and modification time), so a package added,
 * removed or edited is seen by the next call. Inside `inProjectSnapshot()` that check is made once
 * per snapshot: a monorepo's N services then stat its packages once, not N times.
 *
 * @example
 * ```ts
 * scanWorkspace('/repo', ['packages/*', 'services/*']).map((p) => p.name); // ['@shop/db', 'api', 'worker']
 * ```
 */
export function scanWorkspace(root: string, globs: readonly string[]): readonly ScannedPackage[] {
  const key = resolve(root);
  const globsKey = JSON.stringify(globs);
  const cached = scans.get(key);
  const source = projectFiles();
  const snapshot = currentSnapshot();
  if (cached !== undefined && cached.globs === globsKey && cached.source.deref() === source) {
    if (snapshot !== undefined && cached.checkedIn === snapshot) return cached.packages;
    if ([...cached.stamps].every(([path, was]) => stamp(path) === was)) {
      cached.checkedIn = snapshot;
      return cached.packages;
    }
  }
  const stamps = new Map<string, string>();
  const dirs: string[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    const clean = glob.replace(/\/$/, '');
    if (clean.endsWith('/*') || clean.endsWith('/**')) {
      const base = clean.replace(/\/\*\*?$/, '');
      const abs = join(key, base);
      // A directory's time changes when an entry is added or removed.
      stamps.set(abs, stamp(abs));
      const listed = listEntries(abs);
      if (listed === undefined) continue;
      for (const e of listed.map((entry) => entry.name).sort()) {
        const manifest = join(abs, e, 'package.json');
        const s = stamp(manifest);
        stamps.set(manifest, s);
        if (s !== '-') dirs.push(`${base}/${e}`);
      }
    } else {
      const manifest = join(key, clean, 'package.json');
      const s = stamp(manifest);
      stamps.set(manifest, s);
      if (s !== '-') dirs.push(clean);
    }
  }
  const packages = dirs.map((dir) => {
    const pkg = readJson(join(key, dir), 'package.json') ?? {};
    const deps = Object.keys({ ...(pkg['dependencies'] as object | undefined), ...(pkg['devDependencies'] as object | undefined) });
    const scripts = typeof pkg['scripts'] === 'object' && pkg['scripts'] !== null ? Object.keys(pkg['scripts']) : [];
    return Object.freeze({ name: String(pkg['name'] ?? dir), dir, deps: Object.freeze(deps), scripts: Object.freeze(scripts) });
  });
  scans.set(key, { globs: globsKey, stamps, packages, source: new WeakRef(source), checkedIn: snapshot });
  return packages;
}
