/**
 * Real Node apps in real builds, without the internet: the fixtures under e2e/fixtures, the local
 * npm registry they install from (verdaccio on 127.0.0.1:4873, seeded by scripts/e2e/with-engine.sh)
 * and a way to run the built image and ask its HTTP server something from inside the container.
 *
 *   const built = await buildNodeApp({ fixture: 'node-npm', dockerfile, tag });
 *   const app = await startContainer(built.image);
 *   expect((await app.fetch('/')).json).toEqual({ ok: true, service: 'node-npm', uid: 1000 });
 *   await app.remove();
 *
 * The node base image (`baseImage('node:20-bookworm-slim')`) has npm, pnpm, yarn (classic) and
 * yarn-berry, all configured for the local registry, so a Dockerfile installs with `npm ci`,
 * `pnpm install --frozen-lockfile`, `yarn install --frozen-lockfile` or `yarn-berry install
 * --immutable` unchanged (yarn classic's lockfile URLs aside: see `localizeYarnLock`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seed, type SeedResult } from '../../scripts/e2e/npm-seed.js';
import { build, docker, type BuildOptions, type BuildResult, type ExecResult } from './docker.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The fixture apps: one per package manager (yarn berry with the node_modules linker) and one
 * workspace per package manager (a shared library and two services, api and worker; the worker
 * alone depends on picocolors@1.1.1 in the npm and yarn ones); all use zod@3.23.8 and ms@2.1.3, and
 * typescript@5.9.3, @types/node and @types/ms to build.
 */
export type NodeFixture =
  | 'node-npm'
  | 'node-pnpm'
  | 'node-yarn'
  | 'node-yarn-berry'
  | 'node-pnpm-monorepo'
  | 'node-npm-monorepo'
  | 'node-yarn-monorepo'
  | 'node-yarn-berry-monorepo';

const WORKSPACE_SERVICES = [
  { service: 'api', dir: 'services/api' },
  { service: 'worker', dir: 'services/worker' },
] as const;

/** What each fixture answers on `GET /` (`uid` aside), and where its server is once built. */
export const FIXTURE_SERVICES: Readonly<Record<NodeFixture, readonly { service: string; dir: string }[]>> = {
  'node-npm': [{ service: 'node-npm', dir: '.' }],
  'node-pnpm': [{ service: 'node-pnpm', dir: '.' }],
  'node-yarn': [{ service: 'node-yarn', dir: '.' }],
  'node-yarn-berry': [{ service: 'node-yarn-berry', dir: '.' }],
  'node-pnpm-monorepo': WORKSPACE_SERVICES,
  'node-npm-monorepo': WORKSPACE_SERVICES,
  'node-yarn-monorepo': WORKSPACE_SERVICES,
  'node-yarn-berry-monorepo': WORKSPACE_SERVICES,
};

/** The absolute path of a fixture (a build context as it is: lockfile, sources, .dockerignore). */
export function fixtureDir(name: NodeFixture | (string & {})): string {
  const dir = join(REPO, 'e2e', 'fixtures', name);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`no fixture app at ${dir}`);
  return dir;
}

/** The local npm registry's URL (`http://127.0.0.1:4873/`), as with-engine.sh exports it. */
export function npmRegistry(): string {
  const url = process.env['DOCKWRIGHT_E2E_NPM_REGISTRY'];
  if (!url) {
    throw new Error(
      'DOCKWRIGHT_E2E_NPM_REGISTRY is not set: run the e2e suite with `pnpm test:e2e` ' +
        '(scripts/e2e/with-engine.sh serves and seeds the local npm registry).',
    );
  }
  return url;
}

/**
 * Seeds the local registry with every package of the given lockfiles or directories (the
 * e2e/fixtures apps are seeded already by with-engine.sh): for a test that writes its own lockfile.
 * Downloads what is missing with this machine's npm; seconds when everything is there.
 */
export function seedNpm(...paths: string[]): Promise<SeedResult> {
  return seed({ paths, registry: npmRegistry() });
}

