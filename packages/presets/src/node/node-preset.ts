import {
  aptInstall,
  cacheMount,
  dockerfile,
  DockwrightError,
  image,
  secretMount,
  stage,
  type Image,
  type MountValue,
  type Stage,
} from '@dockwright/core';
import { dockerignore } from '../shared/dockerignore.js';
import { hintFor, withOptionHints, type OptionHint } from '../shared/option-hints.js';
import type { PresetResult } from '../shared/preset-result.js';
import type { NodePackageManager, NodeProject } from './detect-node.js';
import { nodeImageFor, nodeReleases } from './node-versions.js';
import { packageManagers, type PackageManagerPlan } from './package-managers.js';
import { workspaceStages } from './workspace-stages.js';
import { bunImageFor } from './bun-versions.js';
import { prismaPlan, type PrismaOptions } from './prisma-plan.js';
import { frameworkPlan } from './frameworks/framework-plan.js';
import { staticSiteRuntime } from './frameworks/static-site.js';
import { traceFilesCommand } from './frameworks/trace-files.js';
import { traceImportsCommand } from './frameworks/trace-imports.js';

/** The base images of the Node preset, by logical name. Point them at your registry. */
export interface NodeImages {
  /** Where dependencies install and the app builds. Default `node:<exact version>-bookworm-slim`, the pinned version of the chosen major (see docs/presets.md). */
  readonly node?: Image;
  /** Where the app runs. Default: the `node` image (slim) — or give a distroless Node image. */
  readonly runtime?: Image;
  /**
   * A static site's server: a Debian image to install `busybox-static` in (default
   * `debian:12.12-slim`), or, with `staticServerHasBusybox`, an image with `/bin/busybox`.
   */
  readonly staticServer?: Image;
  /** A bun project's image, for installs, the build and the runtime. Default `oven/bun:<exact version>-slim` (bun-versions.ts). */
  readonly bun?: Image;
}

/** Options of the Node preset; every detected value can be overridden here. */
export interface NodePresetOptions {
  readonly images?: NodeImages;
  /** `slim` (default): Debian slim with a shell. `distroless`: no shell; `images.runtime` must be a distroless Node image. */
  readonly runtime?: 'slim' | 'distroless';
  readonly packageManager?: NodePackageManager;
  /** Exact version of pnpm or yarn to install when the base image lacks it. */
  readonly packageManagerVersion?: string;
  /** How pnpm/yarn get into the image: `npm` (default, `npm install -g`), `corepack`, or `preinstalled`. */
  readonly packageManagerSetup?: 'npm' | 'corepack' | 'preinstalled';
  /**
   * The command that runs the package manager, when the base image names it differently from
   * the tool (`yarn-berry` for yarn 4 beside a yarn 1 `yarn`). Default: the tool's own name.
   */
  readonly packageManagerCommand?: string;
  /**
   * The Node version of the default image: a major (`22`, pinned to the preset's exact version of it), an exact
   * version (`22.11.0`), an LTS name (`lts/jod`) or a range. Default: detected, else the newest LTS.
   */
  readonly nodeVersion?: string;
  /** The build script to run, or false for none. Default: `build` when package.json has one. */
  readonly build?: string | false;
  /**
   * Directories the build writes, copied into the runtime. Default `['dist']` when there is a
   * build. In an npm or yarn workspace, of every package that builds.
   */
  readonly outputs?: readonly string[];
  /** The start command as argv. Default: from the `start` script (`node <file>`) or `main`. */
  readonly start?: readonly string[];
  readonly port?: number;
  /** The app user: a numeric uid and gid. Default 1000:1000, the `node` user of the official images. */
  readonly user?: { readonly uid: number; readonly gid?: number; readonly create?: string };
  /**
   * Directories the app writes, relative to its directory (`/app`, or `/app/services/api` for a
   * service of an npm or yarn workspace): created and owned by the app user.
   */
  readonly writable?: readonly string[];
  /** `tini` runs the app under tini as PID 1 (installed with apt). Default: none. */
  readonly init?: 'tini' | false;
  /** An HTTP health check against 127.0.0.1, with Node's own fetch (no curl needed). */
  readonly healthcheck?: { readonly path: string; readonly interval?: `${number}s` } | false;
  /** Mount the `npmrc` build secret at /root/.npmrc during installs (a private registry token). Default true. */
  readonly npmrcSecret?: boolean;
  /** Labels for the runtime stage, e.g. `oci({ source, revision })`. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Extra steps on the runtime stage, before USER: how an organisation adds its own. */
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
  /**
   * `server` runs the app with Node; `static` serves the build output folder (`outputs[0]`) with
   * BusyBox httpd. Default: what the detected framework is (Vite, Gatsby, static Astro: static).
   */
  readonly serve?: 'server' | 'static';
  /** `images.staticServer` has a static BusyBox at /bin/busybox: nothing is installed. */
  readonly staticServerHasBusybox?: boolean;
  /**
   * Prisma steps (prisma-plan.ts): `prisma generate` in the build, OpenSSL in the runtime when the
   * query engine needs it, a volume and `DATABASE_URL` for SQLite, `migrate: 'deploy'` at start.
   * Default: what detection found; `false` for none.
   */
  readonly prisma?: PrismaOptions | false;
  /**
   * Install python3, make and g++ in the install stages (never the runtime) for node-gyp.
   * Default: detected (a binding.gyp, or a dependency that compiles; see docs/presets.md).
   */
  readonly nativeModules?: boolean;
}

