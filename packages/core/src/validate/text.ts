import type { DockwrightIssue, IssuePath } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { hasControl } from '../render/quote.js';

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
