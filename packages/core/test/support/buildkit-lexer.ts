// A small TypeScript port of how BuildKit reads a Dockerfile, for tests only.
//
// dockerfile-ast is reliable for structure (keywords, flags, ranges) but not for values, so the
// property tests take the structure from dockerfile-ast and the value semantics from this port of
// moby/buildkit:
//   - frontend/dockerfile/shell/lex.go        lexWord()          (ProcessWord, escape token `\`)
//   - frontend/dockerfile/parser/parser.go    parseBuildKit()    (lines, continuations, comments,
//                                                                 directives, heredocs)
//   - frontend/dockerfile/parser/split_command.go  splitCommand(), extractBuilderFlags()
//   - frontend/dockerfile/parser/line_parsers.go   parseWords(), parseKeyValues(), parseJson(),
//                                                  parseMaybeJson(), splitWhitespace()
//   - frontend/dockerfile/instructions/runmount.go parseMount() (encoding/csv, then lexWord)
// Where the port is narrower than BuildKit (variable modifiers such as `${V:-x}`), it throws a
// LexError instead of guessing: Dockwright must never render those from literal values.

/** A variable reference the lexer found: BuildKit would substitute it; the tests compare it by name. */
export interface VarRef {
  readonly kind: 'VarRef';
  readonly name: string;
}

/** A lexed word: literal text and variable references, adjacent text merged, no empty strings. */
export type Lexed = readonly (string | VarRef)[];

/** BuildKit would fail on this input (or the port does not model it). */
export class LexError extends Error {
  override readonly name = 'LexError';
}

// ---- Go's unicode helpers -------------------------------------------------------------------

/** Go's unicode.IsSpace: Latin-1 spaces plus the White_Space property (not U+FEFF, unlike JS). */
export function isGoSpace(cp: number): boolean {
  switch (cp) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isGoLetter(cp: number): boolean {
  return LETTER.test(String.fromCodePoint(cp));
}

function isGoDigit(cp: number): boolean {
  return DIGIT.test(String.fromCodePoint(cp));
}

/** Go's strings.TrimLeftFunc(s, unicode.IsSpace). */
export function goTrimLeft(s: string): string {
  let i = 0;
  for (const ch of s) {
    if (!isGoSpace(ch.codePointAt(0) ?? 0)) break;
    i += ch.length;
  }
  return s.slice(i);
}

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  const chars = Array.from(goTrimLeft(s));
  while (chars.length > 0 && isGoSpace(chars[chars.length - 1]?.codePointAt(0) ?? 0)) chars.pop();
  return chars.join('');
}

/**
 * The text BuildKit sees: the file is UTF-8 bytes, so a lone surrogate in a JS string reaches
 * BuildKit as U+FFFD (Node writes it so, and Go decodes invalid bytes so).
 */
export function asUtf8(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text));
}

// ---- shell/lex.go: ProcessWord --------------------------------------------------------------

const EOF = -1;
const BACKSLASH = 0x5c;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/** Go's text/scanner as lex.go uses it: code points, and a BOM as the very first character is skipped. */
class Scanner {
  readonly #cps: number[];
  #pos = 0;

  constructor(word: string) {
    this.#cps = Array.from(word, (c) => c.codePointAt(0) ?? 0);
    // text/scanner's Peek: "if s.ch == '\uFEFF' { s.ch = s.next() // ignore BOM }", first char only.
    if (this.#cps[0] === 0xfeff) this.#pos = 1;
  }

  peek(): number {
    return this.#cps[this.#pos] ?? EOF;
  }

  next(): number {
    const c = this.peek();
    if (c !== EOF) this.#pos += 1;
    return c;
  }
}

class Parts {
  readonly #parts: (string | VarRef)[] = [];

  text(s: string): void {
    if (s === '') return;
    const last = this.#parts.length - 1;
    const prev = this.#parts[last];
    if (typeof prev === 'string') this.#parts[last] = prev + s;
    else this.#parts.push(s);
  }

