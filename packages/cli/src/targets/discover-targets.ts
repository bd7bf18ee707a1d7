import { findFiles } from '../files/find-files.js';

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
  return findFiles(dir, targetFilePattern);
}
