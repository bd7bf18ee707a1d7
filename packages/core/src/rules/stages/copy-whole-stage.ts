import { flagValue } from '../lint-file.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2005: `COPY --from=stage / ...` copies a whole filesystem, base image included.
 *
 * @example
 * ```ts
 * copyWholeStage('build', '/')?.code; // 'DW2005'
 * ```
 */
export function copyWholeStage(from: string, source: string): Problem | undefined {
  if (source !== '/' && source !== '/.') return undefined;
  return problem('DW2005', `COPY --from=${from} / copies a whole filesystem`, 'copy only the paths the stage produced, e.g. /app/dist');
}

/** DW2005 (hadolint DL3067). */
export const copyWholeStageRule = defineRule({
  id: 'DW2005',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const copy of instructionsOf(file, 'COPY')) {
      const from = flagValue(copy, 'from');
      if (from === undefined) continue;
      for (const source of copy.args.slice(0, -1)) {
        const found = copyWholeStage(from, source);
        if (found !== undefined) report(found, copy.position);
      }
    }
  },
});