  char(cp: number): void {
    this.text(String.fromCodePoint(cp));
  }

  add(parts: Lexed): void {
    for (const p of parts) {
      if (typeof p === 'string') this.text(p);
      else this.#parts.push(p);
    }
  }

  done(): Lexed {
    return this.#parts;
  }
}

function isSpecialParam(cp: number): boolean {
  return '@*#?-$!0'.includes(String.fromCodePoint(cp));
}

function processName(sc: Scanner): string {
  let name = '';
  while (sc.peek() !== EOF) {
    const ch = sc.peek();
    if (name === '' && isGoDigit(ch)) {
      while (sc.peek() !== EOF && isGoDigit(sc.peek())) name += String.fromCodePoint(sc.next());
      return name;
    }
    if (name === '' && isSpecialParam(ch)) return String.fromCodePoint(sc.next());
    if (!isGoLetter(ch) && !isGoDigit(ch) && ch !== 0x5f) break;
    name += String.fromCodePoint(sc.next());
  }
  return name;
}

function processDollar(sc: Scanner): Lexed {
  sc.next();
  if (sc.peek() !== LBRACE) {
    const name = processName(sc);
    return name === '' ? ['$'] : [{ kind: 'VarRef', name }];
  }
  sc.next();
  const first = sc.peek();
  if (first === EOF) throw new LexError("syntax error: missing '}'");
  if (first === LBRACE || first === RBRACE || first === 0x3a) throw new LexError('syntax error: bad substitution');
  const name = processName(sc);
  const ch = sc.next();
  if (ch === RBRACE) return [{ kind: 'VarRef', name }];
  if (ch !== EOF && ':+-?#%/'.includes(String.fromCodePoint(ch))) {
    // BuildKit supports these modifiers; literal values must never produce one, so the port refuses.
    throw new LexError(`port: modifier ${String.fromCodePoint(ch)} in \${${name}...} is not modelled`);
  }
  throw new LexError(`unsupported modifier (${ch === EOF ? '' : String.fromCodePoint(ch)}) in substitution`);
}

function processSingleQuote(sc: Scanner): string {
  sc.next();
  let out = '';
  for (;;) {
    const ch = sc.next();
    if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
    if (ch === SQUOTE) return out;
    out += String.fromCodePoint(ch);
  }
}

function processDoubleQuote(sc: Scanner): Lexed {
  sc.next();
  const out = new Parts();
  for (;;) {
    const peek = sc.peek();
    if (peek === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
    if (peek === DQUOTE) {
      sc.next();
      return out.done();
    }
    if (peek === DOLLAR) {
      out.add(processDollar(sc));
      continue;
    }
    let ch = sc.next();
    if (ch === BACKSLASH) {
      const after = sc.peek();
      if (after === EOF) continue; // "Ignore \ at end of word" (then: unterminated quote)
      if (after === DQUOTE || after === DOLLAR || after === BACKSLASH) ch = sc.next();
      // Any other character: the backslash stays, literally.
    }
    out.char(ch);
  }
}

/**
 * BuildKit's ProcessWord for one word with the default escape token: quotes removed, `\x` outside
 * quotes gives `x`, a trailing lone `\` is dropped, inside "..." only `\"`, `\$` and `\\` are
 * escapes, '...' is literal, and `$NAME` / `${NAME}` are returned as VarRefs.
 */
export function lexWord(word: string): Lexed {
  const sc = new Scanner(word);
  const out = new Parts();
  while (sc.peek() !== EOF) {
    const ch = sc.peek();
    if (ch === DOLLAR) {
      out.add(processDollar(sc));
    } else if (ch === SQUOTE) {
      out.text(processSingleQuote(sc));
    } else if (ch === DQUOTE) {
      out.add(processDoubleQuote(sc));
    } else {
      let c = sc.next();
      if (c === BACKSLASH) {
        c = sc.next();
        if (c === EOF) break;
      }
      out.char(c);
    }
  }
  return out.done();
}

/** lexWord for a slot that must hold literal text only: throws when a variable reference appears. */
export function lexLiteral(word: string): string {
  const parts = lexWord(word);
  const v = parts.find((p): p is VarRef => typeof p !== 'string');
  if (v !== undefined) throw new LexError(`unexpected variable reference $${v.name} in ${JSON.stringify(word)}`);
  return parts.join('');
}

/** Normalises expected parts the way lexWord returns them: adjacent text merged, empty text dropped. */
export function normalizeParts(parts: readonly (string | { readonly name: string })[]): Lexed {
  const out = new Parts();
  for (const p of parts) {
    if (typeof p === 'string') out.text(p);
    else out.add([{ kind: 'VarRef', name: p.name }]);
  }
  return out.done();
}

// ---- parser/line_parsers.go -----------------------------------------------------------------

/**
 * parseWords: splits on unicode spaces outside quotes, keeping quotes and escapes in the words
 * (they are removed later by lexWord). Used by ENV, LABEL and ARG.
 */
export function parseWords(rest: string): string[] {
  const cps = Array.from(rest, (c) => c.codePointAt(0) ?? 0);
  const words: string[] = [];
  type Phase = 'spaces' | 'word' | 'quote';
  let phase: Phase = 'spaces';
  let quote = 0;
  let blankOK = false;
  let word = '';
  for (let pos = 0; pos <= cps.length; pos += 1) {
    const atEnd = pos === cps.length;
    let ch = cps[pos] ?? 0;
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isGoSpace(ch)) continue;
      phase = 'word';
    }
    if (atEnd) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === SQUOTE || ch === DQUOTE) {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === BACKSLASH) {
        if (pos + 1 === cps.length) continue; // skip an escape token at end of line
        word += '\\';
        pos += 1;
        ch = cps[pos] ?? 0;
      }
      word += String.fromCodePoint(ch);
      continue;
    }
    // phase === 'quote'
    if (ch === quote) phase = 'word';
    if (ch === BACKSLASH && quote !== SQUOTE) {
      if (pos + 1 === cps.length) {
        phase = 'word';
        continue;
      }
      pos += 1;
      word += '\\';
      ch = cps[pos] ?? 0;
    }
    word += String.fromCodePoint(ch);
  }
  return words;
}

