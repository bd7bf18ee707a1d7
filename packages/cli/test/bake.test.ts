// `dockwright bake` and the bake file: its structure checked against the bake file reference
// (src/bake/bake-file.ts holds the reference's attributes), what it holds for each target,
// and `render` keeping it current. A real build from its fields: e2e/bake.e2e.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkBakeFile } from '../src/bake/bake-file.js';
import { buildCli, cleanup, makeProject, repoRoot, runCli } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const monorepo = join(repoRoot, 'examples', 'monorepo');

describe('checkBakeFile', () => {
  it('accepts what the reference allows and names everything else', () => {
    expect(checkBakeFile({ group: { default: { targets: ['api'] } }, target: { api: { context: '.', dockerfile: 'Dockerfile', tags: ['a:1'], args: { A: '1', B: null }, 'no-cache': true, contexts: { base: 'target:api' } } } })).toEqual([]);
    // Attributes of later buildx releases, and descriptions.
    const later = { call: 'check', description: 'the API', entitlements: ['network.host'], 'extra-hosts': { db: '10.0.0.2' }, network: 'host', 'shm-size': '128m', ulimits: ['nofile=1024:1024'] };
    expect(checkBakeFile({ variable: { TAG: { default: 'dev', description: 'the tag' } }, group: { default: { targets: ['api'], description: 'all' } }, target: { api: later } })).toEqual([]);
    expect(checkBakeFile({ target: { api: { network: ['host'], 'shm-size': 128 } } })).toEqual(['target.api.network: not a string', 'target.api.shm-size: not a string']);
    expect(checkBakeFile({ targets: {}, target: { 'a.b': { tag: ['x'], platforms: 'linux/amd64', contexts: { base: 'target:nope' } } }, group: { default: { targets: ['zzz'], extra: 1 } } })).toEqual([
      'unknown block "targets"',
      'target "a.b": not a name bake accepts',
      'target.a.b: unknown attribute "tag"',
      'target.a.b.platforms: not a list of strings',
      'target.a.b.contexts.base: no target nope',
      'group.default: no target or group zzz',
      'group.default: unknown attribute "extra"',
    ]);
  });
});

