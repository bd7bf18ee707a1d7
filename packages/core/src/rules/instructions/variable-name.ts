import { badVariableName, VAR_NAME } from '../../lexical/names.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6009: ENV and ARG names a shell can read back: letters, digits and `_`.
 *
 * @example
 * ```ts
 * variableName('ENV', 'my-var')?.message; // '"my-var" is not a valid ENV name'
 * ```
 */
export function variableName(keyword: 'ENV' | 'ARG', name: string): Problem | undefined {
  if (VAR_NAME.test(name)) return undefined;
  const { code, message, hint } = badVariableName(keyword, name);
  return problem(code, message, hint);
}

/** DW6009: a malformed ENV or ARG name. */
export const variableNameRule = defineRule({
  id: 'DW6009',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'ENV', 'ARG')) {
      for (const pair of i.pairs) {
        const found = variableName(i.keyword as 'ENV', pair.key);
        if (found !== undefined) report(found, i.position);
      }
    }
  },
});
