/**
 * A small typed wrapper around the Docker CLI for the e2e tests: real BuildKit builds, runs with no
 * network, image inspection and `docker save`. It shells out to `$DOCKER` (default /usr/bin/docker,
 * Debian's client with BuildKit built in) with `DOCKER_BUILDKIT=1`, always with argument arrays.
 *
 * Run the tests through `pnpm test:e2e` (scripts/e2e/with-engine.sh), which provides the engine, the
 * registry, the base images and the environment read here. Tests must fail loudly without an engine:
 * call `requireEngine()` in a `beforeAll`, never skip.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

export const DOCKER = process.env['DOCKER'] || '/usr/bin/docker';

const DEFAULT_STATE = '/var/tmp/dockwright-e2e';

/** The registry the base images live in (with-engine.sh: 127.0.0.1:5000). */
export function registry(): string {
  return process.env['DOCKWRIGHT_E2E_REGISTRY'] || '127.0.0.1:5000';
}

/** The flat Debian repository served on loopback: use `deb [trusted=yes] ${aptRepo()} ./`. */
export function aptRepo(): string {
  const url = process.env['DOCKWRIGHT_E2E_APT_REPO'];
  if (!url) {
    throw new Error(
      'DOCKWRIGHT_E2E_APT_REPO is not set: run the e2e suite with `pnpm test:e2e` ' +
        '(scripts/e2e/with-engine.sh serves the local apt repository).',
    );
  }
  return url;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** Exit code; 128 + signal number when killed by a signal. */
  code: number;
}

interface ExecOptions {
  input?: string | Uint8Array;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs `$DOCKER ...args` (never through a shell) and collects its output. Never throws on a non-zero exit. */
export function docker(args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(DOCKER, args, {
      env: { ...process.env, DOCKER_BUILDKIT: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
          }, opts.timeoutMs);
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(
        new Error(
          `cannot run ${DOCKER}: ${e.message}. Set $DOCKER or run through scripts/e2e/with-engine.sh`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: timedOut ? `${stderr}\n[e2e] timed out after ${opts.timeoutMs} ms` : stderr,
        code: code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0),
      });
    });
    child.stdin.on('error', () => {}); // the process may exit before reading its input
    child.stdin.end(opts.input ?? '');
  });
}

/** Like `docker()`, but throws with the command and its whole output when it fails. */
async function dockerOk(args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const r = await docker(args, opts);
  if (r.code !== 0) {
    throw new Error(
      `docker ${args.join(' ')} exited with ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`,
    );
  }
  return r;
}

let engineChecked: Promise<string> | undefined;

/**
 * Throws a clear error unless a Docker engine answers. Returns the server version. Call it in
 * `beforeAll`: the e2e tests fail without an engine, they are never skipped.
 */
export function requireEngine(): Promise<string> {
  engineChecked ??= (async () => {
    const hint =
      'The e2e tests need a Docker engine: run them with `pnpm test:e2e` ' +
      '(scripts/e2e/with-engine.sh starts one as root on Debian), or set DOCKER_HOST to a working engine ' +
      '(and DOCKER to a client with BuildKit). See scripts/e2e/README.md.';
    if (!existsSync(DOCKER)) {
      throw new Error(`No Docker client at ${DOCKER} (DOCKER=${process.env['DOCKER'] ?? 'unset'}). ${hint}`);
    }
    const r = await docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 30_000 });
    const version = r.stdout.trim();
    if (r.code !== 0 || version === '' || version === '<no value>') {
      throw new Error(
        `No Docker engine answers (DOCKER_HOST=${process.env['DOCKER_HOST'] ?? 'unset'}): ` +
          `${(r.stderr || r.stdout).trim()}\n${hint}`,
      );
    }
    return version;
  })();
  return engineChecked;
}

export interface BuildOptions {
  /** The Dockerfile's text. It is written outside the context, so the context holds only `context`. */
  dockerfile: string;
  /** A directory to use as the context, or files (relative path -> content) to write into a fresh one. */
  context?: string | Record<string, string | Uint8Array>;
  /** Tag for the image; without one the image is known by its ID. */
  tag?: string;
  /** `none` (default): hermetic. `host`: only for steps that reach a server of the tests' own on 127.0.0.1. */
  network?: 'none' | 'host';
  /** BuildKit secrets: `--secret id=ID,src=PATH`. */
  secrets?: readonly { id: string; src: string }[];
  buildArgs?: Readonly<Record<string, string>>;
  target?: string;
  noCache?: boolean;
  /** Only `plain` is supported: the log is kept for assertions (`CACHED`, step timings). */
  progress?: 'plain';
  /** Default 10 minutes. */
  timeoutMs?: number;
}

