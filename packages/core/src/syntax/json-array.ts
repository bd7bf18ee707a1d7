/** A JSON array of strings read from a logical line, with each element's span. */
export type JsonArray =
  | { readonly kind: 'strings'; readonly values: readonly { value: string; start: number; end: number }[] }
  /** Valid JSON, but an element is not a string: BuildKit refuses the instruction. */
  | { readonly kind: 'not-strings' }
  /** Not valid JSON: BuildKit silently reads the text as shell form. */
  | { readonly kind: 'invalid' };

const INVALID: JsonArray = { kind: 'invalid' };

/**
 * Reads `line.slice(start, end)` as BuildKit's `parseJSON` does: it must start with `[` and be a
 * JSON array whose elements are all strings.
 *
 * @example
 * ```ts
 * readJsonArray('["a", "b"]', 0, 10); // { kind: 'strings', values: [{ value: 'a', start: 1, end: 4 }, ...] }
 * ```
 */
export function readJsonArray(line: string, start: number, end: number): JsonArray {
  if (line.charCodeAt(start) !== 0x5b) return INVALID;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start, end));
  } catch {
    return INVALID;
  }
  if (!Array.isArray(parsed)) return INVALID;
  for (const element of parsed) if (typeof element !== 'string') return { kind: 'not-strings' };
  // The text is a valid array of strings, so a light scan finds where each string is.
  const values: { value: string; start: number; end: number }[] = [];
  let pos = start + 1;
  for (const value of parsed as string[]) {
    while (line.charCodeAt(pos) !== 0x22) pos++;
    const from = pos++;
    for (;;) {
      const c = line.charCodeAt(pos++);
      if (c === 0x5c) pos++;
      else if (c === 0x22) break;
    }
    values.push({ value, start: from, end: pos });
  }
  return { kind: 'strings', values };
}
