import { commandAt, commandsOf, imageRuns, mountedPaths, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5023: `yarn install` keeps every package it fetched in yarn's cache, in the layer.
 *
 * @example
 * ```ts
 * yarnCache().code; // 'DW5023'
 * ```
 */
export function yarnCache(): Problem {
  return problem('DW5023', 'yarn install without yarn cache clean in the same RUN', "cache it in a mount: .withMounts(cacheMount('/usr/local/share/.cache/yarn'))", 'end the same RUN with && yarn cache clean, or use RUN --mount=type=cache,target=/usr/local/share/.cache/yarn');
}

/** DW5023 (hadolint DL3060): in the stages that end up in the image. */
export const yarnCacheRule = defineRule({
  id: 'DW5023',
  how: 'L',
  level: 'warning',
  check({ file, report }) {
    for (const run of imageRuns(file)) {
      if (mountedPaths(run).some((p) => /\/\.cache\/yarn$|\/\.yarn\/(?:berry\/)?cache$|\/yarn$/.test(p))) continue;
      const programs = programsOf(run).filter((p) => p.name === 'yarn');
      // `yarn` alone installs too; `yarn --version` and `yarn --help` do not.
      const install = programs.find((p) => p.args[0] === 'install' || (p.args.every((a) => a.startsWith('-')) && !p.args.some((a) => /^-(?:v|h|-version|-help)$/.test(a))));
      if (install === undefined) continue;
      if (programs.some((p) => p.args[0] === 'cache' && p.args[1] === 'clean')) continue;
      if (commandsOf(run).length === 0) continue;
      report(yarnCache(), commandAt(run, install.command));
    }
  },
});
