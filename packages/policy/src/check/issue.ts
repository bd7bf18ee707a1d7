import type { DockwrightCode, DockwrightIssue, IssuePath } from '@dockwright/core';

/**
 * Makes a frozen issue, as core's builder does.
 *
 * @example
 * ```ts
 * issue('DW1010', 'image "node:22" is not pinned by digest', 'pin it with .pinDigest(...)', { stage: 'app', instruction: 'FROM' });
 * ```
 */
export function issue(code: DockwrightCode, message: string, hint: string, path: IssuePath = {}): DockwrightIssue {
  return Object.freeze({ code, message, hint, path: Object.freeze({ ...path }) });
}
