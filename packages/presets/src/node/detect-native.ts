// Whether installing a Node project compiles native code (node-gyp), which needs python3, make
// and g++ in the install stages. The rule, in docs/presets.md:
//   1. the project, or a `file:` dependency of it, has a binding.gyp;
//   2. a dependency (package.json or lockfile) is one of KNOWN_NATIVE: packages that compile from
//      source when their prebuilt binary cannot be downloaded (it comes from GitHub releases,
//      which a locked-down build cannot reach);
//   3. package-lock.json: a package with an install script that depends on a native build helper
//      (nan, node-addon-api, node-gyp, prebuild-install, node-pre-gyp, cmake-js).
// Packages whose binaries come as npm packages (sharp 0.33+, esbuild, @swc/core) or inside the
// tarball (bufferutil, utf-8-validate through node-gyp-build) need no compiler, and are not named.

/** Native packages that fall back to compiling from source. */
export const KNOWN_NATIVE: readonly string[] = Object.freeze([
  'better-sqlite3', 'bcrypt', 'sqlite3', 'canvas', 'node-pty', 're2', 'cpu-features', 'libxmljs2', 'isolated-vm', 'microtime', 'kerberos', 'deasync',
]);

const HELPERS = ['nan', 'node-addon-api', 'node-gyp', 'prebuild-install', 'node-pre-gyp', '@mapbox/node-pre-gyp', 'cmake-js'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The reasons a project's install compiles native code, empty when it does not.
 *
 * @example
 * ```ts
 * detectNative(pkg, 'package-lock.json', lockText, (p) => existsSync(p)); // ['better-sqlite3']
 * ```
 */
export function detectNative(
  pkg: Record<string, unknown>,
  lockfile: string | undefined,
  lockText: string | undefined,
  exists: (path: string) => boolean,
): readonly string[] {
  const reasons = new Set<string>();
  if (exists('binding.gyp')) reasons.add('binding.gyp');
  const deps: Record<string, unknown> = {};
  for (const field of ['dependencies', 'optionalDependencies', 'devDependencies']) {
    const v = pkg[field];
    if (typeof v === 'object' && v !== null) Object.assign(deps, v);
  }
  for (const [name, spec] of Object.entries(deps)) {
    if (typeof spec === 'string' && /^(?:file|link):/.test(spec) && exists(`${spec.replace(/^(?:file|link):/, '').replace(/\/$/, '')}/binding.gyp`)) {
      reasons.add(`${name} (binding.gyp)`);
    }
    if (KNOWN_NATIVE.includes(name)) reasons.add(name);
  }
  if (lockText !== undefined) {
    for (const name of KNOWN_NATIVE) {
      if (new RegExp(`(?:^|[\\s"'/])${escape(name)}(?:@|"|:)`, 'm').test(lockText)) reasons.add(name);
    }
    if (lockfile === 'package-lock.json' || lockfile === 'npm-shrinkwrap.json') {
      for (const name of installScriptsWithHelpers(lockText)) reasons.add(name);
    }
  }
  return [...reasons].sort();
}

/** package-lock.json v2/v3 entries with `hasInstallScript` that depend on a build helper. */
function installScriptsWithHelpers(text: string): string[] {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch {
    return [];
  }
  const packages = (lock as { packages?: unknown }).packages;
  if (typeof packages !== 'object' || packages === null) return [];
  const found: string[] = [];
  for (const [path, entry] of Object.entries(packages as Record<string, unknown>)) {
    if (path === '' || typeof entry !== 'object' || entry === null) continue;
    const e = entry as { hasInstallScript?: unknown; dependencies?: unknown; link?: unknown };
    if (e.hasInstallScript !== true || e.link === true) continue;
    const deps = typeof e.dependencies === 'object' && e.dependencies !== null ? Object.keys(e.dependencies) : [];
    if (deps.some((d) => HELPERS.includes(d))) found.push(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return found;
}
