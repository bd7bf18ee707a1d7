// The Python lines the Python preset knows: `major.minor` becomes exactly one pinned image. One
// table, read by the preset and by `dockwright init`.

/** Exact interpreter versions per minor, as of December 2026: a default base image is pinned, never a floating tag. */
export const pythonReleases: Readonly<Record<string, string>> = Object.freeze({
  '3.9': '3.9.21',
  '3.10': '3.10.16',
  '3.11': '3.11.11',
  '3.12': '3.12.8',
  '3.13': '3.13.1',
});

/** The minor the preset uses when the project does not say. */
export const DEFAULT_PYTHON = '3.12';

/**
 * The pinned default image for a `major.minor` (undefined: the default line); undefined when the
 * table does not know the minor.
 *
 * @example
 * ```ts
 * pythonImageFor('3.11'); // 'python:3.11.11-slim-bookworm'
 * ```
 */
export function pythonImageFor(version: string | undefined): string | undefined {
  if (version !== undefined && typeof version !== 'string') return undefined;
  const exact = pythonReleases[version ?? DEFAULT_PYTHON];
  return exact === undefined ? undefined : `python:${exact}-slim-bookworm`;
}
