import type { Dockerfile, DockerfileNode, DockwrightCode, DockwrightIssue } from '@dockwright/core';
import type { Policy } from '../schema/resolve-policy.js';
import type { PolicyRuleCheck } from './rule-context.js';
import { checkDigests, checkSyntaxPinned } from './rules/digests.js';
import { checkHealthcheck, checkRequiredLabels } from './rules/metadata.js';
import { checkBuildTools, checkForbiddenPackages, checkPinnedPackages } from './rules/packages.js';
import { checkRegistries } from './rules/registries.js';
import { checkNoRoot, checkNumericUser } from './rules/users.js';
import { finalStage, imageStages } from './walk.js';

/** A problem a policy finds: an issue like the builder's, with the severity the policy gives it. */
export interface PolicyFinding extends DockwrightIssue {
  readonly severity: 'warn' | 'error';
}

const checks: readonly (readonly [DockwrightCode, PolicyRuleCheck])[] = [
  ['DW1101', checkRegistries],
  ['DW1102', checkDigests],
  ['DW1103', checkSyntaxPinned],
  ['DW2101', checkBuildTools],
  ['DW3101', checkNoRoot],
  ['DW3102', checkNumericUser],
  ['DW5101', checkPinnedPackages],
  ['DW5102', checkForbiddenPackages],
  ['DW6101', checkRequiredLabels],
  ['DW6102', checkHealthcheck],
];

/**
 * Checks a built Dockerfile (or its AST) against a policy and returns every problem, each with
 * its code, message, hint, where it is, and its severity. Rules the policy leaves off are not run.
 *
 * @example
 * ```ts
 * const result = parsePolicy('requireDigests: true\n');
 * if (result.ok) for (const f of checkPolicy(dockerfile(app), result.policy)) console.log(f.severity, f.code, f.message);
 * ```
 */
export function checkPolicy(dockerfile: Dockerfile | DockerfileNode, policy: Policy): PolicyFinding[] {
  const ast = dockerfile.kind === 'Dockerfile' && 'ast' in dockerfile ? dockerfile.ast : (dockerfile as DockerfileNode);
  const final = finalStage(ast);
  if (final === undefined) return [];
  const context = { ast, final, imageStages: imageStages(ast), policy };
  return checks.flatMap(([code, check]) => {
    const severity = policy.rules[code] ?? 'off';
    if (severity === 'off') return [];
    return check(context).map((found) => Object.freeze({ ...found, severity }));
  });
}
