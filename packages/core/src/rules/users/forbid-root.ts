import { imageStages } from '../lint-helpers.js';
import { readSuppression } from '../suppressions.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { rootAt } from './root-final-stage.js';

/**
 * DW3008: the final stage runs as root where the policy forbids root, whatever reason
 * `allowRoot()` (a `# dockwright:allow DW3001 <reason>` comment) gives.
 *
 * @example
 * ```ts
 * forbiddenRoot('app', 'binds port 80').message; // 'the final stage "app" runs as root (allowRoot: "binds port 80"), and the policy forbids root'
 * ```
 */
export function forbiddenRoot(stage?: string, reason?: string): Problem {
  return problem(
    'DW3008',
    `the final stage${stage === undefined ? '' : ` "${stage}"`} runs as root${reason === undefined ? '' : ` (allowRoot: "${reason}")`}, and the policy forbids root`,
    "run as a non-root user, e.g. .user('app', { create: { uid: 10001 } }) or .user(10001); forbidRoot admits no allowRoot() exception",
    'add USER 10001 (or a user created in the image) after the steps that need root; forbidRoot admits no # dockwright:allow DW3001 exception',
  );
}

/** DW3008 (hadolint DL3002): policy, off unless turned on. */
export const forbidRootRule = defineRule({
  id: 'DW3008',
  how: 'P',
  level: 'off',
  check({ file, report }) {
    const root = rootAt(file);
    if (root === undefined) return;
    // The reason allowRoot() gave, from its comment in a stage of the final image.
    const stages = imageStages(file);
    const starts = file.stages.map((s) => s.from.position.line);
    const inImage = (line: number) => stages.has(starts.filter((l) => l <= line).length - 1);
    const reason = file.comments
      .filter((c) => inImage(c.position.line))
      .map(readSuppression)
      .filter((s) => s !== undefined && s.codes.includes('DW3001') && s.reason !== '')
      .at(-1)?.reason;
    report(forbiddenRoot(root.stage.name, reason), root.position);
  },
});
