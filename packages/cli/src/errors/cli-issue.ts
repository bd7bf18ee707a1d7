import type { DockwrightCode, Issue, IssuePath, IssueWhere, Severity } from '@dockwright/core';
import type { PolicyCode } from '@dockwright/policy';
import type { CliCode } from './cli-codes.js';

/**
 * One problem: core's one `Issue` shape with the CLI's own codes and the policy-file codes added,
 * keeping the fields the CLI's issues had before it (`hint`, `path`, `location`). Core issues
 * pass through unchanged. `cliIssue()` and `issueAt()` fill `severity` and `where`.
 */
export type CliIssue = Omit<Issue<CliCode | DockwrightCode | PolicyCode>, 'severity' | 'hint'> & {
  readonly severity?: Severity;
  readonly hint: string;
  readonly path: IssuePath;
  /** Where in the user's files, `file:line:column` relative to the working directory, when known (also `where.file` and `where.range`). */
  readonly location?: string;
};

const AT = /^(.+):(\d+):(\d+)$/;

/**
 * The `where` of a CLI issue from its older fields: the file and position its `location` names,
 * else its path (a CLI or policy-file issue with no path says where it is in its message, so it
 * names none; a Dockerfile's issue always has its path, `Dockerfile` when it is empty).
 *
 * @example
 * ```ts
 * cliWhere('DWC3001', {}, 'api.dockerfile.ts:12:7'); // { file: 'api.dockerfile.ts', range: { start: { line: 12, column: 7 }, end: { line: 12, column: 7 } } }
 * ```
 */
export function cliWhere(code: string, path: IssuePath, location?: string): IssueWhere {
  if (location !== undefined) {
    const m = AT.exec(location);
    if (m === null) return { file: location };
    const at = { line: Number(m[2]), column: Number(m[3]) };
    return { file: m[1] ?? location, range: { start: at, end: at } };
  }
  return /^DW[CP]/.test(code) && Object.keys(path).length === 0 ? {} : { path };
}

/**
 * Makes a CLI issue: an error.
 *
 * @example
 * ```ts
 * cliIssue('DWC1004', 'no such file: services/api', 'check the path');
 * ```
 */
export function cliIssue(code: CliCode, message: string, hint: string, path: IssuePath = {}, location?: string): CliIssue {
  const at = Object.freeze({ ...path });
  return Object.freeze({ code, message, hint, path: at, ...(location === undefined ? {} : { location }), severity: 'error', where: Object.freeze(cliWhere(code, at, location)) });
}
