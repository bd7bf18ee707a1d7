import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { skippedDirectories } from '../targets/expand-glob.js';

/** Names of written Dockerfiles: `Dockerfile`, `Dockerfile.dev`, `api.Dockerfile`. */
export const dockerfilePattern = /^(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.[Dd]ockerfile)$/;

/**
 * Every Dockerfile under `dir`, as absolute paths in a stable order, skipping node_modules, dist
 * and dot-directories.
 *
 * @example
 * ```ts
 * findDockerfiles('/repo'); // ['/repo/Dockerfile', '/repo/services/api/Dockerfile']
 * ```
 */
export function findDockerfiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let names;
    try {
      names = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !skippedDirectories.has(e.name)) walk(join(current, e.name));
      } else if (dockerfilePattern.test(e.name) && (e.isFile() || e.isSymbolicLink())) {
        found.push(join(current, e.name));
      }
    }
  };
  walk(dir);
  return found;
}
