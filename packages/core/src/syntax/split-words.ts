import { isSpace } from './scan.js';

/** A word of a logical line with its span `[start, end)` in that line. */
export interface Word {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const SINGLE = 0x27;
const DOUBLE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Splits the leading `--flag` words off an instruction's arguments, as BuildKit's
 * `extractBuilderFlags` does: quotes are removed, `\` escapes the next character, `--` alone
 * ends the flags. Returns the flags and the offset where the arguments start.
 *
 * @example
 * ```ts
 * splitFlags('--from=build /a /b', 0); // { flags: [{ value: '--from=build', start: 0, end: 12 }], rest: 13 }
 * ```
 */
export function splitFlags(line: string, from: number): { flags: Word[]; rest: number } {
  const flags: Word[] = [];
  const n = line.length;
  let pos = from;
  for (;;) {
    while (pos < n && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= n) return { flags, rest: n };
    if (line.charCodeAt(pos) !== 0x2d || pos + 1 >= n || line.charCodeAt(pos + 1) !== 0x2d) return { flags, rest: pos };
    const start = pos;
    let word = '';
    let blankOk = false;
    let quote = 0;
    for (; pos < n; pos++) {
      let ch = line.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(ch)) break;
        if (ch === SINGLE || ch === DOUBLE) {
          quote = ch;
          blankOk = true;
          continue;
        }
      } else if (ch === quote) {
        quote = 0;
        continue;
      }
      if (ch === BACKSLASH) {
        if (pos + 1 === n) {
          quote = 0;
          continue;
        }
        pos++;
        ch = line.charCodeAt(pos);
      }
      word += String.fromCharCode(ch);
    }
    if (word === '--') {
      // `--` ends the flags; at the very end of the line nothing follows.
      return { flags, rest: pos >= n ? n : pos };
    }
    if (blankOk || word.length > 0) flags.push({ value: word, start, end: pos });
    if (pos >= n) return { flags, rest: n };
  }
}

/**
 * Splits ENV, LABEL and ARG arguments into words as BuildKit's `parseWords` does: blanks split
 * words outside quotes, and quotes and escape characters stay in the words.
 *
 * @example
 * ```ts
 * splitWords('a="b c" d', 0, '\\').map((w) => w.value); // ['a="b c"', 'd']
 * ```
 */
export function splitWords(line: string, from: number, escape: number): Word[] {
  const words: Word[] = [];
  const n = line.length;
  let pos = from;
  while (pos < n) {
    while (pos < n && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= n) break;
    const start = pos;
    let quote = 0;
    let blankOk = false;
    let piece = pos;
    let word = '';
    for (; pos < n; pos++) {
      const ch = line.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(ch)) break;
        if (ch === SINGLE || ch === DOUBLE) {
          quote = ch;
          blankOk = true;
          continue;
        }
        if (ch === escape) {
          if (pos + 1 === n) {
            // An escape character at the very end is dropped.
            word += line.slice(piece, pos);
            piece = pos + 1;
            continue;
          }
          pos++;
        }
      } else {
        if (ch === quote) {
          quote = 0;
          continue;
        }
        if (ch === escape && quote !== SINGLE) {
          if (pos + 1 === n) {
            word += line.slice(piece, pos);
            piece = pos + 1;
            quote = 0;
            continue;
          }
          pos++;
        }
      }
    }
    word += line.slice(piece, pos);
    if (blankOk || word.length > 0) words.push({ value: word, start, end: pos });
  }
  return words;
}

/**
 * Splits on BuildKit's `[\t\v\f\r ]+`, as FROM, EXPOSE and the shell form of ADD, COPY and VOLUME
 * are read: quotes mean nothing.
 *
 * @example
 * ```ts
 * splitBlanks('a  b', 0).map((w) => w.value); // ['a', 'b']
 * ```
 */
export function splitBlanks(line: string, from: number, to: number = line.length): Word[] {
  const words: Word[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? line.charCodeAt(i) : 0x20;
    if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d) {
      if (i > start) words.push({ value: line.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return words;
}
