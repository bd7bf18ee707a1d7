import { readFile } from 'node:fs/promises';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { isUsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { unifiedDiff } from '../files/unified-diff.js';
import { writeAtomic } from '../files/write-atomic.js';
import type { TargetOutcome } from '../render/planned-file.js';
import type { LoadedConfig } from '../targets/resolve-targets.js';
import { isGeneratedBake } from './make-bake-file.js';
import { plannedBake } from './planned-bake.js';

/** What happened to the bake file: as for a rendered file, and `failed` when it could not be planned or written. */
export interface BakeFileReport {
  readonly path: string;
  readonly status: 'created' | 'updated' | 'unchanged' | 'current' | 'missing' | 'stale' | 'failed';
  /** The bake target of each Dockerfile, by name. */
  readonly targets: readonly string[];
  /** For a stale or missing file with `check`: from the file on disk to what it should be. */
  readonly diff?: string;
  readonly issue?: CliIssue;
}

/**
 * Brings the bake file up to date with the rendered targets, or with `check` compares it. With
 * `always` false (as `render` calls it) only a bake file `dockwright bake` wrote is touched, and
 * undefined is returned when there is none; `bake` passes `always` to write it in any case. A
 * stale file under `check` is DWC5007; a configuration whose tags cannot be made is the file's
 * failure, not the render's.
 *
 * @example
 * ```ts
 * const bake = await settleBake(outcomes, config, '/repo', { check: true, always: false });
 * ```
 */
export async function settleBake(outcomes: readonly TargetOutcome[], config: LoadedConfig | undefined, cwd: string, options: { readonly check: boolean; readonly always: boolean }): Promise<BakeFileReport | undefined> {
  let planned: ReturnType<typeof plannedBake>;
  try {
    planned = plannedBake(outcomes, config, cwd);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    if (!options.always) return undefined;
    const path = displayPath(cwd, config?.dir ?? cwd);
    return { path, status: 'failed', targets: [], ...(error.issues[0] === undefined ? {} : { issue: error.issues[0] }) };
  }
  const path = displayPath(cwd, planned.path);
  const existing = await readFile(planned.path, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
  if (!options.always && (existing === undefined || !isGeneratedBake(existing))) return undefined;
  const base = { path, targets: planned.targets };
  if (existing === planned.text) return { ...base, status: options.check ? 'current' : 'unchanged' };
  if (options.check) {
    const status = existing === undefined ? 'missing' : 'stale';
    const diff = unifiedDiff(existing ?? '', planned.text, { from: existing === undefined ? '/dev/null' : `a/${path}`, to: `b/${path}` });
    const issue = cliIssue('DWC5007', `${path} is ${existing === undefined ? 'missing' : 'out of date'}: the targets or the build settings changed since it was written`, 'run `dockwright bake` (or `dockwright render`) to update it, and commit the result');
    return { ...base, status, diff, issue };
  }
  try {
    await writeAtomic(planned.path, planned.text);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ...base, status: 'failed', issue: cliIssue('DWC3004', `${path}: ${e.code ?? 'error'} ${e.message.replace(/^\w+: /, '')}`, 'check that the directory exists and is writable') };
  }
  return { ...base, status: existing === undefined ? 'created' : 'updated' };
}
