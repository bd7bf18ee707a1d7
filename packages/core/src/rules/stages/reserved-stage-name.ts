import { RESERVED_STAGE_NAMES } from '../../lexical/names.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2002: `scratch` and `context` mean something else to BuildKit.
 *
 * @example
 * ```ts
 * reservedStageName('context')?.code; // 'DW2002'
 * ```
 */
export function reservedStageName(name: string): Problem | undefined {
  if (!RESERVED_STAGE_NAMES.has(name.toLowerCase())) return undefined;
  return problem('DW2002', `"${name}" is a reserved stage name`, 'pick another name');
}

/** DW2002 (BuildKit ReservedStageName). */
export const reservedStageNameRule = defineRule({
  id: 'DW2002',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      const found = s.name === undefined ? undefined : reservedStageName(s.name);
      if (found !== undefined) report(found, s.from.position);
    }
  },
});
