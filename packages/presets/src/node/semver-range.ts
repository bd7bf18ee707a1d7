// A reader of npm's semver ranges, as far as `engines.node` needs: which Node majors a range allows.
// Versions are compared without prerelease tags (a Node image is never a prerelease).

/** A version as three numbers. */
type Version = readonly [number, number, number];

/** The versions from `min` (inclusive) up to `max` (exclusive; undefined: no upper bound). */
interface Interval {
  readonly min: Version;
  readonly max?: Version;
}

/** A range: the union of its `||` alternatives, each an interval. */
export interface SemverRange {
  /** The text as it was given. */
  readonly text: string;
  /** Whether a version of this major satisfies the range. */
  allowsMajor(major: number): boolean;
  /** Whether an exact version (`22.11.0`, `v22.11.0`) satisfies the range. */
  satisfies(version: string): boolean;
}

const ZERO: Version = [0, 0, 0];
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const below = (v: Version, max: Version | undefined) => max === undefined || cmp(v, max) < 0;

/** A partial version (`20`, `20.x`, `20.1`, `v20.1.2`, `*`): its numbers, `undefined` where a wildcard or nothing stands. */
function partial(text: string): (number | undefined)[] | undefined {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[\w.-]+)?(?:\+[\w.-]+)?$/.exec(text);
  if (m === null) return text === '' ? [] : undefined;
  const parts: (number | undefined)[] = [];
  for (const p of m.slice(1)) {
    if (p === undefined || /^[xX*]$/.test(p)) break; // everything after a wildcard is a wildcard
    parts.push(Number(p));
  }
  return parts;
}

/** The first version above every version that starts with `parts` (`20` -> 21.0.0, `20.1` -> 20.2.0). */
function after(parts: readonly number[]): Version | undefined {
  const [a = 0, b = 0, c = 0] = parts;
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return [a + 1, 0, 0];
  if (parts.length === 2) return [a, b + 1, 0];
  return [a, b, c + 1];
}

const fill = (parts: readonly number[]): Version => [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];

/** One comparator (`^20.1`, `>=18`, `<23`, `~22.4.0`, `20.x`) as an interval. */
function comparator(text: string): Interval | undefined {
  const m = /^(\^|~>?|>=|<=|>|<|=)?(.*)$/.exec(text);
  const op = m?.[1] ?? '';
  const parts = partial(m?.[2] ?? '');
  if (parts === undefined || parts.some((p) => p === undefined)) return undefined;
  const p = parts as number[];
  const [a = 0, b = 0] = p;
  const next = after(p);
  switch (op) {
    case '':
    case '=':
      return { min: fill(p), ...(next === undefined ? {} : { max: next }) };
    case '^': {
      if (p.length === 0) return { min: ZERO };
      // The first non-zero number may not change (^0.2.3 stays below 0.3.0).
      const upTo = a > 0 || p.length === 1 ? [a + 1, 0, 0] : b > 0 || p.length === 2 ? [0, b + 1, 0] : [0, 0, (p[2] ?? 0) + 1];
      return { min: fill(p), max: upTo as unknown as Version };
    }
    case '~':
    case '~>':
      if (p.length === 0) return { min: ZERO };
      return { min: fill(p), max: p.length === 1 ? [a + 1, 0, 0] : [a, b + 1, 0] };
    case '>=':
      return { min: fill(p) };
    case '>':
      return next === undefined ? { min: ZERO, max: ZERO } : { min: next };
    case '<':
      return { min: ZERO, max: fill(p) };
    case '<=':
      return next === undefined ? { min: ZERO } : { min: ZERO, max: next };
    default:
      return undefined;
  }
}

function intersect(a: Interval, b: Interval): Interval {
  const min = cmp(a.min, b.min) >= 0 ? a.min : b.min;
  const max = a.max === undefined ? b.max : b.max === undefined ? a.max : cmp(a.max, b.max) <= 0 ? a.max : b.max;
  return { min, ...(max === undefined ? {} : { max }) };
}

/** One `||` alternative: a hyphen range (`20 - 22`) or comparators joined by spaces (an intersection). */
function alternative(text: string): Interval | undefined {
  const hyphen = /^(\S*)\s+-\s+(\S+)$/.exec(text);
  if (hyphen !== null) {
    const from = partial(hyphen[1] ?? '');
    const to = partial(hyphen[2] ?? '');
    if (from === undefined || to === undefined || [...from, ...to].some((p) => p === undefined)) return undefined;
    const upTo = after(to as number[]);
    return { min: fill(from as number[]), ...(upTo === undefined ? {} : { max: upTo }) };
  }
  // `>= 20` is `>=20`: an operator may stand apart from its version.
  const words = text.replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter((w) => w !== '');
  let interval: Interval = { min: ZERO };
  for (const word of words) {
    const c = comparator(word);
    if (c === undefined) return undefined;
    interval = intersect(interval, c);
  }
  return interval;
}

/**
 * Reads an npm semver range (`^18 || ^20 || ^22`, `>=20.11 <23`, `20.x`, `~22.4`, `20 - 22`, `*`).
 * Returns undefined when the text is not a range.
 *
 * @example
 * ```ts
 * parseSemverRange('^18 || ^20 || ^22')?.allowsMajor(22); // true
 * parseSemverRange('>=20.11 <23')?.allowsMajor(24); // false
 * ```
 */
export function parseSemverRange(text: string): SemverRange | undefined {
  const alternatives: Interval[] = [];
  for (const part of text.trim().split('||')) {
    const interval = alternative(part.trim());
    if (interval === undefined) return undefined;
    alternatives.push(interval);
  }
  return Object.freeze({
    text,
    allowsMajor: (major: number) =>
      alternatives.some((i) => {
        const within = intersect(i, { min: [major, 0, 0], max: [major + 1, 0, 0] });
        return below(within.min, within.max);
      }),
    satisfies: (version: string) => {
      const parts = partial(version.trim());
      if (parts === undefined || parts.length !== 3) return false;
      const v = parts as unknown as Version;
      return alternatives.some((i) => cmp(v, i.min) >= 0 && below(v, i.max));
    },
  });
}