export interface BuildResult {
  /** The tag when one was given, else the image ID. */
  image: string;
  /** The image ID (sha256:...). */
  id: string;
  /** BuildKit's plain progress output (stderr and stdout together). */
  log: string;
  /** Wall-clock seconds the build took. */
  seconds: number;
}

function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `dockwright-e2e-${prefix}-`));
}

/** Writes `files` under `dir`; paths are relative and must stay inside it. */
export async function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const norm = normalize(rel);
    if (isAbsolute(norm) || norm === '..' || norm.startsWith(`..${sep}`)) {
      throw new Error(`context file path must be relative and inside the context: ${rel}`);
    }
    const path = join(dir, norm);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

/** A real `docker build` with BuildKit. Throws with the full build log when it fails. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const work = await tempDir('build');
  try {
    const dockerfile = join(work, 'Dockerfile');
    await writeFile(dockerfile, opts.dockerfile);
    let context: string;
    if (typeof opts.context === 'string') {
      context = opts.context;
    } else {
      context = join(work, 'context');
      await mkdir(context);
      await writeFiles(context, opts.context ?? {});
    }
    const iidfile = join(work, 'iid');
    const args = ['build', '--progress=plain', `--network=${opts.network ?? 'none'}`, '-f', dockerfile];
    args.push('--iidfile', iidfile);
    if (opts.tag !== undefined) args.push('-t', opts.tag);
    if (opts.target !== undefined) args.push('--target', opts.target);
    if (opts.noCache) args.push('--no-cache');
    for (const s of opts.secrets ?? []) args.push('--secret', `id=${s.id},src=${s.src}`);
    for (const [k, v] of Object.entries(opts.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
    args.push(context);

    const started = process.hrtime.bigint();
    const r = await docker(args, { timeoutMs: opts.timeoutMs ?? 600_000 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const log = r.stderr + r.stdout;
    if (r.code !== 0) {
      throw new Error(
        `docker build failed (exit ${r.code}, ${seconds.toFixed(1)}s)\n--- Dockerfile ---\n${opts.dockerfile}\n--- build log ---\n${log}`,
      );
    }
    const id = (await readFile(iidfile, 'utf8')).trim();
    return { image: opts.tag ?? id, id, log, seconds };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface RunOptions {
  /** Default `none`. */
  network?: 'none' | 'host';
  user?: string;
  env?: Readonly<Record<string, string>>;
  workdir?: string;
  /** Replaces the image's ENTRYPOINT (`''` clears it). */
  entrypoint?: string;
  /** Written to the container's standard input (then `-i` is passed). */
  input?: string;
  /** Extra `docker run` flags, placed before the image. */
  flags?: readonly string[];
  /** Default 2 minutes. */
  timeoutMs?: number;
}

/** `docker run --rm --network=none IMAGE ...args`; resolves with the output and exit code, never throws on a non-zero exit. */
export function run(image: string, args: readonly string[] = [], opts: RunOptions = {}): Promise<ExecResult> {
  const a = ['run', '--rm', `--network=${opts.network ?? 'none'}`];
  if (opts.input !== undefined) a.push('-i');
  if (opts.user !== undefined) a.push('--user', opts.user);
  if (opts.workdir !== undefined) a.push('--workdir', opts.workdir);
  if (opts.entrypoint !== undefined) a.push('--entrypoint', opts.entrypoint);
  for (const [k, v] of Object.entries(opts.env ?? {})) a.push('--env', `${k}=${v}`);
  a.push(...(opts.flags ?? []), image, ...args);
  return docker(a, {
    timeoutMs: opts.timeoutMs ?? 120_000,
    ...(opts.input === undefined ? {} : { input: opts.input }),
  });
}

/** The image config as `docker image inspect` reports it (the fields the tests look at). */
export interface ImageConfig {
  User?: string;
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
  ExposedPorts?: Record<string, object> | null;
  Volumes?: Record<string, object> | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Shell?: string[] | null;
  StopSignal?: string;
  Healthcheck?: {
    Test?: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    Retries?: number;
  } | null;
  OnBuild?: string[] | null;
  [key: string]: unknown;
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: string;
  Architecture: string;
  Os: string;
  Size: number;
  Config: ImageConfig;
  RootFS: { Type: string; Layers?: string[] };
  [key: string]: unknown;
}

