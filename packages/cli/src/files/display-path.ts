import { relative, sep } from 'node:path';

/**
 * A path as the CLI shows it: relative to the working directory, `/`-separated, `.` for the
 * directory itself.
 *
 * @example
 * ```ts
 * displayPath('/repo', '/repo/services/api/Dockerfile'); // 'services/api/Dockerfile'
 * ```
 */
export function displayPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}
