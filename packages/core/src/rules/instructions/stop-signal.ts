import { SIGNAL } from '../../validate/values.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6013: STOPSIGNAL takes a signal name or number.
 *
 * @example
 * ```ts
 * stopSignal('TERM now')?.code; // 'DW6013'
 * stopSignal('SIGQUIT'); // undefined
 * ```
 */
export function stopSignal(text: string): Problem | undefined {
  if (SIGNAL.test(text)) return undefined;
  return problem('DW6013', `${JSON.stringify(text)} is not a signal`, "write a name such as 'SIGTERM' or a number such as 15", 'write a name such as SIGTERM or a number such as 15');
}

/** DW6013: a malformed STOPSIGNAL. */
export const stopSignalRule = defineRule({
  id: 'DW6013',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of instructionsOf(file, 'STOPSIGNAL')) {
      const text = s.args.join(' ');
      const found = hasVariable(text) ? undefined : stopSignal(text);
      if (found !== undefined) report(found, s.position);
    }
  },
});