/** `docker image inspect IMAGE`, parsed. */
export async function inspect(image: string): Promise<ImageInspect> {
  const r = await dockerOk(['image', 'inspect', image]);
  const parsed = JSON.parse(r.stdout) as ImageInspect[];
  const first = parsed[0];
  if (!first) throw new Error(`docker image inspect ${image} returned nothing`);
  return first;
}

/** The image's `history` (created_by lines etc.), newest first. */
export async function history(image: string): Promise<string[]> {
  const r = await dockerOk(['image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', image]);
  return r.stdout.split('\n').filter((l) => l !== '');
}

/** The image size in bytes, as the engine reports it. */
export async function imageSize(image: string): Promise<number> {
  const r = await dockerOk(['image', 'inspect', '--format', '{{.Size}}', image]);
  return Number(r.stdout.trim());
}

/**
 * `docker save IMAGE` into a fresh directory, extracted: manifest.json, the config JSON and every
 * layer tar (kept as tars, so raw bytes can be searched; pass `extractLayers` to unpack them too,
 * each into `<layer tar>.d/`). Returns the directory; remove it with `rm(dir, { recursive: true })`.
 */
export async function save(image: string, opts: { extractLayers?: boolean } = {}): Promise<string> {
  const dir = await tempDir('save');
  const tar = join(dir, '..', `${dir.split(sep).pop()}.tar`);
  try {
    await dockerOk(['save', '-o', tar, image], { timeoutMs: 300_000 });
    await untar(tar, dir);
  } finally {
    await rm(tar, { force: true });
  }
  if (opts.extractLayers) {
    for (const file of await listFiles(dir)) {
      if (file.endsWith('.tar') || file.includes(`${sep}blobs${sep}`)) {
        const dest = `${file}.d`;
        await mkdir(dest, { recursive: true });
        await untar(file, dest).catch(() => rm(dest, { recursive: true, force: true }));
      }
    }
  }
  return dir;
}

function untar(tarFile: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', ['-xf', tarFile, '-C', dest, '--no-same-owner'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`tar -xf ${tarFile} failed: ${Buffer.concat(err).toString()}`)),
    );
  });
}

/** Every regular file under `dir`, recursively. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The files under `dir` (e.g. a `save()` directory) whose bytes contain `needle`. */
export async function filesContaining(dir: string, needle: string | Uint8Array): Promise<string[]> {
  const n = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle);
  const hits: string[] = [];
  for (const file of await listFiles(dir)) {
    if ((await stat(file)).size >= n.length && (await readFile(file)).includes(n)) hits.push(file);
  }
  return hits;
}

/** Removes images (ignores ones already gone). */
export async function removeImages(...images: string[]): Promise<void> {
  if (images.length > 0) await docker(['image', 'rm', '--force', ...images]);
}

/** A tag that no other test uses: `dockwright-e2e/<name>:<random>`. */
export function uniqueTag(name: string): string {
  return `dockwright-e2e/${name}:${randomBytes(4).toString('hex')}`;
}

export type BaseImageName =
  | 'debian:bookworm-slim'
  | 'node:20-bookworm-slim'
  | 'golang:1.19-bookworm'
  | 'static:nonroot'
  | 'python:3.11.2-slim-bookworm'
  | 'rust:1.63.0-bookworm'
  | 'maven:3.8.7-openjdk-17';

/**
 * The pinned reference (`127.0.0.1:5000/debian:bookworm-slim@sha256:...`) of a base image that
 * scripts/e2e/base-images.sh pushed, read from `$DOCKWRIGHT_E2E_BASE_IMAGES` (default
 * `$DOCKWRIGHT_E2E_STATE/base-images.json`). Accepts the name with or without the registry.
 */
export function baseImage(name: BaseImageName | (string & {})): string {
  const file =
    process.env['DOCKWRIGHT_E2E_BASE_IMAGES'] ||
    join(process.env['DOCKWRIGHT_E2E_STATE'] || DEFAULT_STATE, 'base-images.json');
  let index: Record<string, string>;
  try {
    index = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (e) {
    throw new Error(
      `cannot read the base images index ${file} (${(e as Error).message}): run the e2e suite with \`pnpm test:e2e\`, ` +
        'whose scripts/e2e/base-images.sh builds and records them',
    );
  }
  const short = name.startsWith(`${registry()}/`) ? name.slice(registry().length + 1) : name;
  const ref = index[short];
  if (!ref) {
    throw new Error(`no base image ${name} in ${file}; it has: ${Object.keys(index).join(', ') || 'nothing'}`);
  }
  return ref;
}
