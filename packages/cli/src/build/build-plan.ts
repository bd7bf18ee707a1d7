import { dirname } from 'node:path';
import { imageRefs, instructionsWithPaths, lockKey, splitImageRef, type DockerfileNode } from '@dockwright/core';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import type { TargetOutcome } from '../render/planned-file.js';
import type { BuildSettings } from './build-settings.js';
import { expandTag, fillPlaceholders, gitCommit, packageVersion, tagNamesTarget, type TagValues } from './tag-pattern.js';
import { targetNames } from './target-name.js';

/** One Dockerfile to build: where it is, what it is called, and what it needs. */
export interface PlannedBuild {
  /** Unique in the run: `api`, `api-debug`. */
  readonly name: string;
  /** The target module, absolute. */
  readonly module: string;
  /** The rendered Dockerfile, absolute. */
  readonly dockerfile: string;
  /** The build context, absolute: the target's `context`, or its module's directory. */
  readonly context: string;
  readonly tags: readonly string[];
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
  /** The stages of the Dockerfile, by name. */
  readonly stages: readonly string[];
  /** The ids of the secrets its RUN steps mount. */
  readonly secrets: readonly string[];
  /** The other builds whose images it uses (FROM, `COPY --from`), by name: they build first. */
  readonly dependsOn: readonly string[];
  /** Each image it uses that another build of the run makes: the reference as written, and that build. */
  readonly inputs: readonly { readonly ref: string; readonly build: string }[];
}

function secretIds(ast: DockerfileNode): string[] {
  const ids = new Set<string>();
  // ONBUILD triggers included: their secrets are mounted too.
  for (const { node } of instructionsWithPaths(ast)) if (node.kind === 'Run') for (const m of node.mounts) if (m.type === 'secret') ids.add(m.id);
  return [...ids].sort();
}

/** The images a Dockerfile uses by tag (not by digest: those come from a registry), as written and by key. */
function taggedImages(ast: DockerfileNode): { written: string; key: string }[] {
  const found = new Map<string, string>();
  for (const { ref } of imageRefs(ast)) {
    if (ref.digest !== undefined || ref.locked === true || typeof ref.tag !== 'string') continue;
    found.set(lockKey(ref.name, ref.tag), `${ref.name}:${ref.tag}`);
  }
  return [...found].map(([key, written]) => ({ key, written }));
}

/** A target's images' keys, for matching against what other targets use. */
function tagKey(tag: string): string {
  // Core's one reader of image references; a name without a tag is `latest`, as Docker reads it.
  const parts = splitImageRef(tag);
  return lockKey(parts.name, parts.tag ?? 'latest');
}

