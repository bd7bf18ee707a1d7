// Real builds, side by side on one engine: `pnpm bench:images` (runs under scripts/e2e/with-engine.sh).
//
// For the Node fixture (e2e/fixtures/node-npm: TypeScript built with tsc, zod and ms at run time)
// it builds our nodePreset's Dockerfile, the one `@flydotio/dockerfile` generates, and one written
// the way `docker init`'s Node template does it; for the Go fixture (e2e/fixtures/go-two-commands,
// command `api`) ours and the `docker init` Go pattern; for the api service of an npm workspace
// (e2e/fixtures/node-npm-monorepo, with turbo added) ours and Turborepo's `turbo prune` pattern; for
// the Java fixture (e2e/fixtures/java-maven-http, Maven, standard library only) ours and the
// `docker init` Java pattern, on Debian's JDK 17 and Maven (base-images.sh).
// Each Dockerfile gets a fresh copy of the fixture with its own .dockerignore, and for each it measures:
//
//   cold        `--no-cache`, after dropping every cache mount of the engine (package caches too)
//   source      a rebuild after a source-only change (a string in the server's source), median of the rounds
//   dependency  a rebuild after a dependency change (Node: picocolors added with npm, then removed,
//               and so on; Go: go.mod edited), median of the rounds
//   other       workspace only: a rebuild after a source change in another service (the worker)
//   size        the final image as the engine reports it; user: the uid the app reports it runs as
//   findings    @dockwright/core's lintDockerfile() (what `dockwright lint` reports) on the file as its tool wrote it
//   steps       where a source rebuild's seconds go: each BuildKit step's median (e2e/support/build-log.ts), on stderr and in --json
//
// and that the app works: the Node server answers GET / inside its container, the Go command prints.
//
//   pnpm bench:images            table
//   pnpm -s bench:images --json  JSON on stdout (progress on stderr)
//   pnpm bench:images --node-runs 5 --go-runs 9   rebuilds per change (default 3 and 7; the table gives medians)
//   pnpm bench:images --only node --with-npm-run  also our preset with its build through `npm run build`
//   pnpm bench:images --only workspace            one section: node, workspace, go, python, rust or java (comma-separated)
//   pnpm bench:images --only python,rust --lang-runs 3   the Python (e2e/fixtures/python-stdlib, pip) and Rust
//                                                 (e2e/fixtures/rust-stdlib) rows: ours and docker init's template
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintDockerfile, type LintDiagnostic } from '@dockwright/core';
import { intArg } from '../harness.js';
import { baseImage, build, docker, imageSize, inspect, removeImages, requireEngine, run, uniqueTag, type BuildResult } from '../../e2e/support/docker.js';
import { buildNodeApp, fixtureDir, LOOPBACK_ONLY, npmRegistry, startContainer } from '../../e2e/support/node-apps.js';
import { seed } from '../../scripts/e2e/npm-seed.js';
import { dockerInitGo, dockerInitJava, dockerInitNode, dockerInitPython, dockerInitRust, flyNode, oursGo, oursJava, oursNode, oursNodeThroughNpm, oursNodeWorkspace, oursPython, oursRust, turborepoNode, type Candidate, type LocalImages, type LocalJavaImages } from './candidates.js';
import { askFromSidecar } from '../../e2e/support/ask-sidecar.js';
import { medianSteps, stepTimes, type StepTime } from '../../e2e/support/build-log.js';

/** One measured Dockerfile. */
export interface ImageResult {
  readonly fixture: string;
  readonly candidate: string;
  readonly bytes: number;
  readonly coldSeconds: number;
  /** Medians of the rounds of rebuilds. */
  readonly sourceSeconds: number;
  readonly dependencySeconds: number;
  readonly sourceSamples: readonly number[];
  readonly dependencySamples: readonly number[];
  /** Where a source rebuild's seconds go: each step's median over the rounds, from BuildKit's plain progress. */
  readonly sourceSteps: readonly StepTime[];
  /** Workspace services only: rebuilds after a source change in another service. */
  readonly otherSeconds?: number;
  readonly otherSamples?: readonly number[];
  readonly uid: number;
  readonly configUser: string;
  /** `lintDockerfile()` of @dockwright/core on the file as its tool wrote it. */
  readonly findings: readonly LintDiagnostic[];
  readonly dockerfile: string;
}

