import { readFileSync } from 'node:fs';

/**
 * The version in package.json, one directory up from this file both in `src/` and, bundled, in
 * `dist/`.
 *
 * @example
 * ```ts
 * packageVersion(); // '0.1.0'
 * ```
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}
