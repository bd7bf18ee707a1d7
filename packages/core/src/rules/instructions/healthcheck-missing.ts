import type { LintFile, LintStage } from '../lint-file.js';
import { finalStage, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6020: a service image without a HEALTHCHECK looks healthy while it hangs.
 *
 * @example
 * ```ts
 * healthcheckMissing().code; // 'DW6020'
 * ```
 */
export function healthcheckMissing(): Problem {
  return problem('DW6020', 'the final stage has no HEALTHCHECK', ".healthcheck(['/app/healthcheck']) or .healthcheck('none') to say there is none", 'add HEALTHCHECK CMD ["/app/healthcheck"], or HEALTHCHECK NONE to say there is none');
}

function hasHealthcheck(file: LintFile, stage: LintStage, depth = 0): boolean {
  if (stage.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return true;
  const parent = stageNamed(file, stage.base, stage.index);
  return parent !== undefined && depth <= file.stages.length && hasHealthcheck(file, parent, depth + 1);
}

/** DW6020 (hadolint DL3057): policy, off unless turned on. */
export const healthcheckMissingRule = defineRule({
  id: 'DW6020',
  how: 'P',
  scope: 'stage',
  level: 'off',
  check({ file, report }) {
    const last = finalStage(file);
    if (last !== undefined && !hasHealthcheck(file, last)) report(healthcheckMissing(), last.from.position);
  },
});
