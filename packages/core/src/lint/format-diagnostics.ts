import type { LintDiagnostic } from './lint-diagnostic.js';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/**
 * Formats findings one per problem, `file:line:column`, the rule, the message and the fix, the
 * way `dockwright lint` prints them.
 *
 * @example
 * ```ts
 * formatDiagnostics(lintDockerfile('FROM debian:12\nRUN sudo true\nUSER 1\n'), 'Dockerfile');
 * // '⚠ Dockerfile:2:1 DW3005 RUN uses sudo\n  → run the step as root before USER ...'
 * ```
 */
export function formatDiagnostics(diagnostics: readonly LintDiagnostic[], file = 'Dockerfile'): string {
  return diagnostics.map((d) => `${MARK[d.severity]} ${file}:${d.line}:${d.column} ${d.rule} ${d.message}\n  → ${d.hint}`).join('\n');
}
