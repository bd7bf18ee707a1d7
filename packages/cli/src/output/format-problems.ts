import { formatIssues } from '@dockwright/core/format-issues';
import type { IssuePath } from '@dockwright/core';
import { cliWhere, type CliIssue } from '../errors/cli-issue.js';
import type { Colors } from './colors.js';

// Loaded before any command (usage errors), so it imports only core's formatter
// (`@dockwright/core/format-issues`, bundled in like `suggest`), not the rest of core.

/**
 * Every problem the CLI prints, in one form: core's `formatIssues()`, message-first, `✖ CODE
 * message (where)` then `  → hint`, each line indented by `indent`, one line break after each
 * problem. Where is `at file:line:column` when the issue has a file (its `location`), else its
 * path in the Dockerfile (`stage "app", RUN #3`, or `Dockerfile` for a core issue) when
 * `describePath` is given, else nothing. Warnings pass `mark` `⚠`.
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
      // An issue written as a plain object (no `where`) is placed by its older fields.
      const where = i.where ?? cliWhere(i.code, i.path, i.location);
      const text = formatIssues([{ ...i, where }], { mark, paths: describePath ?? false, style: { mark: colour, code: c.bold, hint: c.dim } });
      return `${text.split('\n').map((line) => `${indent}${line}`).join('\n')}\n`;
    })
    .join('');
}
