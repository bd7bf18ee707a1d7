import { flagValue } from '../../lint/lint-file.js';
import { DURATION } from '../../validate/values.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6012: HEALTHCHECK times are Go durations (`30s`, `1m30s`); retries a whole number.
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
    if (Number.isInteger(n) && (n as number) >= 0) return undefined;
    return problem('DW6012', `retries ${String(value)} is not a whole number`, 'write retries: 3', 'write --retries=3');
  }
  if (DURATION.test(String(value))) return undefined;
  return problem('DW6012', `${key} ${JSON.stringify(value)} is not a duration`, "write a Go duration such as '30s' or '1m30s'");
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