/**
 * Build args that fence a `--network=host` build to loopback for clients that honour proxy
 * variables (npm, pnpm, yarn, curl, wget): every HTTPS request goes to a proxy that is not there,
 * while plain-HTTP servers of ours on 127.0.0.1 (the npm registry, the apt repository) are reached
 * directly. Docker's predefined proxy args: they stay out of the image's history and config.
 */
export const LOOPBACK_ONLY: Readonly<Record<string, string>> = {
  HTTPS_PROXY: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  NO_PROXY: '127.0.0.1,localhost',
  no_proxy: '127.0.0.1,localhost',
};

/**
 * yarn classic fetches the `resolved` URLs of a yarn.lock exactly as written, whatever registry is
 * configured (npm swaps registry.npmjs.org for its configured registry; pnpm's and yarn berry's
 * lockfiles hold no URLs). So a yarn.lock v1 is given the local registry's URLs, as an
 * organisation with a mirror has them in its lockfiles. Other text comes back unchanged.
 */
export function localizeYarnLock(text: string, registry: string = npmRegistry()): string {
  if (/^__metadata:/m.test(text)) return text;
  return text.replace(/(\bresolved ")https:\/\/registry\.(?:yarnpkg\.com|npmjs\.org)\//g, `$1${registry.replace(/\/?$/, '/')}`);
}

/** The yarn.lock files under `dir` that name a public registry (see `localizeYarnLock`). */
function yarnLocksToLocalize(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() && depth < 4 && e.name !== 'node_modules' && e.name !== 'dist' && !e.name.startsWith('.')) {
        walk(join(d, e.name), depth + 1);
      } else if (e.isFile() && e.name === 'yarn.lock') {
        const p = join(d, e.name);
        if (localizeYarnLock(readFileSync(p, 'utf8'), 'x') !== readFileSync(p, 'utf8')) found.push(p);
      }
    }
  };
  walk(dir, 0);
  return found;
}

export interface NodeAppBuildOptions extends Omit<BuildOptions, 'context' | 'network'> {
  /** A fixture name, a directory, or files to write into a fresh context. */
  readonly fixture?: NodeFixture;
  readonly context?: BuildOptions['context'];
}

/**
 * `docker build` of a Node app that installs its dependencies from the local registry:
 * `--network=host` (to reach 127.0.0.1:4873) fenced by `LOOPBACK_ONLY`. Give `fixture` or `context`.
 */
export async function buildNodeApp(opts: NodeAppBuildOptions): Promise<BuildResult> {
  const registryUrl = npmRegistry();
  const { fixture, context, ...rest } = opts;
  let ctx = fixture === undefined ? context : context === undefined ? fixtureDir(fixture) : undefined;
  if (ctx === undefined) throw new Error('buildNodeApp: give exactly one of fixture and context');
  let copy: string | undefined;
  if (typeof ctx === 'string') {
    const locks = yarnLocksToLocalize(ctx);
    if (locks.length > 0) {
      // A copy of the context with localized yarn.lock files (same content otherwise, so BuildKit's cache still applies).
      const src = ctx;
      copy = await mkdtemp(join(tmpdir(), 'dockwright-e2e-context-'));
      await cp(src, copy, { recursive: true, filter: (p) => !/[/\\](node_modules|dist)$/.test(p.slice(src.length)) });
      for (const lock of locks) {
        const dest = join(copy, lock.slice(src.length));
        await writeFile(dest, localizeYarnLock(await readFile(dest, 'utf8'), registryUrl));
      }
      ctx = copy;
    }
  } else {
    ctx = Object.fromEntries(
      Object.entries(ctx).map(([k, v]) => [k, typeof v === 'string' && /(^|\/)yarn\.lock$/.test(k) ? localizeYarnLock(v, registryUrl) : v]),
    );
  }
  try {
    return await build({
      ...rest,
      context: ctx,
      network: 'host',
      buildArgs: { ...LOOPBACK_ONLY, ...opts.buildArgs },
    });
  } finally {
    if (copy !== undefined) await rm(copy, { recursive: true, force: true });
  }
}

export interface FetchResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json?: unknown;
}

