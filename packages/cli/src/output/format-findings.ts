import { formatIssues, type LintDiagnostic } from '@dockwright/core';
import type { Colors } from './colors.js';

/**
 * Lint findings as `dockwright lint` prints them: core's place-first lines (`⚠ file:line:column
 * CODE message`, then `  → fix`), the same text as `formatDiagnostics()`, coloured through the
 * formatter's style hooks like the other commands' problems: the mark red, yellow or cyan by
 * severity, the place and the rule bold, the fix dim. Plain when colour is off.
 *
 * @example
 * ```ts
 * io.out(`${formatFindings(lintDockerfile(text), 'Dockerfile', io.outColors)}\n`);
 * ```
 */
export function formatFindings(diagnostics: readonly LintDiagnostic[], file: string, c: Colors): string {
  const style = c.enabled
    ? { mark: (mark: string, severity: string) => (severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.cyan)(mark), place: c.bold, code: c.bold, hint: c.dim }
    : undefined;
  return formatIssues(diagnostics, { layout: 'place-first', file, ...(style === undefined ? {} : { style }) });
}
