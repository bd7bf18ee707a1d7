import { hasFlag } from '../../shell/program.js';
import { commandAt, commandsOf, imageRuns, installsOf, mountedPaths, removesPath } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5013: `apk add` keeps its index in the layer without `--no-cache`.
 *
 * @example
 * ```ts
 * apkNoCache(['add', 'curl'])?.code; // 'DW5013'
 * ```
 */
export function apkNoCache(args: readonly string[]): Problem | undefined {
  // --no-network installs from what is already there, so no index is fetched.
  if (hasFlag(args, '--no-cache', '--no-network')) return undefined;
  return problem('DW5013', 'apk add without --no-cache', 'use apkInstall([...]), which writes --no-cache', 'add --no-cache: apk add --no-cache ...');
}

/** DW5013 (hadolint DL3019), in the stages that end up in the image. */
export const apkNoCacheRule = defineRule({
  id: 'DW5013',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of imageRuns(file)) {
      const commands = commandsOf(run);
      if (mountedPaths(run).some((p) => p.startsWith('/var/cache/apk') || p === '/etc/apk/cache')) continue;
      if (removesPath(commands, /^\/var\/cache\/apk/)) continue;
      for (const install of installsOf(run)) {
        const found = install.manager === 'apk' ? apkNoCache(install.args) : undefined;
        if (found !== undefined) report(found, commandAt(run, install.program.command));
      }
    }
  },
});
