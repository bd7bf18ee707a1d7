import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { isImageName, isTag, splitImageRef } from '@dockwright/core';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';

/** What a tag pattern's placeholders stand for, for one target. */
export interface TagValues {
  /** The target's name (`api`). */
  readonly name: string;
  /** The `version` of the nearest package.json, if any. */
  readonly version?: string;
  /** The commit, `git rev-parse --short=12 HEAD`, if in a git repository. */
  readonly commit?: string;
}

const PLACEHOLDER = /(?<!\$)\{([^{}]*)\}/g;
/** How the bake file writes `{commit}`: a bake variable the environment sets (`COMMIT=$(git rev-parse --short=12 HEAD) docker buildx bake`). */
export const BAKE_COMMIT = '${COMMIT}';
const KNOWN = ['name', 'version', 'commit'] as const;

/** True when a pattern names the target, so each target gets its own tag. */
export function tagNamesTarget(pattern: string): boolean {
  return pattern.includes('{name}');
}

/**
 * The `version` of the nearest package.json from `dir` up to `root` (both absolute), or
 * undefined. A version a tag cannot hold (`1.0.0+build`) is made one (`1.0.0-build`).
 *
 * @example
 * ```ts
 * packageVersion('/repo/services/api', '/repo'); // '1.4.0'
 * ```
 */
export function packageVersion(dir: string, root: string): string | undefined {
  let current = resolve(dir);
  const top = resolve(root);
  for (;;) {
    const file = join(current, 'package.json');
    if (existsSync(file)) {
      try {
        const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
        if (typeof version === 'string' && version !== '') return version.replace(/[^\w.-]/g, '-');
      } catch {
        // A package.json that does not parse has no version to give.
      }
    }
    if (current === top || !current.startsWith(`${top}${sep}`)) return undefined;
    current = dirname(current);
  }
}

/**
 * The commit checked out in `dir` (12 hex digits), or undefined outside a git repository or
 * without git.
 *
 * @example
 * ```ts
 * gitCommit('/repo'); // '8be9c3b0a1d2'
 * ```
 */
export function gitCommit(dir: string): string | undefined {
  const run = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const out = run.status === 0 ? run.stdout.trim() : '';
  return /^[0-9a-f]{7,40}$/.test(out) ? out : undefined;
}

/**
 * A pattern (a tag, a `--cache-from` spec) with `{name}`, `{version}` and `{commit}` filled in.
 * `where` names its origin in messages (`--tag`, `build.tags[0]`).
 *
 * @example
 * ```ts
 * fillPlaceholders('type=registry,ref=registry.example.com/{name}:cache', { name: 'api' }, 'build.cacheFrom[0]');
 * // { ok: true, text: 'type=registry,ref=registry.example.com/api:cache' }
 * ```
 */
export function fillPlaceholders(pattern: string, values: TagValues, where: string): { ok: true; text: string } | { ok: false; issue: CliIssue } {
  let missing: string | undefined;
  let unknown: string | undefined;
  const text = pattern.replace(PLACEHOLDER, (_, key: string) => {
    if (!(KNOWN as readonly string[]).includes(key)) {
      unknown ??= key;
      return '';
    }
    const value = values[key as (typeof KNOWN)[number]];
    if (value === undefined) missing ??= key;
    return value ?? '';
  });
  if (unknown !== undefined) return { ok: false, issue: cliIssue('DWC1003', `${where} ${pattern} has an unknown placeholder {${unknown}}`, 'the placeholders are {name}, {version} and {commit}') };
  if (missing !== undefined) {
    const why = missing === 'version' ? `no package.json with a version from its directory up` : 'not a git repository (or git is not installed)';
    return { ok: false, issue: cliIssue('DWC1003', `${where} ${pattern}: {${missing}} has no value for ${values.name} (${why})`, `write the ${missing} in the pattern, or leave the placeholder out`) };
  }
  return { ok: true, text };
}

/**
 * A tag pattern filled in (see `fillPlaceholders`) and checked against the image reference grammar.
 *
 * @example
 * ```ts
 * expandTag('registry.example.com/shop/{name}:{version}', { name: 'api', version: '1.4.0' }, '--tag');
 * // { ok: true, tag: 'registry.example.com/shop/api:1.4.0' }
 * ```
 */
export function expandTag(pattern: string, values: TagValues, where: string): { ok: true; tag: string } | { ok: false; issue: CliIssue } {
  const filled = fillPlaceholders(pattern, values, where);
  if (!filled.ok) return filled;
  const tag = filled.text;
  // The bake file's `${COMMIT}` (see makeBakeFile) is a tag's word once bake fills it in.
  const parts = splitImageRef(tag.replaceAll(BAKE_COMMIT, '0'));
  if (parts.digest !== undefined || !isImageName(parts.name) || (parts.tag !== undefined && !isTag(parts.tag))) {
    return { ok: false, issue: cliIssue('DWC1003', `${where} gives ${values.name} the tag ${JSON.stringify(tag)}, which is not an image reference`, 'write [registry/]path[:tag] in lower case, such as registry.example.com/shop/{name}:1.2.0') };
  }
  return { ok: true, tag };
}
