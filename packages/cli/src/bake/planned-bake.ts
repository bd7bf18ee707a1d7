import { basename } from 'node:path';
import { planBuilds } from '../build/build-plan.js';
import { buildSettings } from '../build/build-settings.js';
import { BAKE_COMMIT } from '../build/tag-pattern.js';
import type { TargetOutcome } from '../render/planned-file.js';
import type { LoadedConfig } from '../targets/resolve-targets.js';
import { bakeFile, bakePath, bakeText } from './make-bake-file.js';

/**
 * The bake file the rendered targets call for: its path and exact text, from the configuration's
 * `build` settings alone (no command-line option, no environment), `{commit}` written as the
 * bake variable `${COMMIT}`. `bake` writes it; `render` keeps a generated one current and
 * `render --check` compares it.
 *
 * @example
 * ```ts
 * const { path, text } = plannedBake(outcomes, config, '/repo');
 * ```
 */
export function plannedBake(outcomes: readonly TargetOutcome[], config: LoadedConfig | undefined, cwd: string): { path: string; text: string; targets: string[] } {
  const root = config?.dir ?? cwd;
  const build = config?.config.build ?? {};
  // No secret or argument from the environment: the file must read the same on every machine.
  const settings = { ...buildSettings({ positionals: [], options: {} }, config === undefined ? undefined : { ...config, config: { ...config.config, build: { ...build, secrets: {} } } }, cwd) };
  const builds = planBuilds(outcomes, settings, cwd, root, { commit: BAKE_COMMIT });
  const file = bakeFile(builds, build, root, root, config === undefined ? undefined : basename(config.file));
  const usesCommit = builds.some((b) => [...b.tags, ...b.cacheFrom, ...b.cacheTo].some((t) => t.includes(BAKE_COMMIT)));
  const withCommit = usesCommit ? { ...file, variable: { ...file.variable, COMMIT: { default: 'dev' } } } : file;
  return { path: bakePath(config?.config.build, root), text: bakeText(withCommit), targets: builds.map((b) => b.name) };
}
