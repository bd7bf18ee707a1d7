/** How a command is joined to the one before it. */
export type ShellJoin = 'start' | '&&' | '||' | ';' | '|' | '&' | 'newline' | '(' | ')';

/** One simple command of a script, its words unquoted. */
export interface ShellCommand {
  /** The program and its arguments, quotes removed; leading `NAME=value` assignments are in `assignments`. */
  readonly words: readonly string[];
  readonly assignments: readonly string[];
  /** How this command is joined to the previous one. */
  readonly join: ShellJoin;
  /** True when this command's output goes into a pipe (`cmd |`). */
  readonly pipesOut: boolean;
  /** 0-based line of the command's first word in the script text. */
  readonly line: number;
  /** True inside `( ... )`, where `cd` and `export` do not outlive the group. */
  readonly subshell?: boolean;
}

interface Token {
  readonly kind: 'word' | 'op' | 'redirect';
  readonly value: string;
  readonly line: number;
}

// Words that open or continue compound commands; the command proper follows them.
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'case', 'esac', 'in', '{', '}', '!', 'function']);

/**
 * Splits shell text into simple commands: `&&`, `||`, `;`, `|`, `&`, newlines and parentheses
 * separate them; quotes, escapes and line continuations are read the way sh reads them;
 * `$(...)`, backticks and `${...}` stay inside their word; comments and redirections are dropped.
 * It never throws: unbalanced quotes end at the end of the text.
 *
 * @example
 * ```ts
 * splitShell('apt-get update && apt-get install -y "curl" | tee log').map((c) => c.words);
 * // [['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl'], ['tee', 'log']]
 * ```
 */
export function splitShell(script: string): ShellCommand[] {
  return group(tokenize(script));
}

// Characters with no special meaning to the tokenizer, outside quotes.
const PLAIN = /[^\s\\'"$`#<>&|;()]+/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  let line = 0;
  let wordLine = 0;
  const start = () => {
    if (!inWord) {
      inWord = true;
      wordLine = line;
    }
  };
  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', value: word, line: wordLine });
    word = '';
    inWord = false;
  };
  let i = 0;
  while (i < text.length) {
    // A run of ordinary characters is taken in one step.
    PLAIN.lastIndex = i;
    const plain = PLAIN.exec(text);
    if (plain !== null && !(plain[0].startsWith('#') && !inWord)) {
      start();
      word += plain[0];
      i += plain[0].length;
      continue;
    }
    const c = text[i] as string;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        line += 1;
        i += 2;
        continue;
      }
      start();
      word += next ?? '';
      i += 2;
      continue;
    }
    if (c === "'") {
      start();
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      const part = text.slice(i + 1, stop);
      line += countLines(part);
      // Single quotes keep `$` literal; the escape tells variable readers it expands to nothing.
      word += part.replace(/\$/g, '\\$');
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      start();
      i += 1;
      while (i < text.length && text[i] !== '"') {
        const d = text[i] as string;
        if (d === '\\' && i + 1 < text.length) {
          const e = text[i + 1] as string;
          if (e === '\n') line += 1;
          else word += '$`"\\'.includes(e) ? e : `\\${e}`;
          i += 2;
          continue;
        }
        if (d === '$' && text[i + 1] === '(') {
          const end = matchParen(text, i + 1);
          word += text.slice(i, end);
          line += countLines(text.slice(i, end));
          i = end;
          continue;
        }
        if (d === '\n') line += 1;
        word += d;
        i += 1;
      }
      i += 1;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      start();
      const end = text[i + 1] === '(' ? matchParen(text, i + 1) : closeBrace(text, i + 1);
      const part = text.slice(i, end);
      line += countLines(part);
      word += part;
      i = end;
      continue;
    }
    if (c === '`') {
      start();
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? text.length : end + 1;
      const part = text.slice(i, stop);
      line += countLines(part);
      word += part;
      i = stop;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i += 1;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ kind: 'op', value: 'newline', line });
      line += 1;
      i += 1;
      continue;
    }
    if (c === '>' || c === '<') {
      // `2>`, `2>&1`: a number right before the operator is a file descriptor, not a word.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      }
      flush();
      let op = c;
      let j = i + 1;
      while (j < text.length && '<>&|-'.includes(text[j] as string) && op.length < 3) op += text[j++];
      tokens.push({ kind: 'redirect', value: op, line });
      i = j;
      continue;
    }
    if (c === '&' && text[i + 1] === '>') {
      flush();
      tokens.push({ kind: 'redirect', value: '&>', line });
      i += 2;
      continue;
    }
    if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      flush();
      const two = text.slice(i, i + 2);
      const op = two === '&&' || two === '||' || two === ';;' ? two : c;
      tokens.push({ kind: 'op', value: op, line });
      i += op.length;
      continue;
    }
    start();
    word += c;
    i += 1;
  }
  flush();
  return tokens;
}

function group(tokens: readonly Token[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let line = 0;
  let join: ShellJoin = 'start';
  let skipNext = false;
  let depth = 0;
  // `case x in a|b) ...;; esac`: the patterns before `)` are not commands, their `|` no pipe.
  const cases: ('head' | 'pattern' | 'body')[] = [];
  const end = (next: ShellJoin) => {
    const assignments: string[] = [];
    let k = 0;
    // Reserved words and leading assignments come before the program name.
    for (;;) {
      const w = words[k];
      if (w === undefined) break;
      if (RESERVED.has(w)) k += 1;
      else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
        assignments.push(w);
        k += 1;
      } else break;
    }
    const rest = words.slice(k);
    // `for x in a b c; do` and `case $x in`: the words are a list, not a command.
    const head = words[0];
    // `x="$(mktemp -d)"` alone is kept: later commands read its name.
    if ((rest.length > 0 || assignments.length > 0) && head !== 'for' && head !== 'case') {
      commands.push({ words: rest, assignments, join, pipesOut: next === '|', line, ...(depth > 0 ? { subshell: true } : {}) });
      join = next;
    } else if (commands.length > 0 || join !== 'start') {
      join = next === 'newline' && (join === '&&' || join === '||' || join === '|') ? join : next;
    }
    words = [];
  };
  for (const t of tokens) {
    if (t.kind === 'redirect') {
      skipNext = true;
      continue;
    }
    const state = cases.at(-1);
    if (t.kind === 'word' && words.length === 0 && t.value === 'esac' && state !== undefined) {
      cases.pop();
      continue;
    }
    if (state === 'pattern') {
      if (t.kind === 'op' && t.value === ')') cases[cases.length - 1] = 'body';
      continue;
    }
    if (state === 'head') {
      if (t.kind === 'word' && t.value === 'in') cases[cases.length - 1] = 'pattern';
      continue;
    }
    if (t.kind === 'word' && words.length === 0 && t.value === 'case') {
      cases.push('head');
      continue;
    }
    if (state === 'body' && t.kind === 'op' && t.value === ';;') {
      end(';');
      cases[cases.length - 1] = 'pattern';
      continue;
    }
    if (t.kind === 'word') {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (words.length === 0) line = t.line;
      words.push(t.value);
      continue;
    }
    skipNext = false;
    end((t.value === ';;' ? ';' : t.value) as ShellJoin);
    if (t.value === '(') depth += 1;
    if (t.value === ')' && depth > 0) depth -= 1;
  }
  end('newline');
  return commands;
}

function countLines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n += 1;
  return n;
}

// Index just past the `)` that closes the `(` at `open`, skipping quoted text.
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function closeBrace(text: string, open: number): number {
  const end = text.indexOf('}', open);
  return end < 0 ? text.length : end + 1;
}
