import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { skippedDirectories } from '../targets/expand-glob.js';

/**
 * Every file under `dir` whose name matches `pattern`, as absolute paths in a stable order,
 * skipping node_modules, dist and dot-directories. Unreadable directories are passed over.
 *
 * @example
 * ```ts
 * findFiles('/repo', /\.dockerfile\.ts$/); // ['/repo/services/api/service.dockerfile.ts']
 * ```
 */
export function findFiles(dir: string, pattern: RegExp): string[] {
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
      } else if (pattern.test(e.name) && (e.isFile() || e.isSymbolicLink())) {
        found.push(join(current, e.name));
      }
    }
  };
  walk(dir);
  return found;
}
