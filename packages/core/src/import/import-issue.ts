import type { DockwrightCode } from '../errors/codes.js';
import type { ParseIssue, SourceRange } from '../syntax/types.js';

/** A problem of an import, at its place in the input: a parse error, a FROM the builder cannot write, or an instruction not written as a builder call. A `ParseIssue` with any code. */
export type ImportIssue = Omit<ParseIssue, 'code'> & { readonly code: DockwrightCode };

/**
 * Makes an import issue: an `Issue` at a range of the input (`range`, also `where.range`).
 *
 * @example
 * ```ts
 * importIssue('DW0011', 'warning', 'HEALTHCHECK ... is kept as raw(): ...', 'write it as a builder call', node.range);
 * ```
 */
export function importIssue(code: DockwrightCode, severity: 'error' | 'warning', message: string, hint: string, range: SourceRange): ImportIssue {
  return { code, severity, message, hint, range, where: { range } };
}