const json = process.argv.includes('--json');
// Rounds of rebuilds: a Node rebuild takes seconds (tsc), a Go one under a second, so Go gets more.
const nodeRuns = intArg('node-runs', 3);
const SECTIONS = ['node', 'workspace', 'go', 'python', 'rust', 'java'] as const;
/** `--only node,go`: the sections to run (default all). */
const only: ReadonlySet<string> = (() => {
  const i = process.argv.indexOf('--only');
  if (i < 0) return new Set<string>(SECTIONS);
  const names = (process.argv[i + 1] ?? '').split(',');
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes ${SECTIONS.join(', ')} (comma-separated), not ${JSON.stringify(process.argv[i + 1] ?? '')}`);
  return new Set(names);
})();
const goRuns = intArg('go-runs', 7);
/** Python and Rust rounds (a Rust rebuild recompiles the crate: seconds). */
const langRuns = intArg('lang-runs', 3);
// A Maven rebuild takes tens of seconds on this machine: fewer rounds.
const javaRuns = intArg('java-runs', 2);

/** The median wall time of some builds, in seconds. */
function median(builds: readonly BuildResult[]): number {
  const sorted = builds.map((b) => b.seconds).sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const log = (line: string) => process.stderr.write(`[bench:images] ${line}\n`);
const work: string[] = [];
const tags: string[] = [];

async function copyOf(fixture: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dockwright-bench-${fixture}-`));
  work.push(dir);
  const src = join(fixtureDir('node-npm'), '..', fixture);
  await cp(src, dir, { recursive: true, filter: (p) => !/[/\\](node_modules|dist)$/.test(p.slice(src.length)) });
  return dir;
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

/** Drops the engine's cache mounts (npm's, Go's module and build caches, apt's), so a cold build downloads. */
async function dropCacheMounts(): Promise<void> {
  const r = await docker(['builder', 'prune', '--force', '--filter', 'type=exec.cachemount']);
  if (r.code !== 0) throw new Error(`docker builder prune failed: ${r.stderr}`);
}

/**
 * The Node fixture with one more dependency (picocolors), its lockfile written by this machine's
 * npm against the local registry: what `npm install picocolors` does to a project.
 */
