import { programOf } from '../../shell/program.js';
import type { ShellCommand } from '../../shell/split-shell.js';
import type { InstallManager } from '../../shell/package-installs.js';
import { commandAt, commandsOf, imageRuns, installsOf, mountedPaths, removesPath } from '../lint-helpers.js';
import { asTwins, defineRule, problem, type Problem } from '../rule.js';

const RPM_TWINS: Readonly<Record<string, string>> = { dnf: 'DL3040', microdnf: 'DL3040', yum: 'DL3032', zypper: 'DL3036' };

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
      // The clean must come after the last install (hadolint DL3032, DL3036, DL3040): one before it cleans nothing.
      const last = Math.max(...installs.map((i) => commands.indexOf(i.program.command)));
      const after = commands.slice(last + 1);
      if (removesPath(after, CACHE_DIRS)) continue;
      const cleaned = after.some((c) => {
        const p = programOf(c);
        return ['dnf', 'yum', 'microdnf', 'zypper'].includes(p.name) && p.args.some((a) => a === 'clean' || a === 'cc');
      });
      const first = installs[0] as { manager: InstallManager; program: { command: ShellCommand } };
      if (!cleaned) report(asTwins(rpmClean(first.manager), RPM_TWINS[first.manager] ?? 'DL3040'), commandAt(run, first.program.command));
    }
  },
});