const WORKDIR = '/app';

/** The plan with its commands run by another executable (`yarn-berry install --immutable`). */
function withCommand(plan: PackageManagerPlan, command: string | undefined): PackageManagerPlan {
  if (command === undefined) return plan;
  if (!/^[\w./@-]+$/.test(command)) fail(`packageManagerCommand ${JSON.stringify(command)} is not a plain command name`, "pass a name or path such as 'yarn-berry' or '/usr/local/bin/pnpm'");
  const swap = (line: string) => line.replace(/^\S+/, command);
  return {
    ...plan,
    install: swap(plan.install),
    installProd: swap(plan.installProd),
    ...(plan.workspaceInstall === undefined ? {} : { workspaceInstall: swap(plan.workspaceInstall) }),
    run: (s) => swap(plan.run(s)),
    runIn: (p, s) => swap(plan.runIn(p, s)),
  };
}

const PRESET = 'nodePreset()';

/** The default base image: the pinned version of the wanted (or detected) major, never a floating tag. */
function defaultNodeImage(project: NodeProject, options: NodePresetOptions, notes: string[]): Image {
  const known = nodeReleases.map((r) => `'${r.major}'`).join(', ');
  if (options.nodeVersion === undefined && project.nodeVersion === undefined && project.nodeVersionProblem !== undefined) {
    fail(project.nodeVersionProblem, `change it, or pass nodeVersion: ${known} or an exact version such as '22.11.0', or images: { node }`);
  }
  const choice = nodeImageFor(options.nodeVersion ?? project.nodeVersion);
  if ('problem' in choice) fail(`nodeVersion: ${choice.problem}`, `pass nodeVersion: ${known} or an exact version such as '22.11.0', or images: { node }`);
  if (choice.note !== undefined) notes.push(choice.note);
  return image(choice.tag);
}

/** The installs of a project with no lockfile: npm resolves one; the other tools refuse, so the preset does first. */
function installsWithoutLockfile(manager: NodePackageManager, plan: PackageManagerPlan, notes: string[]): Pick<PackageManagerPlan, 'install' | 'installProd'> {
  if (manager === 'npm') {
    notes.push('no package-lock.json: the image installs with `npm install`, so each build may resolve other versions; run `npm install` and commit package-lock.json for `npm ci`');
    return { install: plan.install.replace(/^(\S+) ci\b/, '$1 install'), installProd: plan.installProd.replace(/^(\S+) ci\b/, '$1 install') };
  }
  const lockfile = plan.manifests[0] ?? 'lockfile';
  const tool = manager === 'yarn-berry' ? 'yarn' : manager;
  fail(`no ${lockfile} beside package.json: \`${plan.install}\` refuses to install without it`, `run \`${tool} install\` and commit ${lockfile}, or pass packageManager: 'npm' to install with \`npm install\``);
}

