const UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const PART = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;

/**
 * Reads a duration the way Go's `time.ParseDuration` does (`30s`, `1m30s`, `.5h`, `-2ms`, `0`),
 * in nanoseconds; `undefined` when Go refuses it (`5` has no unit, `5 s` a blank).
 *
 * @example
 * ```ts
 * goDuration('1m30s'); // 90_000_000_000
 * goDuration('5'); // undefined
 * ```
 */
export function goDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = PART.exec(rest);
    if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * (UNITS[m[3] as string] as number);
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}
