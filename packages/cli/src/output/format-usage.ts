import type { CliIssue } from '../errors/cli-issue.js';
import type { Colors } from './colors.js';

/**
 * A usage or configuration problem as text: `✖ DWC1002 unknown option --chekc` and its hint.
 * Needs nothing from core, so a mistyped command line answers fast.
 *
 * @example
 * ```ts
 * io.err(formatUsage(error.issues, io.errColors));
 * ```
 */
export function formatUsage(issues: readonly CliIssue[], c: Colors): string {
  return issues.map((i) => `${c.red('✖')} ${c.bold(i.code)} ${i.message}${i.location === undefined ? '' : ` (at ${i.location})`}\n  ${c.dim(`→ ${i.hint}`)}\n`).join('');
}
