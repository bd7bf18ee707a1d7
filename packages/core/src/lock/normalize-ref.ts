import { splitImageRef } from '../validate/image-ref.js';

/** An image name split the way registries see it. */
export interface NormalizedName {
  /** The registry, `docker.io` for Docker Hub names, e.g. `ghcr.io` or `127.0.0.1:5000`. */
  readonly domain: string;
  /** The repository inside the registry, e.g. `library/node` or `acme/app`. */
  readonly path: string;
  /** `domain/path`, e.g. `docker.io/library/node`. */
  readonly full: string;
}

/**
 * The registry and repository of an image name, with Docker Hub's defaults made explicit, as
 * `docker pull` reads them: a first component without `.` or `:` (and not `localhost`) is a
 * Docker Hub path, and a one-component Docker Hub name lives under `library/`.
 *
 * @example
 * ```ts
 * normalizeImageName('node').full; // 'docker.io/library/node'
 * normalizeImageName('ghcr.io/acme/app').domain; // 'ghcr.io'
 * ```
 */
export function normalizeImageName(name: string): NormalizedName {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? name.slice(slash + 1) : name;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return Object.freeze({ domain, path, full: `${domain}/${path}` });
}

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
