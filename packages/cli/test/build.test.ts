// `dockwright build` without an engine: its pure parts (names, tags, the engine's arguments,
// the log, the order of builds) and the command itself with --dry-run and with a stand-in
// client (support/fake-docker.ts). Real builds with a real engine: e2e/build.e2e.test.ts and e2e/init-build.e2e.test.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { failureLine, readSteps, stepTitle } from '../src/build/build-log.js';
import { buildArgs, unsupported } from '../src/build/engine.js';
import { runInOrder } from '../src/build/run-in-order.js';
import { expandTag, fillPlaceholders, packageVersion } from '../src/build/tag-pattern.js';
import { targetNames } from '../src/build/target-name.js';
import type { BuildSettings } from '../src/build/build-settings.js';
import type { PlannedBuild } from '../src/build/build-plan.js';
import { buildCli, cleanup, makeProject, repoRoot, runCli } from './support/cli.js';
import { fakeDocker } from './support/fake-docker.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

describe('target names', () => {
  it('come from the module, or its directory for service.dockerfile.ts; repeats are spelled out with their path', () => {
    const item = (module: string, dockerfile = join(module, '..', 'Dockerfile')) => ({ module, dockerfile });
    expect(targetNames([item('/r/services/api/service.dockerfile.ts'), item('/r/services/web/service.dockerfile.ts'), item('/r/tools/ci.dockerfile.ts')], '/r')).toEqual(['api', 'web', 'ci']);
    expect(targetNames([item('/r/services/api/service.dockerfile.ts'), item('/r/legacy/api/service.dockerfile.ts')], '/r')).toEqual(['services-api', 'legacy-api']);
    expect(targetNames([item('/r/app.dockerfile.ts', '/r/Dockerfile'), item('/r/app.dockerfile.ts', '/r/Dockerfile.debug'), item('/r/app.dockerfile.ts', '/r/docker/Dockerfile.debug')], '/r')).toEqual(['r', 'r-debug-1', 'r-debug-2']);
    expect(targetNames([item('/r/a/api/service.dockerfile.ts', '/r/a/api/Dockerfile.debug'), item('/r/b/api/service.dockerfile.ts', '/r/b/api/Dockerfile.debug'), item('/r/b/tools/api.dockerfile.ts')], '/r')).toEqual(['a-api-debug', 'b-api-debug', 'api']);
    expect(targetNames([item('/r/Shop App/service.dockerfile.ts')], '/r')).toEqual(['shop-app']);
  });
});

describe('tag patterns', () => {
  it('fill {name}, {version} and {commit}, and refuse what is not an image reference', () => {
    expect(expandTag('registry.example.com/shop/{name}:{version}', { name: 'api', version: '1.4.0' }, '--tag')).toEqual({ ok: true, tag: 'registry.example.com/shop/api:1.4.0' });
    expect(expandTag('{name}:{commit}', { name: 'api', commit: '8be9c3b0a1d2' }, '--tag')).toEqual({ ok: true, tag: 'api:8be9c3b0a1d2' });
    expect(expandTag('127.0.0.1:5000/{name}', { name: 'api' }, '--tag')).toEqual({ ok: true, tag: '127.0.0.1:5000/api' });
    const bad = expandTag('shop/Web_{name}:1', { name: 'api' }, 'build.tags[0]');
    expect(bad.ok === false && bad.issue).toMatchObject({ code: 'DWC1003', message: 'build.tags[0] gives api the tag "shop/Web_api:1", which is not an image reference' });
    const unknown = fillPlaceholders('{name}:{branch}', { name: 'api' }, '--tag');
    expect(unknown.ok === false && unknown.issue.message).toBe('--tag {name}:{branch} has an unknown placeholder {branch}');
    const missing = fillPlaceholders('{name}:{version}', { name: 'api' }, '--tag');
    expect(missing.ok === false && missing.issue.message).toBe('--tag {name}:{version}: {version} has no value for api (no package.json with a version from its directory up)');
  });

  it('{version} is the nearest package.json version up to the root', () => {
    const dir = makeProject({ 'package.json': '{ "version": "2.0.0" }', 'services/api/package.json': '{ "version": "1.4.0+build.7" }', 'services/worker/main.go': '' });
    expect(packageVersion(join(dir, 'services/api'), dir)).toBe('1.4.0-build.7');
    expect(packageVersion(join(dir, 'services/worker'), dir)).toBe('2.0.0');
    expect(packageVersion(join(dir, 'services/worker'), join(dir, 'services'))).toBeUndefined();
  });
});

const settings = (over: Partial<BuildSettings> = {}): BuildSettings => ({
  tags: [],
  platforms: [],
  args: {},
  secrets: [],
  cacheFrom: [],
  cacheTo: [],
  push: false,
  load: false,
  noCache: false,
  concurrency: 2,
  warnings: [],
  ...over,
});

