// The Node release lines the Node preset knows, and how a project's wish (an `engines.node` range,
// an `.nvmrc` line) becomes one of them. One table: a major maps to exactly one pinned image tag.
import { parseSemverRange } from './semver-range.js';

/** A Node release line of the preset's table. */
export interface NodeRelease {
  readonly major: number;
  /** The LTS code name (`jod`). */
  readonly codename: string;
  /** The exact version of the default base image (`node:<version>-bookworm-slim`). */
  readonly version: string;
  /** The last day the Node project fixes it (ISO date). */
  readonly endOfLife: string;
}

/**
 * The LTS lines, newest first, as of December 2026. 24 (krypton) is the newest LTS, 22 (jod) gets
 * security fixes until 2027-04-30; 20 and 18 are end of life, kept so that a project that allows
 * nothing newer still gets a pinned image (with a note). Odd majors are never LTS.
 */
export const nodeReleases: readonly NodeRelease[] = Object.freeze([
  { major: 24, codename: 'krypton', version: '24.21.0', endOfLife: '2028-04-30' },
  { major: 22, codename: 'jod', version: '22.23.3', endOfLife: '2027-04-30' },
  { major: 20, codename: 'iron', version: '20.20.2', endOfLife: '2026-04-30' },
  { major: 18, codename: 'hydrogen', version: '18.20.8', endOfLife: '2025-04-30' },
]);

/** The date the table speaks of: a release whose end of life is before it is not maintained. */
export const NODE_TABLE_DATE = '2026-12-01';

/** Every LTS code name, including those of lines the table no longer has. */
const CODENAMES: Readonly<Record<string, number>> = {
  argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24,
};

const maintained = (r: NodeRelease) => r.endOfLife >= NODE_TABLE_DATE;

/** The release of a major, when the table has it. */
export function nodeRelease(major: number): NodeRelease | undefined {
  return nodeReleases.find((r) => r.major === major);
}

/** The default: the newest maintained LTS. */
export const defaultNodeRelease: NodeRelease = nodeReleases[0] as NodeRelease;

/** What a project asks for, read: the major, or why none of the table fits. */
export type NodeWish = { readonly major: number } | { readonly problem: string };

/**
 * The major an `engines.node` range allows: the newest maintained LTS of the table, else the
 * newest end-of-life one.
 *
 * @example
 * ```ts
 * majorForRange('^18 || ^20 || ^22'); // { major: 22 }
 * ```
 */
export function majorForRange(text: string): NodeWish {
  const range = parseSemverRange(text);
  if (range === undefined) return { problem: `${JSON.stringify(text)} is not a semver range` };
  const allowed = nodeReleases.filter((r) => range.allowsMajor(r.major));
  const pick = allowed.find(maintained) ?? allowed[0];
  if (pick === undefined) return { problem: `${JSON.stringify(text)} allows none of Node ${nodeReleases.map((r) => r.major).join(', ')}` };
  return { major: pick.major };
}

/**
 * The major of an `.nvmrc` or `.node-version` line: `22`, `v20.11.1`, `lts/iron`, `lts/*`,
 * `node` (the newest release the table knows), or a range.
 *
 * @example
 * ```ts
 * majorForVersionFile('lts/iron'); // { major: 20 }
 * ```
 */
export function majorForVersionFile(text: string): NodeWish {
  const line = text.trim().split(/\r?\n/)[0]?.trim().toLowerCase() ?? '';
  if (line === 'node' || line === 'stable' || line === 'current' || line === 'latest' || line === 'lts/*') return { major: defaultNodeRelease.major };
  const lts = /^lts\/(\w+)$/.exec(line);
  if (lts !== null) {
    const major = CODENAMES[lts[1] ?? ''];
    if (major === undefined) return { problem: `${JSON.stringify(line)} names no Node LTS line` };
    return nodeRelease(major) === undefined ? { problem: `${line} is Node ${major}, which the preset has no image for` } : { major };
  }
  const exact = /^v?(\d+)(?:\.\d+){0,2}$/.exec(line);
  if (exact !== null) {
    const major = Number(exact[1]);
    return nodeRelease(major) === undefined ? { problem: `Node ${major} is not a line the preset has an image for` } : { major };
  }
  return majorForRange(line);
}

/** The base image a Node version asks for: an exact tag, its major's release, and a note when that line is end of life. */
export type NodeImageChoice = { readonly tag: string; readonly major: number; readonly note?: string } | { readonly problem: string };

/**
 * The default base image for a wanted version: an exact version (`22.11.0`) is used as it is;
 * anything else (`22`, `lts/jod`, `^20 || ^22`) becomes its major's pinned version in the table.
 *
 * @example
 * ```ts
 * nodeImageFor('22'); // { tag: 'node:22.23.3-bookworm-slim', major: 22 }
 * ```
 */
export function nodeImageFor(wanted: string | undefined): NodeImageChoice {
  const text = (wanted ?? String(defaultNodeRelease.major)).trim();
  const exact = /^v?((\d+)\.\d+\.\d+)$/.exec(text);
  const wish = exact === null ? majorForVersionFile(text) : { major: Number(exact[2]) };
  if ('problem' in wish) return wish;
  const release = nodeRelease(wish.major);
  const version = exact?.[1] ?? release?.version;
  if (version === undefined) return { problem: `Node ${wish.major} is not a line the preset has an image for` };
  const eol = release !== undefined && !maintained(release);
  return {
    tag: `node:${version}-bookworm-slim`,
    major: wish.major,
    ...(eol ? { note: `Node ${wish.major} reached its end of life on ${release.endOfLife}: allow ${defaultNodeRelease.major} (engines.node, .nvmrc) or pass nodeVersion` } : {}),
  };
}
