import { isSpace } from './scan.js';

/** A heredoc opener found on an instruction line: `<<EOF`, `<<-'EOF'`, `2<<EOF`. */
export interface HeredocOpener {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fileDescriptor: number;
}

/**
 * Splits a line into shell words keeping quotes and escapes, as BuildKit's lexer does when it
 * looks for heredocs (raw quotes, raw escapes, unset variables kept as written). An unquoted `<<`
 * keeps the spaces, tabs and carriage returns after it in its word, so `<< EOF` is one word. A
 * quote or `${` that is never closed makes the lexer fail, and then no word is found.
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
      if (skip < 0) return [];
      word += line.slice(i, skip);
      inWord = true;
      i = skip;
    } else if (c === 0x3c && line.charCodeAt(i + 1) === 0x3c) {
      let j = i + 2;
      while (j < n && (line.charCodeAt(j) === 0x20 || line.charCodeAt(j) === 0x09 || line.charCodeAt(j) === 0x0d)) j++;
      word += line.slice(i, j);
      inWord = true;
      i = j;
    } else if (isSpace(c)) {
      if (inWord && word !== '') words.push(word);
      word = '';
      inWord = false;
      i++;
    } else {
      word += line[i];
      inWord = true;
      i++;
    }
  }
  if (word !== '') words.push(word);
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

/** Offset after a `$NAME`, `$1` or `${...}` reference starting at `at`; -1 for a `${` never closed. */
function variableEnd(line: string, at: number): number {
  const next = line.charCodeAt(at + 1);
  if (next === 0x7b) {
    const close = line.indexOf('}', at + 2);
    return close < 0 ? -1 : close + 1;
  }
  if (next >= 0x30 && next <= 0x39) return at + 2;
  let i = at + 1;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  return i;
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

// RE2's `\s` is ASCII [\t\n\f\r ]; BuildKit drops those between `<<` (or `<<-`) and the word.
const OPENER = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/s;

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
 * heredocOpeners("RUN <<EOF cat <<-'END' << X").map((h) => h.name); // ['EOF', 'END', 'X']
 * ```
 */
export function heredocOpeners(line: string): HeredocOpener[] {
  const openers: HeredocOpener[] = [];
  for (const word of rawShellWords(line)) {
    if (!word.includes('<<')) continue;
    const match = OPENER.exec(word);
    if (match === null || match[3] === '') continue;
    const { text, quoted } = unquote(match[3] as string);
    // BuildKit wants one word after `<<`: `<<""` is no heredoc.
    if (text === '') continue;
    openers.push({ name: text, expand: !quoted, chomp: match[2] === '-', fileDescriptor: match[1] === '' ? 0 : Number(match[1]) });
  }
  return openers;
}
