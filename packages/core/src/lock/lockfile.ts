import type { DockwrightIssue } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { isDigest, isImageName, isTag, splitImageRef } from '../validate/image-ref.js';
import { lockKey } from './normalize-ref.js';
import { parseYamlSubset, type YamlValue } from './yaml-subset.js';

/** What the lockfile records for one `name:tag`: the digest the tag pointed to when locked. */
export interface LockedImage {
  /** The digest of what the tag pointed to: for a multi-platform image, its index (manifest list). */
  readonly digest: string;
  /** The media type of that manifest, e.g. `application/vnd.oci.image.index.v1+json`. */
  readonly mediaType: string;
  /** The platforms it covers (`linux/amd64`, `linux/arm64/v8`), sorted; empty when unknown. */
  readonly platforms: readonly string[];
}

/** The contents of `dockwright.lock.yaml`: every locked image by `registry/repository:tag`. */
export interface Lockfile {
  readonly version: 1;
  /** By lock key (`docker.io/library/node:22.11-bookworm-slim`, see `lockKey()`). */
  readonly images: Readonly<Record<string, LockedImage>>;
}

/** The result of `parseLockfile()`: the lockfile, or every problem with its line. */
export type LockfileResult =
  | { readonly ok: true; readonly lockfile: Lockfile }
  | { readonly ok: false; readonly issues: readonly [DockwrightIssue, ...DockwrightIssue[]] };

/** The name `dockwright lock` writes and `dockwright render` reads, beside the configuration. */
export const LOCKFILE_NAME = 'dockwright.lock.yaml';

const HEADER = [
  '# dockwright.lock.yaml: the digest each locked image tag pointed to when it was locked.',
  '# Written by `dockwright lock` (refresh with `dockwright lock --update`); do not edit by hand.',
];

/** `os/arch[/variant]`, as the lockfile records platforms (lock-schema.ts states the same). */
export const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/**
 * A lockfile with no images.
 *
 * @example
 * ```ts
 * const lock = emptyLockfile();
 * lock.images; // {}
 * ```
 */
export function emptyLockfile(): Lockfile {
  return Object.freeze({ version: 1, images: Object.freeze({}) });
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The lockfile as YAML: a schema version, then one block per image sorted by key, with its
 * platforms one per line. Every string is double-quoted (a YAML string that is also JSON), so
 * the same lockfile always gives the same bytes and a change is a small diff.
 *
 * @example
 * ```ts
 * formatLockfile({ version: 1, images: { 'docker.io/library/node:22': { digest: 'sha256:...', mediaType: '...', platforms: ['linux/amd64'] } } });
 * ```
 */
export function formatLockfile(lockfile: Lockfile): string {
  const lines = [...HEADER, 'version: 1'];
  const keys = Object.keys(lockfile.images).sort(byCodeUnit);
  if (keys.length === 0) lines.push('images: {}');
  else lines.push('images:');
  for (const key of keys) {
    const entry = lockfile.images[key] as LockedImage;
    lines.push(`  ${JSON.stringify(key)}:`, `    digest: ${JSON.stringify(entry.digest)}`, `    mediaType: ${JSON.stringify(entry.mediaType)}`);
    const platforms = [...entry.platforms].sort(byCodeUnit);
    if (platforms.length === 0) lines.push('    platforms: []');
    else lines.push('    platforms:', ...platforms.map((p) => `      - ${JSON.stringify(p)}`));
  }
  return `${lines.join('\n')}\n`;
}

const isMap = (v: YamlValue | undefined): v is { readonly [key: string]: YamlValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `dockwright.lock.yaml`. It is YAML: the block mappings, lists and quoted or plain strings
 * that `formatLockfile()` writes (and an editor or a merge tool keeps) are read; anchors, tags and
 * multi-line strings are not. Every problem is returned with its line, as DW1014.
 *
 * @example
 * ```ts
 * const result = parseLockfile(readFileSync('dockwright.lock.yaml', 'utf8'));
 * if (result.ok) dockerfile(app, { lockfile: result.lockfile });
 * ```
 */
export function parseLockfile(text: string): LockfileResult {
  const fix = 'regenerate it with `dockwright lock --update` (after resolving any merge conflict by taking either side)';
  const parsed = parseYamlSubset(text);
  if (!parsed.ok) return { ok: false, issues: [issue('DW1014', `lockfile line ${parsed.line}: ${parsed.message}`, fix)] };
  const root = parsed.value;
  const issues: DockwrightIssue[] = [];
  const bad = (message: string) => issues.push(issue('DW1014', `lockfile: ${message}`, fix));
  if (!isMap(root)) {
    bad('the document is not a mapping with version and images');
    return { ok: false, issues: [issues[0] as DockwrightIssue] };
  }
  if (root['version'] !== '1') bad(`version is ${JSON.stringify(root['version'] ?? null)}, this dockwright reads version 1`);
  for (const key of Object.keys(root)) if (key !== 'version' && key !== 'images') bad(`unknown key "${key}"`);
  const images: Record<string, LockedImage> = {};
  const given = root['images'];
  if (!isMap(given)) bad('images is not a mapping of "registry/repository:tag" to { digest, mediaType, platforms }');
  else {
    for (const [key, value] of Object.entries(given)) {
      const parts = splitImageRef(key);
      if (parts.tag === undefined || parts.digest !== undefined || !isImageName(parts.name) || !isTag(parts.tag) || lockKey(parts.name, parts.tag) !== key) {
        bad(`"${key}" is not a normalised registry/repository:tag`);
        continue;
      }
      if (!isMap(value)) {
        bad(`"${key}" is not a mapping with digest, mediaType and platforms`);
        continue;
      }
      const { digest, mediaType, platforms } = value;
      for (const k of Object.keys(value)) if (!['digest', 'mediaType', 'platforms'].includes(k)) bad(`"${key}" has an unknown key "${k}"`);
      if (typeof digest !== 'string' || !isDigest(digest)) bad(`"${key}" has no valid digest (sha256: and 64 lowercase hex digits)`);
      if (typeof mediaType !== 'string' || mediaType === '') bad(`"${key}" has no mediaType`);
      if (!Array.isArray(platforms) || platforms.some((p) => typeof p !== 'string' || !PLATFORM.test(p))) bad(`"${key}" has no valid platforms list (os/arch[/variant])`);
      if (typeof digest === 'string' && typeof mediaType === 'string' && Array.isArray(platforms)) {
        images[key] = Object.freeze({ digest, mediaType, platforms: Object.freeze([...(platforms as string[])].sort(byCodeUnit)) });
      }
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  return { ok: true, lockfile: Object.freeze({ version: 1, images: Object.freeze(images) }) };
}