async function nodeDependencyChange(): Promise<{ packageJson: string; lockfile: string }> {
  const dir = await copyOf('node-npm');
  await seed({ paths: [], specs: ['picocolors@1.1.1'], registry: npmRegistry() });
  const r = spawnSync('npm', ['install', 'picocolors@1.1.1', '--save-exact', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', `--registry=${npmRegistry()}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`npm install picocolors failed: ${r.stderr}`);
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  if (lock.packages['node_modules/picocolors'] === undefined) throw new Error('npm did not add picocolors to the lockfile');
  return { packageJson: join(dir, 'package.json'), lockfile: join(dir, 'package-lock.json') };
}

/**
 * One Dockerfile under measurement. The cold build runs alone (after the cache mounts are dropped);
 * the rebuilds run in rounds, every subject once per round, so load from elsewhere on the machine
 * falls on all of them alike.
 */
interface Subject {
  readonly name: string;
  cold(): Promise<void>;
  /** `round` -1 is the untimed warm-up. */
  sourceChange(round: number): Promise<void>;
  dependencyChange(round: number): Promise<void>;
  /** Workspace services: a source change in another service. */
  otherChange?(round: number): Promise<void>;
  result(): Promise<ImageResult>;
}

async function nodeSubject(make: (dir: string) => Candidate, depChange: { packageJson: string; lockfile: string }): Promise<Subject> {
  const dir = await copyOf('node-npm');
  const c = make(dir);
  if (c.dockerignore !== undefined) await writeFile(join(dir, '.dockerignore'), c.dockerignore);
  const tag = uniqueTag('bench-node');
  tags.push(tag);
  const b = (noCache = false): Promise<BuildResult> => buildNodeApp({ context: dir, dockerfile: c.built, tag, noCache });
  // The manifests as they were, kept outside the context (some of the files copy all of it).
  const keep = await mkdtemp(join(tmpdir(), 'dockwright-bench-manifests-'));
  work.push(keep);
  const original = { packageJson: join(keep, 'package.json'), lockfile: join(keep, 'package-lock.json') };
  await copyFile(join(dir, 'package.json'), original.packageJson);
  await copyFile(join(dir, 'package-lock.json'), original.lockfile);

  let cold: BuildResult | undefined;
  let bytes = 0;
  let uid = -1;
  let current = 'node-npm';
  const source: BuildResult[] = [];
  const dependency: BuildResult[] = [];
  return {
    name: c.name,
    async cold() {
      await dropCacheMounts();
      log(`${c.name}: cold build...`);
      cold = await b(true);
      bytes = await imageSize(tag);
      uid = (await serves(tag, current)).uid;
    },
    async sourceChange(round) {
      const renamed = `node-npm-${randomBytes(4).toString('hex')}`;
      await edit(join(dir, 'src/server.ts'), `const SERVICE = '${current}';`, `const SERVICE = '${renamed}';`);
      current = renamed;
      log(`${c.name}: rebuild after a source change (${label(round)})...`);
      const built = await b();
      if (round >= 0) source.push(built);
      await serves(tag, renamed);
    },
    async dependencyChange(round) {
      // Add picocolors, then take it out again, and so on: each is a dependency change.
      const adding = round % 2 !== 0;
      const next = adding ? depChange : original;
      await copyFile(next.packageJson, join(dir, 'package.json'));
      await copyFile(next.lockfile, join(dir, 'package-lock.json'));
      log(`${c.name}: rebuild after a dependency change (${label(round)})...`);
      const built = await b();
      if (round >= 0) dependency.push(built);
      const has = await run(tag, ['node', '-e', "require.resolve('picocolors')"]);
      if ((has.code === 0) !== adding) throw new Error(`${c.name}: picocolors is ${adding ? 'not ' : ''}in the image after the dependency change`);
    },
    async result() {
      if (cold === undefined) throw new Error(`${c.name}: no cold build`);
      return result('node-npm', c, { bytes, cold, source, dependency, uid, configUser: (await inspect(tag)).Config.User ?? '' });
    },
  };
}

/** The workspace fixture and the service of it that is measured. */
const WORKSPACE = 'node-npm-monorepo';
const SERVICE = 'services/api';
const TURBO_VERSION = '2.11.11';

/** Files of the workspace, by path relative to its root. */
type Files = Readonly<Record<string, string>>;

/** Runs this machine's npm in `dir`; `registry` undefined means its configured (public) one. */
function npm(dir: string, args: readonly string[], registry?: string): void {
  const r = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', ...(registry === undefined ? [] : [`--registry=${registry}`])], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${r.stderr}`);
}

async function readFiles(dir: string, paths: readonly string[]): Promise<Files> {
  return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await readFile(join(dir, p), 'utf8')] as const)));
}

/**
 * The workspace as both files build it: the fixture plus what Turborepo's needs (turbo as a root dev
 * dependency, `packageManager`, a turbo.json with the build task), and the same with picocolors
 * added to the api (the dependency change). The lockfile is written against this machine's
 * configured registry: it knows the turbo binary of every platform, which npm records; builds
 * install from the local registry, seeded with what Linux needs.
 */
