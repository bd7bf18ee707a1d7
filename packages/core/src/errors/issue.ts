import type { DockwrightCode } from './codes.js';
import { pointRange, type Range } from './range.js';
import { severityOf, type Severity } from './severity.js';

/** Where a problem is: the stage, the instruction keyword and its 1-based index in the stage. */
export interface IssuePath {
  readonly stage?: string;
  readonly instruction?: string;
  readonly index?: number;
}

/**
 * Where an issue is, in the model and in a file: the builder's path (`stage "app", RUN #3`), the
 * file (as the user wrote or sees it), and the range in that file. Each part only when known.
 */
export interface IssueWhere {
  readonly path?: IssuePath;
  readonly file?: string;
  readonly range?: Range;
}

/**
 * The one shape of a problem, whoever finds it (the builder, the parser, a rule, an import, a
 * policy, the CLI): a stable code, how loud it is, what is wrong, how to fix it, and where. The
 * other names (`DockwrightIssue`, `ParseIssue`, `ImportIssue`, `LintDiagnostic`, `PolicyFinding`,
 * the CLI's issues) are this shape with the fields they had before it kept beside it;
 * `formatIssues()` prints any of them.
 *
 * @example
 * ```ts
 * import type { Issue } from '@dockwright/core';
 * const found: Issue = { code: 'DW6004', severity: 'error', message: 'WORKDIR "app" is relative', hint: 'write /app', where: { path: { stage: 'build' } } };
 * ```
 */
export interface Issue<C extends string = string> {
  readonly code: C;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly where?: IssueWhere;
}

/**
 * A problem of a Dockerfile program, as the builder reports it (in `DockwrightError.issues`): an
 * `Issue` that is always an error, with its `hint` and its `path` (also `where.path`) kept as
 * fields. `issue()` and `DockwrightError` fill `severity` and `where`; they are optional here
 * only so that issues written as plain `{ code, message, hint, path }` objects still type-check.
 */
export type DockwrightIssue = Omit<Issue<DockwrightCode>, 'severity' | 'hint'> & {
  readonly severity?: Severity;
  readonly hint: string;
  readonly path: IssuePath;
};

/**
 * Makes a builder issue: an error at a path; a small constructor so call sites stay one line.
 *
 * @example
 * ```ts
 * issue('DW6004', 'WORKDIR "app" is relative', 'write an absolute path such as /app', { stage: 'build' });
 * // { code: 'DW6004', message: ..., hint: ..., path: { stage: 'build' }, severity: 'error', where: { path: { stage: 'build' } } }
 * ```
 */
export function issue(code: DockwrightCode, message: string, hint: string, path: IssuePath = {}): DockwrightIssue & Issue<DockwrightCode> {
  const at = Object.freeze({ ...path });
  return Object.freeze({ code, message, hint, path: at, severity: 'error', where: Object.freeze({ path: at }) });
}

/** What `asIssue()` reads: the one shape, or an older one (a `path`, a `range`, a `line` and `column`, a level word such as `warn`). */
export interface IssueInput {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly severity?: string;
  readonly where?: IssueWhere;
  readonly path?: IssuePath;
  readonly range?: Range;
  /** A lint diagnostic's place, read when there is no `range`. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * Any problem as the one `Issue` shape: its severity read by `severityOf()` (a policy finding's
 * `warn` is `warning`; none is `error`), its `where` from `path` and `range` (or `line` and
 * `column`) when it has none.
 * Returns the value itself when it is one already.
 *
 * @example
 * ```ts
 * import { asIssue } from '@dockwright/core';
 * asIssue({ code: 'DW6020', message: 'no HEALTHCHECK', hint: 'add one', path: { stage: 'app' }, severity: 'warn' });
 * // { code: 'DW6020', severity: 'warning', message: 'no HEALTHCHECK', hint: 'add one', where: { path: { stage: 'app' } } }
 * ```
 */
export function asIssue<C extends string>(found: IssueInput & { readonly code: C }): Issue<C> {
  const severity = severityOf(found.severity) ?? 'error';
  if (found.severity === severity && found.where !== undefined) return found as Issue<C>;
  const range = found.range ?? (found.line === undefined ? undefined : pointRange(found.line, found.column ?? 1));
  const where = found.where ?? (found.path === undefined && range === undefined ? undefined : { ...(found.path === undefined ? {} : { path: found.path }), ...(range === undefined ? {} : { range }) });
  return Object.freeze({
    code: found.code,
    severity,
    message: found.message,
    ...(found.hint === undefined ? {} : { hint: found.hint }),
    ...(where === undefined ? {} : { where }),
  });
}
