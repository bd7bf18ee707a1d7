import type { CliIssue } from '../errors/cli-issue.js';
import type { Colors } from './colors.js';

/**
 * Problems found in a file, each `✖ CODE message (at file:line:column)` and its hint, indented;
 * one line break after each. Warnings pass `mark` `⚠`.
 *
 * @example
 * ```ts
 * io.err(formatLocated(issues, io.errColors, '  '));
 * // '  ✖ DW0004 unknown instruction: FORM (at Dockerfile:2:1)\n    → write a Dockerfile instruction ...\n'
 * ```
 */
export function formatLocated(issues: readonly CliIssue[], c: Colors, indent = '', mark: '✖' | '⚠' = '✖'): string {
  const colour = mark === '✖' ? c.red : c.yellow;
  return issues
    .map((i) => `${indent}${colour(mark)} ${c.bold(i.code)} ${i.message}${i.location === undefined ? '' : ` (at ${i.location})`}\n${indent}  ${c.dim(`→ ${i.hint}`)}\n`)
    .join('');
}
