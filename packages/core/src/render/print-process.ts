import type { HealthcheckInstruction } from '../ast/instructions.js';
import { goDuration } from '../lexical/go-duration.js';
import { execForm, token } from '../lexical/quote.js';

/** HEALTHCHECK with its options in a fixed order, always exec form; `NONE` turns it off. */
export function printHealthcheck(h: HealthcheckInstruction): string {
  if (h.argv === null) return 'HEALTHCHECK NONE';
  const flags: string[] = [];
  const duration = (d: string) => token(d, (v) => !/[^\x21-\x7e]/.test(v) && goDuration(v) !== undefined, 'a duration');
  if (h.interval !== undefined) flags.push(`--interval=${duration(h.interval)}`);
  if (h.timeout !== undefined) flags.push(`--timeout=${duration(h.timeout)}`);
  if (h.startPeriod !== undefined) flags.push(`--start-period=${duration(h.startPeriod)}`);
  if (h.startInterval !== undefined) flags.push(`--start-interval=${duration(h.startInterval)}`);
  if (h.retries !== undefined) flags.push(`--retries=${token(h.retries, (v) => /^\d{1,10}$/.test(v), 'a retry count')}`);
  return ['HEALTHCHECK', ...flags, 'CMD', execForm(h.argv)].join(' ');
}
