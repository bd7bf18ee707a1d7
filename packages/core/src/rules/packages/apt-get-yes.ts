import { hasFlag } from '../../shell/program.js';
import { commandAt, installsOf, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5009: `apt-get install` asks for confirmation and a build has no one to answer.
 *
 * @example
 * ```ts
 * aptGetYes(['install', 'curl'])?.code; // 'DW5009'
 * aptGetYes(['install', '-y', 'curl']); // undefined
 * ```
 */
export function aptGetYes(args: readonly string[]): Problem | undefined {
  // apt-get's quiet level 2 (-qq) implies -y.
  // A simulated install (`-s`) changes nothing.
  if (hasFlag(args, '-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon')) return undefined;
  // Quiet levels add up: `-q -q` is -qq.
  const quiet = args.reduce((n, a) => n + (/^-q+$/.test(a) ? a.length - 1 : a === '--quiet' ? 1 : 0), 0);
  if (quiet >= 2 || hasFlag(args, '-y', '--yes', '--assume-yes', '--force-yes') || args.some((a) => /^--quiet=2$|^-q=2$|Assume-Yes=(?:true|1|yes)/i.test(a))) return undefined;
  return problem('DW5009', 'apt-get install without -y', 'use aptInstall([...]), which writes -y', 'add -y: apt-get install -y --no-install-recommends ...');
}

/** DW5009 (hadolint DL3014). */
export const aptGetYesRule = defineRule({
  id: 'DW5009',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const install of installsOf(run)) {
        const found = install.manager === 'apt-get' ? aptGetYes(install.args) : undefined;
        if (found !== undefined) report(found, commandAt(run, install.program.command));
      }
    }
  },
});
