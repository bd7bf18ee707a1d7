import type { HealthcheckInstruction } from '../ast/instructions.js';
import { execForm } from './quote.js';

/** HEALTHCHECK with its options in a fixed order, always exec form; `NONE` turns it off. */
export function printHealthcheck(h: HealthcheckInstruction): string {
  if (h.argv === null) return 'HEALTHCHECK NONE';
  const flags: string[] = [];
  if (h.interval !== undefined) flags.push(`--interval=${h.interval}`);
  if (h.timeout !== undefined) flags.push(`--timeout=${h.timeout}`);
  if (h.startPeriod !== undefined) flags.push(`--start-period=${h.startPeriod}`);
  if (h.startInterval !== undefined) flags.push(`--start-interval=${h.startInterval}`);
  if (h.retries !== undefined) flags.push(`--retries=${h.retries}`);
  return ['HEALTHCHECK', ...flags, 'CMD', execForm(h.argv)].join(' ');
}
