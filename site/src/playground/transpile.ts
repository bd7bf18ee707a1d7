// The playground's transpiler: TypeScript to the function body a run executes. Loaded by the run
// worker only for a program other than the first example (which the build transpiles).
import { transform } from 'sucrase';
import type { RunOutcome } from './run-transpiled.js';

/**
 * Transpiles a program with sucrase, as the playground runs it: the JavaScript, or the syntax
 * error as a problem to show.
 *
 * @example
 * ```ts
 * transpile("import { stage } from '@dockwright/core';\nconst s: string = 'a';"); // "const _core = require('@dockwright/core');…"
 * ```
 */
export function transpile(code: string): string | RunOutcome {
  try {
    // import.meta is for modules; the program runs as a function body, so it gets its own.
    return transform(code, { transforms: ['typescript', 'imports'], production: true, disableESTransforms: true }).code.replace(/\bimport\.meta\b/g, '__importMeta');
  } catch (error) {
    const m = /\((\d+):(\d+)\)/.exec(error instanceof Error ? error.message : '');
    return { kind: 'problems', issues: [{ message: `syntax error: ${error instanceof Error ? error.message : String(error)}`, ...(m === null ? {} : { line: Number(m[1]) }) }], printed: '' };
  }
}
