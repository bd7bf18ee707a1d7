/**
 * Go durations as HEALTHCHECK reads them: `30s`, `1m30s`, `500ms`. Microseconds are `us`: the
 * flag reader reads bytes, so Go's `µs` would reach the duration parser as other characters.
 */
export const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|ms|s|m|h))+$/;

const NANOS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * A Go duration in nanoseconds, as `time.ParseDuration` reads it; undefined when it does not
 * parse or does not fit Go's int64 (`9999999h` does not).
 *
 * @example
 * ```ts
 * durationNanos('1m30s'); // 90000000000n
 * durationNanos('9999999h'); // undefined
 * ```
 */
export function durationNanos(text: string): bigint | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0n;
  for (const m of text.matchAll(/(\d+)(?:\.(\d+))?(ns|us|ms|s|m|h)/g)) {
    const unit = NANOS[m[3] as string] as bigint;
    const whole = BigInt(m[1] as string) * unit;
    const fraction = m[2] === undefined ? 0n : (BigInt(m[2]) * unit) / 10n ** BigInt(m[2].length);
    total += whole + fraction;
    if (total > MAX_INT64) return undefined;
  }
  return total;
}

/** The largest HEALTHCHECK --retries BuildKit reads (`strconv.ParseInt(v, 10, 32)`). */
export const MAX_RETRIES = 2147483647;
/** Signal names (`SIGTERM`, `SIGRTMIN+3`) or numbers. */
export const SIGNAL = /^(?:SIG[A-Z0-9]+(?:[+-]\d+)?|\d{1,2})$/;
/** Octal file modes such as `755` or `0644`. */
export const OCTAL_MODE = /^0?[0-7]{3,4}$/;
/** User and group names (shadow's rules, a little narrower) or numeric ids. */
export const USER_NAME = /^(?:[a-z_][a-z0-9_-]{0,31}|\d{1,10})$/;
/** Values allowed in `--mount` options: no CSV or lexer metacharacters. */
export const MOUNT_VALUE = /^[A-Za-z0-9_./@:+~%-]+$/;
/** Package names of apt, apk and dnf. */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9+._-]*$/;
/** Package versions (Debian's include an epoch `1:` and `~`). */
export const PACKAGE_VERSION = /^[A-Za-z0-9][A-Za-z0-9.+~:_-]*$/;
