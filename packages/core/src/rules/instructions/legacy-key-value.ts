import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6022: `ENV key value`, the legacy form: the value runs to the end of the line, blanks and
 * all, and the form cannot set two variables.
 *
 * @example
 * ```ts
 * legacyKeyValue('ENV', 'PATH').message; // '"ENV PATH=value" should be used instead of the legacy "ENV PATH value" format'
 * ```
 */
export function legacyKeyValue(keyword: string, key: string): Problem {
  return problem('DW6022', `"${keyword} ${key}=value" should be used instead of the legacy "${keyword} ${key} value" format`, `write ${keyword} ${key}="..."`);
}

/** DW6022 (BuildKit LegacyKeyValueFormat). */
export const legacyKeyValueRule = defineRule({
  id: 'DW6022',
  how: 'C',
  level: 'warning',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'ENV', 'LABEL')) {
      for (const pair of i.pairs) if (pair.legacy === true) report(legacyKeyValue(i.keyword, pair.key), i.position);
    }
  },
});
