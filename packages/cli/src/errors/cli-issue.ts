import type { DockwrightCode, IssuePath } from '@dockwright/core';
import type { PolicyCode } from '@dockwright/policy';
import type { CliCode } from './cli-codes.js';

/**
 * One problem, the same shape as core's `DockwrightIssue` (`code`, `message`, `hint`, `path`), with
 * the CLI's own codes and the policy-file codes added. Core issues pass through unchanged.
 */
export interface CliIssue {
  /** `DWC` for the CLI's own problems, `DW` for a Dockerfile's (builder or policy), `DWP` for a policy file's. */
  readonly code: CliCode | DockwrightCode | PolicyCode;
  readonly message: string;
  readonly hint: string;
  readonly path: IssuePath;
  /** Where in the user's files, `file:line:column` relative to the working directory, when known. */
  readonly location?: string;
}

/**
 * Makes a CLI issue.
 *
 * @example
 * ```ts
 * cliIssue('DWC1004', 'no such file: services/api', 'check the path');
 * ```
 */
export function cliIssue(code: CliCode, message: string, hint: string, path: IssuePath = {}, location?: string): CliIssue {
  return Object.freeze({ code, message, hint, path: Object.freeze({ ...path }), ...(location === undefined ? {} : { location }) });
}
