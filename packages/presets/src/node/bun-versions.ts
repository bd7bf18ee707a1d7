// The bun image of the Node preset: one pinned exact version, never a floating tag.

/** The exact bun version of the default image (`oven/bun:<version>-slim`, Debian slim). */
export const defaultBunVersion = '1.4.5';

/**
 * The bun base image for a wanted version: an exact version, or the default.
 *
 * @example
 * ```ts
 * bunImageFor(undefined); // { tag: 'oven/bun:1.4.5-slim' }
 * ```
 */
export function bunImageFor(wanted: string | undefined): { readonly tag: string } | { readonly problem: string } {
  const version = (wanted ?? defaultBunVersion).trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version)) return { problem: `${JSON.stringify(wanted)} is not an exact bun version` };
  return { tag: `oven/bun:${version}-slim` };
}
