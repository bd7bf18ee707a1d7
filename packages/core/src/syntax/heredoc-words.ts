import { isSpace } from './scan.js';

/** A heredoc opener found on an instruction line: `<<EOF`, `<<-'EOF'`, `2<<EOF`. */
export interface HeredocOpener {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fileDescriptor: number;
}

/**
 * Splits a line into shell words keeping quotes and escapes, as BuildKit's lexer does with raw
 * quotes and raw escapes; `$NAME` expands to nothing. An unterminated quote gives no words.
 */
function rawShellWords(line: string): string[] {
  const words: string[] = [];
  const n = line.length;
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 0x27 || c === 0x22) {
      const close = c === 0x27 ? line.indexOf("'", i + 1) : closingDouble(line, i + 1);
      if (close < 0) return [];
      word += line.slice(i, close + 1);
      inWord = true;
      i = close + 1;
    } else if (c === 0x5c) {
      if (i + 1 >= n) break;
      word += line.slice(i, i + 2);
      inWord = true;
      i += 2;
    } else if (c === 0x24) {
      const skip = variableEnd(line, i);
      if (skip === i + 1) {
        word += '$';
        inWord = true;
      }
      i = skip;
    } else if (isSpace(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else {
      word += line[i];
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function closingDouble(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

/** Offset after a `$NAME`, `$1` or `${...}` reference starting at `at`; `at + 1` for a lone `$`. */
function variableEnd(line: string, at: number): number {
  const next = line.charCodeAt(at + 1);
  if (next === 0x7b) {
    const close = line.indexOf('}', at + 2);
    return close < 0 ? line.length : close + 1;
  }
  if (next >= 0x30 && next <= 0x39) return at + 2;
  let i = at + 1;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  return i;
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

const OPENER = /^(\d*)<<(-?)([^<]*)$/;

/** Removes shell quoting from a delimiter word; `quoted` tells whether any quote was used. */
function unquote(word: string): { text: string; quoted: boolean } {
  let text = '';
  let quoted = false;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === "'") {
      const close = word.indexOf("'", i + 1);
      text += word.slice(i + 1, close);
      quoted = true;
      i = close;
    } else if (c === '"') {
      quoted = true;
      for (i++; i < word.length && word[i] !== '"'; i++) {
        if (word[i] === '\\' && (word[i + 1] === '"' || word[i + 1] === '$' || word[i + 1] === '\\')) i++;
        text += word[i];
      }
    } else if (c === '\\') {
      i++;
      if (i < word.length) text += word[i];
    } else text += c;
  }
  return { text, quoted };
}

/**
 * Finds the heredocs a RUN, COPY or ADD line opens, as BuildKit's `heredocsFromLine` does:
 * every shell word of the form `[n]<<[-]WORD`, in order.
 *
 * @example
 * ```ts
 * heredocOpeners("RUN <<EOF cat <<-'END'").map((h) => h.name); // ['EOF', 'END']
 * ```
 */
export function heredocOpeners(line: string): HeredocOpener[] {
  const openers: HeredocOpener[] = [];
  for (const word of rawShellWords(line)) {
    if (!word.includes('<<')) continue;
    const match = OPENER.exec(word);
    if (match === null || match[3] === '') continue;
    const { text, quoted } = unquote(match[3] as string);
    openers.push({ name: text, expand: !quoted, chomp: match[2] === '-', fileDescriptor: match[1] === '' ? 0 : Number(match[1]) });
  }
  return openers;
}
