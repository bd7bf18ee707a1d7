import { fromValues, hasVariable, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2007: `COPY --from=x` or `RUN --mount=...,from=x` where x is no earlier stage and does not
 * look like an image: a typo, or a stage defined later, which BuildKit would pull from Docker Hub
 * instead.
 *
 * @example
 * ```ts
 * unknownStage('biuld').code; // 'DW2007'
 * unknownStage('tools', 'RUN --mount').message; // 'RUN --mount from=tools names no earlier stage'
 * ```
 */
export function unknownStage(name: string, place: 'COPY --from' | 'RUN --mount' = 'COPY --from'): Problem {
  const written = place === 'COPY --from' ? `--from=${name}` : `RUN --mount from=${name}`;
  return problem('DW2007', `${written} names no earlier stage`, 'name a stage defined above with FROM ... AS name, or write a full image reference with a tag');
}

/** DW2007 (hadolint DL3022). */
export const unknownStageRule = defineRule({
  id: 'DW2007',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      for (const i of s.instructions) {
        for (const [from, place] of fromValues(i)) {
          if (from === '' || hasVariable(from)) continue;
          // A stage index, or something with a tag, digest or path, reads as an image.
          if (/^\d+$/.test(from) ? Number(from) < s.index : /[:@/]/.test(from) || stageNamed(file, from, s.index) !== undefined) continue;
          report(unknownStage(from, place), i.position);
        }
      }
    }
  },
});
