import { hasFlag } from '../../shell/program.js';
import type { InstallManager } from '../../shell/package-installs.js';
import { commandAt, installsOf, instructionsOf } from '../lint-helpers.js';
import { asTwins, defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5014: dnf, yum and zypper ask before installing; a build cannot answer.
 * (microdnf never asks.) For zypper, `-n` goes before the subcommand.
 *
 * @example
 * ```ts
 * rpmYes('yum', ['install', 'curl'])?.code; // 'DW5014'
 * rpmYes('zypper', ['-n', 'install', 'curl']); // undefined
 * ```
 */
export function rpmYes(manager: InstallManager, args: readonly string[]): Problem | undefined {
  const ok = manager === 'zypper' ? hasFlag(args, '-n', '--non-interactive', '-y', '--no-confirm') : hasFlag(args, '-y', '--assumeyes');
  if (ok) return undefined;
  const flag = manager === 'zypper' ? '-n' : '-y';
  return problem('DW5014', `${manager} install without ${flag}`, 'use dnfInstall([...]), which writes -y', manager === 'zypper' ? 'write zypper -n install ...' : `add -y: ${manager} install -y ...`);
}

/** DW5014 (hadolint DL3030 yum, DL3034 zypper, DL3038 dnf). */
export const rpmYesRule = defineRule({
  id: 'DW5014',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const install of installsOf(run)) {
        if (install.manager !== 'dnf' && install.manager !== 'yum' && install.manager !== 'zypper') continue;
        const found = rpmYes(install.manager, install.args);
        if (found !== undefined) report(asTwins(found, install.manager === 'yum' ? 'DL3030' : install.manager === 'zypper' ? 'DL3034' : 'DL3038'), commandAt(run, install.program.command));
      }
    }
  },
});
