import { subcommandOf } from '../../shell/package-installs.js';
import { commandAt, instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5026: `zypper dist-upgrade` moves the whole base to the next release: the base image's tag
 * no longer says what is inside.
 *
 * @example
 * ```ts
 * distUpgrade().code; // 'DW5026'
 * ```
 */
export function distUpgrade(): Problem {
  return problem('DW5026', 'zypper dist-upgrade changes the release of the base image', 'pick a base image of the release you want', 'use a newer base image instead of zypper dist-upgrade');
}

/** DW5026 (hadolint DL3035). */
export const distUpgradeRule = defineRule({
  id: 'DW5026',
  how: 'L',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const p of programsOf(run)) {
        const sub = p.name === 'zypper' ? subcommandOf('zypper', p.args)?.subcommand : undefined;
        if (sub === 'dist-upgrade' || sub === 'dup') report(distUpgrade(), commandAt(run, p.command));
      }
    }
  },
});