async function workspaceManifests(npmInImage: string): Promise<{ base: Files; withDep: Files }> {
  const dir = await copyOf(WORKSPACE);
  await seed({ paths: [], specs: [`turbo@${TURBO_VERSION}`, `@turbo/linux-64@${TURBO_VERSION}`, 'picocolors@1.1.1'], registry: npmRegistry() });
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ ...pkg, packageManager: `npm@${npmInImage}` }, null, 2)}\n`);
  await writeFile(join(dir, 'turbo.json'), `${JSON.stringify({ $schema: 'https://turborepo.com/schema.json', tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } } }, null, 2)}\n`);
  npm(dir, ['install', `turbo@${TURBO_VERSION}`, '--save-dev', '--save-exact', '--package-lock-only']);
  const paths = ['package.json', 'package-lock.json', 'turbo.json', `${SERVICE}/package.json`];
  const base = await readFiles(dir, paths);
  npm(dir, ['install', 'picocolors@1.1.1', `--workspace=${SERVICE}`, '--save-exact', '--package-lock-only']);
  const withDep = await readFiles(dir, paths);
  if (!withDep['package-lock.json']?.includes('"node_modules/picocolors"')) throw new Error('npm did not add picocolors to the lockfile');
  return { base, withDep };
}

async function writeFiles(dir: string, files: Files): Promise<void> {
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
}

async function workspaceSubject(make: (dir: string) => Candidate, manifests: { base: Files; withDep: Files }): Promise<Subject> {
  const dir = await copyOf(WORKSPACE);
  await writeFiles(dir, manifests.base);
  const c = make(dir);
  if (c.dockerignore !== undefined) await writeFile(join(dir, '.dockerignore'), c.dockerignore);
  const tag = uniqueTag('bench-workspace');
  tags.push(tag);
  const b = (noCache = false): Promise<BuildResult> => buildNodeApp({ context: dir, dockerfile: c.built, tag, noCache });
  let cold: BuildResult | undefined;
  let bytes = 0;
  let uid = -1;
  let current = 'api';
  const source: BuildResult[] = [];
  const dependency: BuildResult[] = [];
  const other: BuildResult[] = [];
  return {
    name: c.name,
    async cold() {
      await dropCacheMounts();
      log(`${c.name} (workspace): cold build...`);
      cold = await b(true);
      bytes = await imageSize(tag);
      uid = (await serves(tag, current)).uid;
    },
    async sourceChange(round) {
      const renamed = `api-${randomBytes(4).toString('hex')}`;
      await edit(join(dir, SERVICE, 'src/server.ts'), `startService('${current}'`, `startService('${renamed}'`);
      current = renamed;
      log(`${c.name} (workspace): rebuild after a source change (${label(round)})...`);
      const built = await b();
      if (round >= 0) source.push(built);
      await serves(tag, renamed);
    },
    async dependencyChange(round) {
      const adding = round % 2 !== 0;
      await writeFiles(dir, adding ? manifests.withDep : manifests.base);
      log(`${c.name} (workspace): rebuild after a dependency change (${label(round)})...`);
      const built = await b();
      if (round >= 0) dependency.push(built);
      const has = await run(tag, ['node', '-e', `require.resolve('picocolors', { paths: ['/app/${SERVICE}'] })`]);
      if ((has.code === 0) !== adding) throw new Error(`${c.name}: picocolors is ${adding ? 'not ' : ''}in the image after the dependency change`);
    },
    async otherChange(round) {
      const worker = join(dir, 'services/worker/src/server.ts');
      await writeFile(worker, `${await readFile(worker, 'utf8')}// changed ${randomBytes(4).toString('hex')}\n`);
      log(`${c.name} (workspace): rebuild after a change in another service (${label(round)})...`);
      const built = await b();
      if (round >= 0) other.push(built);
      await serves(tag, current);
    },
    async result() {
      if (cold === undefined) throw new Error(`${c.name}: no cold build`);
      return result(`${WORKSPACE} (api)`, c, { bytes, cold, source, dependency, other, uid, configUser: (await inspect(tag)).Config.User ?? '' });
    },
  };
}

/** GET / inside the container; returns the uid the server reports. */
async function serves(tag: string, service: string): Promise<{ uid: number }> {
  const app = await startContainer(tag);
  try {
    const r = await app.fetch('/');
    const body = r.json as { ok?: boolean; service?: string; uid?: number } | undefined;
    if (r.status !== 200 || body?.service !== service || typeof body.uid !== 'number') {
      throw new Error(`${tag} answered ${r.status} ${r.body}, expected the service ${service}`);
    }
    return { uid: body.uid };
  } finally {
    await app.remove();
  }
}