/** parseNameVal, the `key=value key2=value2` form of ENV and LABEL: raw (unlexed) keys and values. */
export function parseKeyValues(rest: string): { key: string; value: string }[] {
  const words = parseWords(rest);
  if (words.length === 0) return [];
  if (!(words[0] ?? '').includes('=')) throw new LexError('legacy `KEY value` form');
  return words.map((w) => {
    const at = w.indexOf('=');
    if (at < 0) throw new LexError(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    return { key: w.slice(0, at), value: w.slice(at + 1) };
  });
}

/** parseStringsWhitespaceDelimited: `[\t\v\f\r ]+` only (not other unicode spaces). */
export function splitWhitespace(rest: string): string[] {
  if (rest === '') return [];
  return rest.split(/[\t\v\f\r ]+/);
}

/** Thrown where BuildKit reports "arrays must be comprised of strings only". */
export class NotStringArrayError extends LexError {}

/**
 * parseJSON: after unicode spaces, text starting with `[` that Go's encoding/json decodes into an
 * array. Returns undefined where BuildKit falls back to the shell form.
 */
export function parseJson(rest: string): string[] | undefined {
  const text = goTrimLeft(rest);
  if (!text.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (value.some((v) => typeof v !== 'string')) throw new NotStringArrayError('when using JSON array syntax, arrays must be comprised of strings only');
  // Go decodes a lone surrogate escape (`"\ud800"`) to U+FFFD; JSON.parse keeps it.
  return (value as string[]).map((s) => s.replace(/\p{Cs}/gu, '\uFFFD'));
}

/** parseMaybeJSON (RUN, CMD, ENTRYPOINT, SHELL): exec form when the JSON parses, else the text. */
export function parseMaybeJson(rest: string): { json: true; argv: string[] } | { json: false; text: string } {
  if (rest === '') return { json: false, text: '' };
  const argv = parseJson(rest);
  return argv === undefined ? { json: false, text: rest } : { json: true, argv };
}

/** parseMaybeJSONToList (COPY, ADD, VOLUME): JSON elements or whitespace-split words, both still unlexed. */
export function parseMaybeJsonToList(rest: string): { json: boolean; words: string[] } {
  const argv = parseJson(rest);
  return argv === undefined ? { json: false, words: splitWhitespace(rest) } : { json: true, words: argv };
}

/** parseHealthConfig: the type word (`CMD` or `NONE`) and the rest, as parseMaybeJSON reads it. */
export function parseHealthConfig(rest: string): { type: string; command: ReturnType<typeof parseMaybeJson> } {
  // BuildKit scans bytes here, each byte read as a rune: 0x85 and 0xA0 inside a character are spaces.
  const bytes = encoder.encode(rest);
  let sep = 0;
  while (sep < bytes.length && !isGoSpace(bytes[sep] ?? 0)) sep += 1;
  let next = sep;
  while (next < bytes.length && isGoSpace(bytes[next] ?? 0)) next += 1;
  // The type keeps its bytes as Latin-1 runes, so a cut character never reads as CMD or NONE.
  const type = String.fromCharCode(...bytes.subarray(0, sep));
  return { type, command: parseMaybeJson(decoder.decode(bytes.subarray(next))) };
}

// ---- parser/split_command.go ----------------------------------------------------------------

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * extractBuilderFlags: leading `--name=value` words, up to the first word not starting with `--`
 * (a bare `--` ends the flags and is dropped). BuildKit walks bytes here: it strips quotes and
 * backslashes, and writes each byte as a rune, so non-ASCII bytes come out as Latin-1 mojibake
 * (`é` becomes `Ã©`), and a 0x85 or 0xA0 byte inside a character counts as a space; the port does
 * the same. (This is the version the corpus in shared/corpus/buildkit-parser agrees with:
 * `CMD --doit [ "a", "b" ]` has the one flag `--doit`.)
 */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const bytes = encoder.encode(line);
  const words: string[] = [];
  type Phase = 'spaces' | 'word' | 'quote';
  let phase: Phase = 'spaces';
  let word = '';
  let quote = 0;
  let blankOK = false;
  const restFrom = (pos: number) => decoder.decode(bytes.subarray(pos));
  for (let pos = 0; pos <= bytes.length; pos += 1) {
    const atEnd = pos === bytes.length;
    let ch = bytes[pos] ?? 0;
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isGoSpace(ch)) continue;
      if (ch !== 0x2d || pos + 1 === bytes.length || bytes[pos + 1] !== 0x2d) return { rest: restFrom(pos), flags: words };
      phase = 'word';
    }
    if (atEnd) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return { rest: restFrom(pos), flags: words };
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === SQUOTE || ch === DQUOTE) {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      if (ch === BACKSLASH) {
        if (pos + 1 === bytes.length) continue;
        pos += 1;
        ch = bytes[pos] ?? 0;
      }
      word += String.fromCodePoint(ch);
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === BACKSLASH) {
      if (pos + 1 === bytes.length) {
        phase = 'word';
        continue;
      }
      pos += 1;
      ch = bytes[pos] ?? 0;
    }
    word += String.fromCodePoint(ch);
  }
  return { rest: '', flags: words };
}