const planned: PlannedBuild = {
  name: 'api',
  module: '/r/services/api/service.dockerfile.ts',
  dockerfile: '/r/services/api/Dockerfile',
  context: '/r',
  tags: ['reg.example.com/api:1', 'api:dev'],
  cacheFrom: ['type=registry,ref=reg.example.com/api:cache'],
  cacheTo: ['type=registry,ref=reg.example.com/api:cache,mode=max'],
  stages: ['deps', 'runtime'],
  secrets: ['npmrc'],
  dependsOn: [],
  inputs: [],
};

describe('the engine command', () => {
  it('docker build: -f, tags, arguments, secrets, stage, network, cache; paths relative to the working directory', () => {
    const s = settings({ platforms: ['linux/arm64'], args: { A: '1' }, secrets: [{ id: 'npmrc', file: '/home/u/.npmrc' }, { id: 'tok', env: 'TOKEN' }], target: 'deps', network: 'host', noCache: true, cacheTo: [] });
    expect(buildArgs({ client: 'docker', builder: 'docker build' }, { ...planned, cacheTo: [] }, s, '/r', { iidfile: '/t/iid', metadataFile: '/t/m.json' })).toEqual([
      'build', '--progress=plain', '-f', 'services/api/Dockerfile', '--iidfile', '/t/iid', '-t', 'reg.example.com/api:1', '-t', 'api:dev', '--platform', 'linux/arm64',
      '--build-arg', 'A=1', '--secret', 'id=npmrc,src=/home/u/.npmrc', '--secret', 'id=tok,env=TOKEN', '--target', 'deps', '--network=host', '--no-cache',
      '--cache-from', 'type=registry,ref=reg.example.com/api:cache', '.',
    ]);
  });

  it('buildx: metadata, --load by default for one platform, --push, several platforms; a context outside the working directory stays absolute', () => {
    const engine = { client: 'docker', builder: 'buildx' } as const;
    expect(buildArgs(engine, planned, settings(), '/r/services', undefined)).toEqual(['buildx', 'build', '--progress=plain', '-f', 'api/Dockerfile', '-t', 'reg.example.com/api:1', '-t', 'api:dev', '--cache-from', 'type=registry,ref=reg.example.com/api:cache', '--cache-to', 'type=registry,ref=reg.example.com/api:cache,mode=max', '--load', '/r']);
    expect(buildArgs(engine, { ...planned, cacheFrom: [], cacheTo: [], tags: [] }, settings({ push: true, platforms: ['linux/amd64', 'linux/arm64'] }), '/r', { iidfile: 'i', metadataFile: 'm' })).toEqual(['buildx', 'build', '--progress=plain', '-f', 'services/api/Dockerfile', '--metadata-file', 'm', '--platform', 'linux/amd64,linux/arm64', '--push', '.']);
    expect(buildArgs(engine, { ...planned, cacheFrom: [], cacheTo: [], tags: [] }, settings({ platforms: ['linux/amd64', 'linux/arm64'] }), '/r', undefined)).not.toContain('--load');
  });

  it('docker build says what it cannot do', () => {
    expect(unsupported({ client: 'docker', builder: 'docker build' }, settings({ platforms: ['linux/amd64', 'linux/arm64'], cacheTo: ['type=inline'] }))).toEqual(['2 platforms (linux/amd64,linux/arm64) need buildx', '--cache-to (build.cacheTo) needs buildx']);
    expect(unsupported({ client: 'docker', builder: 'buildx' }, settings({ platforms: ['linux/amd64', 'linux/arm64'] }))).toEqual([]);
  });
});

describe("the engine's log", () => {
  const log = [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [internal] load metadata for docker.io/library/node:20-bookworm-slim',
    '#3 [deps 1/3] FROM docker.io/library/node:20-bookworm-slim@sha256:abc',
    '#3 CACHED',
    '#4 [deps 2/3] COPY package.json package-lock.json ./',
    '#4 CACHED',
    '#5 [build 3/3] RUN npm run build',
    '#5 0.412 > tsc',
    '#5 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2',
    '------',
    'error: failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2',
  ].join('\n');

  it('counts the Dockerfile steps, the cached ones, and names those that ran', () => {
    expect(readSteps(log)).toEqual({ total: 2, cached: 1, rebuilt: ['[build 3/3] RUN npm run build'] });
    expect(stepTitle('#5 [build 3/3] RUN npm run build')).toBe('[build 3/3] RUN npm run build');
    expect(stepTitle('#5 0.412 > tsc')).toBeUndefined();
  });

  it("gives the engine's own reason for a failure", () => {
    expect(failureLine(log)).toBe('failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2');
    expect(failureLine('all good\n')).toBeUndefined();
  });
});