async function goSubject(make: (dir: string) => Candidate): Promise<Subject> {
  const dir = await copyOf('go-two-commands');
  // docker init's template bind-mounts go.sum, which a module without dependencies does not have.
  await writeFile(join(dir, 'go.sum'), '');
  const c = make(dir);
  if (c.dockerignore !== undefined) await writeFile(join(dir, '.dockerignore'), c.dockerignore);
  const tag = uniqueTag('bench-go');
  tags.push(tag);
  // --network=host for the Debian mirror (docker init's runtime stage installs packages).
  const b = (noCache = false) => build({ context: dir, dockerfile: c.built, tag, noCache, network: 'host', buildArgs: LOOPBACK_ONLY });
  const prints = async (version: string): Promise<number> => {
    const r = await run(tag);
    const m = /^api (\S+) uid=(\d+) /.exec(r.stdout);
    if (r.code !== 0 || m === null || m[1] !== version) throw new Error(`${tag} printed ${JSON.stringify(r.stdout + r.stderr)}, expected api ${version}`);
    return Number(m[2]);
  };

  let cold: BuildResult | undefined;
  let bytes = 0;
  let uid = -1;
  let current = 'v1';
  const source: BuildResult[] = [];
  const dependency: BuildResult[] = [];
  return {
    name: c.name,
    async cold() {
      await dropCacheMounts();
      log(`${c.name}: cold build...`);
      cold = await b(true);
      bytes = await imageSize(tag);
      uid = await prints(current);
    },
    async sourceChange(round) {
      const version = `v${randomBytes(4).toString('hex')}`;
      await edit(join(dir, 'internal/greet/greet.go'), `"%s ${current} uid`, `"%s ${version} uid`);
      current = version;
      log(`${c.name}: rebuild after a source change (${label(round)})...`);
      const built = await b();
      if (round >= 0) source.push(built);
      await prints(version);
    },
    async dependencyChange(round) {
      // The fixture uses the standard library only and builds cannot reach a module proxy: the
      // dependency change is an edit of go.mod, which invalidates the module download the same way.
      await writeFile(join(dir, 'go.mod'), `${await readFile(join(dir, 'go.mod'), 'utf8')}\n// dependencies changed (${round + 1})\n`);
      log(`${c.name}: rebuild after a dependency change (${label(round)})...`);
      const built = await b();
      if (round >= 0) dependency.push(built);
      await prints(current);
    },
    async result() {
      if (cold === undefined) throw new Error(`${c.name}: no cold build`);
      return result('go-two-commands (api)', c, { bytes, cold, source, dependency, uid, configUser: (await inspect(tag)).Config.User ?? '' });
    },
  };
}

/**
 * A Python or Rust fixture of the standard library only: its server answers on `port` (asked from
 * a sidecar: the Rust image is scratch); a source change edits the service's name, a dependency
 * change the manifest (requirements.txt, Cargo.toml: no package can be downloaded here).
 */
async function langSubject(
  fixture: 'python-stdlib' | 'rust-stdlib',
  make: (dir: string) => Candidate,
  opts: { port: number; source: string; manifest: string; comment: string },
): Promise<Subject> {
  const dir = await copyOf(fixture);
  const c = make(dir);
  if (c.dockerignore !== undefined) await writeFile(join(dir, '.dockerignore'), c.dockerignore);
  const tag = uniqueTag(`bench-${fixture}`);
  tags.push(tag);
  const b = (noCache = false) => build({ context: dir, dockerfile: c.built, tag, noCache });
  let current = `${fixture} v1`;
  const answers = async (): Promise<number> => {
    const body = await askFromSidecar(tag, opts.port);
    if (body['service'] !== current || typeof body['uid'] !== 'number') throw new Error(`${tag} answered ${JSON.stringify(body)}, expected ${current}`);
    return body['uid'];
  };
  let cold: BuildResult | undefined;
  let bytes = 0;
  let uid = -1;
  const source: BuildResult[] = [];
  const dependency: BuildResult[] = [];
  return {
    name: c.name,
    async cold() {
      await dropCacheMounts();
      log(`${c.name}: cold build...`);
      cold = await b(true);
      bytes = await imageSize(tag);
      uid = await answers();
    },
    async sourceChange(round) {
      const next = `${fixture} ${randomBytes(4).toString('hex')}`;
      await edit(join(dir, opts.source), current, next);
      current = next;
      log(`${c.name}: rebuild after a source change (${label(round)})...`);
      const built = await b();
      if (round >= 0) source.push(built);
      await answers();
    },
    async dependencyChange(round) {
      await writeFile(join(dir, opts.manifest), `${await readFile(join(dir, opts.manifest), 'utf8')}${opts.comment} dependencies changed (${round + 1})\n`);
      log(`${c.name}: rebuild after a dependency change (${label(round)})...`);
      const built = await b();
      if (round >= 0) dependency.push(built);
      await answers();
    },
    async result() {
      if (cold === undefined) throw new Error(`${c.name}: no cold build`);
      return result(fixture, c, { bytes, cold, source, dependency, uid, configUser: (await inspect(tag)).Config.User ?? '' });
    },
  };
}


