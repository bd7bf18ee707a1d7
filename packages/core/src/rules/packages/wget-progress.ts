import { hasFlag } from '../../shell/program.js';
import { commandAt, instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5025: wget's progress bar fills the build log with one line per update.
 *
 * @example
 * ```ts
 * wgetProgress(['https://x']).code; // 'DW5025'
 * ```
 */
export function wgetProgress(args: readonly string[]): Problem | undefined {
  if (hasFlag(args, '-q', '--quiet', '-nv', '--no-verbose', '--progress', '-o', '--output-file', '-a', '--append-output') || args.includes('-nv')) return undefined;
  return problem('DW5025', 'wget without --progress prints a progress bar into the build log', 'add --progress=dot:giga, or -q', 'add --progress=dot:giga (or -q, -nv)');
}

/** DW5025 (hadolint DL3047). */
export const wgetProgressRule = defineRule({
  id: 'DW5025',
  how: 'L',
  level: 'info',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const p of programsOf(run)) {
        const found = p.name === 'wget' ? wgetProgress(p.args) : undefined;
        if (found !== undefined) report(found, commandAt(run, p.command));
      }
    }
  },
});
