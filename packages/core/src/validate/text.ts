import type { DockwrightIssue, IssuePath } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { hasControl } from '../lexical/quote.js';

/** Describes a character for a message: `U+000A (line feed)`. */
function describe(value: string): string {
  const match = /[\u0000-\u001f\u007f\u0085\u2028\u2029]|\p{Cs}/u.exec(value);
  const code = match?.[0]?.codePointAt(0) ?? 0;
  const names: Record<number, string> = { 0: 'NUL', 9: 'tab', 10: 'line feed', 13: 'carriage return', 0x2028: 'line separator', 0x2029: 'paragraph separator', 0x85: 'next line' };
  const name = names[code] ?? (code >= 0xd800 && code <= 0xdfff ? 'lone surrogate, which has no UTF-8 form' : undefined);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** Shortens a value for a message, so a 60 KiB value does not flood the terminal. */
export function preview(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(shown);
}

/**
 * Checks a one-line slot: no control characters, no line breaks of any kind, no lone surrogates
 * (a JS string can hold one; the UTF-8 file cannot). Returns the issue,
 * or undefined when the value is fine.
 */
export function checkLine(value: string, what: string, path: IssuePath): DockwrightIssue | undefined {
  if (!hasControl(value)) return undefined;
  return issue(
    'DW7001',
    `${what} ${preview(value)} contains ${describe(value)}`,
    'a one-line value cannot hold line breaks or control characters; multi-line scripts go in run() as a string with newlines (rendered as a heredoc) or in exec form',
    path,
  );
}

// Go's unicode.IsSpace: what BuildKit's strings.TrimSpace removes.
const GO_SPACE = /^[\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/**
 * Checks a value BuildKit trims at both ends (a RUN command, a VOLUME path), where a no-break
 * space or another Unicode blank would silently be dropped. Spaces and tabs are left to the
 * caller unless `ascii` is set (a shell ignores them at the ends of a command; a path does not).
 */
export function checkEdges(value: string, what: string, path: IssuePath, ascii = false): DockwrightIssue | undefined {
  const inner = ascii ? value : value.replace(/^[ \t]+|[ \t]+$/g, '');
  const chars = Array.from(inner);
  const edge = [chars[0], chars.at(-1)].find((c) => c !== undefined && GO_SPACE.test(c));
  if (edge === undefined) return undefined;
  const code = `U+${(edge.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return issue('DW7003', `${what} ${preview(value)} starts or ends with ${code}, a blank BuildKit trims`, 'remove the blank at the start and the end', path);
}