/**
 * The JRE stand-in for `eclipse-temurin:<n>-jre-jammy` (no JRE image is reachable here): every
 * module of Debian's JDK 17, jlink'd onto the slim Debian, with adduser, which docker init's final
 * stage runs. Built once, before the measurements.
 */
async function javaJre(jdk: string, debian: string): Promise<string> {
  const tag = uniqueTag('bench-jre');
  tags.push(tag);
  const dockerfile = [
    `FROM ${jdk} AS jdk`,
    'RUN jlink --add-modules ALL-MODULE-PATH --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/java/openjdk',
    `FROM ${debian}`,
    'RUN apt-get update && apt-get install -y --no-install-recommends adduser && rm -rf /var/lib/apt/lists/*',
    'COPY --from=jdk /opt/java/openjdk /opt/java/openjdk',
    'ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    '',
  ].join('\n');
  log('building the JRE stand-in...');
  await build({ dockerfile, tag, network: 'host', buildArgs: LOOPBACK_ONLY });
  return tag;
}

async function javaSubject(make: (dir: string) => Candidate, fetcher: readonly string[]): Promise<Subject> {
  const dir = await copyOf('java-maven-http');
  const c = make(dir);
  if (c.dockerignore !== undefined) await writeFile(join(dir, '.dockerignore'), c.dockerignore);
  const tag = uniqueTag('bench-java');
  tags.push(tag);
  const b = (noCache = false) => build({ context: dir, dockerfile: c.built, tag, noCache, timeoutMs: 900_000 });
  const answers = async (version: string): Promise<number> => {
    const app = await startContainer(tag, { port: 8080, fetcher });
    try {
      const r = await app.fetch('/', { timeoutMs: 60_000 });
      const body = r.json as { service?: string; version?: string; uid?: number } | undefined;
      if (r.status !== 200 || body?.service !== 'java-maven' || body.version !== version || typeof body.uid !== 'number') throw new Error(`${tag} answered ${r.status} ${r.body}, expected version ${version}`);
      return body.uid;
    } finally {
      await app.remove();
    }
  };
  let cold: BuildResult | undefined;
  let bytes = 0;
  let uid = -1;
  let current = 'v1';
  const source: BuildResult[] = [];
  const dependency: BuildResult[] = [];
  return {
    name: c.name,
    async cold() {
      await dropCacheMounts();
      log(`${c.name}: cold build...`);
      cold = await b(true);
      bytes = await imageSize(tag);
      uid = await answers(current);
    },
    async sourceChange(round) {
      const version = `v${randomBytes(4).toString('hex')}`;
      await edit(join(dir, 'src/main/java/com/example/hello/Version.java'), `"${current}"`, `"${version}"`);
      current = version;
      log(`${c.name}: rebuild after a source change (${label(round)})...`);
      const built = await b();
      if (round >= 0) source.push(built);
      await answers(version);
    },
    async dependencyChange(round) {
      // Maven Central is unreachable: the dependency change is an edit of pom.xml, which invalidates the dependency step the same way.
      await edit(join(dir, 'pom.xml'), '</project>', `<!-- dependencies changed (${round + 1}) -->\n</project>`);
      log(`${c.name}: rebuild after a dependency change (${label(round)})...`);
      const built = await b();
      if (round >= 0) dependency.push(built);
      await answers(current);
    },
    async result() {
      if (cold === undefined) throw new Error(`${c.name}: no cold build`);
      return result('java-maven-http', c, { bytes, cold, source, dependency, uid, configUser: (await inspect(tag)).Config.User ?? '' });
    },
  };
}

const label = (round: number) => (round < 0 ? 'warm-up' : `${round + 1}`);

/**
 * Cold builds one after the other, then an untimed warm-up round (a later cold build dropped the
 * cache mounts an earlier one filled; this refills each file's own), then `runs` timed rounds of
 * rebuilds, each round in a rotated order.
 */
