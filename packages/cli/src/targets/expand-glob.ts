import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** Directories never searched: dependencies and build output. Dot-directories are skipped too. */
export const skippedDirectories: ReadonlySet<string> = new Set(['node_modules', 'dist']);

/**
 * True when a path has a glob character (`*`, `?`).
 *
 * @example
 * ```ts
 * hasGlob('services/*\/service.dockerfile.ts'); // true
 * ```
 */
export function hasGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

function segmentRegex(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The files under `root` that match a glob of `/`-separated segments with `*`, `?` and `**`,
 * as `/`-separated paths relative to `root`, sorted. Wildcards do not match dot-files, and `**`
 * does not enter node_modules, dist or dot-directories.
 *
 * @example
 * ```ts
 * expandGlob('/repo', 'services/*\/service.dockerfile.ts'); // ['services/api/service.dockerfile.ts', ...]
 * ```
 */
export function expandGlob(root: string, pattern: string): string[] {
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const found = new Set<string>();
  const walk = (rel: string, i: number): void => {
    const abs = join(root, rel);
    const segment = segments[i];
    if (segment === undefined) {
      if (isFile(abs)) found.add(rel);
      return;
    }
    if (segment === '**') {
      walk(rel, i + 1);
      for (const e of entries(abs)) {
        if (e.isDirectory() && !e.name.startsWith('.') && !skippedDirectories.has(e.name)) walk(rel === '' ? e.name : `${rel}/${e.name}`, i);
      }
      return;
    }
    if (!hasGlob(segment)) {
      walk(rel === '' ? segment : `${rel}/${segment}`, i + 1);
      return;
    }
    const re = segmentRegex(segment);
    for (const e of entries(abs)) {
      if (e.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (re.test(e.name)) walk(rel === '' ? e.name : `${rel}/${e.name}`, i + 1);
    }
  };
  walk('', 0);
  return [...found].sort();
}
