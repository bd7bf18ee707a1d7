import { STAGE_NAME } from '../../lexical/names.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2001: stage names are lowercase letters, digits, `-`, `_` and `.`, starting with a letter.
 *
 * @example
 * ```ts
 * stageNameCasing('Build')?.code; // 'DW2001'
 * ```
 */
export function stageNameCasing(name: string): Problem | undefined {
  if (STAGE_NAME.test(name)) return undefined;
  const suggestion = name.toLowerCase().replace(/[^a-z0-9-_.]/g, '-').replace(/^[^a-z]+/, '') || 'build';
  return problem('DW2001', `stage name ${JSON.stringify(name)} must be lowercase: letters, digits, - _ and ., starting with a letter`, `rename it, e.g. stage('${suggestion}')`, `rename it, e.g. AS ${suggestion}`);
}

/** DW2001 (BuildKit StageNameCasing). */
export const stageNameCasingRule = defineRule({
  id: 'DW2001',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      const found = s.name === undefined ? undefined : stageNameCasing(s.name);
      if (found !== undefined) report(found, s.from.position);
    }
  },
});
