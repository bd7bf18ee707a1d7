import type { LintFile, LintStage } from '../lint-file.js';
import { finalStage, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6019: a label the organisation requires on every image.
 *
 * @example
 * ```ts
 * requiredLabel('org.opencontainers.image.source').code; // 'DW6019'
 * ```
 */
export function requiredLabel(key: string): Problem {
  return problem('DW6019', `the image has no ${key} label`, `add it: .label({ '${key}': '...' })`, `add it: LABEL ${key}="..."`);
}

function labelsOf(file: LintFile, stage: LintStage, depth = 0): Set<string> {
  const parent = stageNamed(file, stage.base, stage.index);
  const keys = parent === undefined || depth > file.stages.length ? new Set<string>() : labelsOf(file, parent, depth + 1);
  for (const i of stage.instructions) if (i.keyword === 'LABEL') for (const p of i.pairs) keys.add(p.key);
  return keys;
}

/** DW6019 (hadolint DL3049): policy, on when `requiredLabels` is set. */
export const requiredLabelsRule = defineRule({
  id: 'DW6019',
  how: 'P',
  scope: 'stage',
  level: 'error',
  check({ file, settings, report }) {
    const last = finalStage(file);
    if (last === undefined || settings.requiredLabels === undefined) return;
    const have = labelsOf(file, last);
    for (const key of settings.requiredLabels) if (!have.has(key)) report(requiredLabel(key), last.from.position);
  },
});
