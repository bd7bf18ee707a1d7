import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { skippedDirectories } from './expand-glob.js';

/** The file names that are targets without a configuration file. */
export const targetFilePattern = /\.dockerfile\.(?:ts|mts|js|mjs)$/;

/**
 * Every `*.dockerfile.ts` (`.mts`, `.js`, `.mjs`) under `dir`, as absolute paths in a stable order,
 * skipping node_modules, dist and dot-directories.
 *
 * @example
 * ```ts
 * discoverTargets('/repo'); // ['/repo/services/api/service.dockerfile.ts', ...]
 * ```
 */
export function discoverTargets(dir: string): string[] {
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
      } else if (targetFilePattern.test(e.name) && (e.isFile() || e.isSymbolicLink())) {
        found.push(join(current, e.name));
      }
    }
  };
  walk(dir);
  return found;
}
