import type { ParseIssue, ParseIssueCode, SourceRange } from './types.js';

/**
 * Makes a parse issue; warnings are the codes BuildKit reads past (DW0008).
 *
 * @example
 * ```ts
 * parseIssue('DW0004', 'unknown instruction: FORM', 'write FROM', range);
 * ```
 */
export function parseIssue(code: ParseIssueCode, message: string, hint: string, range: SourceRange): ParseIssue {
  return { code, severity: code === 'DW0008' ? 'warning' : 'error', message, hint, range, where: { range } };
}