/** The bun image: the exact version from `packageManager` (`bun@1.4.5`), else the table's. */
function defaultBunImage(project: NodeProject, options: NodePresetOptions): Image {
  const choice = bunImageFor(options.packageManagerVersion ?? project.packageManagerVersion);
  if ('problem' in choice) fail(`packageManagerVersion: ${choice.problem}`, "pass packageManagerVersion: '1.4.5' (an exact bun version), or images: { bun }");
  return image(choice.tag);
}

/** The package manager's config files the install reads: the detected ones, else the plan's. */
function configFilesOf(project: NodeProject, plan: PackageManagerPlan): readonly string[] {
  const wanted = plan.manifests.slice(1);
  return project.configFiles === undefined ? wanted : wanted.filter((f) => project.configFiles?.includes(f));
}

/**
 * node-gyp's tools in the stage every install starts from, so never in the runtime. The official
 * Node images carry Node's headers in /usr/local/include/node: node-gyp uses them instead of
 * downloading them.
 */
function buildTools(s: Stage<boolean>, wanted: boolean, bun: boolean): Stage<boolean> {
  if (!wanted) return s;
  const tools = s.run(aptInstall(['g++', 'make', 'python3']));
  return bun ? tools : tools.env({ npm_config_nodedir: '/usr/local' });
}

/** The compiler the install put in node_modules, run by Node itself. */
const TSC_DIRECT = 'node node_modules/typescript/bin/tsc';

/**
 * The build's command line: a build script that is exactly `tsc` runs the compiler directly
 * (the package manager's start-up is a few hundred ms of every rebuild); any other script, or a
 * layout without node_modules/typescript (bun, yarn's Plug'n'Play), through the package manager.
 */
function buildCommand(project: NodeProject, manager: NodePackageManager, build: string, plan: PackageManagerPlan): string {
  const direct = build === 'build' && project.tscBuild === true && (manager === 'npm' || manager === 'pnpm' || manager === 'yarn');
  return direct ? TSC_DIRECT : plan.run(build);
}

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'nodePreset()' } }]);
}

/**
 * A production Dockerfile for a Node app: dependencies installed from manifests only (cached),
 * the build in its own stage, production dependencies only in a slim runtime that runs as a
 * numeric non-root user with an exec-form CMD. Inside a pnpm, npm or yarn workspace it builds from the root
 * and copies only the manifests of the packages the service needs.
 *
 * @example
 * ```ts
 * const { dockerfile, dockerignore } = nodePreset(detectNode('.'), { port: 3000, healthcheck: { path: '/health' } });
 * ```
 */
