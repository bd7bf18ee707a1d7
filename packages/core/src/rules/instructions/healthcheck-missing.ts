import type { LintFile, LintStage } from '../lint-file.js';
import { finalStage, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6020: a service image without a HEALTHCHECK looks healthy while it hangs; `ports` are what
 * it EXPOSEs, to show it serves something.
 *
 * @example
 * ```ts
 * healthcheckMissing('app', ['8080']).message; // 'the final stage "app" has no HEALTHCHECK (it EXPOSEs 8080)'
 * ```
 */
export function healthcheckMissing(stage?: string, ports: readonly string[] = []): Problem {
  return problem(
    'DW6020',
    `the final stage${stage === undefined ? '' : ` "${stage}"`} has no HEALTHCHECK${ports.length === 0 ? '' : ` (it EXPOSEs ${ports.join(' ')})`}`,
    "add an exec-form check the image can run, e.g. .healthcheck(['/app/healthcheck'], { interval: '30s' }), or .healthcheck('none') to say there is none",
    'add HEALTHCHECK CMD ["/app/healthcheck"], or HEALTHCHECK NONE to say there is none',
  );
}

// The stage and the stages it is FROM, base first.
function chain(file: LintFile, stage: LintStage, depth = 0): LintStage[] {
  const parent = stageNamed(file, stage.base, stage.index);
  return parent === undefined || depth > file.stages.length ? [stage] : [...chain(file, parent, depth + 1), stage];
}

/** DW6020 (hadolint DL3057): policy, off unless turned on. */
export const healthcheckMissingRule = defineRule({
  id: 'DW6020',
  how: 'P',
  scope: 'stage',
  level: 'off',
  check({ file, report }) {
    const last = finalStage(file);
    if (last === undefined) return;
    const stages = chain(file, last);
    const all = stages.flatMap((s) => s.instructions);
    if (all.some((i) => i.keyword === 'HEALTHCHECK')) return;
    const ports = all.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.map((p) => p.replace(/\/tcp$/i, '')));
    report(healthcheckMissing(last.name, ports), last.from.position);
  },
});
