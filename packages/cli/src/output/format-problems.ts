import { formatIssues, type DockwrightIssue } from '@dockwright/core';
import type { CliIssue } from '../errors/cli-issue.js';
import type { Phase } from '../render/planned-file.js';
import type { Colors } from './colors.js';

const PHASES: Readonly<Record<Phase, string>> = {
  load: 'failed to load',
  build: 'was refused by the builder',
  export: 'does not export a Dockerfile',
  render: 'failed to render',
  policy: 'breaks the policy',
  write: 'could not be written',
};

/**
 * Issues in core's format (`✖ CODE message (where)` then `→ hint`), indented, with colour.
 *
 * @example
 * ```ts
 * formatProblems([cliIssue('DWC1004', 'no such file: x', 'check the path')], colors(false), '  ');
 * ```
 */
export function formatProblems(issues: readonly CliIssue[], c: Colors, indent = '', mark = '✖'): string {
  // Core's issues in core's own format; the CLI's have the same shape, and say where they are
  // in the message, so an empty path adds nothing (core would say "Dockerfile").
  const text = issues
    .map((i) => {
      if (!/^DW[CP]/.test(i.code) || Object.keys(i.path).length > 0) return formatIssues([i as DockwrightIssue]);
      return `✖ ${i.code} ${i.message}${i.location === undefined ? '' : ` (at ${i.location})`}\n  → ${i.hint}`;
    })
    .join('\n');
  const colour = mark === '✖' ? c.red : c.yellow;
  return text
    .split('\n')
    .map((line) => `${indent}${line.startsWith('✖') ? line.replace(/^✖ (\S+)/, (_, code: string) => `${colour(mark)} ${c.bold(code)}`) : c.dim(line)}`)
    .join('\n');
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
  return `${c.red('✖')} ${c.bold(file)} ${PHASES[phase]}${which}\n${formatProblems(issues, c, '  ')}\n`;
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
  return `${c.yellow('⚠')} ${c.bold(file)} has ${n} ${n === 1 ? 'warning' : 'warnings'} from ${policy}\n${formatProblems(warnings, c, '  ', '⚠')}\n`;
}
