import { dirname } from 'node:path';
import type { Dockerfile } from '@dockwright/core';
import { findPolicyFile } from '@dockwright/policy/find';
import type { CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import type { Target } from '../targets/target.js';
import type { AppliedPolicy } from './applied-policy.js';
import { issueAt } from '../errors/located-issue.js';

/**
 * Finds the policy of each target (the nearest dockwright.policy.yaml, walking up from the
 * target's directory) and loads each policy file once. The policy library is imported only when
 * a file exists. Any problem in any policy file throws a UsageError (exit 2) listing them all,
 * each with `file:line:column`, before anything is rendered.
 *
 * @example
 * ```ts
 * const policies = await loadPolicies(targets, '/repo');
 * policies.get(targets[0].file)?.file; // 'dockwright.policy.yaml'
 * ```
 */
export async function loadPolicies(targets: readonly Target[], cwd: string): Promise<Map<string, AppliedPolicy>> {
  const fileOfDir = new Map<string, string | undefined>();
  const fileOfTarget = new Map<string, string>();
  for (const target of targets) {
    const dir = dirname(target.file);
    if (!fileOfDir.has(dir)) fileOfDir.set(dir, findPolicyFile(dir));
    const file = fileOfDir.get(dir);
    if (file !== undefined) fileOfTarget.set(target.file, file);
  }
  const applied = new Map<string, AppliedPolicy>();
  if (fileOfTarget.size === 0) return applied;

  const { checkPolicy, issueLocation, loadPolicy } = await import('@dockwright/policy');
  const byFile = new Map<string, AppliedPolicy>();
  const problems: CliIssue[] = [];
  for (const file of new Set(fileOfTarget.values())) {
    const result = loadPolicy(file);
    if (!result.ok) {
      for (const i of result.issues) {
        problems.push(issueAt(i, issueLocation({ ...i, file: displayPath(cwd, i.file) })));
      }
      continue;
    }
    const name = displayPath(cwd, file);
    const policy = result.policy;
    byFile.set(file, {
      file: name,
      check: (dockerfile: Dockerfile) => {
        const found: readonly CliIssue[] = checkPolicy(dockerfile, policy);
        return { errors: found.filter((f) => f.severity === 'error'), warnings: found.filter((f) => f.severity !== 'error') };
      },
    });
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new UsageError([first, ...rest]);
  for (const [target, file] of fileOfTarget) {
    const policy = byFile.get(file);
    if (policy !== undefined) applied.set(target, policy);
  }
  return applied;
}