async function measure(subjects: readonly Subject[], runs: number): Promise<ImageResult[]> {
  for (const s of subjects) await s.cold();
  for (let round = -1; round < runs; round++) {
    const order = subjects.map((_, i) => subjects[(i + round + 1) % subjects.length]!);
    for (const s of order) await s.sourceChange(round);
    for (const s of order) await s.dependencyChange(round);
    for (const s of order) await s.otherChange?.(round);
  }
  const results: ImageResult[] = [];
  for (const s of subjects) {
    const r = await s.result();
    const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(1)).join(' ');
    const other = r.otherSamples === undefined ? '' : `; another service ${list(r.otherSamples)}`;
    log(`${r.candidate}: ${r.coldSeconds.toFixed(1)} s cold; source ${list(r.sourceSamples)}; dependency ${list(r.dependencySamples)}${other}; ${r.bytes} bytes`);
    const steps = r.sourceSteps.filter((st) => !st.cached && st.seconds >= 0.05).map((st) => `${st.seconds.toFixed(1)} s ${st.title}`);
    log(`${r.candidate}: source rebuild steps (medians, uncached, 0.05 s and over): ${steps.join('; ')}`);
    results.push(r);
  }
  return results;
}

function result(
  fixture: string,
  c: Candidate,
  m: { bytes: number; cold: BuildResult; source: readonly BuildResult[]; dependency: readonly BuildResult[]; other?: readonly BuildResult[]; uid: number; configUser: string },
): ImageResult {
  return {
    ...(m.other === undefined ? {} : { otherSeconds: median(m.other), otherSamples: m.other.map((r) => r.seconds) }),
    fixture,
    candidate: c.name,
    bytes: m.bytes,
    coldSeconds: m.cold.seconds,
    sourceSeconds: median(m.source),
    dependencySeconds: median(m.dependency),
    sourceSamples: m.source.map((r) => r.seconds),
    sourceSteps: medianSteps(m.source.map((r) => stepTimes(r.log))),
    dependencySamples: m.dependency.map((r) => r.seconds),
    uid: m.uid,
    configUser: m.configUser,
    findings: lintDockerfile(c.written),
    dockerfile: c.written,
  };
}

