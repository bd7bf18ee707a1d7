import { instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5021: two download tools where one would do.
 *
 * @example
 * ```ts
 * curlAndWget().code; // 'DW5021'
 * ```
 */
export function curlAndWget(): Problem {
  return problem('DW5021', 'this stage uses both curl and wget', 'pick one download tool for the stage', 'use one of curl or wget in the stage');
}

/** DW5021 (hadolint DL4001): both programs called in the RUNs of one stage. */
export const curlAndWgetRule = defineRule({
  id: 'DW5021',
  how: 'L',
  scope: 'stage',
  level: 'warning',
  check({ file, report }) {
    for (const s of file.stages) {
      const used = new Set<string>();
      for (const run of instructionsOf({ ...file, instructions: s.instructions }, 'RUN')) {
        for (const p of programsOf(run)) if (p.name === 'curl' || p.name === 'wget') used.add(p.name);
        if (used.size === 2) {
          report(curlAndWget(), run.position);
          break;
        }
      }
    }
  },
});
