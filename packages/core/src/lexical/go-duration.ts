const UNITS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };
const PART = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;
const MAX = 1n << 63n;

/**
 * Go's leadingFraction: digits past what an int64 holds are read but not kept, so they do not
 * change the value (Go keeps the scale of the digits it kept).
 */
function fraction(digits: string): { f: bigint; scale: number } {
  let f = 0n;
  let scale = 1;
  for (const d of digits) {
    if (f > (MAX - 1n) / 10n) break;
    const next = f * 10n + BigInt(d);
    if (next > MAX) break;
    f = next;
    scale *= 10;
  }
  return { f, scale };
}

/**
 * Reads a duration the way Go's `time.ParseDuration` does (`30s`, `1m30s`, `.5h`, `-2ms`, `0`),
 * in nanoseconds; `undefined` when Go refuses it (`5` has no unit, `5 s` a blank, `2562048h`
 * overflows Go's int64 of nanoseconds). The sum is exact, as Go's is: `2562047h47m16.854775807s`
 * is the longest duration, one nanosecond more is refused.
 *
 * @example
 * ```ts
 * goDuration('1m30s'); // 90_000_000_000
 * goDuration('5'); // undefined
 * goDuration('2562048h'); // undefined
 * ```
 */
export function goDuration(text: string): number | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0n;
  while (rest !== '') {
    const m = PART.exec(rest);
    if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = UNITS[m[3] as string] as bigint;
    // Go refuses an integer part past int64 before it multiplies, and the product past 2^63.
    const whole = BigInt(m[1] || '0');
    if (whole > MAX / unit) return undefined;
    let v = whole * unit;
    if (m[2] !== undefined && m[2] !== '') {
      // As Go adds a fraction: float64(f) * (float64(unit) / scale), truncated.
      const { f, scale } = fraction(m[2]);
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > MAX) return undefined;
    }
    total += v;
    if (total > MAX) return undefined;
    rest = rest.slice(m[0].length);
  }
  if (!negative && total > MAX - 1n) return undefined;
  return Number(negative ? -total : total);
}
