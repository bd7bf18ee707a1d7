import { cliIssue } from '../errors/cli-issue.js';
import type { Colors } from './colors.js';
import { formatProblems } from './format-problems.js';

// Loaded by cli.ts before any command, so nothing here imports @dockwright/core.

/**
 * The message for output the CLI could not write (DWC3007): `dockwright render > /dev/full`, a
 * closed descriptor. The command's result is lost, so it exits 1.
 *
 * @example
 * ```ts
 * process.stderr.write(outputFailure('stdout', error, colors(false)));
 * // '✖ DWC3007 cannot write to stdout: ENOSPC (no space left on device)\n  → ...'
 * ```
 */
export function outputFailure(stream: 'stdout' | 'stderr', error: NodeJS.ErrnoException, c: Colors): string {
  const reason = error.code === undefined ? error.message : `${error.code} (${error.message.replace(/^\w+: /, '').replace(/, write$/, '')})`;
  const issue = cliIssue('DWC3007', `cannot write to ${stream}: ${reason}`, `check where ${stream} goes: free space on that disk, or a file or pipe that can be written`);
  return formatProblems([issue], c);
}