export interface RunningContainer {
  readonly id: string;
  /**
   * GET `http://127.0.0.1:<port><path>` from inside the container (`docker exec`, so it works with
   * `--network=none`), retrying until the server answers or `timeoutMs` passes (default 30 s).
   */
  fetch(path?: string, opts?: { port?: number; timeoutMs?: number }): Promise<FetchResult>;
  /** The container's output so far (stdout and stderr). */
  logs(): Promise<string>;
  /** `docker stop -t <seconds>`; resolves with the exit code and how long stopping took. */
  stop(timeoutSeconds?: number): Promise<{ exitCode: number; seconds: number }>;
  /** `docker rm -f` (always call it, in `finally`). */
  remove(): Promise<void>;
}

export interface StartOptions {
  /** The command (replaces the image's CMD). */
  readonly cmd?: readonly string[];
  readonly user?: string;
  readonly workdir?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The port fetch() uses by default (3000). */
  readonly port?: number;
  /** The command that fetches a URL inside the container (default: the image's `node`). */
  readonly fetcher?: readonly string[];
}

// Prints {status, headers, body} of a GET of process.argv[1]; exits 7 when nothing answers.
const FETCH_SCRIPT = [
  'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) }).then(',
  '  async (r) => process.stdout.write(JSON.stringify({ status: r.status, headers: Object.fromEntries(r.headers), body: await r.text() })),',
  '  (e) => { process.stderr.write(String(e.cause ?? e)); process.exit(7); });',
].join('\n');

async function dockerOk(args: readonly string[]): Promise<ExecResult> {
  const r = await docker(args, { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited with ${r.code}: ${r.stderr || r.stdout}`);
  return r;
}

/** `docker run -d --network=none IMAGE`: the app running in the background, to fetch() from. */
export async function startContainer(image: string, opts: StartOptions = {}): Promise<RunningContainer> {
  const args = ['run', '-d', '--network=none'];
  if (opts.user !== undefined) args.push('--user', opts.user);
  if (opts.workdir !== undefined) args.push('--workdir', opts.workdir);
  for (const [k, v] of Object.entries(opts.env ?? {})) args.push('--env', `${k}=${v}`);
  args.push(image, ...(opts.cmd ?? []));
  const id = (await dockerOk(args)).stdout.trim();
  const logs = async () => {
    const r = await docker(['logs', id]);
    return r.stdout + r.stderr;
  };
  const running = async () => (await docker(['inspect', '-f', '{{.State.Running}}', id])).stdout.trim() === 'true';
  return {
    id,
    async fetch(path = '/', f = {}) {
      const url = `http://127.0.0.1:${f.port ?? opts.port ?? 3000}${path}`;
      const deadline = Date.now() + (f.timeoutMs ?? 30_000);
      let last = '';
      for (;;) {
        const r = await docker(['exec', id, ...(opts.fetcher ?? ['node', '-e', FETCH_SCRIPT]), url], { timeoutMs: 20_000 });
        if (r.code === 0) {
          const got = JSON.parse(r.stdout) as { status: number; headers: Record<string, string>; body: string };
          let json: unknown;
          try {
            json = JSON.parse(got.body);
          } catch {
            json = undefined;
          }
          return { ...got, ...(json === undefined ? {} : { json }) };
        }
        last = (r.stderr || r.stdout).trim();
        if (!(await running())) {
          throw new Error(`the container of ${image} exited before ${url} answered; its output:\n${await logs()}`);
        }
        if (Date.now() > deadline) {
          throw new Error(`${url} did not answer inside the container of ${image} (${last}); its output:\n${await logs()}`);
        }
        await new Promise((r2) => setTimeout(r2, 250));
      }
    },
    logs,
    async stop(timeoutSeconds = 10) {
      const t = process.hrtime.bigint();
      await dockerOk(['stop', '-t', String(timeoutSeconds), id]);
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const exitCode = Number((await dockerOk(['inspect', '-f', '{{.State.ExitCode}}', id])).stdout.trim());
      return { exitCode, seconds };
    },
    async remove() {
      await docker(['rm', '-f', id]);
    },
  };
}
