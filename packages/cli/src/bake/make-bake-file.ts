import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BuildConfig, BuildSecretSource } from '../config/define-config.js';
import type { PlannedBuild } from '../build/build-plan.js';
import type { BakeFile, BakeTarget } from './bake-file.js';

/** The bake file's own variable, whose value says who wrote it: how `render` knows the file is generated. */
export const BAKE_MARKER = 'DOCKWRIGHT_GENERATED';
/** Where the bake file goes when `build.bakeFile` does not say: beside the configuration, or in the working directory. */
export const DEFAULT_BAKE_FILE = 'docker-bake.json';

const posix = (from: string, to: string) => relative(from, to).split(sep).join('/') || '.';

/** A secret as bake takes it, its file relative to the bake file (or under `${HOME}`, which bake reads from the environment). */
function secretSpec(id: string, source: BuildSecretSource, bakeDir: string, configDir: string): { spec: string; home: boolean } {
  if ('env' in source) return { spec: `type=env,id=${id},env=${source.env}`, home: false };
  if (source.file === '~' || source.file.startsWith('~/')) return { spec: `type=file,id=${id},src=\${HOME}${source.file.slice(1)}`, home: true };
  const file = isAbsolute(source.file) ? source.file : posix(bakeDir, resolve(configDir, source.file));
  return { spec: `type=file,id=${id},src=${file}`, home: false };
}

/**
 * The bake file for the builds of a run, in the bake file format: a `default` group of every
 * target (and a group per top-level directory holding several), and per target its context and
 * Dockerfile (relative to the bake file's directory, the Dockerfile to the context, as bake reads
 * them), tags, platforms, args, the configured secrets its RUN steps mount, caches, the network
 * (with the `network.host` entitlement for `host`), and a `target:` context for each image
 * another target builds. Settings come from the configuration's `build` key only, so the file is the same on every machine.
 *
 * @example
 * ```ts
 * const file = bakeFile(builds, config.build ?? {}, '/repo', '/repo', 'dockwright.config.ts');
 * Object.keys(file.target); // ['api', 'web', 'worker']
 * ```
 */
export function bakeFile(builds: readonly PlannedBuild[], build: BuildConfig, bakeDir: string, configDir: string, configName: string | undefined): BakeFile {
  let home = false;
  const targets: Record<string, BakeTarget> = {};
  for (const b of builds) {
    const secrets = Object.entries(build.secrets ?? {})
      .filter(([id]) => b.secrets.includes(id))
      .map(([id, source]) => {
        const s = secretSpec(id, source, bakeDir, configDir);
        home ||= s.home;
        return s.spec;
      });
    const contexts = Object.fromEntries(b.inputs.map((i) => [i.ref, `target:${i.build}`]));
    targets[b.name] = {
      context: posix(bakeDir, b.context),
      dockerfile: posix(b.context, b.dockerfile),
      ...(b.tags.length === 0 ? {} : { tags: b.tags }),
      ...(build.platforms === undefined || build.platforms.length === 0 ? {} : { platforms: build.platforms }),
      ...(build.args === undefined || Object.keys(build.args).length === 0 ? {} : { args: build.args }),
      ...(secrets.length === 0 ? {} : { secret: secrets }),
      ...(b.cacheFrom.length === 0 ? {} : { 'cache-from': b.cacheFrom }),
      ...(b.cacheTo.length === 0 ? {} : { 'cache-to': b.cacheTo }),
      ...(Object.keys(contexts).length === 0 ? {} : { contexts }),
      // Bake asks for --allow network.host (or a yes on a terminal) before a host-network build.
      ...(build.network === undefined || build.network === 'default' ? {} : { network: build.network, ...(build.network === 'host' ? { entitlements: ['network.host'] } : {}) }),
    };
  }
  const names = builds.map((b) => b.name);
  const groups: Record<string, { targets: string[] }> = { default: { targets: names } };
  const byTop = new Map<string, string[]>();
  for (const b of builds) {
    const top = posix(bakeDir, b.module).split('/')[0] ?? '';
    if (top !== '' && top !== '..' && posix(bakeDir, b.module).includes('/')) byTop.set(top, [...(byTop.get(top) ?? []), b.name]);
  }
  for (const [top, members] of byTop) {
    const name = top.replace(/[^a-zA-Z0-9_-]/g, '-');
    if (members.length > 1 && members.length < names.length && !(name in targets) && !(name in groups)) groups[name] = { targets: members };
  }
  const source = configName === undefined ? 'the targets' : configName;
  return {
    variable: {
      [BAKE_MARKER]: { default: `written by dockwright bake from ${source}; run dockwright bake (or dockwright render) to update it, not by hand` },
      ...(home ? { HOME: { default: null } } : {}),
    },
    group: groups,
    target: targets,
  };
}

/** The bake file's text: JSON with two spaces, a newline at the end. */
export function bakeText(file: BakeFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The bake file's path: `build.bakeFile` relative to the configuration's directory, or `docker-bake.json` there (or in `cwd`). */
export function bakePath(build: BuildConfig | undefined, configDir: string): string {
  return join(configDir, build?.bakeFile ?? DEFAULT_BAKE_FILE);
}

/** True when a bake file's text is one `dockwright bake` wrote (it has the marker variable). */
export function isGeneratedBake(text: string): boolean {
  try {
    const value = JSON.parse(text) as { variable?: Record<string, { default?: unknown }> };
    return typeof value.variable?.[BAKE_MARKER]?.default === 'string' && String(value.variable[BAKE_MARKER].default).startsWith('written by dockwright bake');
  } catch {
    return false;
  }
}
