import { DockwrightError, stage, type MountValue, type Stage } from '@dockwright/core';
import type { NodeProject, WorkspacePackage } from './detect-node.js';
import type { PackageManagerPlan } from './package-managers.js';
import type { WorkspacePrisma } from './prisma-plan.js';

/** What the Node preset hands over to build a service of an npm or yarn workspace. */
export interface WorkspaceStagesInput {
  readonly plan: PackageManagerPlan;
  readonly workspace: NonNullable<NodeProject['workspace']>;
  /** The lockfile at the workspace root (`package-lock.json`, `yarn.lock`). */
  readonly lockfile: string;
  /** A fresh stage with the package manager in it, named `name`. */
  readonly installStage: (name: string) => Stage<boolean>;
  /** The cache (and secret) mounts of every install. */
  readonly mounts: readonly MountValue[];
  /** The build script, or false for none. */
  readonly build: string | false;
  /** What a built package's build writes (`dist`), relative to the package. */
  readonly outputs: readonly string[];
  /** Where the workspace root goes in the image (`/app`). */
  readonly root: string;
  /** Prisma clients to generate before the builds, and what of them the runtime copies. */
  readonly prisma?: WorkspacePrisma;
}

/** The stages of a workspace service: where it runs from, and how its files reach the runtime. */
export interface WorkspaceStages {
  /** The service's own directory in the image (`/app/services/api`): the runtime's WORKDIR. */
  readonly appDir: string;
  /** Adds the production dependencies and the packages' files to the runtime stage. */
  readonly runtimeFiles: (runtime: Stage<boolean>) => Stage<boolean>;
}

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'nodePreset()' } }]);
}

/**
 * The packages in build order: each after the workspace packages it depends on, the service last.
 *
 * @example
 * ```ts
 * buildOrder([
 *   { name: 'api', dir: 'services/api', dependsOn: ['@shop/db'] },
 *   { name: '@shop/db', dir: 'packages/db', dependsOn: [] },
 * ]).map((p) => p.name); // ['@shop/db', 'api']
 * ```
 */
export function buildOrder(packages: readonly WorkspacePackage[]): readonly WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const order: WorkspacePackage[] = [];
  const seen = new Set<string>();
  const visit = (p: WorkspacePackage) => {
    if (seen.has(p.name)) return; // a cycle, or a package reached twice: once is enough
    seen.add(p.name);
    for (const d of p.dependsOn) {
      const dep = byName.get(d);
      if (dep !== undefined) visit(dep);
    }
    order.push(p);
  };
  packages.forEach(visit);
  return order;
}

// Names and directories go into shell commands and COPY sources unquoted.
const PLAIN = /^[@\w][\w@./-]*$/;

/**
 * Stages for a service of an npm or yarn (classic or berry) workspace, built from the workspace
 * root. The install stages see only the root manifests and the package.json of the service and of
 * the workspace packages it needs, so npm and yarn install exactly those (a lockfile entry of an
 * absent package is skipped), and a change in another package leaves the install layers cached.
 * The runtime keeps the workspace layout (`/app/node_modules`, `/app/packages/db`,
 * `/app/services/api`) so the links npm and yarn make between workspace packages resolve.
 *
 * @example
 * ```ts
 * const { appDir, runtimeFiles } = workspaceStages({ plan, workspace, lockfile: 'package-lock.json', installStage, mounts, build: 'build', outputs: ['dist'], root: '/app' });
 * ```
 */