/** splitCommand: the keyword (lowercased), the flags, and the trimmed arguments. */
export function splitCommand(line: string): { command: string; flags: string[]; args: string } {
  const trimmed = goTrimSpace(line);
  const m = /^([^\t\v\f\r ]*)[\t\v\f\r ]+([\s\S]*)$/.exec(trimmed);
  const command = (m?.[1] ?? trimmed).toLowerCase();
  if (m === null) return { command, flags: [], args: '' };
  const { rest, flags } = extractBuilderFlags(m[2] ?? '');
  return { command, flags, args: goTrimSpace(rest) };
}

/** A flag word `--name=value` (as BFlags splits it); `--name` alone has value undefined. */
export function splitFlag(word: string): { name: string; value: string | undefined } {
  const body = word.replace(/^--/, '');
  const at = body.indexOf('=');
  return at < 0 ? { name: body, value: undefined } : { name: body.slice(0, at), value: body.slice(at + 1) };
}

// ---- instructions/runmount.go: --mount ------------------------------------------------------

/** Go's encoding/csv reading one record (no lazy quotes, no leading-space trimming). */
export function parseCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= line.length) throw new LexError('extraneous or missing " in quoted-field');
        const c = line[i] ?? '';
        if (c === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += c;
        i += 1;
      }
      if (i < line.length && line[i] !== ',') throw new LexError('extraneous or missing " in quoted-field');
    } else {
      const end = line.indexOf(',', i);
      field = end < 0 ? line.slice(i) : line.slice(i, end);
      if (field.includes('"')) throw new LexError('bare " in non-quoted-field');
      i = end < 0 ? line.length : end;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i += 1; // the comma
  }
}