describe('dockwright bake', () => {
  it('writes the bake file of examples/monorepo, as committed, and it is a valid bake file', async () => {
    const dir = makeProject({}, monorepo);
    const committed = readFileSync(join(monorepo, 'docker-bake.json'), 'utf8');
    const run = await runCli(cli, ['bake'], dir);
    expect(run).toEqual({ code: 0, stdout: '✔ docker-bake.json: 3 targets (api, web, worker); build them with `docker buildx bake`\n', stderr: '' });
    expect(readFileSync(join(dir, 'docker-bake.json'), 'utf8')).toBe(committed);
    expect(checkBakeFile(JSON.parse(committed))).toEqual([]);
    expect(JSON.parse(committed).target.worker).toEqual({ context: 'services/worker', dockerfile: 'Dockerfile', tags: ['registry.example.com/shop/worker:1.0'] });
  });

  it('names secrets, caches, platforms, args, a target: context for an image another target builds, and groups', async () => {
    const base = `import { dockerfile, stage } from '@dockwright/core';
export default dockerfile(stage('base').from('debian:12.8-slim').user(10001));
`;
    const app = `import { dockerfile, secretMount, stage } from '@dockwright/core';
const built = stage('app').from('acme/base:1.0').run('make').withMounts(secretMount('npmrc', { target: '/root/.npmrc' }), secretMount('token'));
export default dockerfile(built.user(10001).cmd(['/app']));
`;
    const config = `import { defineConfig } from 'dockwright';
export default defineConfig({
  build: {
    tags: ['acme/{name}:1.0', 'acme/{name}:{commit}'],
    platforms: ['linux/amd64', 'linux/arm64'],
    args: { HTTP_TIMEOUT: '30' },
    secrets: { npmrc: { file: '~/.npmrc' }, token: { env: 'TOKEN' }, unused: { file: 'secrets/unused' } },
    cacheFrom: ['type=registry,ref=acme/{name}:cache'],
    cacheTo: ['type=registry,ref=acme/{name}:cache,mode=max'],
    network: 'host',
    bakeFile: 'docker/bake.json',
  },
});
`;
    const dir = makeProject({ 'dockwright.config.ts': config, 'images/base/image.dockerfile.ts': base, 'images/app/image.dockerfile.ts': app, 'tools/image.dockerfile.ts': base });
    const run = await runCli(cli, ['bake'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('created docker/bake.json\n✔ docker/bake.json: 3 targets (app, base, tools); build them with `docker buildx bake -f docker/bake.json`\n');
    const file = JSON.parse(readFileSync(join(dir, 'docker/bake.json'), 'utf8'));
    expect(checkBakeFile(file)).toEqual([]);
    expect(file.variable).toEqual({
      DOCKWRIGHT_GENERATED: { default: 'written by dockwright bake from dockwright.config.ts; run dockwright bake (or dockwright render) to update it, not by hand' },
      HOME: { default: null },
      COMMIT: { default: 'dev' },
    });
    expect(file.group).toEqual({ default: { targets: ['app', 'base', 'tools'] }, images: { targets: ['app', 'base'] } });
    expect(file.target.app).toEqual({
      context: 'images/app',
      dockerfile: 'Dockerfile',
      tags: ['acme/app:1.0', 'acme/app:${COMMIT}'],
      platforms: ['linux/amd64', 'linux/arm64'],
      args: { HTTP_TIMEOUT: '30' },
      secret: ['type=file,id=npmrc,src=${HOME}/.npmrc', 'type=env,id=token,env=TOKEN'],
      'cache-from': ['type=registry,ref=acme/app:cache'],
      'cache-to': ['type=registry,ref=acme/app:cache,mode=max'],
      contexts: { 'acme/base:1.0': 'target:base' },
      network: 'host',
      entitlements: ['network.host'],
    });
    // The same bytes again, whatever the machine's HOME, TOKEN or commit.
    const again = await runCli(cli, ['bake'], dir, { HOME: '/elsewhere', TOKEN: 'x' });
    expect(again.stdout).not.toContain('updated');
  });

  it('render keeps a generated bake file current; render --check fails on a stale one (DWC5007), and leaves a hand-written one alone', async () => {
    const dir = makeProject({}, monorepo);
    const file = join(dir, 'docker-bake.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"registry.example.com/shop/web:1.0"', '"registry.example.com/shop/web:0.9"'));
    const check = await runCli(cli, ['render', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('✖ docker-bake.json is out of date; it is written by `dockwright bake`\n--- a/docker-bake.json\n+++ b/docker-bake.json\n');
    expect(check.stdout).toContain('-        "registry.example.com/shop/web:0.9"\n+        "registry.example.com/shop/web:1.0"\n');
    expect(check.stderr).toBe('✖ DWC5007 docker-bake.json is out of date: the targets or the build settings changed since it was written\n  → run `dockwright bake` (or `dockwright render`) to update it, and commit the result\n');
    const json = JSON.parse((await runCli(cli, ['render', '--check', '--json'], dir)).stdout);
    expect(json.bake).toMatchObject({ path: 'docker-bake.json', status: 'stale', targets: ['api', 'web', 'worker'], issue: { code: 'DWC5007' } });
    const render = await runCli(cli, ['render'], dir);
    expect(render).toEqual({ code: 0, stdout: 'updated docker-bake.json\n✔ 3 targets: 6 unchanged\n', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(original);
    // Narrowed to some targets, render cannot judge a file of all of them.
    writeFileSync(file, original.replace('1.0', '0.9'));
    expect((await runCli(cli, ['render', '--check', 'services/api'], dir)).code).toBe(0);
    // A bake file of the user's own is not ours to judge.
    writeFileSync(file, '{ "target": { "api": { "context": "." } } }\n');
    expect((await runCli(cli, ['render', '--check'], dir)).code).toBe(0);
  });
});
