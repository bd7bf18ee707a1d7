import { hasFlag } from '../../shell/program.js';
import { commandAt, commandsOf, imageStages, installsOf, instructionsOf, mountedPaths, stageEnvPairs } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

// The values pip reads as false: PIP_NO_CACHE_DIR=0, off, false or no keeps the cache.
const FALSE = /^["']?(?:0|off|false|no)["']?$/i;

/**
 * DW5016: pip keeps every wheel it downloaded in ~/.cache/pip unless told not to.
 *
 * @example
 * ```ts
 * pipNoCache(['install', 'flask'])?.code; // 'DW5016'
 * ```
 */
export function pipNoCache(args: readonly string[]): Problem | undefined {
  if (hasFlag(args, '--no-cache-dir')) return undefined;
  return problem('DW5016', 'pip install without --no-cache-dir', ".withCleanup() writes --no-cache-dir; or cache it in a mount: .withCleanup({ cache: 'mount' })", 'add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use RUN --mount=type=cache,target=/root/.cache/pip');
}

/** DW5016 (hadolint DL3042), in the stages that end up in the image. */
export const pipNoCacheRule = defineRule({
  id: 'DW5016',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    const stages = imageStages(file);
    for (const s of file.stages) {
      if (!stages.has(s.index) || stageEnvPairs(file, s).some(([k, v]) => k === 'PIP_NO_CACHE_DIR' && !FALSE.test(v))) continue;
      for (const run of instructionsOf({ ...file, instructions: s.instructions }, 'RUN')) {
        if (mountedPaths(run).some((p) => p.endsWith('/.cache/pip') || p.endsWith('/.cache'))) continue;
        const commands = commandsOf(run);
        for (const install of installsOf(run)) {
          if (install.manager !== 'pip') continue;
          if (commands.some((c) => c.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR=') && !FALSE.test(a.slice('PIP_NO_CACHE_DIR='.length))))) continue;
          const found = pipNoCache(install.args);
          if (found !== undefined) report(found, commandAt(run, install.program.command));
        }
      }
    }
  },
});
