import type { ImportIssue, ParseIssue } from '@dockwright/core';
import type { CliIssue } from './cli-issue.js';

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
  return Object.freeze({ code: i.code, message: i.message, hint: i.hint, path: Object.freeze({}), location: `${file}:${i.range.start.line}:${i.range.start.column}` });
}
