import type { SourcePosition, SourceRange } from './types.js';

/**
 * Maps offsets in a logical line (physical lines joined, continuation characters and comment
 * lines removed) back to lines and columns of the source.
 *
 * @example
 * ```ts
 * const map = new SourceMap();
 * map.add(0, 3, 5); // logical offset 0 is line 3, column 5
 * map.position(2); // { line: 3, column: 7 }
 * ```
 */
export class SourceMap {
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];

  /** Records that logical `offset` starts a piece taken from `line` at `column`. */
  add(offset: number, line: number, column: number): void {
    this.offsets.push(offset);
    this.lines.push(line);
    this.columns.push(column);
  }

  /** Logical offsets after `from` where a physical line begins, relative to `from`. */
  breaks(from: number): number[] {
    const out: number[] = [];
    for (let i = 1; i < this.offsets.length; i++) {
      const offset = this.offsets[i] as number;
      if (offset > from) out.push(offset - from);
    }
    return out;
  }

  /** The source position of a logical offset. */
  position(offset: number): SourcePosition {
    let i = this.offsets.length - 1;
    while (i > 0 && (this.offsets[i] as number) > offset) i--;
    return { line: this.lines[i] as number, column: (this.columns[i] as number) + offset - (this.offsets[i] as number) };
  }

  /** The source range of the logical span `[start, end)`; an empty span is a point. */
  range(start: number, end: number): SourceRange {
    const from = this.position(start);
    if (end <= start) return { start: from, end: from };
    const last = this.position(end - 1);
    return { start: from, end: { line: last.line, column: last.column + 1 } };
  }
}
