import { flagValue } from '../lint-file.js';
import { goDuration } from '../../lexical/go-duration.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6012: HEALTHCHECK times are Go durations of at least 1ms (`30s`, `1m30s`), or 0 for the
 * default, and at most what Go's int64 nanoseconds hold (about 2562047h), in ASCII (BuildKit reads
 * flags byte by byte, so `µs` does not survive: write `us`); retries a whole number from 1 to
 * 2^31 - 1 (0 means the default of 3, and the Dockerfile frontend bundled with Docker 20.10
 * refuses it).
 *
 * @example
 * ```ts
 * healthcheckOption('interval', '5 minutes')?.code; // 'DW6012'
 * healthcheckOption('retries', 3); // undefined
 * ```
 */
export function healthcheckOption(key: string, value: unknown): Problem | undefined {
  if (key === 'retries') {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (Number.isInteger(n) && (n as number) >= 1 && (n as number) < 2 ** 31) return undefined;
    return problem('DW6012', `retries ${String(value)} is not a whole number from 1 to 2147483647`, 'write retries: 3', 'write --retries=3');
  }
  if (typeof value === 'string' && /[^\x21-\x7e]/.test(value)) {
    return problem('DW6012', `${key} ${JSON.stringify(value)} is not ASCII, and BuildKit reads flags byte by byte`, "write the duration in ASCII, such as '30s' (microseconds as us)");
  }
  const ns = typeof value === 'string' ? goDuration(value) : undefined;
  if (ns !== undefined && (ns === 0 || ns >= 1e6)) return undefined;
  return problem('DW6012', `${key} ${JSON.stringify(value)} is not 0 or a duration from 1ms to 2562047h`, "write a Go duration such as '30s' or '1m30s'");
}

/** DW6012: a malformed HEALTHCHECK option (the parser refuses what BuildKit refuses; this adds --retries=0). */
export const durationRule = defineRule({
  id: 'DW6012',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const h of instructionsOf(file, 'HEALTHCHECK')) {
      for (const [flag, key] of [['interval', 'interval'], ['timeout', 'timeout'], ['start-period', 'startPeriod'], ['start-interval', 'startInterval'], ['retries', 'retries']] as const) {
        const value = flagValue(h, flag);
        if (value === undefined || value === '') continue;
        const found = healthcheckOption(key, value);
        if (found !== undefined) report(found, h.position);
      }
    }
  },
});
