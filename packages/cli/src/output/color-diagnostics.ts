import type { Colors } from './colors.js';

const FINDING = /^([✖⚠ℹ]) (\S+) (DW\d{4}) (.*)$/;

/**
 * Lint findings in the text core's `formatDiagnostics()` writes, in colour like the other
 * commands' problems: the mark red, yellow or cyan by severity, the place and the rule bold, the
 * fix dim. Unchanged when colour is off.
 *
 * @example
 * ```ts
 * io.out(colorDiagnostics(formatDiagnostics(diagnostics, 'Dockerfile'), io.outColors));
 * ```
 */
export function colorDiagnostics(text: string, c: Colors): string {
  if (!c.enabled) return text;
  return text
    .split('\n')
    .map((line) => {
      const m = FINDING.exec(line);
      if (m === null) return c.dim(line);
      const [, mark = '', place = '', rule = '', message = ''] = m;
      const colour = mark === '✖' ? c.red : mark === '⚠' ? c.yellow : c.cyan;
      return `${colour(mark)} ${c.bold(place)} ${c.bold(rule)} ${message}`;
    })
    .join('\n');
}
