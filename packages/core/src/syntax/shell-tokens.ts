/** A blank-separated word of a shell command, with its span in the command. */
export interface ShellToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The shell's blanks: only space and tab separate words (NBSP, \f, \v and CR are word characters to sh). */
function isShellBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Offset after the `}` closing the `{` at `at` (quotes and nested braces skipped), or the end. */
function braceEnd(command: string, at: number, escape: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = at; i < command.length; i++) {
    const c = command.charCodeAt(i);
    if (quote === 0x27) {
      if (c === 0x27) quote = 0;
    } else if (c === escape) i++;
    else if (quote === 0x22) {
      if (c === 0x22) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i + 1;
  }
  return command.length;
}

/**
 * Offset just after the word that starts at `start`: it ends at a blank outside quotes; the
 * escape character protects the next character, and a `${...}` expansion is one piece (blanks
 * inside it are part of a pattern or a default: `${x#  }`).
 */
function wordEnd(command: string, start: number, escape: number): number {
  const n = command.length;
  let quote = 0;
  let i = start;
  for (; i < n; i++) {
    const c = command.charCodeAt(i);
    if (quote === 0x27) {
      if (c === 0x27) quote = 0;
    } else if (c === escape) {
      i++;
    } else if (c === 0x24 && command.charCodeAt(i + 1) === 0x7b) {
      i = braceEnd(command, i + 1, escape) - 1;
    } else if (quote === 0x22) {
      if (c === 0x22) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (isShellBlank(c)) {
      break;
    }
  }
  return Math.min(i, n);
}

/**
 * Splits a shell command into the words separated by blanks outside quotes (the escape
 * character protects the next character). Blanks between words carry no meaning to the shell,
 * so a command can be relaid out word by word. An unterminated quote keeps the rest as one word.
 * Only spaces and tabs are blanks: other Unicode spaces are word characters to the shell.
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
    while (i < n && isShellBlank(command.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    i = wordEnd(command, start, escape);
    tokens.push({ text: command.slice(start, i), start, end: i });
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
  return shellTokens(command, escape)
    .map((t) => t.text)
    .join(' ');
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
