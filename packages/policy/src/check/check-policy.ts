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
  /** `error` fails the render; `warn` (also written `warning`) and `info` are reported only. */
  readonly severity: 'info' | 'warn' | 'error';
}

const checks: readonly (readonly [DockwrightCode, PolicyRuleCheck])[] = [
  ['DW1009', checkRegistries],
  ['DW1010', checkDigests],
  ['DW1011', checkSyntaxPinned],
  ['DW2008', checkBuildTools],
  ['DW3007', checkNumericUser],
  ['DW3008', checkNoRoot],
  ['DW5017', checkPinnedPackages],
  ['DW5022', checkForbiddenPackages],
  ['DW6019', checkRequiredLabels],
  ['DW6020', checkHealthcheck],
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
    const written = policy.rules[code] ?? 'off';
    if (written === 'off') return [];
    const severity = written === 'warning' ? 'warn' : written;
    return check(context).map((found) => Object.freeze({ ...found, severity }));
  });
}
