import { programOf } from '../../lint/shell/program.js';
import { commandAt, commandsOf, imageRuns, installsOf, mountedPaths, removesPath } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5011: apt's package lists (tens of MiB) stay in the layer unless the same RUN removes them.
 *
 * @example
 * ```ts
 * aptLists().code; // 'DW5011'
 * ```
 */
export function aptLists(): Problem {
  return problem('DW5011', 'apt lists are not removed in the RUN that installs', 'use aptInstall([...]) or .withCleanup(), which remove them in the same RUN', 'end the same RUN with: && rm -rf /var/lib/apt/lists/*');
}

/** DW5011 (hadolint DL3009), in the stages that end up in the image. */
export const aptListsRule = defineRule({
  id: 'DW5011',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of imageRuns(file)) {
      const commands = commandsOf(run);
      const install = installsOf(run).find((i) => i.manager === 'apt-get' || i.manager === 'apt');
      if (install === undefined) continue;
      // As hadolint's DL3009: a cache of the lists, or of all of /var/lib/apt together with /var/cache/apt.
      const mounted = mountedPaths(run);
      if (mounted.includes('/var/lib/apt/lists') || (mounted.includes('/var/lib/apt') && mounted.includes('/var/cache/apt'))) continue;
      if (removesPath(commands, /^\/var\/lib\/apt\/lists(?:\/\*?)?$|^\/var\/lib\/apt\/?$/)) continue;
      // apt 2.7+ has `apt-get dist-clean`, which removes the lists too.
      if (commands.some((c) => /^(?:apt-get|apt)$/.test(programOf(c).name) && programOf(c).args.includes('dist-clean'))) continue;
      report(aptLists(), commandAt(run, install.program.command));
    }
  },
});
