import type { Text } from '../ast/text.js';
import type { DockwrightCode } from '../errors/codes.js';
import { DockwrightError } from '../errors/dockwright-error.js';
import { issue } from '../errors/issue.js';
import { badVariableName, VAR_NAME, type NameProblem } from './names.js';

// Characters that BuildKit reads the same whether quoted or not, in every expanded slot.
const BARE = /^[A-Za-z0-9_.,/:@%+-]+$/;
// Words of COPY/ADD/VOLUME shell form also allow globs, `=`, `&` and a `#` after the first character;
// no quotes, no `$`, no `[` first (it would be tried as JSON).
const BARE_PATH = /^[A-Za-z0-9_.,/:@%+=*?~&-][A-Za-z0-9_.,/:@%+=*?~&#-]*$/;
// BuildKit splits lines on LF only; these other line breaks are refused so no reader sees two lines.
// A lone surrogate has no UTF-8 form: the file on disk would hold U+FFFD instead of the value.
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]|\p{Cs}/u;

/** True when the string holds a control character, any line break, or a lone surrogate. */
export function hasControl(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * Refuses at render time what no rendering can carry. The builder reports these as issues where
 * it checks the input; these guards keep a value that slipped past it (a variable name, an ARG
 * default reaching FROM --platform, a RUN template) from ever starting a new line or instruction.
 */
function refuse(code: DockwrightCode, message: string, hint: string): never {
  throw new DockwrightError([issue(code, message, hint)]);
}

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

/** A literal part of a one-line slot: no control characters, line breaks or lone surrogates. */
function oneLine(value: string): string {
  if (hasControl(value)) {
    refuse('DW7001', `the value ${shown(value)} holds a control character, a line break or a lone surrogate`, 'a one-line value cannot hold line breaks or control characters');
  }
  return value;
}

/**
 * A value the printers write without quoting (a name, a key, a mode, a number): it must match its
 * grammar. The builder checks these first; this keeps an AST built by hand (or read from JSON)
 * from writing anything else into the text.
 *
 * @example
 * ```ts
 * token('NODE_ENV', (v) => /^[A-Za-z_]\w*$/.test(v), 'an ENV key'); // 'NODE_ENV'
 * ```
 *
 * A rule's own message (`refusal`) is given where the value has one (ENV, ARG and label keys), so
 * that a code says the same thing wherever it is raised.
 */
export function token(value: unknown, ok: (v: string) => boolean, what: string, refusal?: (text: string) => NameProblem): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || hasControl(text) || !ok(text)) {
    if (refusal !== undefined) {
      const { code, message, hint } = refusal(typeof text === 'string' ? text : String(text));
      refuse(code, message, hint);
    }
    refuse('DW9005', `${what} ${typeof text === 'string' ? shown(text) : String(text)} cannot be written in a Dockerfile`, `build the Dockerfile with the builder, which checks ${what}`);
  }
  return text;
}

/** One line of comment text (comments, reasons, the header): no line break, no control character. */
export function commentText(value: unknown, what: string): string {
  return token(value, () => true, what);
}

