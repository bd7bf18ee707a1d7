// The set-up of the test files that run the binary against the engine (vitest hooks: kept out of
// support/cli.ts, which the benchmarks import outside vitest).
import { afterAll, beforeAll } from 'vitest';
import { buildCli, cleanup } from '../../packages/cli/test/support/cli.js';
import { aliasBaseImages } from './cli.js';
import { removeImages, requireEngine } from './docker.js';
import { npmRegistry } from './node-apps.js';

/**
 * The set-up of a test file that runs the binary against the engine: the engine must answer
 * (and the local npm registry, with `npm`), the base images get their public names, the binary
 * is built; afterwards every image pushed to `made` and the projects are removed.
 *
 * @example
 * ```ts
 * const real = realBuilds({ npm: true });
 * it('builds', async () => { await dockwright(real.cli(), ['build'], dir); });
 * ```
 */
export function realBuilds(options: { readonly npm?: boolean } = {}): { cli(): string; readonly made: string[] } {
  const made: string[] = [];
  let cli = '';
  beforeAll(async () => {
    await requireEngine();
    if (options.npm === true) npmRegistry();
    made.push(...(await aliasBaseImages()));
    cli = await buildCli();
  });
  afterAll(async () => {
    await removeImages(...made);
    cleanup();
  });
  return { cli: () => cli, made };
}
