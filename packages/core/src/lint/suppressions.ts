import type { DockwrightCode } from '../errors/codes.js';
import type { LintComment, LintPosition } from './lint-file.js';

/** A `# dockwright:allow CODE[,CODE...] reason` comment, read. */
export interface Suppression {
  readonly codes: readonly string[];
  /** The reason, trimmed; empty when none was given. */
  readonly reason: string;
  readonly position: LintPosition;
}

const PREFIX = /^#?\s*dockwright:allow\b\s*(.*)$/;

/**
 * Reads a suppression comment. The syntax is the one the builder writes for its escape hatches:
 * `# dockwright:allow DW3001 binds port 80`; several codes are separated by commas, and the rest
 * of the line (an optional `reason:` prefix dropped) is the reason.
 *
 * @example
 * ```ts
 * readSuppression({ text: 'dockwright:allow DW5020,DW5018 reason: vendor script', position: { line: 3, column: 1 } });
 * // { codes: ['DW5020', 'DW5018'], reason: 'vendor script', position: ... }
 * ```
 */
export function readSuppression(comment: LintComment): Suppression | undefined {
  const match = PREFIX.exec(comment.text.trim());
  if (match === null) return undefined;
  const rest = (match[1] ?? '').trim();
  const list = /^[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*/.exec(rest)?.[0] ?? '';
  const codes = list.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  const reason = rest.slice(list.length).trim().replace(/^(?:reason\s*:|[:\-—–]+)\s*/i, '').trim();
  return { codes, reason, position: comment.position };
}

/** True when the code is one of the table's. */
export function isKnownCode(code: string, known: ReadonlySet<string>): code is DockwrightCode {
  return known.has(code);
}
