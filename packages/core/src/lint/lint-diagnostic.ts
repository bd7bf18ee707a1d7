import type { DockwrightCode } from '../errors/codes.js';
import type { Issue } from '../errors/issue.js';
import type { Range } from '../errors/range.js';
import type { Severity } from '../errors/severity.js';

/**
 * One lint finding, as data: an `Issue` (`code`, `where.range`) that keeps lint's own fields
 * beside it: `rule` (the code), `line`, `column`, `endLine` and `endColumn` (the range).
 */
export interface LintDiagnostic extends Issue<DockwrightCode> {
  /** The rule's stable id, such as `DW5011`: the same as `code`. */
  readonly rule: DockwrightCode;
  readonly severity: Severity;
  /** How to fix it, in Dockerfile terms. */
  readonly hint: string;
  /** 1-based line and column of the instruction (or comment) it is about. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The same place as a range; its end is the start where the end is not known. */
  readonly where: { readonly range: Range };
}

/** Where a finding is: its first line and column, and its end when known. */
export interface DiagnosticPlace {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * Makes a lint diagnostic: the one constructor for the rules' findings and the parser's.
 *
 * @example
 * ```ts
 * lintDiagnostic('DW5020', 'warning', 'RUN uses cd', 'use WORKDIR', { line: 2, column: 1 }).where.range.start; // { line: 2, column: 1 }
 * ```
 */
export function lintDiagnostic(code: DockwrightCode, severity: Severity, message: string, hint: string, at: DiagnosticPlace): LintDiagnostic {
  const start = { line: at.line, column: at.column };
  const end = at.endLine === undefined || at.endColumn === undefined ? start : { line: at.endLine, column: at.endColumn };
  return Object.freeze({
    rule: code,
    severity,
    message,
    hint,
    line: at.line,
    column: at.column,
    ...(at.endLine === undefined ? {} : { endLine: at.endLine }),
    ...(at.endColumn === undefined ? {} : { endColumn: at.endColumn }),
    code,
    where: Object.freeze({ range: Object.freeze({ start, end }) }),
  });
}
