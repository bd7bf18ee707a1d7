import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import type { BuildReport, BuildTargetReport } from '../output/build-report.js';
import { createBuildProgress, type BuildProgress } from '../output/build-progress.js';
import type { Io } from '../output/io.js';
import type { RenderReport } from '../output/render-report.js';
import { loadConfig } from '../render/load-config.js';
import { renderTargets } from '../render/run-render.js';
import { failureLine, readSteps, stepTitle } from './build-log.js';
import { planBuilds, type PlannedBuild } from './build-plan.js';
import { buildSettings, type BuildSettings } from './build-settings.js';
import { buildArgs, commandLine, detectEngine, runProcess, unsupported, type Engine } from './engine.js';
import { runInOrder } from './run-in-order.js';

/** The options of `dockwright build`. */
export interface BuildOptions {
  readonly cwd: string;
  /** The targets: paths of modules or directories, as `render` takes them. */
  readonly paths: readonly string[];
  readonly config?: string;
  /** Render and plan, print the commands, build nothing. */
  readonly dryRun: boolean;
  /** Overwrite files dockwright did not write, as `render --force` does. */
  readonly force?: boolean;
  /** The command line, for the build settings (`--tag`, `--secret`, ...). */
  readonly args: ParsedArgs;
  /** Called once the targets are rendered, before anything builds: to show what was written first. */
  readonly onRendered?: (report: RenderReport) => void;
}

/** The command as a user would type it: `DOCKER_BUILDKIT=1` in front of `docker build`. */
function shown(engine: Engine, argv: readonly string[]): string {
  return `${engine.builder === 'docker build' ? 'DOCKER_BUILDKIT=1 ' : ''}${commandLine(engine.client, argv)}`;
}

