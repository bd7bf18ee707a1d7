import { commandAt, instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5012: `apt` is for people at a terminal; its interface may change between releases.
 *
 * @example
 * ```ts
 * aptInScript('install').code; // 'DW5012'
 * ```
 */
export function aptInScript(subcommand: string): Problem {
  return problem('DW5012', `apt ${subcommand} in a script`, 'use aptInstall([...]), which calls apt-get', `use apt-get ${subcommand} instead`);
}

/** DW5012 (hadolint DL3027). */
export const aptInScriptRule = defineRule({
  id: 'DW5012',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const p of programsOf(run)) {
        const sub = p.args.find((a) => !a.startsWith('-'));
        if (p.name === 'apt' && sub !== undefined) report(aptInScript(sub), commandAt(run, p.command));
      }
    }
  },
});