/** Escapes for BuildKit's lexer inside double quotes, where `\` escapes only `"`, `$` and `\`. */
function escapeInDoubleQuotes(value: string): string {
  return value.replace(/[\\"$]/g, (c) => `\\${c}`);
}

/**
 * Escapes for BuildKit's lexer outside quotes, where `\` escapes any character. A BOM is escaped
 * too: Go's text/scanner drops U+FEFF when it is the first character of a word.
 */
function escapeBare(value: string): string {
  return value.replace(/[\\"$'\uFEFF]/g, (c) => `\\${c}`);
}

function varRef(name: string, next: string | undefined): string {
  // Anything else would read back as another name, as literal text, or start a new line.
  if (!VAR_NAME.test(name)) {
    const { code, message, hint } = badVariableName('variable', name);
    refuse(code, message, hint);
  }
  // `$NAME` where nothing name-like follows (the idiom people read), `${NAME}` otherwise. Name-like
  // is BuildKit's: its lexer reads any Unicode letter or digit into the name (`$_À` is `_À`).
  return next !== undefined && /^[\p{L}\p{Nd}_]/u.test(next) ? `\${${name}}` : `$${name}`;
}

/** Joins literal parts (each passed through `literal`) and variables. */
function joinParts(parts: readonly (string | { readonly name: string })[], literal: (s: string) => string): string {
  let out = '';
  parts.forEach((p, i) => {
    if (typeof p === 'string') out += literal(p);
    else {
      const next = parts[i + 1];
      out += varRef(p.name, typeof next === 'string' ? next : next === undefined ? undefined : '$');
    }
  });
  return out;
}

/**
 * Renders a value for a slot BuildKit expands (ENV, LABEL, ARG, WORKDIR, USER, FROM...): bare when
 * it is plain, else double-quoted with `\`, `"` and `$` escaped. Variables render as `${NAME}`.
 */
export function quoteWord(text: Text): string {
  const parts = typeof text === 'string' ? [text] : text.parts;
  const plain = parts.every((p) => typeof p !== 'string' || p === '' || BARE.test(p));
  const rendered = joinParts(parts, plain ? oneLine : (p) => escapeInDoubleQuotes(oneLine(p)));
  return plain && rendered !== '' ? rendered : `"${rendered}"`;
}

/** True when a path can be written as a bare word of a shell-form COPY, ADD or VOLUME. */
export function isBarePath(text: Text): boolean {
  const parts = typeof text === 'string' ? [text] : text.parts;
  const first = parts[0];
  if (typeof first === 'string' && first.startsWith('[')) return false;
  return parts.some((p) => typeof p !== 'string' || p !== '') && parts.every((p) => typeof p !== 'string' || p === '' || BARE_PATH.test(p));
}

/** Renders a path as a bare word (only call when `isBarePath` holds). */
export function barePath(text: Text): string {
  const parts = typeof text === 'string' ? [text] : text.parts;
  return notHeredoc(joinParts(parts, (p) => p));
}

// BuildKit takes a COPY/ADD source that matches `^\d*<<` as a heredoc, in JSON form too, before
// the lexer runs; an escaped first character no longer matches, and the lexer removes the escape.
const HEREDOC_LIKE = /^\d*<</;

function notHeredoc(word: string): string {
  return HEREDOC_LIKE.test(word) ? `\\${word}` : word;
}

/**
 * A JSON string literal. JSON.stringify escapes only C0 controls; DEL, the C1 controls (U+0085 is
 * NEL, a line break to many readers), U+2028 and U+2029 are escaped too, so no reader breaks the
 * line there and the file holds no raw control character.
 */
export function jsonString(value: string): string {
  // JSON.stringify writes a lone surrogate as `\ud800`, which Go's JSON decoder reads as U+FFFD.
  if (/\p{Cs}/u.test(value)) refuse('DW7001', `the argument ${shown(value)} holds a lone surrogate, which has no UTF-8 form`, 'pass well-formed Unicode text');
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Exec form, `["a", "b"]`: JSON strings joined by `", "`. RUN/CMD/ENTRYPOINT/SHELL are not expanded. */
export function execForm(argv: readonly string[]): string {
  return `[${argv.map(jsonString).join(', ')}]`;
}

/** JSON form for COPY, ADD and VOLUME, whose elements BuildKit still expands: lexer-escape, then JSON. */
export function expandedJsonForm(words: readonly Text[]): string {
  const items = words.map((w) => {
    const parts = typeof w === 'string' ? [w] : w.parts;
    return jsonString(notHeredoc(joinParts(parts, (p) => escapeBare(oneLine(p)))));
  });
  return `[${items.join(', ')}]`;
}

/**
 * A flag value (`--platform=`, `--chown=`, `--exclude=`...). BuildKit reads it through two layers:
 * the flag reader first strips quotes and backslashes, then the lexer expands the result. So the
 * value is escaped for the lexer (every `\`, `"`, `$`, `'` gets a backslash), then quoted for the
 * flag reader (`quoteFlag`). The flag reader reads bytes, so anything outside printable ASCII is
 * refused: it would come back as other characters.
 */
export function flagValue(text: Text): string {
  const parts = typeof text === 'string' ? [text] : text.parts;
  const literal = (p: string) => {
    if (/[^\x20-\x7e]/.test(p)) refuse('DW7001', `the flag value ${shown(p)} holds a character outside printable ASCII, which BuildKit's flag reader cannot carry`, 'use printable ASCII in flag values');
    return escapeBare(p);
  };
  const rendered = joinParts(parts, literal);
  if (rendered === '') refuse('DW7001', 'an empty flag value', 'give the flag a value or leave it out');
  return quoteFlag(rendered);
}

// Flag values written bare; the flag reader reads these the same quoted or not.
const BARE_FLAG = /^[A-Za-z0-9_.,/:@%+=~${}-]+$/;

/**
 * The flag reader's layer alone: `text` as the lexer should see it, written bare when it is
 * plain, else in double quotes with `"` and `\` escaped. The formatter writes flags with it too.
 *
 * @example
 * ```ts
 * quoteFlag('$BUILDPLATFORM'); // '$BUILDPLATFORM'
 * quoteFlag('**' + '/*.md'); // '"**' + '/*.md"'
 * ```
 */
export function quoteFlag(text: string): string {
  return BARE_FLAG.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}

// Words a POSIX shell reads as themselves, unquoted.
const SHELL_SAFE = /^[A-Za-z0-9_.,/:@%+=-]+$/;

/**
 * One word of a shell command the builder generates (useradd, adduser, package lists): as is when
 * the shell reads it as itself, else in single quotes with `'` written `'\''`. Line breaks and
 * control characters are refused; the builder reports them first.
 *
 * @example
 * ```ts
 * shellWord('/home/app'); // '/home/app'
 * shellWord("it's"); // "'it'\\''s'"
 * ```
 */
export function shellWord(value: string): string {
  oneLine(value);
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * Shell text (RUN): written as is, variables as `${NAME}` for the shell to expand. Refuses text
 * BuildKit would read as something else: a leading `--word` is taken as a RUN flag, and text that
 * is a JSON array is taken as the exec form. The builder checks a literal's line breaks, trailing
 * backslash, leading `#`, `<<` and emptiness; a template is checked here.
 */
export function shellText(text: Text): string {
  // A template is trimmed as the builder trims a literal command (no trailing blank on the line).
  const rendered = typeof text === 'string' ? text : joinParts(text.parts, oneLine).replace(/^[ \t]+|[ \t]+$/g, '');
  if (rendered === '') refuse('DW5007', 'run() has an empty command', 'pass the command to run');
  if (/^\s*--/.test(rendered)) {
    refuse('DW7003', `the command ${shown(rendered)} starts with --, which BuildKit reads as a RUN flag`, 'start the command with the program, or use exec form: run(["prog", "--flag"])');
  }
  if (/^\s*\[/.test(rendered) && isJsonArray(rendered)) {
    refuse('DW7003', `the command ${shown(rendered)} is a JSON array, which BuildKit reads as the exec form`, 'pass the argv as an array: run(["prog", "arg"])');
  }
  if (typeof text !== 'string') {
    if (/\\\s*$/.test(rendered)) refuse('DW7003', 'the command ends with a backslash, which would join the next line', 'remove the trailing backslash');
    if (/^\s*#/.test(rendered)) refuse('DW7003', 'the command starts with #, which BuildKit drops as a comment inside a continuation', 'start the command with the program');
    if (rendered.includes('<<')) refuse('DW5004', 'a `<<` in a one-line RUN is read as a heredoc by Dockerfile 1.4+', 'pass the whole script with newlines (rendered as a heredoc), or use exec form');
  }
  return rendered;
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
