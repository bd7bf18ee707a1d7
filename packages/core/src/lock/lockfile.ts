import type { DockwrightIssue } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { isDigest, isImageName, isTag, splitImageRef } from '../images/image-name.js';
import { lockKey } from '../images/lock-key.js';
import { describeValue } from '../validate/arguments.js';
import { parseYamlSubset } from './yaml-subset.js';

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

const isMap = (v: unknown): v is { readonly [key: string]: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);

const FIX = 'regenerate it with `dockwright lock --update` (after resolving any merge conflict by taking either side)';

/**
 * Checks the images of a lockfile, read from YAML or built in code: every key a normalised
 * `registry/repository:tag`, every entry a valid digest, a media type and a platforms list.
 * Returns the checked entries (platforms sorted); reports each problem through `bad`.
 */
function checkImages(given: unknown, bad: (message: string) => void): Record<string, LockedImage> {
  const images: Record<string, LockedImage> = {};
  if (!isMap(given)) {
    bad('images is not a mapping of "registry/repository:tag" to { digest, mediaType, platforms }');
    return images;
  }
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
    const digestOk = typeof digest === 'string' && isDigest(digest);
    const mediaTypeOk = typeof mediaType === 'string' && /^[\x21-\x7e]+$/.test(mediaType);
    const platformsOk = Array.isArray(platforms) && platforms.every((p) => typeof p === 'string' && PLATFORM.test(p));
    if (!digestOk) bad(`"${key}" has no valid digest (sha256: and 64 lowercase hex digits)`);
    if (!mediaTypeOk) bad(`"${key}" has no mediaType`);
    if (!platformsOk) bad(`"${key}" has no valid platforms list (os/arch[/variant])`);
    if (digestOk && mediaTypeOk && platformsOk) {
      images[key] = Object.freeze({ digest, mediaType, platforms: Object.freeze([...(platforms as string[])].sort(byCodeUnit)) });
    }
  }
  return images;
}

/**
 * Checks a Lockfile value built in code (or read from JSON) as `parseLockfile()` checks the YAML:
 * a lockfile that names a digest such as `' #'` would otherwise reach the FROM line.
 *
 * @example
 * ```ts
 * validateLockfile({ version: 1, images: {} }).ok; // true
 * validateLockfile({ version: 1, images: { 'docker.io/library/debian:12.8-slim': { digest: ' #', mediaType: 'x', platforms: [] } } }).ok; // false
 * ```
 */
export function validateLockfile(value: unknown): LockfileResult {
  const issues: DockwrightIssue[] = [];
  const bad = (message: string) => issues.push(issue('DW1014', `lockfile: ${message}`, 'build it with parseLockfile() from dockwright.lock.yaml, or give every image a sha256 digest, a mediaType and its platforms'));
  if (!isMap(value)) bad('it is not an object with version and images');
  else {
    // As the lockfile's JSON Schema says: 1, or '1' as YAML and some JSON writers spell it.
    if (value['version'] !== 1 && value['version'] !== '1') bad(`version is ${JSON.stringify(value['version'] ?? null)}, this dockwright reads version 1`);
    for (const key of Object.keys(value)) if (key !== 'version' && key !== 'images') bad(`unknown key "${key}"`);
    const images = checkImages(value['images'], bad);
    const [first, ...rest] = issues;
    if (first === undefined) return { ok: true, lockfile: Object.freeze({ version: 1, images: Object.freeze(images) }) };
    return { ok: false, issues: [first, ...rest] };
  }
  return { ok: false, issues: [issues[0] as DockwrightIssue] };
}

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
  if (typeof text !== 'string') return { ok: false, issues: [issue('DW9005', `parseLockfile(): the text is ${describeValue(text)}, not a string`, "pass the file's contents: parseLockfile(readFileSync('dockwright.lock.yaml', 'utf8'))")] };
  const parsed = parseYamlSubset(text);
  if (!parsed.ok) return { ok: false, issues: [issue('DW1014', `lockfile line ${parsed.line}: ${parsed.message}`, FIX)] };
  const root = parsed.value;
  const issues: DockwrightIssue[] = [];
  const bad = (message: string) => issues.push(issue('DW1014', `lockfile: ${message}`, FIX));
  if (!isMap(root)) {
    bad('the document is not a mapping with version and images');
    return { ok: false, issues: [issues[0] as DockwrightIssue] };
  }
  if (root['version'] !== '1') bad(`version is ${JSON.stringify(root['version'] ?? null)}, this dockwright reads version 1`);
  for (const key of Object.keys(root)) if (key !== 'version' && key !== 'images') bad(`unknown key "${key}"`);
  const images = checkImages(root['images'], bad);
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  return { ok: true, lockfile: Object.freeze({ version: 1, images: Object.freeze(images) }) };
}
