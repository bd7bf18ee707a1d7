import type { DockwrightCode } from './codes.js';

/** Where a problem is: the stage, the instruction keyword and its 1-based index in the stage. */
export interface IssuePath {
  readonly stage?: string;
  readonly instruction?: string;
  readonly index?: number;
}

/** One problem, as data: what is wrong, where, and how to fix it. */
export interface DockwrightIssue {
  readonly code: DockwrightCode;
  readonly message: string;
  readonly hint: string;
  readonly path: IssuePath;
}

/**
 * Makes an issue; a small constructor so call sites stay one line.
 *
 * @example
 * ```ts
 * issue('DW6004', 'WORKDIR "app" is relative', 'write an absolute path such as /app', { stage: 'build' });
 * ```
 */
export function issue(code: DockwrightCode, message: string, hint: string, path: IssuePath = {}): DockwrightIssue {
  return Object.freeze({ code, message, hint, path: Object.freeze({ ...path }) });
}
