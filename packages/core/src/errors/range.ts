/** A place in a file: 1-based line and 1-based column (UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * A span of a file: `start` is the first character, `end` the position just after the last. The
 * one position form of an issue (`where.range`) and of the syntax tree (`SourceRange`).
 *
 * @example
 * ```ts
 * import type { Range } from '@dockwright/core';
 * const second: Range = { start: { line: 2, column: 1 }, end: { line: 2, column: 14 } };
 * ```
 */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * The range of one place whose end is not known (a file's problem at `line:column`): it starts
 * and ends there, rather than at a made-up column.
 *
 * @example
 * ```ts
 * import { pointRange } from '@dockwright/core';
 * pointRange(2, 5); // { start: { line: 2, column: 5 }, end: { line: 2, column: 5 } }
 * ```
 */
export function pointRange(line: number, column: number): Range {
  return { start: { line, column }, end: { line, column } };
}
