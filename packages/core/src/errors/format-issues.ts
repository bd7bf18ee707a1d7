import type { DockwrightIssue, IssuePath } from './issue.js';

/**
 * Formats the location of an issue as `stage "build", RUN #3`.
 *
 * @example
 * ```ts
 * formatPath({ stage: 'build', instruction: 'RUN', index: 3 }); // 'stage "build", RUN #3'
 * ```
 */
export function formatPath(path: IssuePath): string {
  const parts: string[] = [];
  if (path.stage !== undefined) parts.push(`stage "${path.stage}"`);
  if (path.instruction !== undefined) {
    parts.push(path.index === undefined ? path.instruction : `${path.instruction} #${path.index}`);
  }
  return parts.length === 0 ? 'Dockerfile' : parts.join(', ');
}

/**
 * Formats issues one per problem, each with its code, location and fix, the way the CLI and
 * `DockwrightError.message` print them.
 *
 * @example
 * ```ts
 * formatIssues([issue('DW3001', 'the final stage runs as root', 'call .user(10001)', { stage: 'app' })]);
 * // '✖ DW3001 the final stage runs as root (stage "app")\n  → call .user(10001)'
 * ```
 */
export function formatIssues(issues: readonly DockwrightIssue[]): string {
  return issues
    .map((i) => `✖ ${i.code} ${i.message} (${formatPath(i.path)})\n  → ${i.hint}`)
    .join('\n');
}