/** parseMount: CSV fields `key=value` (keys lowercased), each value through the lexer. */
export function parseMount(value: string): Map<string, Lexed | true> {
  const out = new Map<string, Lexed | true>();
  for (const field of parseCsvRecord(value)) {
    const at = field.indexOf('=');
    if (at < 0) out.set(field.toLowerCase(), true);
    else out.set(field.slice(0, at).toLowerCase(), lexWord(field.slice(at + 1)));
  }
  return out;
}

// ---- parser/parser.go -----------------------------------------------------------------------

/** One heredoc attached to an instruction, its content with every line's `\n`. */
export interface BuildKitHeredoc {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly content: string;
}

/** One instruction as BuildKit's parser sees it, before the per-keyword line parser. */
export interface BuildKitInstruction {
  readonly command: string;
  readonly flags: readonly string[];
  readonly args: string;
  /** The logical line: continuations joined, comment lines inside them dropped. */
  readonly line: string;
  /** 1-based first and last physical line (heredoc bodies included). */
  readonly startLine: number;
  readonly endLine: number;
  readonly heredocs: readonly BuildKitHeredoc[];
}

export interface BuildKitParse {
  readonly directives: readonly { readonly name: string; readonly value: string }[];
  readonly instructions: readonly BuildKitInstruction[];
  readonly warnings: readonly string[];
}

// RE2's \s is [\t\n\f\r ] (no \v, nothing beyond ASCII). directives.go first cuts the `#` and
// trims unicode.IsSpace, then matches the rest.
const RE_DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;
const VALID_DIRECTIVES = new Set(['escape', 'syntax', 'check']);
const RE_CONTINUATION = /([^\\])\\[ \t]*$|^\\[ \t]*$/;
const RE_HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/s;
const HEREDOC_COMMANDS = new Set(['run', 'copy', 'add']);

function trimNewline(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}

function isComment(s: string): boolean {
  return goTrimLeft(trimNewline(s)).startsWith('#');
}

/**
 * Words of a line as heredocsFromLine sees them (ProcessWords with raw quotes and raw escapes):
 * split on unicode spaces outside quotes, quotes and backslashes kept. Simplified: `$` is kept as
 * text, which is what SkipUnsetEnv does with unset variables.
 */
function rawWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i] ?? '';
    if (quote !== undefined) {
      word += c;
      if (c === '\\' && quote === '"' && i + 1 < chars.length) {
        i += 1;
        word += chars[i] ?? '';
      } else if (c === quote) quote = undefined;
      continue;
    }
    if (isGoSpace(c.codePointAt(0) ?? 0)) {
      if (inWord && word !== '') words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += c;
    // lex.go's processPossibleHeredoc: an unquoted `<<` keeps the spaces, tabs and CRs after it.
    if (c === '<' && chars[i + 1] === '<') {
      word += '<';
      i += 1;
      while (chars[i + 1] === ' ' || chars[i + 1] === '\t' || chars[i + 1] === '\r') {
        i += 1;
        word += chars[i] ?? '';
      }
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < chars.length) {
      i += 1;
      word += chars[i] ?? '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}

function heredocsFromLine(line: string): { name: string; expand: boolean; chomp: boolean }[] {
  const docs: { name: string; expand: boolean; chomp: boolean }[] = [];
  for (const word of rawWords(line)) {
    const m = RE_HEREDOC.exec(word);
    if (m === null) continue;
    const rest = m[3] ?? '';
    if (rest === '') continue;
    const lexed = lexWord(rest);
    if (lexed.some((p) => typeof p !== 'string')) throw new LexError('port: a variable in a heredoc name is not modelled');
    const name = lexed.join('');
    if (name === '' || /\s/u.test(name)) continue;
    const quotes = (s: string) => (s.match(/["']/g) ?? []).length;
    docs.push({ name, expand: quotes(name) === quotes(rest), chomp: m[2] === '-' });
  }
  return docs;
}

/**
 * BuildKit's Parse(): physical lines (split on LF, endings kept), a BOM dropped on line one,
 * parser directives at the top, comments, continuation lines (whose comment lines are dropped),
 * then each logical line through splitCommand, and heredoc bodies read raw. Throws LexError where
 * BuildKit fails (a line of 64 KiB or more, an unterminated heredoc, an empty file).
 */
export function parseBuildKit(input: string): BuildKitParse {
  const text = asUtf8(input);
  const physical: string[] = [];
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    physical.push(text.slice(start, end));
    start = end;
  }
  for (const [i, l] of physical.entries()) {
    if (encoder.encode(trimNewline(l)).length >= 64 * 1024) throw new LexError(`line ${i + 1}: dockerfile line greater than max allowed size of 65535`);
  }
  const directives: { name: string; value: string }[] = [];
  let directivesDone = false;
  const seen = new Set<string>();
  const possibleDirective = (token: string) => {
    if (directivesDone) return;
    const m = token.startsWith('#') ? RE_DIRECTIVE.exec(goTrimLeft(token.slice(1))) : null;
    const key = m?.[1]?.toLowerCase();
    if (m === null || key === undefined || !VALID_DIRECTIVES.has(key)) {
      directivesDone = true;
      return;
    }
    if (seen.has(key)) throw new LexError(`only one ${key} parser directive can be used`);
    seen.add(key);
    directives.push({ name: key, value: m[2] ?? '' });
    if (key === 'escape' && m[2] !== '\\') throw new LexError('port: only the default escape token is modelled');
  };
  const processLine = (token: string, stripLeft: boolean) => {
    let t = trimNewline(token);
    if (stripLeft) t = goTrimLeft(t);
    possibleDirective(t);
    return t.startsWith('#') ? '' : t;
  };
  const continuation = (l: string): { line: string; end: boolean } => (RE_CONTINUATION.test(l) ? { line: l.replace(RE_CONTINUATION, '$1'), end: false } : { line: l, end: true });

  const instructions: BuildKitInstruction[] = [];
  const warnings: string[] = [];
  let i = 0;
  while (i < physical.length) {
    let first = physical[i] ?? '';
    if (i === 0 && first.startsWith('\uFEFF')) first = first.slice(1);
    const startLine = i + 1;
    i += 1;
    let { line, end } = continuation(processLine(first, true));
    if (end && line === '') continue;
    let emptyContinuation = false;
    while (!end && i < physical.length) {
      const raw = physical[i] ?? '';
      const token = processLine(raw, false);
      i += 1;
      if (isComment(raw)) continue;
      if (goTrimLeft(trimNewline(token)) === '') {
        emptyContinuation = true;
        continue;
      }
      const c = continuation(token);
      line += c.line;
      end = c.end;
    }
    if (emptyContinuation) warnings.push(`Empty continuation line found in: ${line}`);
    const { command, flags, args } = splitCommand(line);
    const heredocs: BuildKitHeredoc[] = [];
    const json = ['run', 'copy', 'add'].includes(command) && parseJson(args) !== undefined;
    if (HEREDOC_COMMANDS.has(command) && !json) {
      for (const doc of heredocsFromLine(line)) {
        let content = '';
        let terminated = false;
        while (i < physical.length) {
          const raw = physical[i] ?? '';
          i += 1;
          let candidate = trimNewline(raw);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          content += raw;
        }
        if (!terminated) throw new LexError('unterminated heredoc');
        heredocs.push({ ...doc, content });
      }
    }
    instructions.push({ command, flags, args, line, startLine, endLine: i, heredocs });
  }
  if (instructions.length === 0) throw new LexError('file with no instructions');
  return { directives, instructions, warnings };
}

// ---- instructions/parse.go and bflag.go: what the build refuses after parsing ---------------

type FlagType = 'string' | 'bool' | 'strings';
/** The flags each instruction declares before BFlags.Parse (ARG and STOPSIGNAL never parse theirs). */
const DECLARED: Readonly<Record<string, Readonly<Record<string, FlagType>>>> = {
  add: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'strings', unpack: 'bool' },
  copy: { chown: 'string', from: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  from: { platform: 'string' },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  healthcheck: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};
const NOT_PARSED = new Set(['arg', 'stopsignal']);

/** Go's time.ParseDuration, in nanoseconds, or undefined where Go fails. */
function parseGoDuration(s: string): number | undefined {
  const m = /^([-+]?)(.*)$/s.exec(s) as RegExpExecArray;
  if (m[2] === '0') return 0;
  if (m[2] === '') return undefined;
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };
  let total = 0;
  for (const part of (m[2] as string).matchAll(/(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)|(.)/gsu)) {
    if (part[4] !== undefined || (part[1] === '' && (part[2] ?? '') === '')) return undefined;
    total += Number(`${part[1] || 0}.${part[2] || 0}`) * (units[part[3] as string] as number);
  }
  return m[1] === '-' ? -total : total;
}

/** BFlags.Parse: `--name=value` words against the declared flags; the error BuildKit gives, if any. */
function bflagError(command: string, flags: readonly string[]): string | undefined {
  const declared = DECLARED[command] ?? {};
  const seen = new Set<string>();
  for (const word of flags) {
    if (!word.startsWith('--')) return `arguments must begin with '--'`;
    const { name, value } = splitFlag(word);
    const type = declared[name];
    if (type === undefined) return `unknown flag: ${name}`;
    if (type !== 'strings' && seen.has(name)) return `duplicate flag specified: ${name}`;
    seen.add(name);
    if (type === 'bool' && value !== undefined && !/^(true|false)$/i.test(value)) return `expecting boolean value for flag ${name}, not: ${value}`;
    if (type !== 'bool' && value === undefined) return `missing a value on flag: ${name}`;
  }
  return undefined;
}

/**
 * What BuildKit's instruction layer refuses in one parsed instruction (instructions.Parse), as its
 * message; undefined when the instruction is accepted. Only the checks made before a build starts.
 */
export function instructionError(ins: BuildKitInstruction): string | undefined {
  const cmd = ins.command;
  if (!NOT_PARSED.has(cmd) && !(cmd === 'healthcheck' && /^none$/i.test(parseHealthConfig(ins.args).type))) {
    const flagError = bflagError(cmd, ins.flags);
    if (flagError !== undefined) return flagError;
  }
  const flag = (name: string) => ins.flags.map(splitFlag).find((f) => f.name === name)?.value;
  switch (cmd) {
    case 'env':
    case 'label': {
      const pairs = parseWords(ins.args)[0]?.includes('=') ? parseKeyValues(ins.args) : [];
      return pairs.some((p) => p.key === '') ? `${cmd.toUpperCase()} names can not be blank` : undefined;
    }
    case 'arg': {
      const words = parseWords(ins.args);
      if (words.length === 0) return 'ARG requires at least one argument';
      return words.some((w) => w.startsWith('=')) ? 'ARG names can not be blank' : undefined;
    }
    case 'from': {
      const args = splitWhitespace(ins.args);
      if (args.length === 3 && /^as$/i.test(args[1] ?? '')) return /^[a-z][a-z0-9-_.]*$/.test((args[2] ?? '').toLowerCase()) ? undefined : `invalid name for build stage: "${args[2]}"`;
      return args.length === 1 ? undefined : 'FROM requires either one or three arguments';
    }
    case 'copy':
    case 'add': {
      const { words } = parseMaybeJsonToList(ins.args);
      if (words.length < 2) return `${cmd.toUpperCase()} requires at least two arguments`;
      return heredocsFromLine(words[words.length - 1] ?? '').length > 0 && RE_HEREDOC.test(words[words.length - 1] ?? '') ? `${cmd.toUpperCase()} cannot accept a heredoc as a destination` : undefined;
    }
    case 'run': {
      const network = flag('network') ?? 'default';
      if (!['default', 'none', 'host'].includes(network)) return `invalid network mode "${network}"`;
      const security = flag('security') ?? 'sandbox';
      return ['sandbox', 'insecure'].includes(security) ? undefined : `security "${security}" is not valid`;
    }
    case 'healthcheck': {
      const { type, command } = parseHealthConfig(ins.args);
      const upper = type.toUpperCase();
      if (upper === 'NONE') return command.json || command.text !== '' ? 'HEALTHCHECK NONE takes no arguments' : undefined;
      if (upper !== 'CMD') return `Unknown type "${type}" in HEALTHCHECK (try CMD)`;
      if (command.json ? command.argv.length === 0 : command.text === '') return 'Missing command after HEALTHCHECK CMD';
      for (const name of ['interval', 'timeout', 'start-period', 'start-interval']) {
        const value = flag(name);
        if (value === undefined || value === '') continue;
        const ns = parseGoDuration(value);
        if (ns === undefined) return `time: invalid duration "${value}"`;
        if (ns !== 0 && ns < 1e6) return `Interval "${name}" cannot be less than 1ms`;
      }
      const retries = flag('retries');
      if (retries !== undefined && retries !== '') {
        if (!/^[+-]?\d+$/.test(retries) || Math.abs(Number(retries)) > 2 ** 31) return `strconv.ParseInt: parsing "${retries}": invalid syntax`;
        if (Number(retries) < 0) return `--retries cannot be negative (${retries})`;
      }
      return undefined;
    }
    case 'volume': {
      const { words } = parseMaybeJsonToList(ins.args);
      if (words.length === 0) return 'VOLUME requires at least one argument';
      return words.some((w) => goTrimSpace(w) === '') ? 'VOLUME specified can not be an empty string' : undefined;
    }
    case 'onbuild': {
      const trigger = splitCommand(ins.args).command.toUpperCase();
      if (trigger === '') return 'ONBUILD requires at least one argument';
      if (trigger === 'ONBUILD') return 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed';
      return trigger === 'MAINTAINER' || trigger === 'FROM' ? `${trigger} isn't allowed as an ONBUILD trigger` : undefined;
    }
    default:
      return undefined;
  }
}
