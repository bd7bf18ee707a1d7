import { programOf } from '../../lint/shell/program.js';
import type { ShellCommand } from '../../lint/shell/split-shell.js';
import type { InstallManager } from '../../lint/shell/package-installs.js';
import { commandAt, commandsOf, imageRuns, installsOf, mountedPaths, removesPath } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5015: dnf, yum, microdnf and zypper keep metadata and packages in the layer until cleaned.
 *
 * @example
 * ```ts
 * rpmClean('dnf').message; // 'dnf install without a clean in the same RUN'
 * ```
 */
export function rpmClean(manager: InstallManager): Problem {
  const clean = manager === 'zypper' ? 'zypper clean --all' : `${manager} clean all`;
  return problem('DW5015', `${manager} install without a clean in the same RUN`, 'use dnfInstall([...]) or .withCleanup(), which clean in the same RUN', `end the same RUN with: && ${clean}`);
}

const CACHE_DIRS = /^\/var\/cache\/(?:dnf|yum|zypp|libdnf5?)|^\/var\/cache\/?\*?$/;

/** DW5015 (hadolint DL3032 yum, DL3036 zypper, DL3040 dnf), in the stages that end up in the image. */
export const rpmCleanRule = defineRule({
  id: 'DW5015',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of imageRuns(file)) {
      const commands = commandsOf(run);
      const installs = installsOf(run).filter((i) => ['dnf', 'yum', 'microdnf', 'zypper'].includes(i.manager));
      if (installs.length === 0) continue;
      if (mountedPaths(run).some((p) => CACHE_DIRS.test(p))) continue;
      if (removesPath(commands, CACHE_DIRS)) continue;
      const cleaned = commands.some((c) => {
        const p = programOf(c);
        return ['dnf', 'yum', 'microdnf', 'zypper'].includes(p.name) && p.args.some((a) => a === 'clean' || a === 'cc');
      });
      if (!cleaned) report(rpmClean((installs[0] as { manager: InstallManager }).manager), commandAt(run, (installs[0] as { program: { command: ShellCommand } }).program.command));
    }
  },
});
