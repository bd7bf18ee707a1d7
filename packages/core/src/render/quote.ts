import type { Text } from '../ast/text.js';

// Characters that BuildKit reads the same whether quoted or not, in every expanded slot.
const BARE = /^[A-Za-z0-9_.,/:@%+-]+$/;
// Words of COPY/ADD/VOLUME shell form also allow globs, `=`, `&` and a `#` after the first character;
// no quotes, no `$`, no `[` first (it would be tried as JSON).
const BARE_PATH = /^[A-Za-z0-9_.,/:@%+=*?~&-][A-Za-z0-9_.,/:@%+=*?~&#-]*$/;
// BuildKit splits lines on LF only; these other line breaks are refused so no reader sees two lines.
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/u;

/** True when the string holds a control character or any line break. */
export function hasControl(value: string): boolean {
  return CONTROL.test(value);
}

/** Escapes for BuildKit's lexer inside double quotes, where `\` escapes only `"`, `$` and `\`. */
function escapeInDoubleQuotes(value: string): string {
  return value.replace(/[\\"$]/g, (c) => `\\${c}`);
}

/** Escapes for BuildKit's lexer outside quotes, where `\` escapes any character. */
function escapeBare(value: string): string {
  return value.replace(/[\\"$']/g, (c) => `\\${c}`);
}

function varRef(name: string, next: string | undefined): string {
  // `$NAME` where nothing name-like follows (the idiom people read), `${NAME}` otherwise.
  return next !== undefined && /^[A-Za-z0-9_]/.test(next) ? `\${${name}}` : `$${name}`;
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
  const rendered = joinParts(parts, plain ? (p) => p : escapeInDoubleQuotes);
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
  return joinParts(parts, (p) => p);
}

/** A JSON string literal; U+2028 and U+2029 escaped too so no reader breaks the line there. */
export function jsonString(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Exec form, `["a", "b"]`: JSON strings joined by `", "`. RUN/CMD/ENTRYPOINT/SHELL are not expanded. */
export function execForm(argv: readonly string[]): string {
  return `[${argv.map(jsonString).join(', ')}]`;
}

/** JSON form for COPY, ADD and VOLUME, whose elements BuildKit still expands: lexer-escape, then JSON. */
export function expandedJsonForm(words: readonly Text[]): string {
  const items = words.map((w) => {
    const parts = typeof w === 'string' ? [w] : w.parts;
    return jsonString(joinParts(parts, escapeBare));
  });
  return `[${items.join(', ')}]`;
}

/** Shell text (RUN): written as is, variables as `${NAME}` for the shell to expand. */
export function shellText(text: Text): string {
  if (typeof text === 'string') return text;
  return joinParts(text.parts, (p) => p);
}
