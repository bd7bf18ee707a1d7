import { compileLint, DockwrightError, mapImageRefs, render, type Dockerfile, type DockerfileNode, type DockwrightIssue, type IssuePath, type RuleFinding, type Severity } from '@dockwright/core';
import { lintOptions } from '../lint/lint-options.js';
import { madePolicy, type Policy } from '../schema/resolve-policy.js';
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
  const ast = astOf(dockerfile);
  const engine = engineOf(policy);
  if (ast.stages.length === 0 || engine === undefined) return [];
  return engine(render(unlocked(ast)))
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

type Engine = ReturnType<typeof compileLint>;

// A policy from loadPolicy() cannot change: its engine is worked out once, however many
// Dockerfiles it judges (a monorepo's render checks each service with the same policy).
const engines = new WeakMap<Policy, Engine | undefined>();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const LISTS = ['allowedRegistries', 'requiredLabels', 'forbiddenPackages', 'buildTools', 'buildImages'] as const;

// A Policy's shape, as lintOptions() reads it: a hand-built one that lacks a part is DW9005, not a TypeError.
function isPolicy(policy: unknown): policy is Policy {
  if (!isRecord(policy) || policy['kind'] !== 'Policy' || !isRecord(policy['rules']) || !isRecord(policy['settings'])) return false;
  return LISTS.every((key) => Array.isArray(policy[key]) && (policy[key] as unknown[]).every((v) => typeof v === 'string'));
}

function engineOf(policy: Policy): Engine | undefined {
  if (engines.has(policy)) return engines.get(policy);
  if (!isPolicy(policy)) throw wrongArgument('the policy', policy, 'pass the policy of loadPolicy(), parsePolicy() or policyFrom()');
  const on = POLICY_CODES.filter((code) => (policy.rules[code] ?? 'off') !== 'off');
  const levels = Object.fromEntries(on.map((code) => [code, policy.rules[code]]));
  const engine = on.length === 0 ? undefined : compileLint({ ...lintOptions(policy), rules: levels }, on);
  if (madePolicy(policy)) engines.set(policy, engine);
  return engine;
}

function astOf(dockerfile: Dockerfile | DockerfileNode): DockerfileNode {
  const given = dockerfile as Partial<Dockerfile> | null | undefined;
  if (typeof given !== 'object' || given === null || given.kind !== 'Dockerfile') throw wrongArgument('the Dockerfile', dockerfile, 'pass dockerfile(stage) or its .ast');
  const ast = 'ast' in given ? given.ast : (given as DockerfileNode);
  if (!Array.isArray(ast?.stages)) throw wrongArgument('the Dockerfile', dockerfile, 'pass dockerfile(stage) or its .ast');
  return ast;
}

function wrongArgument(what: string, value: unknown, hint: string): DockwrightError {
  const shown = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return new DockwrightError([{ code: 'DW9005', message: `checkPolicy(): ${what} must be ${what === 'the policy' ? 'a Policy' : 'a Dockerfile or its AST'}, got ${shown}`, hint, path: {} }]);
}