describe('the order of builds', () => {
  it('runs each after what it uses, at most `limit` at once, and skips what uses a failure', async () => {
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const items = [
      { name: 'base', dependsOn: [] },
      { name: 'api', dependsOn: ['base'] },
      { name: 'web', dependsOn: ['base'] },
      { name: 'worker', dependsOn: [] },
      { name: 'broken', dependsOn: [] },
      { name: 'after-broken', dependsOn: ['broken'] },
      { name: 'after-after', dependsOn: ['after-broken'] },
    ];
    await runInOrder(
      items,
      2,
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        events.push(`start ${item.name}`);
        await new Promise((r) => setTimeout(r, 20));
        events.push(`end ${item.name}`);
        running -= 1;
        return item.name !== 'broken';
      },
      (item, dep) => events.push(`skip ${item.name} (${dep})`),
    );
    expect(most).toBe(2);
    expect(events.indexOf('start api')).toBeGreaterThan(events.indexOf('end base'));
    expect(events.indexOf('start web')).toBeGreaterThan(events.indexOf('end base'));
    expect(events).toContain('skip after-broken (broken)');
    expect(events).toContain('skip after-after (after-broken)');
    expect(events.filter((e) => e.startsWith('start')).length).toBe(5);
  });
});

const monorepo = join(repoRoot, 'examples', 'monorepo');
const plainTarget = `import { dockerfile, stage } from '@dockwright/core';\nexport default dockerfile(stage('app').from('debian:12.8-slim').user(10001));\n`;

