import type { CliIssue } from './cli-issue.js';

const marker = Symbol.for('dockwright.cli.usage-error');

/**
 * A usage or configuration problem: the command stops before rendering anything and exits 2.
 * Thrown by argument parsing, target resolution and configuration loading; caught in `cli.ts`.
 *
 * @example
 * ```ts
 * throw new UsageError([cliIssue('DWC1002', 'unknown option --chekc', 'did you mean --check?')]);
 * ```
 */
export class UsageError extends Error {
  readonly [marker] = true;
  readonly issues: readonly CliIssue[];

  constructor(issues: readonly [CliIssue, ...CliIssue[]]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'UsageError';
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * True for a UsageError, from any copy of the CLI.
 *
 * @example
 * ```ts
 * if (isUsageError(error)) process.exitCode = 2;
 * ```
 */
export function isUsageError(value: unknown): value is UsageError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}
