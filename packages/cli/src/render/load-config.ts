import { dirname } from 'node:path';
import { isDockwrightError } from '@dockwright/core';
import { validateConfig } from '../config/validate-config.js';
import { findConfig } from '../config/find-config.js';
import { describeThrown } from '../errors/describe-thrown.js';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { importDefault } from '../targets/module-loader.js';
import type { LoadedConfig } from '../targets/resolve-targets.js';

/**
 * Finds, loads and checks the configuration file. A file that fails to load or holds a wrong
 * value throws a UsageError (DWC2001, DWC2002: exit 2); no file gives undefined.
 *
 * @example
 * ```ts
 * const config = await loadConfig('/repo', undefined);
 * ```
 */
export async function loadConfig(cwd: string, given: string | undefined): Promise<LoadedConfig | undefined> {
  const file = findConfig(cwd, given);
  if (file === undefined) return undefined;
  const name = displayPath(cwd, file);
  let loaded: { hasDefault: boolean; value: unknown };
  try {
    loaded = await importDefault(file);
  } catch (thrown) {
    if (isDockwrightError(thrown)) throw new UsageError([cliIssue('DWC2001', `${name} threw: ${thrown.message.split('\n')[0] ?? ''}`, thrown.hint)]);
    const { message, location } = describeThrown(thrown, cwd, file);
    throw new UsageError([cliIssue('DWC2001', `${name} failed to load: ${message}`, `fix ${name}`, {}, location)]);
  }
  const checked = validateConfig(loaded.hasDefault ? loaded.value : undefined, name);
  if (!checked.ok) throw new UsageError(checked.issues);
  return { file, dir: dirname(file), config: checked.config };
}
