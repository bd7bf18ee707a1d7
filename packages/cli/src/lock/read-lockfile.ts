import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyLockfile, LOCKFILE_NAME, parseLockfile, type Lockfile } from '@dockwright/core';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import type { LoadedConfig } from '../targets/resolve-targets.js';

/** The project's lockfile as read: its path, its contents, and its exact text (undefined: no file). */
export interface ReadLockfile {
  readonly path: string;
  readonly lockfile: Lockfile;
  readonly text: string | undefined;
}

/**
 * Where the project's lockfile is: `dockwright.lock.yaml` beside the configuration file, or in
 * the working directory when there is none.
 *
 * @example
 * ```ts
 * lockfilePath('/repo', undefined); // '/repo/dockwright.lock.yaml'
 * ```
 */
export function lockfilePath(cwd: string, config: LoadedConfig | undefined): string {
  return join(config?.dir ?? cwd, LOCKFILE_NAME);
}

/**
 * Reads the project's lockfile; no file reads as an empty lockfile. A malformed one throws a
 * UsageError (exit 2) with every problem and its line.
 *
 * @example
 * ```ts
 * const { lockfile } = await readLockfile(lockfilePath(cwd, config), cwd);
 * ```
 */
export async function readLockfile(path: string, cwd: string): Promise<ReadLockfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, lockfile: emptyLockfile(), text: undefined };
    throw new UsageError([cliIssue('DWC4010', `${displayPath(cwd, path)} cannot be read: ${code ?? String(error)}`, 'check the file permissions')]);
  }
  const parsed = parseLockfile(text);
  if (!parsed.ok) {
    const name = displayPath(cwd, path);
    const [first, ...rest] = parsed.issues.map((i) => ({ ...i, message: i.message.replace(/^lockfile/, name) }));
    throw new UsageError([first as (typeof parsed.issues)[0], ...rest]);
  }
  return { path, lockfile: parsed.lockfile, text };
}
