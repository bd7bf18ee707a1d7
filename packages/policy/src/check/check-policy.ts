import { lintFindings, mapImageRefs, render, type Dockerfile, type DockerfileNode, type DockwrightIssue, type IssuePath, type RuleFinding, type Severity } from '@dockwright/core';
import { lintOptions } from '../lint/lint-options.js';
import type { Policy } from '../schema/resolve-policy.js';
import { policyRules } from '../schema/policy-rules.js';
import { pathOf } from './path-of.js';

/**
 * A problem a policy finds: the one `Issue` shape (code, severity, message, hint, `where.path`)
 * with the builder's `path` beside it. The severity is the level the policy gives the rule, read
 * by core's `severityOf()`: a policy file's `warn` is `warning`.
 *
 * @example
 * ```ts
 * for (const f of checkPolicy(dockerfile(app), policy)) f.severity; // 'error', 'warning' or 'info'
 * ```
 */
export interface PolicyFinding extends Omit<DockwrightIssue, 'severity'> {
  /** `error` fails the render; `warning` and `info` are reported only. */
  readonly severity: Severity;
  readonly where: { readonly path: IssuePath };
}

const POLICY_CODES = policyRules.map((r) => r.code);

// Locked images still without a digest render as their tag here: the rules judge the model as
// written (DW1010 reports them as unpinned), and render refuses unresolved locks.
function unlocked(ast: DockerfileNode): DockerfileNode {
  const { syntaxLocked: _syntaxLocked, ...rest } = mapImageRefs(ast, (ref) => {
    if (ref.locked !== true || ref.digest !== undefined) return ref;
    const { locked: _locked, ...written } = ref;
    return written;
  });
  return rest;
}

function byCode(a: RuleFinding, b: RuleFinding): number {
  return POLICY_CODES.indexOf(a.problem.code) - POLICY_CODES.indexOf(b.problem.code);
}

/**
 * Checks a built Dockerfile (or its AST) against a policy and returns every problem, each with
 * its code, message, hint, where it is, and its severity. The policy is configuration of core's
 * rule engine: its rules are core's rule modules, run over the rendered Dockerfile with the
 * policy's levels and lists, exactly as `lint()` runs them; each finding is then placed back in
 * the model (stage, instruction). Rules the policy leaves off are not run.
 *
 * @example
 * ```ts
 * const result = parsePolicy('requireDigests: true\n');
 * if (result.ok) for (const f of checkPolicy(dockerfile(app), result.policy)) console.log(f.severity, f.code, f.message);
 * ```
 */
export function checkPolicy(dockerfile: Dockerfile | DockerfileNode, policy: Policy): PolicyFinding[] {
  const ast = dockerfile.kind === 'Dockerfile' && 'ast' in dockerfile ? dockerfile.ast : (dockerfile as DockerfileNode);
  if (ast.stages.length === 0) return [];
  const on = POLICY_CODES.filter((code) => (policy.rules[code] ?? 'off') !== 'off');
  if (on.length === 0) return [];
  const options = lintOptions(policy);
  const levels = Object.fromEntries(on.map((code) => [code, policy.rules[code]]));
  return lintFindings(render(unlocked(ast)), { ...options, rules: levels }, on)
    .sort(byCode)
    .map((found) => {
      const path = Object.freeze(pathOf(ast, found));
      return Object.freeze({
        code: found.problem.code,
        message: found.problem.message,
        hint: found.problem.hint,
        path,
        severity: found.severity,
        where: Object.freeze({ path }),
      });
    });
}
