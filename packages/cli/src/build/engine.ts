import { spawn } from 'node:child_process';
import { relative, sep } from 'node:path';
import { shellWord } from '../files/shell-word.js';
import type { BuildSettings } from './build-settings.js';
import type { PlannedBuild } from './build-plan.js';

/** How images are built: `docker buildx build`, or `docker build` with BuildKit when buildx is not there. */
export interface Engine {
  /** The docker client: `$DOCKWRIGHT_DOCKER`, else `docker` on PATH. */
  readonly client: string;
  readonly builder: 'buildx' | 'docker build';
}

/** What a process printed and how it ended. */
export interface ProcessResult {
  /** The exit code; -1 when it could not be started (`error` says why). */
  readonly code: number;
  readonly output: string;
  readonly error?: string;
}

/**
 * Runs a program with an argument list (never through a shell), collecting stdout and stderr
 * together, and handing each line to `onLine` as it comes.
 *
 * @example
 * ```ts
 * const result = await runProcess('docker', ['version'], { onLine: (line) => console.error(line) });
 * ```
 */
export function runProcess(command: string, args: readonly string[], options: { readonly env?: NodeJS.ProcessEnv; readonly cwd?: string; readonly onLine?: (line: string) => void } = {}): Promise<ProcessResult> {
  return new Promise((resolveResult) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
    const chunks: string[] = [];
    let partial = '';
    const take = (chunk: string) => {
      chunks.push(chunk);
      if (options.onLine === undefined) return;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    child.on('error', (error) => resolveResult({ code: -1, output: chunks.join(''), error: error.message }));
    child.on('close', (code, signal) => {
      if (partial !== '' && options.onLine !== undefined) options.onLine(partial);
      resolveResult({ code: code ?? (signal === null ? 1 : 128 + (signal === 'SIGKILL' ? 9 : 15)), output: chunks.join('') });
    });
  });
}

/**
 * The docker client and builder of this machine: `$DOCKWRIGHT_DOCKER` (else `docker`), and
 * `buildx` when `docker buildx version` answers, else `docker build` with `DOCKER_BUILDKIT=1`.
 * Says why when the client cannot be started at all.
 *
 * @example
 * ```ts
 * const engine = await detectEngine(process.env);
 * engine.builder; // 'docker build' on a machine without the buildx plugin
 * ```
 */
export async function detectEngine(env: NodeJS.ProcessEnv): Promise<{ ok: true; engine: Engine } | { ok: false; client: string; error: string }> {
  const client = env['DOCKWRIGHT_DOCKER'] !== undefined && env['DOCKWRIGHT_DOCKER'] !== '' ? env['DOCKWRIGHT_DOCKER'] : 'docker';
  const buildx = await runProcess(client, ['buildx', 'version'], { env });
  if (buildx.code === -1) return { ok: false, client, error: buildx.error ?? 'it could not be started' };
  return { ok: true, engine: { client, builder: buildx.code === 0 ? 'buildx' : 'docker build' } };
}

/** A path as the engine's argument: relative to the working directory when it is inside it, so commands read well. */
function arg(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || rel.startsWith(sep) ? path : rel.split(sep).join('/');
}

/** Where the engine writes what it built: the image id (`docker build`), or buildx's metadata. */
export interface ResultFiles {
  readonly iidfile: string;
  readonly metadataFile: string;
}

/**
 * The argument list of one build, for the engine's builder: `-f`, the tags, platforms, build
 * arguments, secrets, stage, network, caches, and for buildx `--push` or `--load` (`--load` by
 * default for one platform, so the image is in the local engine as with `docker build`), then
 * the context. Secrets from an environment variable are passed as `env=`; the variable must be in
 * the engine's environment. Paths are relative to `cwd` when inside it.
 *
 * @example
 * ```ts
 * buildArgs(engine, build, settings, '/repo', files);
 * // ['build', '--progress=plain', '-f', 'services/api/Dockerfile', '--iidfile', '/tmp/..', '-t', 'api:dev', '.']
 * ```
 */
export function buildArgs(engine: Engine, build: PlannedBuild, settings: BuildSettings, cwd: string, files: ResultFiles | undefined): string[] {
  const argv = engine.builder === 'buildx' ? ['buildx', 'build'] : ['build'];
  argv.push('--progress=plain', '-f', arg(cwd, build.dockerfile));
  if (files !== undefined) argv.push(...(engine.builder === 'buildx' ? ['--metadata-file', files.metadataFile] : ['--iidfile', files.iidfile]));
  for (const tag of build.tags) argv.push('-t', tag);
  if (settings.platforms.length > 0) argv.push('--platform', settings.platforms.join(','));
  for (const [key, value] of Object.entries(settings.args)) argv.push('--build-arg', `${key}=${value}`);
  for (const s of settings.secrets) argv.push('--secret', 'file' in s ? `id=${s.id},src=${s.file}` : `id=${s.id},env=${s.env}`);
  if (settings.target !== undefined) argv.push('--target', settings.target);
  if (settings.network !== undefined) argv.push(`--network=${settings.network}`);
  if (settings.noCache) argv.push('--no-cache');
  for (const c of build.cacheFrom) argv.push('--cache-from', c);
  for (const c of build.cacheTo) argv.push('--cache-to', c);
  if (engine.builder === 'buildx') {
    if (settings.push) argv.push('--push');
    else if (settings.load || settings.platforms.length <= 1) argv.push('--load');
  }
  argv.push(arg(cwd, build.context));
  return argv;
}

/**
 * What the engine's builder cannot do of what the settings ask, as sentences (empty when it can):
 * `docker build` builds one platform, exports no cache and loads what it builds.
 *
 * @example
 * ```ts
 * unsupported({ client: 'docker', builder: 'docker build' }, settings); // ['2 platforms (linux/amd64,linux/arm64) need buildx']
 * ```
 */
export function unsupported(engine: Engine, settings: BuildSettings): string[] {
  if (engine.builder === 'buildx') return [];
  const problems: string[] = [];
  if (settings.platforms.length > 1) problems.push(`${settings.platforms.length} platforms (${settings.platforms.join(',')}) need buildx`);
  if (settings.cacheTo.length > 0) problems.push('--cache-to (build.cacheTo) needs buildx');
  return problems;
}

/**
 * A command line as a user would type it: each word quoted for a POSIX shell where needed.
 *
 * @example
 * ```ts
 * commandLine('docker', ['build', '-t', 'api:dev', '.']); // 'docker build -t api:dev .'
 * ```
 */
export function commandLine(command: string, argv: readonly string[]): string {
  return [command, ...argv].map(shellWord).join(' ');
}