describe('dockwright build', () => {
  it('--dry-run renders and prints each engine command, from the right context', async () => {
    const dir = makeProject({}, monorepo);
    const fake = fakeDocker();
    const run = await runCli(cli, ['build', '--dry-run', '--tag', 'registry.example.com/shop/{name}:1.0', '--build-arg', 'A=1'], dir, { DOCKWRIGHT_DOCKER: fake.client });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '# api: services/api/Dockerfile',
        `DOCKER_BUILDKIT=1 ${fake.client} build --progress=plain -f services/api/Dockerfile -t registry.example.com/shop/api:1.0 --build-arg A=1 .`,
        '# web: services/web/Dockerfile',
        `DOCKER_BUILDKIT=1 ${fake.client} build --progress=plain -f services/web/Dockerfile -t registry.example.com/shop/web:1.0 --build-arg A=1 .`,
        '# worker: services/worker/Dockerfile',
        `DOCKER_BUILDKIT=1 ${fake.client} build --progress=plain -f services/worker/Dockerfile -t registry.example.com/shop/worker:1.0 --build-arg A=1 services/worker`,
        '✔ 3 builds planned; nothing was built (--dry-run)',
        '',
      ].join('\n'),
    );
    expect(fake.calls()).toEqual([]);
  });

  it('refuses, with exit 2, one literal tag for several images, a stage a Dockerfile lacks, and several platforms without buildx', async () => {
    const dir = makeProject({}, monorepo);
    const fake = fakeDocker();
    const env = { DOCKWRIGHT_DOCKER: fake.client };
    const tag = await runCli(cli, ['build', '--tag', 'shop:1'], dir, env);
    expect(tag.code).toBe(2);
    expect(tag.stderr).toBe('✖ DWC1003 --tag shop:1 would give all 3 images one tag\n  → put {name} in it, such as registry.example.com/shop/{name}:1.0, or build one target: dockwright build <path>\n');
    const stage = await runCli(cli, ['build', 'services/worker', '--target', 'deps'], dir, env);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('✖ DWC1003 --target deps: services/worker/Dockerfile has no such stage\n  → its stages are build, files, runtime;');
    const platforms = await runCli(cli, ['build', '--platform', 'linux/amd64,linux/arm64'], dir, env);
    expect(platforms.code).toBe(2);
    expect(platforms.stderr).toContain(`✖ DWC5006 ${fake.client} has no buildx: 2 platforms (linux/amd64,linux/arm64) need buildx`);
    expect(fake.calls()).toEqual([]);
  });

  it('builds a target after the target whose image it uses, and skips it when that one fails; the log and the reason go to stderr; exit 1', async () => {
    const base = `import { dockerfile, stage } from '@dockwright/core';
export default dockerfile(stage('base').from('debian:12.8-slim').user(10001));
`;
    const app = `import { dockerfile, stage } from '@dockwright/core';
export default dockerfile(stage('app').from('acme/base:1.0').user(10001).cmd(['/app']));
`;
    const dir = makeProject({ 'base/image.dockerfile.ts': base, 'app/image.dockerfile.ts': app, 'other/image.dockerfile.ts': base });
    const ok = fakeDocker({ seconds: 0.3 });
    const run = await runCli(cli, ['build', '--tag', 'acme/{name}:1.0', '--concurrency', '3'], dir, { DOCKWRIGHT_DOCKER: ok.client });
    expect(run.stderr.split('\n').sort()).toEqual(['', 'building app', 'building base', 'building other']);
    expect(run.code).toBe(0);
    const calls = ok.calls().map((c) => c.split(' ').slice(0, 2).join(' '));
    expect(calls.indexOf('start acme/app:1.0')).toBeGreaterThan(calls.indexOf('end acme/base:1.0'));
    expect(run.stdout).toMatch(/^created app\/Dockerfile\ncreated base\/Dockerfile\ncreated other\/Dockerfile\nbuilt {3}app +\d+\.\ds {2}acme\/app:1\.0 {2}0{12} {2}1 of 2 steps cached\n/);
    expect(run.stdout).toMatch(/✔ 3 images built in \d+\.\ds with docker build\n$/);

    const failing = fakeDocker({ failing: ['acme/base:1.0'] });
    const failed = await runCli(cli, ['build', '--tag', 'acme/{name}:1.0', '--json'], dir, { DOCKWRIGHT_DOCKER: failing.client });
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as { ok: boolean; summary: unknown; builds: { name: string; status: string; issues: { code: string; message: string }[]; log?: string }[] };
    expect(report.summary).toMatchObject({ targets: 3, built: 1, failed: 1, skipped: 1 });
    const byName = Object.fromEntries(report.builds.map((b) => [b.name, b]));
    expect(byName['base']?.issues[0]).toMatchObject({ code: 'DWC5003', message: 'base: the build of base/Dockerfile failed: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2' });
    expect(byName['base']?.log).toContain("make: *** No rule to make target 'all'.  Stop.");
    expect(byName['app']).toMatchObject({ status: 'skipped', issues: [{ code: 'DWC5005', message: 'app was not built: it uses the image of base, which did not build' }] });
    expect(failing.calls().some((c) => c.startsWith('start acme/app'))).toBe(false);

    const text = await runCli(cli, ['build', '--tag', 'acme/{name}:1.0', 'base'], dir, { DOCKWRIGHT_DOCKER: failing.client });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("--- the engine's log of base (");
    expect(text.stderr).toContain("#3 0.101 make: *** No rule to make target 'all'.  Stop.\n");
    expect(text.stderr).toContain('✖ DWC5003 base: the build of base/Dockerfile failed: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2\n  → the engine\'s log is above;');
    expect(text.stderr).toMatch(/✖ 1 of 1 build failed\n$/);
  });

  it('pushes every tag after a docker build with --push, and reports the digest', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': readFileSync(join(repoRoot, 'packages/cli/test/support/fixtures.ts'), 'utf8').split('`')[1] ?? '' });
    const fake = fakeDocker();
    const run = await runCli(cli, ['build', '--push', '-t', '127.0.0.1:5000/app:1', '-t', '127.0.0.1:5000/app:latest', '--json'], dir, { DOCKWRIGHT_DOCKER: fake.client });
    expect(run.code, run.stderr).toBe(0);
    expect(fake.calls().filter((c) => c.startsWith('push'))).toEqual(['push 127.0.0.1:5000/app:1', 'push 127.0.0.1:5000/app:latest']);
    expect(JSON.parse(run.stdout).builds[0]).toMatchObject({ status: 'built', digest: `sha256:${'0'.repeat(63)}7`, imageId: `sha256:${'0'.repeat(63)}1` });
  });

  it('on a terminal, one line per target, redrawn in place, each ending with its result', () => {
    const dir = makeProject({ 'a/image.dockerfile.ts': plainTarget, 'b/image.dockerfile.ts': plainTarget });
    const fake = fakeDocker({ seconds: 0.5 });
    // `script` gives the command a terminal, as a user's shell does.
    const run = spawnSync('script', ['-qec', `${process.execPath} ${cli} build --tag 'acme/{name}:1'`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOCKWRIGHT_DOCKER: fake.client, NO_COLOR: '1', COLUMNS: '100' } });
    expect(run.status, run.stdout).toBe(0);
    const screen = run.stdout.replaceAll('\r\n', '\n');
    // Drawn as a block of two lines, moved up over and drawn again.
    expect(screen).toContain('\u001b[2A');
    expect(screen).toMatch(/\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] a [\d.]+s /);
    // The last drawing: each target's final line.
    const last = screen.slice(screen.lastIndexOf('\u001b[2A'));
    expect(last).toMatch(/\u001b\[2K✔ a \d+\.\ds 1\/2 steps cached\n\r?\u001b\[2K✔ b \d+\.\ds 1\/2 steps cached\n/);
  });
});
