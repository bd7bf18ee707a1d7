import { flagValue } from '../../lint/lint-file.js';
import { hasVariable, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2007: `COPY --from=x` where x is no earlier stage and does not look like an image: a typo,
 * or a stage defined later, which BuildKit would pull from Docker Hub instead.
 *
 * @example
 * ```ts
 * unknownStage('biuld').code; // 'DW2007'
 * ```
 */
export function unknownStage(name: string): Problem {
  return problem('DW2007', `--from=${name} names no earlier stage`, 'name a stage defined above with FROM ... AS name, or write a full image reference with a tag');
}

/** DW2007 (hadolint DL3022). */
export const unknownStageRule = defineRule({
  id: 'DW2007',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      for (const i of s.instructions) {
        if (i.keyword !== 'COPY') continue;
        const from = flagValue(i, 'from');
        if (from === undefined || from === '' || hasVariable(from)) continue;
        // A stage index, or something with a tag, digest or path, reads as an image.
        if (/^\d+$/.test(from) ? Number(from) < s.index : /[:@/]/.test(from) || stageNamed(file, from, s.index) !== undefined) continue;
        report(unknownStage(from), i.position);
      }
    }
  },
});
