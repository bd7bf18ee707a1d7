import type { DockwrightCode } from '../errors/codes.js';
import type { Severity } from '../rules/rule.js';

/** One lint finding, as data. */
export interface LintDiagnostic {
  /** The rule's stable id, such as `DW5011`. */
  readonly rule: DockwrightCode;
  readonly severity: Severity;
  readonly message: string;
  /** How to fix it, in Dockerfile terms. */
  readonly hint: string;
  /** 1-based line and column of the instruction (or comment) it is about. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}
