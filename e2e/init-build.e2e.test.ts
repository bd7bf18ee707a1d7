/**
 * `dockwright init`, then `dockwright build`, on fresh copies of the npm, pnpm and yarn workspace
 * fixtures and of the Go module with two commands, against the real engine: the targets init
 * writes build as written; every image runs as its non-root user and answers; a second build
 * after a source edit takes the dependency layers from the cache; a build that fails exits 1 with
 * the engine's own error.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../packages/cli/src/output/build-report.js';
import { dockwright, LOOPBACK_BUILD, makeProject } from './support/cli.js';
import { realBuilds } from './support/real-builds.js';
import { inspect, run } from './support/docker.js';
import { fixtureDir, localizeYarnLock, startContainer } from './support/node-apps.js';
import { record } from './support/summary.js';

const real = realBuilds({ npm: true });
const made = real.made;

/** A fresh copy of a fixture with the workspace packages linked in, and yarn 1's lockfile pointing at the local registry. */
function copy(name: string): string {
  const dir = makeProject({}, name.startsWith('go-') ? join(import.meta.dirname, 'fixtures', name) : fixtureDir(name));
  const lock = join(dir, 'yarn.lock');
  try {
    writeFileSync(lock, localizeYarnLock(readFileSync(lock, 'utf8')));
  } catch {
    // no yarn.lock
  }
  return dir;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

async function buildJson(dir: string, args: readonly string[]): Promise<{ code: number | null; report: BuildReport; stderr: string }> {
  const r = await dockwright(real.cli(), ['build', ...LOOPBACK_BUILD, '--json', ...args], dir);
  let report: BuildReport;
  try {
    report = JSON.parse(r.stdout) as BuildReport;
  } catch {
    throw new Error(`build printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  made.push(...report.builds.flatMap((b) => b.tags));
  return { code: r.code, report, stderr: r.stderr };
}

const failures = (report: BuildReport) => report.builds.filter((b) => b.status !== 'built').map((b) => `${b.name}: ${b.issues.map((i) => i.message).join('; ')}\n${b.log ?? ''}`);

/** Install steps as the three package managers' Dockerfiles name them (pnpm deploy copies the service's code, so it runs again, from the store's cache). */
const INSTALL = /\b(?:npm ci|npm install|pnpm install|yarn install|yarn-berry)\b/;

describe.each(['node-npm-monorepo', 'node-pnpm-monorepo', 'node-yarn-monorepo'])('%s: init, then build', (fixture) => {
  it('builds both services, each serves as uid 1000; after a source edit only the source steps run again', async () => {
    const dir = copy(fixture);
    const init = await dockwright(real.cli(), ['init', '--yes'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('created services/api/service.dockerfile.ts');
    expect(init.stdout).toContain('created services/worker/service.dockerfile.ts');

    const id = randomBytes(3).toString('hex');
    const cold = await buildJson(dir, ['--tag', `dockwright-e2e/${fixture}-{name}:${id}`]);
    expect(failures(cold.report)).toEqual([]);
    expect(cold.code).toBe(0);
    expect(cold.report.engine?.builder).toBe('docker build');
    expect(cold.report.builds.map((b) => [b.name, b.context, b.dockerfile])).toEqual([
      ['api', '.', 'services/api/Dockerfile'],
      ['worker', '.', 'services/worker/Dockerfile'],
    ]);
    for (const build of cold.report.builds) {
      const tag = build.tags[0] ?? '';
      expect(build.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect((await inspect(tag)).Config.User).toBe('1000:1000');
      const app = await startContainer(tag);
      try {
        expect((await app.fetch('/')).json).toEqual({ ok: true, service: build.name, uid: 1000 });
      } finally {
        await app.remove();
      }
    }

    // A source edit in the api: its install steps come from the cache, the new code is served.
    const renamed = `api-${id}`;
    edit(join(dir, 'services/api/src/server.ts'), "startService('api'", `startService('${renamed}'`);
    const warm = await buildJson(dir, ['services/api', '--tag', `dockwright-e2e/${fixture}-{name}:${id}`]);
    expect(failures(warm.report)).toEqual([]);
    const api = warm.report.builds[0];
    expect(api?.name).toBe('api');
    expect(api?.steps?.rebuilt.filter((s) => INSTALL.test(s))).toEqual([]);
    expect(api?.steps?.rebuilt.length).toBeGreaterThan(0);
    expect(api?.steps?.cached).toBeGreaterThan(0);
    const app = await startContainer(api?.tags[0] ?? '');
    try {
      expect((await app.fetch('/')).json).toEqual({ ok: true, service: renamed, uid: 1000 });
    } finally {
      await app.remove();
    }
    const coldApi = cold.report.builds[0];
    record({ case: `init + build ${fixture} api`, coldSeconds: coldApi?.seconds ?? 0, warmSeconds: api?.seconds ?? 0, note: `warm: ${api?.steps?.cached}/${api?.steps?.total} steps cached after a source edit` });
  });
});

describe('go-two-commands: init, then build', () => {
  it('builds one image per command, each runs as 65532; after a source edit the module download is cached', async () => {
    const dir = copy('go-two-commands');
    const init = await dockwright(real.cli(), ['init', '--yes'], dir);
    expect(init.code, init.stderr).toBe(0);
    const id = randomBytes(3).toString('hex');
    const tag = `dockwright-e2e/go-{name}:${id}`;
    const cold = await buildJson(dir, ['--tag', tag]);
    expect(failures(cold.report)).toEqual([]);
    expect(cold.report.builds.map((b) => [b.name, b.dockerfile])).toEqual([
      ['api', 'Dockerfile.api'],
      ['worker', 'Dockerfile.worker'],
    ]);
    for (const b of cold.report.builds) expect((await run(b.tags[0] ?? '')).stdout).toBe(`${b.name} v1 uid=65532 user=unknown\n`);
    // New text on every run: the engine's cache outlives a run, and a change it has seen before
    // would find the compile cached.
    const v2 = `v2-${id}`;
    edit(join(dir, 'internal/greet/greet.go'), 'v1', v2);
    const warm = await buildJson(dir, ['--tag', tag]);
    expect(failures(warm.report)).toEqual([]);
    for (const b of warm.report.builds) {
      expect(b.steps?.rebuilt.some((s) => s.includes('go mod download'))).toBe(false);
      expect(b.steps?.rebuilt.some((s) => s.includes('go build'))).toBe(true);
      expect((await run(b.tags[0] ?? '')).stdout).toBe(`${b.name} ${v2} uid=65532 user=unknown\n`);
    }
    record({ case: 'init + build go-two-commands', coldSeconds: cold.report.summary.seconds, warmSeconds: warm.report.summary.seconds, note: 'both commands; warm after a source edit' });
  });
});

describe('a build that fails', () => {
  it("exits 1 with the engine's log and its error; the other target still builds", async () => {
    const dir = copy('node-npm-monorepo');
    expect((await dockwright(real.cli(), ['init', '--yes'], dir)).code).toBe(0);
    edit(join(dir, 'services/api/src/server.ts'), "startService('api'", "const broken: number = 'not a number';\nstartService('api'");
    const id = randomBytes(3).toString('hex');
    const r = await dockwright(real.cli(), ['build', ...LOOPBACK_BUILD, '--tag', `dockwright-e2e/failing-{name}:${id}`], dir);
    made.push(`dockwright-e2e/failing-api:${id}`, `dockwright-e2e/failing-worker:${id}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--- the engine's log of api (DOCKER_BUILDKIT=1 ");
    expect(r.stderr).toMatch(/src\/server\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\./);
    expect(r.stderr).toMatch(/✖ DWC5003 api: the build of services\/api\/Dockerfile failed: .*(?:did not complete successfully|executor failed running).*exit code: \d+/);
    expect(r.stderr).toMatch(/✖ 1 of 2 builds failed; 1 built\n$/);
    expect(r.stdout).toMatch(/built {3}worker/);
  });
});
