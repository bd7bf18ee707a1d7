import { dirname } from 'node:path';
import type { LintOptions } from '@dockwright/core';
import { findPolicyFile } from '@dockwright/policy/find';
import type { CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { issueAt } from '../errors/located-issue.js';

/** The lint options of a Dockerfile, and the policy file they come from. */
export interface LintPolicy {
  /** The policy file, relative to the working directory, or undefined when there is none. */
  readonly file?: string;
  readonly options: LintOptions;
}

/**
 * The policy of each Dockerfile: the nearest dockwright.policy.yaml walking up from its directory
 * (from the working directory for stdin), read once per file and turned into `lint()` options.
 * A problem in any policy file throws a UsageError (exit 2) listing them all, before anything is
 * linted.
 *
 * @example
 * ```ts
 * const policies = await lintPolicies(['/repo/api/Dockerfile'], '/repo');
 * policies.get('/repo/api/Dockerfile')?.options.rules;
 * ```
 */
export async function lintPolicies(files: readonly string[], cwd: string): Promise<Map<string, LintPolicy>> {
  const found = new Map<string, string | undefined>();
  for (const file of files) {
    const dir = file === '-' ? cwd : dirname(file);
    found.set(file, findPolicyFile(dir));
  }
  const result = new Map<string, LintPolicy>(files.map((f) => [f, { options: {} }]));
  const policyFiles = new Set([...found.values()].filter((f): f is string => f !== undefined));
  if (policyFiles.size === 0) return result;
  const { issueLocation, lintOptions, loadPolicy } = await import('@dockwright/policy');
  const loaded = new Map<string, LintPolicy>();
  const problems: CliIssue[] = [];
  for (const file of policyFiles) {
    const policy = loadPolicy(file);
    if (policy.ok) loaded.set(file, { file: displayPath(cwd, file), options: lintOptions(policy.policy) });
    else for (const i of policy.issues) problems.push(issueAt(i, issueLocation({ ...i, file: displayPath(cwd, i.file) })));
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new UsageError([first, ...rest]);
  for (const [file, policyFile] of found) if (policyFile !== undefined) result.set(file, loaded.get(policyFile) ?? { options: {} });
  return result;
}
