import { commandAt, instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5024: replacing /bin/sh with a link changes the shell for every RUN behind the reader's back.
 *
 * @example
 * ```ts
 * shellSymlink().code; // 'DW5024'
 * ```
 */
export function shellSymlink(): Problem {
  return problem('DW5024', 'RUN links /bin/sh to another shell', "say it with .shell(['/bin/bash', '-c'])", 'use SHELL ["/bin/bash", "-c"] instead');
}

/** DW5024 (hadolint DL4005). */
export const shellSymlinkRule = defineRule({
  id: 'DW5024',
  how: 'L',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const p of programsOf(run)) {
        const operands = p.args.filter((a) => !a.startsWith('-'));
        if (p.name === 'ln' && operands.at(-1) === '/bin/sh') report(shellSymlink(), commandAt(run, p.command));
      }
    }
  },
});
