import { pointRange, type Issue, type IssueWhere } from '@dockwright/core';
import type { PolicyCode } from './policy-codes.js';

/**
 * A problem in a policy file, as data: the one `Issue` shape (always an error, `where.file` and,
 * when known, `where.range`), with its older fields kept beside it: file, line, column, key.
 */
export interface PolicyFileIssue extends Issue<PolicyCode> {
  readonly severity: 'error';
  readonly hint: string;
  readonly where: IssueWhere & { readonly file: string };
  /** The policy file, absolute (or the name given to `parsePolicy`). */
  readonly file: string;
  /** 1-based line and column of the offending value or key, when known. */
  readonly line?: number;
  readonly column?: number;
  /** The setting, dotted: `rules.DW5017`, `allowedRegistries.2`. */
  readonly key?: string;
}

/**
 * Makes a policy-file issue.
 *
 * @example
 * ```ts
 * policyFileIssue('DWP1003', 'unknown setting "requireDigest"', 'did you mean requireDigests?', { file: 'policy.yaml', line: 2, column: 1 });
 * // { code: 'DWP1003', severity: 'error', ..., file: 'policy.yaml', line: 2, column: 1,
 * //   where: { file: 'policy.yaml', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } } } }
 * ```
 */
export function policyFileIssue(
  code: PolicyCode,
  message: string,
  hint: string,
  where: { readonly file: string; readonly line?: number; readonly column?: number; readonly key?: string },
): PolicyFileIssue {
  const place = Object.freeze({ file: where.file, ...(where.line === undefined ? {} : { range: Object.freeze(pointRange(where.line, where.column ?? 1)) }) });
  return Object.freeze({ code, severity: 'error', message, hint, ...where, where: place });
}

/**
 * `file:line:column`, or `file` when the position is unknown: how editors and terminals link to a place.
 *
 * @example
 * ```ts
 * issueLocation({ file: 'dockwright.policy.yaml', line: 3, column: 5 }); // 'dockwright.policy.yaml:3:5'
 * ```
 */
export function issueLocation(where: { readonly file: string; readonly line?: number; readonly column?: number }): string {
  return where.line === undefined ? where.file : `${where.file}:${where.line}:${where.column ?? 1}`;
}
