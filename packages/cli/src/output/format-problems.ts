import type { IssuePath } from '@dockwright/core';
import type { CliIssue } from '../errors/cli-issue.js';
import type { Colors } from './colors.js';

// Loaded before any command (usage errors), so nothing here imports @dockwright/core at run time:
// a caller that prints core's issues passes core's `formatPath` as `describePath`.

/**
 * Every problem the CLI prints, in one form: `✖ CODE message (where)` then `  → hint`, each line
 * indented by `indent`, one line break after each problem. Where is `at file:line:column` when
 * the issue has a `location`, else its path in the Dockerfile (`stage "app", RUN #3`, or
 * `Dockerfile` for a core issue) when `describePath` is given, else nothing. Warnings pass `mark` `⚠`.
 *
 * @example
 * ```ts
 * formatProblems([cliIssue('DWC1004', 'no such file: x', 'check the path')], colors(false), '  ');
 * // '  ✖ DWC1004 no such file: x\n    → check the path\n'
 * ```
 */
export function formatProblems(issues: readonly CliIssue[], c: Colors, indent = '', mark: '✖' | '⚠' = '✖', describePath?: (path: IssuePath) => string): string {
  const colour = mark === '✖' ? c.red : c.yellow;
  return issues
    .map((i) => {
      const where = whereOf(i, describePath);
      const text = `${colour(mark)} ${c.bold(i.code)} ${i.message}${where === undefined ? '' : ` (${where})`}\n  ${c.dim(`→ ${i.hint}`)}`;
      return `${text.split('\n').map((line) => `${indent}${line}`).join('\n')}\n`;
    })
    .join('');
}

function whereOf(i: CliIssue, describePath: ((path: IssuePath) => string) | undefined): string | undefined {
  if (i.location !== undefined) return `at ${i.location}`;
  // The CLI's (DWC) and policy files' (DWP) issues say where they are in the message.
  if (describePath === undefined || (/^DW[CP]/.test(i.code) && Object.keys(i.path).length === 0)) return undefined;
  return describePath(i.path);
}
