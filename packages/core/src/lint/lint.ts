import type { DockerfileSyntax } from '../syntax/types.js';
import type { LintDiagnostic } from './lint-diagnostic.js';
import type { LintOptions } from './lint-options.js';
import { readSyntax } from './read-syntax.js';
import { runRules } from './run-rules.js';

/**
 * Judges a parsed Dockerfile with the rule catalogue and returns the findings as data, in file
 * order. It never throws. Rules are configured per id (`off`, `info`, `warn`, `error`), and a
 * `# dockwright:allow DWxxxx <reason>` comment above an instruction waives that rule there.
 *
 * @example
 * ```ts
 * import { lint, parseDockerfile } from '@dockwright/core';
 * const { syntax } = parseDockerfile('FROM node:latest\nRUN cd /app && npm ci\n');
 * lint(syntax).map((d) => `${d.line} ${d.rule}`); // ['1 DW1002', '1 DW3001', '2 DW5020']
 * ```
 */
export function lint(tree: DockerfileSyntax, options: LintOptions = {}): LintDiagnostic[] {
  return runRules(readSyntax(tree), options);
}
