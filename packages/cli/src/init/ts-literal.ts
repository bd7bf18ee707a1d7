/**
 * A TypeScript string literal in single quotes, for the target modules `init` writes.
 *
 * @example
 * ```ts
 * tsString("it's"); // "'it\\'s'"
 * ```
 */
export function tsString(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replaceAll("\\\"", '"').replaceAll("'", "\\'")}'`;
}
