import { formatPath } from '@dockwright/core/format-issues';
import type { CliIssue } from '../errors/cli-issue.js';
import type { Phase } from '../render/planned-file.js';
import type { Colors } from './colors.js';
import { formatProblems } from './format-problems.js';

const PHASES: Readonly<Record<Phase, string>> = {
  load: 'failed to load',
  build: 'was refused by the builder',
  export: 'does not export a Dockerfile',
  render: 'failed to render',
  policy: 'breaks the policy',
  write: 'could not be written',
};

/**
 * Problems of a Dockerfile program (core's issues, located by stage and instruction, and the
 * CLI's): `formatProblems` with core's `formatPath` for where.
 *
 * @example
 * ```ts
 * io.err(formatIssueLines(build.issues, io.errColors));
 * ```
 */
export function formatIssueLines(issues: readonly CliIssue[], c: Colors, indent = '', mark: '✖' | '⚠' = '✖'): string {
  return formatProblems(issues, c, indent, mark, formatPath);
}

/**
 * A failed target: its file and what went wrong, then each problem.
 *
 * @example
 * ```ts
 * io.err(formatFailure('api/service.dockerfile.ts', 'build', issues, io.errColors));
 * ```
 */
export function formatFailure(file: string, phase: Phase, issues: readonly CliIssue[], c: Colors, policy?: string): string {
  const which = phase === 'policy' && policy !== undefined ? ` of ${policy}` : '';
  return `${c.red('✖')} ${c.bold(file)} ${PHASES[phase]}${which}\n${formatIssueLines(issues, c, '  ')}`;
}

/**
 * A target's policy warnings: its file and the policy, then each warning, marked `⚠`.
 *
 * @example
 * ```ts
 * io.err(formatWarnings('api/service.dockerfile.ts', 'dockwright.policy.yaml', warnings, io.errColors));
 * ```
 */
export function formatWarnings(file: string, policy: string, warnings: readonly CliIssue[], c: Colors): string {
  const n = warnings.length;
  return `${c.yellow('⚠')} ${c.bold(file)} has ${n} ${n === 1 ? 'warning' : 'warnings'} from ${policy}\n${formatIssueLines(warnings, c, '  ', '⚠')}`;
}
