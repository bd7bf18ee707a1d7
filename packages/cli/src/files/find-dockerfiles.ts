import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { skippedDirectories } from '../targets/expand-glob.js';

/** Names of written Dockerfiles: `Dockerfile`, `Dockerfile.dev`, `api.Dockerfile`; not `*.dockerfile.ts`. */
export const dockerfilePattern = /^(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/;
const sourceFile = /\.(?:ts|mts|cts|js|mjs|cjs|md|json|ya?ml)$/;

/**
 * True for a file name that is a written Dockerfile.
 *
 * @example
 * ```ts
 * isDockerfileName('Dockerfile.dev'); // true
 * isDockerfileName('service.dockerfile.ts'); // false
 * ```
 */
export function isDockerfileName(name: string): boolean {
  return dockerfilePattern.test(name) && !sourceFile.test(name);
}

/**
 * Every written Dockerfile under `dir`, as absolute paths in a stable order, skipping
 * node_modules, dist and dot-directories.
 *
 * @example
 * ```ts
 * findDockerfiles('/repo'); // ['/repo/Dockerfile', '/repo/services/api/Dockerfile']
 * ```
 */
export function findDockerfiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !skippedDirectories.has(e.name)) walk(join(current, e.name));
      } else if (isDockerfileName(e.name) && (e.isFile() || e.isSymbolicLink())) found.push(join(current, e.name));
    }
  };
  walk(dir);
  return found;
}
