import { formatIssues } from '../errors/format-issues.js';
import type { LintDiagnostic } from './lint-diagnostic.js';

/**
 * Formats findings one per problem, `file:line:column`, the rule, the message and the fix, the
 * way `dockwright lint` prints them: core's `formatIssues()` in its place-first layout.
 *
 * @example
 * ```ts
 * formatDiagnostics(lintDockerfile('FROM debian:12\nRUN sudo true\nUSER 1\n'), 'Dockerfile');
 * // '⚠ Dockerfile:2:1 DW3005 RUN uses sudo\n  → run the step as root before USER ...'
 * ```
 */
export function formatDiagnostics(diagnostics: readonly LintDiagnostic[], file = 'Dockerfile'): string {
  return formatIssues(diagnostics, { layout: 'place-first', file });
}