function base(build: PlannedBuild, cwd: string, command: string): Omit<BuildTargetReport, 'status' | 'issues'> {
  return {
    name: build.name,
    file: displayPath(cwd, build.module),
    dockerfile: displayPath(cwd, build.dockerfile),
    context: displayPath(cwd, build.context),
    tags: build.tags,
    dependsOn: build.dependsOn,
    command,
  };
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Builds one Dockerfile (and pushes it with `docker build`, which cannot push itself), with its log. */
async function buildOne(engine: Engine, build: PlannedBuild, settings: BuildSettings, cwd: string, progress: BuildProgress): Promise<BuildTargetReport> {
  const dir = await mkdtemp(join(tmpdir(), 'dockwright-build-'));
  const files = { iidfile: join(dir, 'iid'), metadataFile: join(dir, 'metadata.json') };
  const about = base(build, cwd, shown(engine, buildArgs(engine, build, settings, cwd, undefined)));
  const env = { ...process.env, DOCKER_BUILDKIT: '1' };
  const started = performance.now();
  progress.start(build.name);
  try {
    const result = await runProcess(engine.client, buildArgs(engine, build, settings, cwd, files), {
      env,
      cwd,
      onLine: (line) => {
        const title = stepTitle(line);
        if (title !== undefined) progress.step(build.name, title);
      },
    });
    const steps = readSteps(result.output);
    const seconds = () => Math.round(performance.now() - started) / 1000;
    if (result.code !== 0) {
      const why = result.error ?? failureLine(result.output) ?? `the engine exited with ${result.code}`;
      const hint = /network bridge not found/.test(why)
        ? 'the engine has no bridge network for RUN steps: build with --network host (or none, when no step needs the network)'
        : 'the engine\'s log is above; fix the step that failed, then run `dockwright build` again';
      const issue = cliIssue('DWC5003', `${build.name}: the build of ${about.dockerfile} failed: ${why}`, hint);
      return { ...about, status: 'failed', seconds: seconds(), steps, issues: [issue], log: result.output };
    }
    let imageId: string | undefined;
    let digest: string | undefined;
    if (engine.builder === 'buildx') {
      const metadata = await readJson(files.metadataFile);
      const config = metadata['containerimage.config.digest'];
      const manifest = metadata['containerimage.digest'];
      if (typeof config === 'string') imageId = config;
      if (settings.push && typeof manifest === 'string') digest = manifest;
    } else {
      imageId = (await readFile(files.iidfile, 'utf8').catch(() => '')).trim() || undefined;
    }
    let log = result.output;
    if (settings.push && engine.builder === 'docker build') {
      for (const tag of build.tags) {
        progress.step(build.name, `pushing ${tag}`);
        const pushed = await runProcess(engine.client, ['push', tag], { env, cwd });
        log += pushed.output;
        if (pushed.code !== 0) {
          const why = pushed.error ?? failureLine(pushed.output) ?? pushed.output.trim().split('\n').at(-1) ?? `exit ${pushed.code}`;
          const issue = cliIssue('DWC5004', `${build.name}: the push of ${tag} failed: ${why}`, `log in to the registry (\`docker login\`), check the tag, then run \`dockwright build --push\` again`);
          return { ...about, status: 'failed', seconds: seconds(), steps, ...(imageId === undefined ? {} : { imageId }), issues: [issue], log };
        }
        digest ??= /digest: (sha256:[0-9a-f]{64})/.exec(pushed.output)?.[1];
      }
    }
    return { ...about, status: 'built', seconds: seconds(), steps, ...(imageId === undefined ? {} : { imageId }), ...(digest === undefined ? {} : { digest }), issues: [] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function finished(report: BuildTargetReport, io: Io, width: number): string {
  const c = io.errColors;
  const name = report.name.padEnd(width);
  if (report.status === 'built') {
    const steps = report.steps === undefined ? '' : ` ${c.dim(`${report.steps.cached}/${report.steps.total} steps cached`)}`;
    return `${c.green('✔')} ${name} ${(report.seconds ?? 0).toFixed(1)}s${steps}`;
  }
  return `${c.red('✖')} ${name} ${report.status === 'skipped' ? 'not built' : `failed after ${(report.seconds ?? 0).toFixed(1)}s`}`;
}

/**
 * `dockwright build`: renders the targets as `render` does (writing what changed), then builds
 * each Dockerfile they wrote with the engine (`docker buildx build`, else `DOCKER_BUILDKIT=1
 * docker build`), in dependency order, `concurrency` at a time. A failed target, or one whose
 * image another failed build makes, is reported and the others still build. Usage problems
 * throw a UsageError (exit 2).
 *
 * @example
 * ```ts
 * const report = await runBuild({ cwd: '/repo', paths: [], dryRun: false, args }, io);
 * process.exitCode = report.exitCode;
 * ```
 */
export async function runBuild(options: BuildOptions, io: Io): Promise<BuildReport> {
  const { cwd } = options;
  const loaded = await loadConfig(cwd, options.config);
  const settings = buildSettings(options.args, loaded, cwd);
  // Asking the client which builder it has, and whether the engine answers, while the targets render.
  const detecting = detectEngine(process.env);
  const answering = detecting.then((d) => (d.ok && !options.dryRun ? runProcess(d.engine.client, ['version', '--format', '{{.Server.Version}}']) : undefined));
  const { report: render, written, config } = await renderTargets({ cwd, paths: options.paths, check: false, force: options.force === true, ...(options.config === undefined ? {} : { config: options.config }) }, io);
  const builds = planBuilds(written, settings, cwd, config?.dir ?? cwd);
  options.onRendered?.(render);
  const detected = await detecting;
  const started = performance.now();
  const finish = (reports: BuildTargetReport[], engine: Engine | undefined, issues: CliIssue[] = []): BuildReport => {
    const count = (status: BuildTargetReport['status']) => reports.filter((r) => r.status === status).length;
    const ok = render.ok && issues.length === 0 && count('failed') + count('skipped') === 0;
    return {
      command: 'build',
      ok,
      exitCode: ok ? 0 : 1,
      dryRun: options.dryRun,
      ...(engine === undefined ? {} : { engine: { client: engine.client, builder: engine.builder } }),
      summary: { targets: reports.length, built: count('built'), failed: count('failed'), skipped: count('skipped'), seconds: Math.round(performance.now() - started) / 1000 },
      render,
      builds: reports,
      warnings: settings.warnings,
      issues,
    };
  };
  if (!detected.ok && !options.dryRun) {
    const issue = cliIssue('DWC5001', `cannot run the docker client ${detected.client}: ${detected.error}`, 'install Docker (https://docs.docker.com/get-docker/), or set DOCKWRIGHT_DOCKER to the path of a docker client');
    return finish([], undefined, [issue]);
  }
  const engine: Engine = detected.ok ? detected.engine : { client: detected.client, builder: 'docker build' };
  const cannot = unsupported(engine, settings);
  const [problem, ...more] = cannot.map((text) => cliIssue('DWC5006', `${engine.client} has no buildx: ${text}`, 'install the buildx plugin (https://github.com/docker/buildx), or build one platform without --cache-to'));
  if (problem !== undefined) throw new UsageError([problem, ...more]);
  if (options.dryRun) {
    return finish(builds.map((b) => ({ ...base(b, cwd, shown(engine, buildArgs(engine, b, settings, cwd, undefined))), status: 'planned', issues: [] })), engine);
  }
  if (builds.length === 0) return finish([], engine);
  const version = (await answering) ?? { code: 1, output: 'no answer' };
  if (version.code !== 0) {
    const why = version.output.trim().split('\n').filter((l) => l !== '').at(-1) ?? `exit ${version.code}`;
    return finish([], engine, [cliIssue('DWC5002', `the Docker engine did not answer ${engine.client}: ${why}`, 'start Docker (or point DOCKER_HOST at a running engine), then run `dockwright build` again')]);
  }
  const width = Math.max(...builds.map((b) => b.name.length));
  const progress = createBuildProgress(io, builds.map((b) => b.name));
  const reports = new Map<string, BuildTargetReport>();
  await runInOrder(
    builds,
    settings.concurrency,
    async (build) => {
      const report = await buildOne(engine, build, settings, cwd, progress);
      reports.set(build.name, report);
      progress.finish(build.name, finished(report, io, width));
      return report.status === 'built';
    },
    (build, dependency) => {
      const issue = cliIssue('DWC5005', `${build.name} was not built: it uses the image of ${dependency}, which did not build`, `fix ${dependency}, then run \`dockwright build\` again`);
      const report: BuildTargetReport = { ...base(build, cwd, shown(engine, buildArgs(engine, build, settings, cwd, undefined))), status: 'skipped', issues: [issue] };
      reports.set(build.name, report);
      progress.finish(build.name, finished(report, io, width));
    },
  );
  progress.done();
  return finish(builds.map((b) => reports.get(b.name)).filter((r): r is BuildTargetReport => r !== undefined), engine);
}
