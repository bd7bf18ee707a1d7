import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { detectGo, detectJava, detectNode, type GoProject, type JavaProject, type NodeProject } from '@dockwright/presets';
import { detectPythonOrRust, type PythonOrRust } from './detect-python-rust.js';
import { isDockwrightError } from '@dockwright/core';
import { skippedDirectories } from '../targets/expand-glob.js';
import { isStaticExecutable } from './static-binary.js';

/** A project `init` writes targets for: a Node service, a Go module, a Python app, a Rust crate, a Java project, or static binaries. */
export type DetectedProject =
  | { readonly kind: 'node'; readonly dir: string; readonly project: NodeProject; readonly startScript?: string }
  | { readonly kind: 'go'; readonly dir: string; readonly project: GoProject }
  | PythonOrRust
  | { readonly kind: 'java'; readonly dir: string; readonly project: JavaProject }
  | { readonly kind: 'static'; readonly dir: string; readonly binaries: readonly string[] };

/** A directory that was looked at and left out, and why: shown to the user. */
export interface Skipped {
  readonly dir: string;
  readonly reason: string;
}

/** How deep under the directory given `init` looks for projects: `services/api` is 2, `apps/web/site` 3. */
const DEPTH = 4;
/** Directories never searched besides node_modules, dist and dot-directories. */
const NOT_PROJECTS = new Set(['vendor', 'testdata', 'build', 'coverage', 'target']);

/** A package.json's scripts and whether it declares workspaces, or undefined when it is not valid JSON. */
function readManifest(dir: string): { scripts: Record<string, unknown>; workspaces: boolean } | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: unknown; workspaces?: unknown };
    const scripts = typeof pkg.scripts === 'object' && pkg.scripts !== null ? (pkg.scripts as Record<string, unknown>) : {};
    return { scripts, workspaces: pkg.workspaces !== undefined };
  } catch {
    return undefined;
  }
}

/** The static executables directly in `dir`, `dir/bin` and `dir/dist`, relative to `dir`. */
function staticBinaries(dir: string): string[] {
  const found: string[] = [];
  for (const sub of ['', 'bin', 'dist']) {
    const where = join(dir, sub);
    let names: string[] = [];
    try {
      names = readdirSync(where).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(where, name);
      try {
        if (statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0 && isStaticExecutable(path)) found.push(sub === '' ? name : `${sub}/${name}`);
      } catch {
        // unreadable: not ours to judge
      }
    }
  }
  return found;
}

/**
 * The projects under `root` (itself included, down to 4 levels, skipping node_modules, dist,
 * vendor, build output and dot-directories), read with the presets' own detection:
 *
 * - a `package.json` with a `start` script (or, for `root` itself, a `main`) is a Node service,
 *   with its package manager and, inside a pnpm, npm or yarn workspace, the workspace packages
 *   it needs (`detectNode`); a workspace root and libraries without a start script are not;
 * - a `go.mod` is a Go module, with its main packages (`detectGo`);
 * - a `Cargo.toml` with binaries is a Rust crate (`detectRust`); a `pyproject.toml`,
 *   `requirements.txt`, `uv.lock` or `poetry.lock` a Python app (`detectPython`);
 * - a `pom.xml`, `build.gradle` or `build.gradle.kts` is a Java project (`detectJava`);
 * - when nothing else is found at `root`: static executables in it, `bin/` or `dist/`.
 *
 * What was looked at and left out is returned with the reason.
 *
 * @example
 * ```ts
 * const { projects } = detectProjects('/repo');
 * projects.map((p) => p.kind); // ['node', 'node', 'go']
 * ```
 */
export function detectProjects(root: string): { projects: DetectedProject[]; skipped: Skipped[] } {
  const projects: DetectedProject[] = [];
  const skipped: Skipped[] = [];
  const rel = (dir: string) => relative(root, dir).split(sep).join('/') || '.';
  const visit = (dir: string, depth: number): void => {
    if (existsSync(join(dir, 'go.mod'))) {
      const project = detectGo(dir);
      if (project.commands.length === 0) skipped.push({ dir: rel(dir), reason: `Go module ${project.module} has no main package` });
      else projects.push({ kind: 'go', dir, project });
      // A Go module's subdirectories are its packages, not other projects.
      return;
    }
    if (['pom.xml', 'build.gradle', 'build.gradle.kts'].some((f) => existsSync(join(dir, f)))) {
      try {
        projects.push({ kind: 'java', dir, project: detectJava(dir) });
      } catch (error) {
        if (!isDockwrightError(error)) throw error;
        skipped.push({ dir: rel(dir), reason: error.issues[0]?.message ?? error.message });
      }
      // A Java project's subdirectories are its sources (or modules, which init does not split).
      return;
    }
    const found = detectPythonOrRust(dir, rel(dir));
    if (found !== undefined) {
      if ('reason' in found) skipped.push({ dir: found.dir, reason: found.reason });
      else projects.push(found);
      // A Python app's or a crate's subdirectories are its packages and modules.
      if (!('reason' in found) || found.descend !== true) return;
    }
    if (existsSync(join(dir, 'package.json'))) {
      const manifest = readManifest(dir);
      const scripts = manifest?.scripts ?? {};
      if (manifest === undefined) skipped.push({ dir: rel(dir), reason: 'package.json is not valid JSON' });
      else if (manifest.workspaces || existsSync(join(dir, 'pnpm-workspace.yaml'))) {
        // The root of a workspace: its services are below it.
      } else if (typeof scripts['start'] === 'string' || dir === root) {
        try {
          const project = detectNode(dir);
          if (typeof scripts['start'] === 'string' || project.start !== undefined) {
            projects.push({ kind: 'node', dir, project, ...(typeof scripts['start'] === 'string' ? { startScript: scripts['start'] } : {}) });
          } else skipped.push({ dir: rel(dir), reason: 'no start script or main: a library, not a service' });
        } catch (error) {
          if (!isDockwrightError(error)) throw error;
          skipped.push({ dir: rel(dir), reason: error.issues[0]?.message ?? error.message });
        }
      } else {
        skipped.push({ dir: rel(dir), reason: 'no start script: a library, not a service' });
      }
    }
    if (depth >= DEPTH) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && !skippedDirectories.has(e.name) && !NOT_PROJECTS.has(e.name)) visit(join(dir, e.name), depth + 1);
    }
  };
  visit(root, 0);
  if (projects.length === 0) {
    const binaries = staticBinaries(root);
    if (binaries.length > 0) projects.push({ kind: 'static', dir: root, binaries });
  }
  return { projects, skipped };
}