export function workspaceStages(input: WorkspaceStagesInput): WorkspaceStages {
  const { plan, workspace: ws, lockfile, installStage, mounts, build, outputs, root } = input;
  const generate = input.prisma?.generate ?? [];
  const self = ws.packages[0];
  if (self === undefined) fail(`${ws.dir} is not a package of its workspace`, 'check the workspace globs');
  for (const p of ws.packages) {
    if (!PLAIN.test(p.name) || !PLAIN.test(p.dir) || p.dir.split('/').includes('..')) {
      fail(`workspace package ${JSON.stringify(p.name)} at ${JSON.stringify(p.dir)} has a name or directory the preset cannot put in a command`, 'use names and directories of letters, digits, @ . _ - and /');
    }
  }
  const order = buildOrder(ws.packages);
  const rootManifests = ['package.json', lockfile, ...plan.manifests.slice(1)];
  const withManifests = (s: Stage<boolean>) =>
    order.reduce((acc, p) => acc.copy(`${p.dir}/package.json`, `./${p.dir}/package.json`), s.copy(rootManifests, './'));

  const deps = installStage('deps').with(withManifests).run(plan.workspaceInstall ?? plan.install).withMounts(...mounts);
  const prod = installStage('prod-deps').with(withManifests).run(plan.installProd).withMounts(...mounts);

  // The service builds when there is a build; the packages it needs when they have that script.
  const builds = (p: WorkspacePackage) => build !== false && (p === self || (p.scripts ?? []).includes(build));
  const toBuild = order.filter(builds);
  const rootFiles = ws.rootFiles ?? [];
  const isBuilt = (p: WorkspacePackage) => build !== false && toBuild.includes(p);
  // A generated directory inside a built package's output comes with that output; a build that
  // empties its output first (`rm -rf dist && babel src -d dist`) deletes it, so it is generated again after.
  const inOutput = (dir: string) => order.some((p) => isBuilt(p) && outputs.some((out) => dir === `${p.dir}/${out}` || dir.startsWith(`${p.dir}/${out}/`)));
  const generated = (input.prisma?.generated ?? []).filter((dir) => !inOutput(dir));
  const again = generate.length > 0 && (input.prisma?.generated ?? []).some(inOutput);
  const built =
    (build === false || toBuild.length === 0) && generate.length === 0
      ? undefined
      : stage('build')
          .from(deps)
          // Shared configuration at the root (a tsconfig the packages extend), not the other packages.
          .with((s) => (rootFiles.length === 0 ? s : s.copy(rootFiles, './')))
          // Prisma's clients first, from the schemas alone: the packages' builds import them, and a
          // source change leaves the generation cached.
          .with((s) => (input.prisma?.schemaDirs ?? []).filter((dir) => !rootFiles.includes(dir)).reduce((acc, dir) => acc.copy(dir, `./${dir}`), s))
          .with((s) => (generate.length === 0 || input.prisma?.early !== true ? s : s.run(generate.join(' && '))))
          .with((s) => order.reduce((acc, p) => acc.copy(`${p.dir}/`, `./${p.dir}/`), s))
          .with((s) => (generate.length === 0 || input.prisma?.early === true ? s : s.run(generate.join(' && '))))
          .with((s) => (build === false || toBuild.length === 0 ? s : s.run(toBuild.map((p) => plan.runIn(p, build)).join(' && '))))
          .with((s) => (again ? s.run(generate.join(' && ')) : s));

  return {
    appDir: `${root}/${self.dir}`,
    runtimeFiles: (runtime) => {
      // A client in node_modules (never in the context) goes in before the sources, so a source
      // change leaves its layer cached; one inside a package goes after, over any copy of the host's.
      const fromBuild = (acc: Stage<boolean>, dirs: readonly string[]) => (built === undefined ? acc : dirs.reduce((a, dir) => a.copy(built, `${root}/${dir}`, `${root}/${dir}`), acc));
      const inModules = generated.filter((dir) => dir.split('/').includes('node_modules'));
      const files = order.reduce(
        (acc, p) =>
          built !== undefined && isBuilt(p)
            ? outputs.reduce((a, out) => a.copy(built, `${root}/${p.dir}/${out}`, `${root}/${p.dir}/${out}`), acc)
            : acc.copy(`${p.dir}/`, `${root}/${p.dir}/`),
        // node_modules at the root and in packages, and every package.json: the least changing first.
        fromBuild(runtime.copy(prod, `${root}/`, `${root}/`), inModules),
      );
      // The migrations before the clients: a client generated inside the schema's directory wins.
      const withSources = (input.prisma?.sources ?? []).reduce((acc, dir) => acc.copy(dir, `${root}/${dir}`), files);
      return fromBuild(withSources, generated.filter((dir) => !inModules.includes(dir)));
    },
  };
}
