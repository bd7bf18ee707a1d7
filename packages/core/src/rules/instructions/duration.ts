import { flagValue } from '../../lint/lint-file.js';
import { durationNanos, MAX_RETRIES } from '../../validate/values.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

// BuildKit's parseOptInterval: 0 means the default; anything else must be at least 1ms.
const MIN_NANOS = 1000000n;

/**
 * DW6012: HEALTHCHECK times are Go durations (`30s`, `1m30s`) that BuildKit accepts: 0, or from
 * 1ms up to what Go's int64 nanoseconds hold (about 2562047h); retries a whole number from 0 to
 * 2^31 - 1.
 *
 * @example
 * ```ts
 * healthcheckOption('interval', '5 minutes')?.code; // 'DW6012'
 * healthcheckOption('interval', '1ns')?.code; // 'DW6012'
 * healthcheckOption('retries', 3); // undefined
 * ```
 */
export function healthcheckOption(key: string, value: unknown): Problem | undefined {
  if (key === 'retries') {
    const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_RETRIES) return undefined;
    return problem('DW6012', `retries ${String(value)} is not a whole number from 0 to ${MAX_RETRIES}`, 'write retries: 3', 'write --retries=3');
  }
  const nanos = typeof value === 'string' ? durationNanos(value) : undefined;
  if (nanos === undefined) {
    return problem('DW6012', `${key} ${JSON.stringify(value)} is not a duration BuildKit reads`, "write a Go duration such as '30s' or '1m30s' (microseconds as us; at most 2562047h)");
  }
  if (nanos !== 0n && nanos < MIN_NANOS) {
    return problem('DW6012', `${key} ${JSON.stringify(value)} is shorter than 1ms, which BuildKit refuses`, "write 1ms or more, such as '30s', or '0s' for the default");
  }
  return undefined;
}

/** DW6012: a malformed HEALTHCHECK option. */
export const durationRule = defineRule({
  id: 'DW6012',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const h of instructionsOf(file, 'HEALTHCHECK')) {
      for (const [flag, key] of [['interval', 'interval'], ['timeout', 'timeout'], ['start-period', 'startPeriod'], ['start-interval', 'startInterval'], ['retries', 'retries']] as const) {
        const value = flagValue(h, flag);
        if (value === undefined || hasVariable(value)) continue;
        const found = healthcheckOption(key, value);
        if (found !== undefined) report(found, h.position);
      }
    }
  },
});