/** The builds in an order where each comes after the builds it uses, or the names of a cycle. */
export function dependencyOrder(builds: readonly PlannedBuild[]): { ok: true; order: PlannedBuild[] } | { ok: false; cycle: string[] } {
  const byName = new Map(builds.map((b) => [b.name, b]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: PlannedBuild[] = [];
  const stack: string[] = [];
  const visit = (b: PlannedBuild): string[] | undefined => {
    if (state.get(b.name) === 'done') return undefined;
    if (state.get(b.name) === 'visiting') return [...stack.slice(stack.indexOf(b.name)), b.name];
    state.set(b.name, 'visiting');
    stack.push(b.name);
    for (const dep of b.dependsOn) {
      const d = byName.get(dep);
      const cycle = d === undefined ? undefined : visit(d);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(b.name, 'done');
    order.push(b);
    return undefined;
  };
  for (const b of builds) {
    const cycle = visit(b);
    if (cycle !== undefined) return { ok: false, cycle };
  }
  return { ok: true, order };
}

/**
 * Every Dockerfile the rendered targets wrote, as a build: its name (see `targetNames`), its
 * context, its tags and cache specs with their placeholders filled in, the stages and secrets it
 * has, and the builds whose images it uses (a `FROM registry.example.com/shop/base:1.0` that
 * another target is tagged with). Failed targets are left out. A tag without `{name}` given to
 * several builds, a tag that is not an image reference, a `--target` stage a Dockerfile lacks, or
 * builds that use each other's images in a circle throw a UsageError (exit 2). `fixed.commit`
 * stands for `{commit}` instead of the commit checked out.
 *
 * @example
 * ```ts
 * const builds = planBuilds(outcomes, settings, '/repo', '/repo');
 * builds.map((b) => b.name); // ['api', 'web', 'worker']
 * ```
 */
export function planBuilds(outcomes: readonly TargetOutcome[], settings: BuildSettings, cwd: string, root: string, fixed: { readonly commit?: string } = {}): PlannedBuild[] {
  const items = outcomes
    .filter((o) => o.failure === undefined)
    .flatMap((o) => o.files.filter((f) => f.kind === 'dockerfile' && f.ast !== undefined).map((f) => ({ module: o.target.file, dockerfile: f.path, context: f.context ?? dirname(o.target.file), ast: f.ast as DockerfileNode })));
  const names = targetNames(items, root);
  const issues: CliIssue[] = [];
  if (items.length > 1) {
    for (const t of settings.tags) {
      if (!tagNamesTarget(t.pattern)) issues.push(cliIssue('DWC1003', `${t.where} ${t.pattern} would give all ${items.length} images one tag`, `put {name} in it, such as registry.example.com/shop/{name}:1.0, or build one target: dockwright build <path>`));
    }
  }
  // The bake file names the commit as a bake variable: its text must not change with each commit.
  let commit: string | undefined | null = fixed.commit ?? null;
  const planned = items.map((item, i) => {
    const name = names[i] ?? 'app';
    const patterns = [...settings.tags.map((t) => t.pattern), ...settings.cacheFrom, ...settings.cacheTo].join(' ');
    const version = patterns.includes('{version}') ? packageVersion(dirname(item.module), root) : undefined;
    if (patterns.includes('{commit}') && commit === null) commit = gitCommit(root);
    const values: TagValues = { name, ...(version === undefined ? {} : { version }), ...(commit === null || commit === undefined ? {} : { commit }) };
    const fill = (list: readonly string[], key: string) =>
      list.flatMap((pattern, n) => {
        const filled = fillPlaceholders(pattern, values, `${key}[${n}]`);
        if (filled.ok) return [filled.text];
        issues.push(filled.issue);
        return [];
      });
    const tags = issues.length > 0 ? [] : settings.tags.flatMap((t) => {
      const expanded = expandTag(t.pattern, values, t.where);
      if (expanded.ok) return [expanded.tag];
      issues.push(expanded.issue);
      return [];
    });
    const stages = item.ast.stages.map((s) => s.name);
    if (settings.target !== undefined && !stages.includes(settings.target)) {
      issues.push(cliIssue('DWC1003', `--target ${settings.target}: ${displayPath(cwd, item.dockerfile)} has no such stage`, `its stages are ${stages.join(', ')}; build one target with that stage: dockwright build <path> --target <stage>`));
    }
    return { name, item, tags, stages, cacheFrom: fill(settings.cacheFrom, 'cache-from'), cacheTo: fill(settings.cacheTo, 'cache-to') };
  });
  const [first, ...rest] = issues;
  if (first !== undefined) throw new UsageError([first, ...rest]);
  const builtBy = new Map<string, string>();
  for (const p of planned) for (const tag of p.tags) builtBy.set(tagKey(tag), p.name);
  const builds: PlannedBuild[] = planned.map((p) => {
    const inputs = taggedImages(p.item.ast).flatMap(({ key, written }) => {
      const build = builtBy.get(key);
      return build === undefined || build === p.name ? [] : [{ ref: written, build }];
    });
    return {
      name: p.name,
      module: p.item.module,
      dockerfile: p.item.dockerfile,
      context: p.item.context,
      tags: p.tags,
      cacheFrom: p.cacheFrom,
      cacheTo: p.cacheTo,
      stages: p.stages,
      secrets: secretIds(p.item.ast),
      dependsOn: [...new Set(inputs.map((i) => i.build))],
      inputs,
    };
  });
  const ordered = dependencyOrder(builds);
  if (!ordered.ok) {
    throw new UsageError([cliIssue('DWC5006', `the targets build on each other's images in a circle: ${ordered.cycle.join(' -> ')}`, 'give each image its own tag, so that no target uses an image built from itself')]);
  }
  return builds;
}
