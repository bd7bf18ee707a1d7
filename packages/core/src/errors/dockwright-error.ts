import type { DockwrightCode } from './codes.js';
import { formatIssues } from './format-issues.js';
import type { DockwrightIssue, Issue, IssuePath } from './issue.js';

// A registry-wide symbol, so an error from a second copy of the package is still recognised.
const marker = Symbol.for('dockwright.error');

/**
 * The one error Dockwright throws. It carries every problem found (`issues`), so a user fixes
 * them all in one run; `code`, `hint` and `path` are those of the first.
 *
 * @example
 * ```ts
 * try {
 *   dockerfile(app);
 * } catch (error) {
 *   if (isDockwrightError(error)) for (const i of error.issues) console.log(i.code, i.hint);
 * }
 * ```
 */
export class DockwrightError extends Error {
  readonly [marker] = true;
  readonly code: DockwrightCode;
  readonly hint: string;
  readonly path: IssuePath;
  /** Every problem, each the one `Issue` shape (an error, `where.path` its path) with its builder fields. */
  readonly issues: readonly (DockwrightIssue & Issue<DockwrightCode>)[];

  constructor(given: readonly [DockwrightIssue, ...DockwrightIssue[]], options: { summary?: string; cause?: unknown } = {}) {
    const issues = given.map(complete) as [DockwrightIssue & Issue<DockwrightCode>, ...(DockwrightIssue & Issue<DockwrightCode>)[]];
    const summary = options.summary ?? (issues.length === 1 ? '1 problem' : `${issues.length} problems`);
    super(`${summary}\n${indent(formatIssues(issues))}`, options.cause === undefined ? undefined : { cause: options.cause });
    const [first] = issues;
    this.name = 'DockwrightError';
    this.code = first.code;
    this.hint = first.hint;
    this.path = first.path;
    this.issues = Object.freeze([...issues]);
  }
}

// An issue written as a plain `{ code, message, hint, path }` gets the one shape's severity and where.
function complete(i: DockwrightIssue): DockwrightIssue & Issue<DockwrightCode> {
  if (i.severity !== undefined && i.where !== undefined) return i as DockwrightIssue & Issue<DockwrightCode>;
  return Object.freeze({ ...i, severity: i.severity ?? 'error', where: i.where ?? Object.freeze({ path: i.path }) });
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * True for any DockwrightError, even one thrown by another copy of `@dockwright/core`.
 *
 * @example
 * ```ts
 * if (isDockwrightError(error)) process.exitCode = 1;
 * ```
 */
export function isDockwrightError(value: unknown): value is DockwrightError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}
