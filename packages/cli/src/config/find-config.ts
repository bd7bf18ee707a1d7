import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';

/** The names a configuration file may have, in the order they are looked for. */
export const configNames: readonly string[] = Object.freeze(['dockwright.config.ts', 'dockwright.config.mts', 'dockwright.config.js', 'dockwright.config.mjs']);

/**
 * The configuration file: the one given with `--config` (which must exist), else the first of
 * `configNames` in `cwd`, else undefined.
 *
 * @example
 * ```ts
 * findConfig('/repo', undefined); // '/repo/dockwright.config.ts'
 * ```
 */
export function findConfig(cwd: string, given: string | undefined): string | undefined {
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!existsSync(file)) throw new UsageError([cliIssue('DWC1004', `no configuration file ${given}`, 'check the path given to --config')]);
    return file;
  }
  return configNames.map((name) => join(cwd, name)).find((file) => existsSync(file));
}
