import { hasFlag } from '../../shell/program.js';
import { commandAt, installsOf, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5010: without `--no-install-recommends`, apt pulls in packages nobody asked for.
 *
 * @example
 * ```ts
 * aptGetRecommends(['install', '-y', 'curl'])?.code; // 'DW5010'
 * ```
 */
export function aptGetRecommends(args: readonly string[]): Problem | undefined {
  // A simulated install (`-s`) changes nothing.
  if (hasFlag(args, '-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon')) return undefined;
  if (hasFlag(args, '--no-install-recommends') || args.some((a) => /Install-Recommends=(?:false|0|no)/i.test(a))) return undefined;
  return problem('DW5010', 'apt-get install without --no-install-recommends', 'use aptInstall([...]), which writes --no-install-recommends', 'add --no-install-recommends and list what you need');
}

/** DW5010 (hadolint DL3015); a RUN that sets APT::Install-Recommends in apt.conf.d counts. */
export const aptGetRecommendsRule = defineRule({
  id: 'DW5010',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    // An earlier `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...` turns them off for the file.
    let configured = false;
    for (const run of instructionsOf(file, 'RUN')) {
      if (/Install-Recommends\s*"?(?:false|0)/i.test(run.text)) configured = true;
      if (configured) continue;
      for (const install of installsOf(run)) {
        const found = install.manager === 'apt-get' ? aptGetRecommends(install.args) : undefined;
        if (found !== undefined) report(found, commandAt(run, install.program.command));
      }
    }
  },
});
