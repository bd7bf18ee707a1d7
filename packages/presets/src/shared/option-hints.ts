import { DockwrightError, isDockwrightError, type DockwrightIssue } from '@dockwright/core';

/**
 * Runs the builder calls a preset makes for one of its options; when the builder refuses the
 * value, the error's hints name that option (`port: 3000`), not the builder call the preset made
 * for it (`.expose()`), since the preset's user never wrote that call. The codes, messages and
 * locations stay the builder's.
 *
 * @example
 * ```ts
 * const s = optionHint('nodePreset()', "port: a number from 1 to 65535, such as port: 3000", () => runtime.expose(port));
 * ```
 */
export function optionHint<T>(preset: string, hint: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isDockwrightError(error)) throw error;
    const [first, ...rest] = error.issues.map(
      (i): DockwrightIssue => Object.freeze({ ...i, hint: `pass ${hint} to ${preset}`, path: Object.freeze({ ...i.path }) }),
    ) as [DockwrightIssue, ...DockwrightIssue[]];
    throw new DockwrightError([first, ...rest], { cause: error });
  }
}
