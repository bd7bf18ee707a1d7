import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The text of the `.dockerignore` a build of a Dockerfile reads, picked as BuildKit picks it:
 * `<Dockerfile>.dockerignore` beside it, else `.dockerignore` at the root of the build context
 * (the Dockerfile's directory unless given); undefined when there is none.
 *
 * @example
 * ```ts
 * dockerignoreFor('/repo/api/Dockerfile'); // the text of /repo/api/Dockerfile.dockerignore or /repo/api/.dockerignore
 * ```
 */
export function dockerignoreFor(dockerfilePath: string, context: string = dirname(dockerfilePath)): string | undefined {
  return readIfThere(`${dockerfilePath}.dockerignore`) ?? readIfThere(join(context, '.dockerignore'));
}
