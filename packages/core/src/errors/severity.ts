/** How loud a problem is: `error` fails the command, `warning` and `info` are reported only. */
export type Severity = 'error' | 'warning' | 'info';

/** A level as a configuration writes it: a severity, `warn` (the policy file's and hadolint's word for `warning`), or `off`. */
export type LevelWord = Severity | 'warn' | 'off';

/**
 * The one reading of a level word as a severity: `warn` is `warning`, `off` (and anything that is
 * not a level) is undefined. The policy file keeps its words (`error`, `warn`, `off`); every
 * place that turns them into an issue's severity asks this.
 *
 * @example
 * ```ts
 * import { severityOf } from '@dockwright/core';
 * severityOf('warn'); // 'warning'
 * severityOf('off'); // undefined
 * ```
 */
export function severityOf(word: unknown): Severity | undefined {
  if (word === 'warn') return 'warning';
  return word === 'error' || word === 'warning' || word === 'info' ? word : undefined;
}