/** The results as a Markdown table (with a column for another service's change when a result has it). */
export function table(results: readonly ImageResult[]): string {
  const mb = (b: number) => (b < 10e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e6).toFixed(1)} MB`);
  const s = (n: number) => `${n.toFixed(1)} s`;
  const other = results.some((r) => r.otherSeconds !== undefined);
  const rows = [
    ['fixture', 'Dockerfile', 'image size', 'cold build', 'source change', ...(other ? ['another service changed'] : []), 'dependency change', 'runs as', 'lint findings'],
    ...results.map((r) => [
      r.fixture,
      r.candidate,
      mb(r.bytes),
      s(r.coldSeconds),
      s(r.sourceSeconds),
      ...(other ? [r.otherSeconds === undefined ? '-' : s(r.otherSeconds)] : []),
      s(r.dependencySeconds),
      `uid ${r.uid}${r.uid === 0 ? ' (root)' : ''}`,
      r.findings.length === 0 ? '0' : `${r.findings.length}: ${r.findings.map((f) => `${f.rule} (${f.severity})`).join(', ')}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const right = new Set(other ? [2, 3, 4, 5, 6] : [2, 3, 4, 5]);
  const fmt = (row: string[]) => `| ${row.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [fmt(rows[0]!), rule, ...rows.slice(1).map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const engine = await requireEngine();
  npmRegistry();
  const images: LocalImages = { node: baseImage('node:20-bookworm-slim'), golang: baseImage('golang:1.19-bookworm'), debian: baseImage('debian:bookworm-slim') };
  const started = Date.now();
  const load = loadavg()[0] ?? 0;
  log(`engine ${engine}, ${cpus().length} cores, 1-minute load ${load.toFixed(2)}`);
  const results: ImageResult[] = [];
  try {
    if (only.has('node')) {
      const depChange = await nodeDependencyChange();
      results.push(
        ...(await measure([
          await nodeSubject((dir) => oursNode(dir, images), depChange),
          ...(process.argv.includes('--with-npm-run') ? [await nodeSubject((dir) => oursNodeThroughNpm(dir, images), depChange)] : []),
          await nodeSubject((dir) => flyNode(dir, images), depChange),
          await nodeSubject(() => dockerInitNode(images, { nodeVersion: '20', start: 'node dist/server.js', port: 3000 }), depChange),
        ], nodeRuns)),
      );
    }
    if (only.has('workspace')) results.push(
      ...(await (async () => {
        const manifests = await workspaceManifests((await run(images.node, ['npm', '--version'])).stdout.trim());
        return measure([
          await workspaceSubject((dir) => oursNodeWorkspace(dir, images, SERVICE), manifests),
          await workspaceSubject(() => turborepoNode(images, { name: 'api', turboVersion: TURBO_VERSION, start: `node ${SERVICE}/dist/server.js` }), manifests),
        ], nodeRuns);
      })()),
    );
    if (only.has('go')) results.push(
      ...(await measure([
        await goSubject((dir) => oursGo(dir, images, 'api')),
        await goSubject(() => dockerInitGo(images, { goVersion: '1.19', pkg: './cmd/api', port: 8080 })),
      ], goRuns)),
    );
    if (only.has('python') || only.has('rust')) {
      const lang: LocalImages = { ...images, python: baseImage('python:3.11.2-slim-bookworm'), rust: baseImage('rust:1.63.0-bookworm') };
      if (only.has('python')) {
        const py = { port: 8000, source: 'app/__main__.py', manifest: 'requirements.txt', comment: '#' };
        results.push(...(await measure([
          await langSubject('python-stdlib', (dir) => oursPython(dir, lang, 8000), py),
          await langSubject('python-stdlib', () => dockerInitPython(lang, { pythonVersion: '3.11.2', start: 'python3 -m app', port: 8000 }), py),
        ], langRuns)));
      }
      if (only.has('rust')) {
        const rs = { port: 8080, source: 'src/main.rs', manifest: 'Cargo.toml', comment: '#' };
        results.push(...(await measure([
          await langSubject('rust-stdlib', (dir) => oursRust(dir, lang, 8080), rs),
          await langSubject('rust-stdlib', () => dockerInitRust(lang, { rustVersion: '1.63.0', app: 'hello-http', port: 8080 }), rs),
        ], langRuns)));
      }
    }
    if (only.has('java')) results.push(
      ...(await (async () => {
        const jdk = baseImage('maven:3.8.7-openjdk-17');
        const java: LocalJavaImages = { jdk, jre: await javaJre(jdk, images.debian), debian: images.debian };
        return measure([
          await javaSubject((dir) => oursJava(dir, java), ['/opt/java/bin/java', '-cp', '/app/app.jar', 'com.example.hello.Main', 'fetch']),
          await javaSubject(() => dockerInitJava(java, { javaVersion: '17', mainClass: 'com.example.hello.Main', port: 8080 }), ['java', '-cp', '/app.jar', 'com.example.hello.Main', 'fetch']),
        ], javaRuns);
      })()),
    );
  } finally {
    await removeImages(...tags);
    for (const dir of work) await rm(dir, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  if (json) {
    process.stdout.write(`${JSON.stringify({ engine, cores: cpus().length, loadAtStart: load, loadAtEnd: loadavg()[0], nodeRuns, goRuns, langRuns, javaRuns, seconds, results }, null, 2)}\n`);
  } else {
    process.stdout.write(`\n${table(results)}\n\n`);
    for (const r of results) {
      for (const f of r.findings) process.stdout.write(`${r.candidate}: line ${f.line} ${f.rule} ${f.severity}: ${f.message}\n`);
    }
    process.stdout.write(
      `\n${results.length} Dockerfiles, engine ${engine}, ${cpus().length} cores, 1-minute load ${load.toFixed(2)} at start and ${(loadavg()[0] ?? 0).toFixed(2)} at the end, ` +
        `medians of ${nodeRuns} (Node and workspace), ${goRuns} (Go), ${langRuns} (Python, Rust) and ${javaRuns} (Java) rebuilds, ${seconds.toFixed(0)} s\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:images failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
