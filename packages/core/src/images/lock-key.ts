import { normalizeImageName, splitImageRef } from './image-name.js';

/**
 * The key of an image in the lockfile: the normalised name and the tag, `docker.io/library/node:22`.
 * Two spellings of one image (`node:22`, `docker.io/library/node:22`) share one key.
 *
 * @example
 * ```ts
 * lockKey('node', '22.11-bookworm-slim'); // 'docker.io/library/node:22.11-bookworm-slim'
 * lockKey('127.0.0.1:5000/acme/base', '1.0'); // '127.0.0.1:5000/acme/base:1.0'
 * ```
 */
export function lockKey(name: string, tag: string): string {
  return `${normalizeImageName(name).full}:${tag}`;
}

/**
 * Parses a lockfile key (or any `name:tag` reference) back into its normalised name and tag;
 * undefined when it has no tag.
 *
 * @example
 * ```ts
 * parseLockKey('node:22'); // { name: 'docker.io/library/node', tag: '22' }
 * ```
 */
export function parseLockKey(key: string): { readonly name: string; readonly tag: string } | undefined {
  const parts = splitImageRef(key);
  if (parts.tag === undefined || parts.digest !== undefined) return undefined;
  return { name: normalizeImageName(parts.name).full, tag: parts.tag };
}
