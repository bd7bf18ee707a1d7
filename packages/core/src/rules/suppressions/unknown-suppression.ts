import { codes } from '../../errors/codes.js';
import { readSuppression } from '../suppressions.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW9004: a suppression naming no known rule (a typo waives nothing).
 *
 * @example
 * ```ts
 * unknownSuppression('DW3010').code; // 'DW9004'
 * ```
 */
export function unknownSuppression(code: string): Problem {
  return problem('DW9004', `the suppression names ${code || 'no rule'}, which is not a Dockwright rule`, 'name rules by their DW code, as `dockwright lint` prints them', 'name rules by their DW code, as dockwright lint prints them: # dockwright:allow DW3001 <reason>');
}

/** DW9004: a suppression comment with an unknown or missing code. */
export const unknownSuppressionRule = defineRule({
  id: 'DW9004',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const c of file.comments) {
      const s = readSuppression(c);
      if (s === undefined) continue;
      if (s.codes.length === 0) report(unknownSuppression(''), c.position);
      for (const code of s.codes) if (!Object.hasOwn(codes, code)) report(unknownSuppression(code), c.position);
    }
  },
});
