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

/** Go's unicode.IsSpace of a single byte read as a rune, as BuildKit's flag reader tests it. */
function isSpaceByte(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;
}

/** UTF-8 bytes of `text` and, for each byte, the UTF-16 offset of the character it belongs to. */
function utf8(text: string): { bytes: number[]; offsets: number[] } {
  const bytes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const at = i;
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate reaches BuildKit as U+FFFD, three bytes.
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    while (offsets.length < bytes.length) offsets.push(at);
  }
  return { bytes, offsets };
}

/** A flag word: the value BuildKit reads, and whether the word ends inside a character. */
export interface FlagWord extends Word {
  /** True when BuildKit's byte-wise reader ended the word inside a multi-byte character. */
  readonly splitsCharacter: boolean;
}

/**
 * Splits the leading `--flag` words off an instruction's arguments, as BuildKit's
 * `extractBuilderFlags` does: quotes are removed, `\` escapes the next byte, `--` alone ends the
 * flags. BuildKit walks the line byte by byte and keeps each byte as a character, so a flag with
 * non-ASCII text reads as its UTF-8 bytes in Latin-1 (`é` is `Ã©`), and the bytes 0x85 and 0xA0
 * inside a character end the word as a blank would. Returns the flags and the offset where the
 * arguments start.
 *
 * @example
 * ```ts
 * splitFlags('--from=build /a /b', 0); // { flags: [{ value: '--from=build', start: 0, end: 12, ... }], rest: 13 }
 * ```
 */
export function splitFlags(line: string, from: number): { flags: FlagWord[]; rest: number } {
  // Most arguments start with no flag. A blank before them is an ASCII byte (U+00A0 is the bytes
  // C2 A0, and C2 is no blank), so the line need not be read as bytes to know it.
  let first = from;
  for (let c = line.charCodeAt(first); c === 0x20 || (c >= 0x09 && c <= 0x0d); c = line.charCodeAt(first)) first++;
  if (first >= line.length) return { flags: [], rest: line.length };
  if (line.charCodeAt(first) !== 0x2d || line.charCodeAt(first + 1) !== 0x2d) return { flags: [], rest: first };
  const flags: FlagWord[] = [];
  const text = line.slice(from);
  const { bytes, offsets } = utf8(text);
  const n = bytes.length;
  // The UTF-16 offset in `line` of byte `b` (rounded up to the next character start).
  const at = (b: number): number => {
    if (b >= n) return line.length;
    let i = b;
    while (i > 0 && i < n && offsets[i] === offsets[i - 1]) i++;
    return i >= n ? line.length : from + (offsets[i] as number);
  };
  const inside = (b: number): boolean => b > 0 && b < n && offsets[b] === offsets[b - 1];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = 0;
  let blankOk = false;
  let start = 0;
  const push = (end: number) => {
    if (word !== '--' && (blankOk || word.length > 0)) flags.push({ value: word, start: at(start), end: at(end), splitsCharacter: inside(end) });
  };
  for (let pos = 0; pos <= n; pos++) {
    const atEnd = pos === n;
    let ch = atEnd ? 0 : (bytes[pos] as number);
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isSpaceByte(ch)) continue;
      if (ch !== 0x2d || pos + 1 === n || bytes[pos + 1] !== 0x2d) return { flags, rest: at(pos) };
      phase = 'word';
      start = pos;
    }
    if (atEnd) {
      push(pos);
      break;
    }
    if (phase === 'word') {
      if (isSpaceByte(ch)) {
        // `--` alone ends the flags.
        if (word === '--') return { flags, rest: at(pos) };
        push(pos);
        phase = 'spaces';
        word = '';
        blankOk = false;
        continue;
      }
      if (ch === SINGLE || ch === DOUBLE) {
        quote = ch;
        blankOk = true;
        phase = 'quote';
        continue;
      }
      if (ch === BACKSLASH) {
        if (pos + 1 === n) continue;
        pos++;
        ch = bytes[pos] as number;
      }
      word += String.fromCharCode(ch);
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === BACKSLASH) {
      if (pos + 1 === n) {
        phase = 'word';
        continue;
      }
      pos++;
      ch = bytes[pos] as number;
    }
    word += String.fromCharCode(ch);
  }
  return { flags, rest: line.length };
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
