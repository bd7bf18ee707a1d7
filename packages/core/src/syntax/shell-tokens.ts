import { isSpace } from './scan.js';

/** A blank-separated word of a shell command, with its span in the command. */
export interface ShellToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Splits a shell command into the words separated by blanks outside quotes (the escape
 * character protects the next character). Blanks between words carry no meaning to the shell,
 * so a command can be relaid out word by word. An unterminated quote keeps the rest as one word.
 *
 * @example
 * ```ts
 * shellTokens(`echo  "a  b" c\\ d`, 0x5c).map((t) => t.text); // ['echo', '"a  b"', 'c\\ d']
 * ```
 */
export function shellTokens(command: string, escape: number): ShellToken[] {
  const tokens: ShellToken[] = [];
  const n = command.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(command.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let quote = 0;
    for (; i < n; i++) {
      const c = command.charCodeAt(i);
      if (quote === 0x27) {
        if (c === 0x27) quote = 0;
      } else if (c === escape) {
        i++;
      } else if (quote === 0x22) {
        if (c === 0x22) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else if (isSpace(c)) {
        break;
      }
    }
    const end = Math.min(i, n);
    tokens.push({ text: command.slice(start, end), start, end });
  }
  return tokens;
}

/**
 * The command with blanks outside quotes collapsed to one space: two commands that normalise
 * alike mean the same to the shell.
 *
 * @example
 * ```ts
 * normalizeShell('a   \t b', 0x5c); // 'a b'
 * ```
 */
export function normalizeShell(command: string, escape: number): string {
  let out = '';
  const n = command.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(command.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let quote = 0;
    for (; i < n; i++) {
      const c = command.charCodeAt(i);
      if (quote === 0x27) {
        if (c === 0x27) quote = 0;
      } else if (c === escape) i++;
      else if (quote === 0x22) {
        if (c === 0x22) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (isSpace(c)) break;
    }
    out = out === '' ? command.slice(start, Math.min(i, n)) : `${out} ${command.slice(start, Math.min(i, n))}`;
  }
  return out;
}

/**
 * True when `&&` chains can be split one per line, as the renderer does: no subshell, group,
 * backquote or `$(` outside quotes, and quotes balanced.
 */
export function canSplitChain(command: string, escape: number): boolean {
  let quote = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command.charCodeAt(i);
    if (quote === 0x27) {
      if (c === 0x27) quote = 0;
    } else if (c === escape) i++;
    else if (quote === 0x22) {
      if (c === 0x22) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x28 || c === 0x7b || c === 0x60 || (c === 0x24 && command.charCodeAt(i + 1) === 0x28)) return false;
  }
  return quote === 0;
}