export function nodePreset(project: NodeProject, options: NodePresetOptions = {}): PresetResult {
  const manager = options.packageManager ?? project.packageManager;
  const plan = withCommand(packageManagers[manager], options.packageManagerCommand);
  const notes: string[] = [];
  const bun = manager === 'bun';
  const node = bun ? options.images?.bun ?? defaultBunImage(project, options) : options.images?.node ?? defaultNodeImage(project, options, notes);
  const runtimeImage = options.images?.runtime ?? node;
  const distroless = options.runtime === 'distroless';
  if (bun && distroless) fail('runtime: distroless is for Node, and this is a bun project', "drop runtime: 'distroless', or pass packageManager: 'npm' to run it with Node");
  const prisma = prismaPlan(project, options.prisma, { manager, distroless });
  const nativeModules = options.nativeModules ?? (project.nativeModules !== undefined && project.nativeModules.length > 0);
  if (distroless && options.images?.runtime === undefined) {
    fail('runtime: distroless needs images.runtime', "pass images: { runtime: image('gcr.io/distroless/nodejs22-debian12:nonroot').pinDigest('sha256:...') }");
  }
  if (distroless && options.init === 'tini') fail('init: tini needs a shell and apt', 'use the slim runtime for tini, or run distroless without an init');
  const build = options.build ?? (project.hasBuildScript ? 'build' : false);
  const fw = frameworkPlan(project.framework, options);
  if (fw.note !== undefined) notes.push(fw.note);
  const outputs = options.outputs ?? fw.outputs?.map(([from]) => from) ?? (build === false ? [] : ['dist']);
  const start = options.start ?? project.start;
  if (!fw.static && (start === undefined || start.length === 0)) {
    const why = project.framework?.unresolved;
    fail(why === undefined ? `cannot tell how ${project.name} starts` : `cannot tell how ${project.name} starts: ${why.message}`, why?.hint ?? "add a start script such as `node dist/server.js`, a main field, or pass start: ['node', 'dist/server.js']");
  }
  const [startProgram, ...startArgs] = start ?? [];
  const uid = options.user?.uid ?? (distroless ? 65532 : 1000);
  const gid = options.user?.gid ?? uid;
  const owner = `${uid}:${gid}`;
  const port = options.port ?? fw.port ?? 3000;
  for (const dir of options.writable ?? []) {
    if (!/^[\w.@-][\w./@-]*$/.test(dir) || dir.split('/').includes('..')) {
      fail(`writable directory ${JSON.stringify(dir)} is not a plain relative path`, "pass writable: ['data', 'tmp/uploads'] (letters, digits, . _ - @ and /, inside the app directory)");
    }
  }
  if (options.healthcheck && !/^\/[\w./~%!$&'()*+,;=:@?-]*$/.test(options.healthcheck.path)) {
    fail(`healthcheck path ${JSON.stringify(options.healthcheck.path)} is not a URL path`, "pass healthcheck: { path: '/health' } (a path starting with /)");
  }

  // Install steps: a cache for the package store, and the private-registry secret when asked.
  const mounts: MountValue[] = [cacheMount(plan.cache, { sharing: 'locked' })];
  if (options.npmrcSecret !== false) mounts.push(secretMount('npmrc', { target: '/root/.npmrc' }));

  const setup = (s: Stage<boolean>): Stage<boolean> => {
    const how = options.packageManagerSetup ?? 'npm';
    if (how === 'preinstalled') return s;
    const corepackName = plan.corepackName ?? plan.globalPackage;
    if (how === 'corepack') {
      if (corepackName === undefined) return s;
      // Without "packageManager", corepack would run its own default (yarn 1 for a berry lockfile):
      // activate the version picked from the lockfile, or given.
      const pinned = options.packageManagerVersion ?? (project.packageManagerVersionFrom === undefined ? undefined : project.packageManagerVersion);
      return s.run(pinned === undefined ? `corepack enable ${corepackName}` : `corepack enable ${corepackName} && corepack prepare ${corepackName}@${pinned} --activate`);
    }
    // npm and bun images carry their tool; yarn 2+ comes through corepack only.
    if (plan.globalPackage === undefined) return s;
    const version = options.packageManagerVersion ?? project.packageManagerVersion;
    if (version === undefined) {
      const why = project.packageManagerVersionProblem === undefined ? '' : ` (${project.packageManagerVersionProblem})`;
      fail(`no ${plan.globalPackage} version to install${why}`, `set "packageManager": "${plan.globalPackage}@<version>" in package.json, or pass packageManagerVersion: '<exact version>'`);
    }
    if (options.packageManagerVersion === undefined && project.packageManagerVersionFrom !== undefined) {
      notes.push(`no "packageManager" in package.json: installing ${plan.globalPackage}@${version}, picked from ${project.packageManagerVersionFrom}; set "packageManager": "${plan.globalPackage}@${version}" or pass packageManagerVersion to choose`);
    }
    return s.run(`npm install -g ${plan.globalPackage}@${version}`).withMounts(cacheMount('/root/.npm', { sharing: 'locked' }));
  };

  // One stage with the package manager installed, shared by every install stage.
  const withTool = buildTools(setup(stage('base').from(node).workdir(WORKDIR)), nativeModules, bun);
  const base: Stage<boolean> | Image = withTool.toAst().instructions.length > 1 ? withTool : node;
  const installStage = (name: string) => (base === node ? stage(name).from(node).workdir(WORKDIR) : stage(name).from(base as Stage<boolean>));

  const ws = project.workspace;
  const context = ws === undefined ? '.' : ws.root;
  let runtimeFiles: (s: Stage<boolean>) => Stage<boolean>;
  // Where the app runs from: a service of an npm or yarn workspace keeps the workspace's layout.
  let appDir = WORKDIR;

  if (ws === undefined) {
    // Only the manifests: a source change does not invalidate the dependency layers.
    const lockfile = project.lockfile;
    const files = lockfile === undefined ? ['package.json'] : ['package.json', lockfile, ...configFilesOf(project, plan)];
    const installs = lockfile === undefined ? installsWithoutLockfile(manager, plan, notes) : plan;
    const deps = installStage('deps').copy(files, './').run(installs.install).withMounts(...mounts);
    // Prisma's client is generated after the install and before the build that imports it.
    const prepared = build === false && prisma.generate === undefined ? deps : stage('build').from(deps).copy('.', './')
      .with((s) => (prisma.generate === undefined ? s : s.run(prisma.generate)));
    // A framework's build cache (.next/cache) stays in a cache mount: faster rebuilds, never in the image.
    const buildLine = build === false ? '' : buildCommand(project, manager, build, plan);
    const copies = fw.outputs ?? outputs.map((d) => [d, d] as const);
    const again = build === false ? undefined : prisma.afterBuild(copies.map(([from]) => from));
    const built = (build === false ? prepared : fw.buildCache === undefined ? prepared.run(buildLine) : prepared.run(buildLine).withMounts(cacheMount(`${WORKDIR}/${fw.buildCache}`, { sharing: 'locked' })))
      .with((s) => (again === undefined ? s : s.run(again)));
    if (fw.static) {
      if (build === false) fail(`${project.name} is a static site with no build script`, 'add a build script, or pass build: \'<script>\'');
      return staticResult(staticSiteRuntime({
        built, from: outputs[0] ?? 'dist', port, uid: options.user?.uid ?? 65532, gid: options.user?.gid ?? options.user?.uid ?? 65532,
        ...(options.images?.staticServer === undefined ? {} : { server: options.images.staticServer }),
        ...(options.staticServerHasBusybox === undefined ? {} : { serverHasBusybox: options.staticServerHasBusybox }),
        ...(options.labels === undefined ? {} : { labels: options.labels }),
        ...(options.runtimeSteps === undefined ? {} : { runtimeSteps: options.runtimeSteps }),
        ...(options.healthcheck === undefined ? {} : { healthcheck: options.healthcheck }),
      }), context, true, [], notes);
    }
    // A self-contained build (Next.js standalone, Nuxt's .output) needs no node_modules beside it.
    // No production dependencies: an install would write no node_modules for the runtime to copy.
    const prod = fw.nodeModules && project.hasDependencies !== false ? installStage('prod-deps').copy(files, './').run(installs.installProd).withMounts(...mounts) : undefined;
    // Only the packages a bundled server imports, when the layout is npm's (folders, not pnpm's links).
    const trace = fw.traceFiles?.dir ?? fw.traceImports;
    const traceCommand = fw.traceFiles === undefined ? traceImportsCommand : (dir: string, out: string) => traceFilesCommand(dir, out, fw.traceFiles?.entries ?? []);
    const traced = prod === undefined || trace === undefined || build === false || (manager !== 'npm' && manager !== 'yarn' && manager !== 'yarn-berry')
      ? undefined
      : stage('runtime-deps').from(prod).copy(built, `${WORKDIR}/${trace}`, `./${trace}`).run(traceCommand(trace, '/out'));
    const generated = prisma.generatedCopies(prod !== undefined, build === false ? [] : copies.map(([from]) => from));
    runtimeFiles = (s) => {
      const out = traced !== undefined ? s.copy(traced, '/out/node_modules', './node_modules') : prod === undefined ? s : s.copy(prod, `${WORKDIR}/node_modules`, './node_modules');
      const withGenerated = (acc: Stage<boolean>) => generated.reduce((a, dir) => a.copy(built, `${WORKDIR}/${dir}`, `./${dir}`), acc);
      if (build === false) return withGenerated(out.copy('.', './'));
      // Least changing first: a source change leaves the package.json layer as it was.
      const files = copies.reduce((acc, [from, to]) => acc.copy(built, `${WORKDIR}/${from}${to === '.' ? '/' : ''}`, to === '.' ? './' : `./${to}`), withGenerated(fw.packageJson ? out.copy('package.json', './') : out));
      return prisma.runtimeSources.reduce((acc, src) => acc.copy(src, `./${src}`), files);
    };
  } else if (manager !== 'pnpm') {
    if (manager === 'bun') {
      fail('bun workspaces are not supported by the preset yet', 'use npm, pnpm or yarn workspaces, or build the service with its own lockfile');
    }
    const lockfile = project.lockfile;
    if (lockfile === undefined) {
      fail(`no lockfile at the root of the workspace of ${project.name}`, `install at the workspace root and commit its ${plan.manifests[0] ?? 'lockfile'}`);
    }
    const stages = workspaceStages({ plan: { ...plan, manifests: [...plan.manifests.slice(0, 1), ...configFilesOf(project, plan)] }, workspace: ws, lockfile, installStage, mounts, build, outputs, root: WORKDIR, ...(prisma.workspace === undefined ? {} : { prisma: prisma.workspace }) });
    appDir = stages.appDir;
    runtimeFiles = stages.runtimeFiles;
  } else {
    const self = ws.packages[0];
    if (self === undefined) fail(`${project.name} is not a package of its workspace`, 'check the workspace globs');
    const filter = `--filter=${self.name}...`;
    const pm = options.packageManagerCommand ?? 'pnpm';
    const manifests = ws.packages.map((p) => `${p.dir}/package.json`);
    const deps = installStage('deps')
      .copy(['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'], './')
      .with((s) => manifests.reduce((acc, m) => acc.copy(m, `./${m}`), s))
      .run(`${plan.install} ${filter}`)
      .withMounts(...mounts);
    const sources = ws.packages.map((p) => `${p.dir}/`);
    const rootFiles = ws.rootFiles ?? [];
    const built = stage('build')
      .from(deps)
      // Shared configuration at the root (a tsconfig the packages extend), not the other packages.
      .with((s) => (rootFiles.length === 0 ? s : s.copy(rootFiles, './')))
      .with((s) => sources.reduce((acc, dir) => acc.copy(dir, `./${dir}`), s))
      .with((s) => (build === false ? s : s.run(`${pm} ${filter} run ${build}`)))
      // Only the service and its production dependencies, workspace packages materialised.
      .run(`${pm} --filter=${self.name} deploy --prod --legacy /out`)
      .withMounts(...mounts);
    runtimeFiles = (s) => s.copy(built, '/out/', './');
  }

  let runtime: Stage<boolean> = stage('runtime').from(runtimeImage).env({ NODE_ENV: 'production', ...fw.env, ...prisma.env(appDir) }).workdir(appDir);
  // One apt layer for what the runtime needs, its lists removed in the same RUN.
  const runtimePackages = [...(options.init === 'tini' ? ['tini'] : []), ...prisma.runtimePackages];
  if (runtimePackages.length > 0) runtime = runtime.run(aptInstall(runtimePackages));
  for (const dir of [...(options.writable ?? []), ...prisma.dataDirs]) {
    runtime = runtime.run(`mkdir -p ${appDir}/${dir} && chown ${owner} ${appDir}/${dir}`);
  }
  runtime = runtimeFiles(runtime);
  if (prisma.dataDirs.length > 0) runtime = runtime.volume(...(prisma.dataDirs.map((d) => `${appDir}/${d}`) as [string, ...string[]]));
  // The instructions written for an option, so that a refused value is told in the option's terms.
  const hints: OptionHint[] = [];
  if (options.labels !== undefined) {
    hints.push(hintFor(runtime, 'LABEL', "labels: { 'org.opencontainers.image.source': 'https://...' } (or labels: oci({ source }))"));
    runtime = runtime.label(options.labels);
  }
  if (options.runtimeSteps !== undefined) runtime = options.runtimeSteps(runtime);
  // The app's files stay root's and read-only to it; only `writable` directories are its own.
  const create = options.user?.create;
  hints.push(hintFor(runtime, 'USER', "user: { uid: 10001 } (a numeric uid, and gid; create: 'name' to add a user of that name)"));
  const withUser = create === undefined ? runtime.user(owner) : runtime.user(create, { create: { uid, gid } });
  hints.push(hintFor(withUser, 'EXPOSE', 'port: 3000 (a number from 1 to 65535)'));
  let final: Stage<true> = withUser.expose(port);
  if (options.healthcheck) {
    const url = `http://127.0.0.1:${port}${options.healthcheck.path}`;
    const probe = `fetch(${JSON.stringify(url)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
    hints.push(hintFor(final, 'HEALTHCHECK', "healthcheck: { path: '/health', interval: '30s' } (a duration such as '30s' or '1m30s')"));
    final = final.healthcheck([distroless ? '/nodejs/bin/node' : bun ? 'bun' : 'node', '-e', probe], { interval: options.healthcheck.interval ?? '30s', timeout: '5s', startPeriod: '5s', retries: 3 });
  }
  const tini = options.init === 'tini' ? ['/usr/bin/tini', '--'] : [];
  if (prisma.entrypoint !== undefined || tini.length > 0) final = final.entrypoint([...tini, ...(prisma.entrypoint ?? [])] as [string, ...string[]]);
  // Distroless Node images have node as their entrypoint: the CMD is its arguments.
  hints.push(hintFor(final, 'CMD', "start: ['node', 'dist/server.js'] (the program and its arguments, one string each)"));
  final = distroless && startProgram === 'node' ? final.cmd(startArgs as [string, ...string[]]) : final.cmd(start as [string, ...string[]]);
  return staticResult(final, context, project.framework !== undefined, hints, notes);
}

const IGNORE = ['**/node_modules', '**/dist', '**/.turbo', '**/.next/cache', 'npm-debug.log*', 'yarn-error.log*', '.pnpm-store'];
/** A framework's build output and caches, written in the image: never sent from the host. */
const FRAMEWORK_IGNORE = ['**/.next', '**/.output', '**/.nuxt', '**/.svelte-kit', '**/.astro', '**/.cache'];

/** The preset's result around its final stage: refusals of option values name the option. */
function staticResult(final: Stage<true>, context: string, framework: boolean, hints: readonly OptionHint[], notes: readonly string[]): PresetResult {
  return Object.freeze({
    dockerfile: withOptionHints(PRESET, hints, () => dockerfile(final)),
    dockerignore: dockerignore(framework ? [...IGNORE, ...FRAMEWORK_IGNORE] : IGNORE),
    context,
    ...(notes.length === 0 ? {} : { notes: Object.freeze([...notes]) }),
  });
}

