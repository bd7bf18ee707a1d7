import type { ImportIssue, ParseIssue } from '@dockwright/core';
import { cliWhere, type CliIssue } from './cli-issue.js';

/**
 * A problem found at a place in a written file (a parse or import issue) as a CLI issue located
 * `file:line:column`, the form every command prints.
 *
 * @example
 * ```ts
 * locatedIssue('Dockerfile', result.errors[0]).location; // 'Dockerfile:2:1'
 * ```
 */
export function locatedIssue(file: string, i: ParseIssue | ImportIssue): CliIssue {
  return issueAt(i, `${file}:${i.range.start.line}:${i.range.start.column}`);
}

/**
 * Any coded problem (a policy file's, a hadolint configuration's) as a CLI issue at a location
 * already written out (`dockwright.policy.yaml:3:5`): the one constructor of a located CLI issue.
 * Its severity stays the problem's (an import's DW0011 is a warning), else it is an error.
 *
 * @example
 * ```ts
 * issueAt({ code: 'DWP1001', message: 'unknown key', hint: 'remove it' }, 'dockwright.policy.yaml:3:1').location; // 'dockwright.policy.yaml:3:1'
 * ```
 */
export function issueAt(i: Pick<CliIssue, 'code' | 'message' | 'hint' | 'severity'>, location: string): CliIssue {
  return Object.freeze({ code: i.code, message: i.message, hint: i.hint, path: Object.freeze({}), location, severity: i.severity ?? 'error', where: Object.freeze(cliWhere(i.code, {}, location)) });
}
