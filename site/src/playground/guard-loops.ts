// Puts a deadline check into every loop and function of a transpiled program, so it can run on the
// page's own thread: a loop that never ends, or a recursion that would take hours, then throws
// instead of freezing the page (as code playgrounds protect their previews). The page runs a
// guarded program in the keystroke's own frame; the run worker, with its time limit, is the fallback.
import { parse, type Scope, type Token } from 'sucrase/dist/esm/parser/index.js';
import { TokenType as tt } from 'sucrase/dist/esm/parser/tokenizer/types.js';

interface Insert {
  readonly at: number;
  readonly text: string;
  /** Closing texts at one place: the inner construct (an arrow's body) closes before the outer (a loop's head). */
  readonly rank: number;
}

const OPEN = new Set<number>([tt.parenL, tt.bracketL, tt.braceL, tt.dollarBraceL]);
const CLOSE = new Set<number>([tt.parenR, tt.bracketR, tt.braceR]);
/** Names that reach code made from strings, which the guard cannot see into. */
const UNGUARDED = new Set(['eval', 'Function', 'constructor', 'setTimeout', 'setInterval']);

/**
 * The program with a call of `check` (a function in its scope that throws once the deadline has
 * passed) in each loop's condition and at the start of each function; undefined when it cannot be
 * guarded (then it must run where it can be stopped from outside, in the run worker).
 *
 * @example
 * ```ts
 * guardLoops('while (true) {}', '__guard'); // 'while (__guard() && (true)) {}'
 * ```
 */
export function guardLoops(js: string, check: string): string | undefined {
  let file;
  try {
    file = parse(js, false, false, false);
  } catch {
    return undefined;
  }
  const { tokens, scopes } = file;
  // Code made from strings runs unguarded: such a program runs in the worker.
  if (tokens.some((t) => t.type === tt.name && UNGUARDED.has(js.slice(t.start, t.end)))) return undefined;
  const tok = (i: number) => tokens[i] as Token;
  const inserts: Insert[] = [];
  /** The index of the token that closes the bracket opened at `open`. */
  const closing = (open: number): number | undefined => {
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
      const type = tok(i).type;
      if (OPEN.has(type)) depth++;
      else if (CLOSE.has(type) && --depth === 0) return i;
    }
    return undefined;
  };
  // Loops: `while (c)` (and the `while` of `do … while`) and `for (a; c; b)` check in their condition,
  // which runs before every iteration, `continue` included. for…in/of end with their finite object;
  // an endless iterator runs a function (its next()) or a generator's loop, which check.
  for (let i = 0; i < tokens.length; i++) {
    const t = tok(i);
    if (t.type !== tt._while && t.type !== tt._for) continue;
    let open = i + 1;
    if (tokens[open]?.type !== tt.parenL) {
      if (t.type === tt._for) open++; // for await (…)
      if (tokens[open]?.type !== tt.parenL) return undefined;
    }
    const close = closing(open);
    if (close === undefined) return undefined;
    const head = tok(open);
    const tail = tok(close);
    if (t.type === tt._while) {
      inserts.push({ at: head.end, text: `${check}() && (`, rank: 0 }, { at: tail.start, text: ')', rank: 1 });
      continue;
    }
    const semis: Token[] = [];
    let depth = 0;
    for (let j = open + 1; j < close; j++) {
      const u = tok(j);
      if (OPEN.has(u.type)) depth++;
      else if (CLOSE.has(u.type)) depth--;
      else if (u.type === tt.semi && depth === 0) semis.push(u);
    }
    if (semis.length === 0) continue; // for…in, for…of
    if (semis.length !== 2) return undefined;
    const [a, b] = semis as [Token, Token];
    if (js.slice(a.end, b.start).trim() === '') inserts.push({ at: a.end, text: ` ${check}()`, rank: 0 });
    else inserts.push({ at: a.end, text: ` ${check}() && (`, rank: 0 }, { at: b.start, text: ')', rank: 1 });
  }
  // Functions: sucrase records a scope for each function's parameters and one for a braced body,
  // both ending where the function ends. A braced body checks first thing; an arrow with an
  // expression body becomes `=> (check(), expression)`.
  const fns = scopes.filter((s) => s.isFunctionScope && s.endTokenIndex < tokens.length);
  const isBody = (s: Scope) => tok(s.startTokenIndex).type === tt.braceL && fns.some((p) => p !== s && p.endTokenIndex === s.endTokenIndex && p.startTokenIndex < s.startTokenIndex);
  const bodies = fns.filter(isBody);
  /** A parameters scope with a braced body: the nearest one before each body. */
  const withBody = new Set(
    bodies.map((b) => fns.filter((p) => p.endTokenIndex === b.endTokenIndex && p.startTokenIndex < b.startTokenIndex).reduce((x, y) => (y.startTokenIndex > x.startTokenIndex ? y : x))),
  );
  for (const b of bodies) inserts.push({ at: tok(b.startTokenIndex).end, text: `${check}();`, rank: 0 });
  for (const s of fns) {
    if (withBody.has(s) || bodies.includes(s)) continue;
    // An arrow with an expression body: its `=>` is the first one outside the parameters' brackets.
    let depth = 0;
    let arrow: number | undefined;
    for (let j = s.startTokenIndex; j < s.endTokenIndex; j++) {
      const u = tok(j);
      if (OPEN.has(u.type)) depth++;
      else if (CLOSE.has(u.type)) depth--;
      else if (u.type === tt.arrow && depth === 0) {
        arrow = j;
        break;
      }
    }
    if (arrow === undefined || arrow + 1 >= s.endTokenIndex) return undefined;
    inserts.push({ at: tok(arrow).end, text: ` (${check}(),`, rank: 0 }, { at: tok(s.endTokenIndex - 1).end, text: ')', rank: 0 });
  }
  // Applied from the end, so earlier offsets stay right; at one offset, the higher rank first, so it ends up last.
  inserts.sort((x, y) => y.at - x.at || y.rank - x.rank);
  let out = js;
  for (const ins of inserts) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return out;
}
