import { commandAt, instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW3005: `sudo` in a build step: RUN already runs as the stage's user, and sudo in the image
 * is a way back to root.
 *
 * @example
 * ```ts
 * sudoInRun().code; // 'DW3005'
 * ```
 */
export function sudoInRun(): Problem {
  return problem('DW3005', 'RUN uses sudo', 'run the step before .user(), as root, instead of sudo', 'run the step as root before USER (or switch with USER root ... USER app) instead of sudo');
}

/** DW3005 (hadolint DL3004). */
export const sudoRule = defineRule({
  id: 'DW3005',
  how: 'L',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      const p = programsOf(run).find((q) => q.name === 'sudo' || q.wrappers.includes('sudo'));
      if (p !== undefined) report(sudoInRun(), commandAt(run, p.command));
    }
  },
});
