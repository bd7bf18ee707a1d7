import type { PolicyCode } from './policy-codes.js';

/** A problem in a policy file, as data: what is wrong, where (file, line, column, key) and how to fix it. */
export interface PolicyFileIssue {
  readonly code: PolicyCode;
  readonly message: string;
  readonly hint: string;
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
 * policyFileIssue('DWP1001', 'cannot read policy.yaml: ENOENT', 'check the path', { file: '/repo/policy.yaml' });
 * ```
 */
export function policyFileIssue(
  code: PolicyCode,
  message: string,
  hint: string,
  where: { readonly file: string; readonly line?: number; readonly column?: number; readonly key?: string },
): PolicyFileIssue {
  return Object.freeze({ code, message, hint, ...where });
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
