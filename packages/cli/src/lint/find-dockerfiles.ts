import { findFiles } from '../files/find-files.js';

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
  return findFiles(dir, dockerfilePattern);
}
