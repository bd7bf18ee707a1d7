/**
 * The environment the Node preset tests stand on: real Node apps (e2e/fixtures) whose dependencies
 * npm, pnpm, yarn classic and yarn berry install inside `docker build`, from the local npm registry
 * only (verdaccio on 127.0.0.1:4873, no uplinks, seeded by with-engine.sh), then built with tsc and
 * run with no network at all. The Dockerfiles are plain, hand-written ones: nothing in them knows
 * about the local registry; the node base image does.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLockfiles, parseLockfile, parsePnpmLock, parseYarnLock } from '../scripts/e2e/npm-seed.js';
import { baseImage, imageSize, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import {
  buildNodeApp,
  FIXTURE_SERVICES,
  fixtureDir,
  localizeYarnLock,
  npmRegistry,
  seedNpm,
  startContainer,
  type NodeAppBuildOptions,
  type NodeFixture,
} from './support/node-apps.js';
import { record } from './support/summary.js';

const made: string[] = [];

beforeAll(async () => {
  await requireEngine();
  npmRegistry();
});

afterAll(async () => {
  await removeImages(...made);
});

/** Builds cold (no cache: every package really comes from the registry) and warm; records both. */
async function coldAndWarm(name: string, opts: Omit<NodeAppBuildOptions, 'tag'>) {
  const tag = uniqueTag(name);
  made.push(tag);
  const cold = await buildNodeApp({ ...opts, tag, noCache: true });
  const warm = await buildNodeApp({ ...opts, tag });
  const bytes = await imageSize(tag);
  record({ case: `npm env: ${name}`, coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes });
  return { tag, cold, warm };
}

/** Runs the image with --network=none and asks its server, from inside the container. */
async function expectServes(image: string, service: string) {
  const app = await startContainer(image);
  try {
    const root = await app.fetch('/');
    expect(root.status).toBe(200);
    expect(root.json).toEqual({ ok: true, service, uid: 1000 });
    expect((await app.fetch('/health')).status).toBe(200);
    expect((await app.fetch('/nope')).status).toBe(404);
    expect(await app.logs()).toContain(`${service} listening on port 3000`);
    const stopped = await app.stop(10);
    expect(stopped.exitCode).toBe(0); // it handles SIGTERM
  } finally {
    await app.remove();
  }
}

/** The runtime dependencies are there, typescript (a dev dependency) is not. */
async function expectProductionDeps(image: string, deps: readonly string[]) {
  const check = [...deps.map((d) => `test -e node_modules/${d}`), 'test ! -e node_modules/typescript'].join(' && ');
  const r = await run(image, ['sh', '-c', check]);
  expect(r.code, `${check}\n${r.stderr}`).toBe(0);
}

const node = () => baseImage('node:20-bookworm-slim');

describe('npm environment: package managers install from the local registry inside builds', () => {
  it('the node base image has npm, pnpm, yarn and yarn berry, all set to the local registry', async () => {
    const script = [
      'npm --version',
      'pnpm --version',
      'yarn --version',
      'yarn-berry --version',
      'npm config get registry',
      'pnpm config get registry',
      'yarn config get registry',
      'yarn-berry config get npmRegistryServer',
      'echo "$COREPACK_ENABLE_STRICT"',
    ].join(' && ');
    // As the node user, from its home: the configuration is the image's, not root's.
    const r = await run(node(), ['sh', '-c', `cd && ${script}`], { user: 'node' });
    expect(r.code, r.stderr).toBe(0);
    const [npmV, pnpmV, yarnV, berryV, ...rest] = r.stdout.trim().split('\n');
    expect(npmV).toMatch(/^\d+\.\d+\.\d+$/);
    expect([pnpmV, yarnV, berryV]).toEqual(['10.34.8', '1.22.22', '4.18.1']);
    expect(rest).toEqual([
      'http://127.0.0.1:4873/',
      'http://127.0.0.1:4873/',
      'http://127.0.0.1:4873/',
      'http://127.0.0.1:4873',
      '0',
    ]);
  });

  it('the local registry has every package of every fixture lockfile (with-engine.sh seeded them)', async () => {
    const registry = npmRegistry();
    // The package-manager fixtures (node-*); the framework apps (fw-*) are seeded by their own test file.
    const lockfiles = (await findLockfiles(fixtureDir('node-npm').replace(/node-npm$/, ''))).filter((f) => /\/fixtures\/node-/.test(f));
    expect(lockfiles.map((f) => f.replace(/^.*\/fixtures\//, '')).sort()).toEqual([
      'node-npm-monorepo/package-lock.json',
      'node-npm/package-lock.json',
      'node-pnpm-monorepo/pnpm-lock.yaml',
      'node-pnpm/pnpm-lock.yaml',
      'node-yarn-berry-monorepo/yarn.lock',
      'node-yarn-berry/yarn.lock',
      'node-yarn-monorepo/yarn.lock',
      'node-yarn/yarn.lock',
    ]);
    const wanted = new Set<string>();
    for (const f of lockfiles) for (const p of parseLockfile(f, await readFile(f, 'utf8'))) wanted.add(`${p.name}@${p.version}`);
    expect([...wanted].sort()).toEqual([
      '@types/ms@2.1.0',
      '@types/node@20.19.43',
      'ms@2.1.3',
      'picocolors@1.1.1',
      'typescript@5.9.3',
      'undici-types@6.21.0',
      'zod@3.23.8',
    ]);
    for (const spec of [...wanted, 'pnpm@10.34.8', 'yarn@1.22.22']) {
      const at = spec.lastIndexOf('@');
      const r = await fetch(`${registry}${spec.slice(0, at).replace('/', '%2f')}`);
      expect(r.status, spec).toBe(200);
      const doc = (await r.json()) as { versions: Record<string, unknown> };
      expect(Object.keys(doc.versions), spec).toContain(spec.slice(at + 1));
    }
    // Nothing else: the registry has no uplink to fall back on.
    expect((await fetch(`${registry}left-pad`)).status).toBe(404);
  });

  it('seeding again is a no-op that takes seconds: everything is there already', async () => {
    const fixtures = fixtureDir('node-npm').replace(/node-npm$/, '');
    const r = await seedNpm(...readdirSync(fixtures).filter((d) => d.startsWith('node-')).map((d) => join(fixtures, d)));
    expect(r.lockfiles).toHaveLength(8);
    expect(r.wanted).toBe(7);
    expect(r.published).toEqual([]);
    expect(r.seconds).toBeLessThan(5);
  });

  it('the seeder reads aliases, scoped names, pnpm v6 keys and skips what no registry serves', () => {
    const npm = parseLockfile(
      'package-lock.json',
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'x' },
          'node_modules/@scope/a': { version: '1.0.0', resolved: 'https://registry.npmjs.org/@scope/a/-/a-1.0.0.tgz', integrity: 'sha512-AA==' },
          'node_modules/alias': { name: 'real', version: '2.0.0', resolved: 'https://registry.npmjs.org/real/-/real-2.0.0.tgz' },
          'node_modules/b/node_modules/c': { version: '3.0.0' },
          'node_modules/git': { version: '1.0.0', resolved: 'git+ssh://git@github.com/o/git.git#abc' },
          'node_modules/local': { resolved: 'packages/local', link: true },
          'packages/local': { version: '0.0.0' },
        },
      }),
    );
    expect(npm.map((p) => `${p.name}@${p.version}`)).toEqual(['@scope/a@1.0.0', 'real@2.0.0', 'c@3.0.0']);
    expect(npm[0]).toMatchObject({ tarball: 'a-1.0.0.tgz', integrity: 'sha512-AA==' });
    const pnpm6 = parsePnpmLock(
      [
        "lockfileVersion: '6.0'",
        'packages:',
        '  /@types/node@20.1.0:',
        '    resolution: {integrity: sha512-BB==}',
        '  /react-dom@18.2.0(react@18.2.0):',
        '    resolution: {integrity: sha512-CC==}',
        '  /from-url@1.0.0:',
        '    resolution: {tarball: https://example.com/x.tgz}',
        '',
      ].join('\n'),
      'pnpm-lock.yaml',
    );
    expect(pnpm6.map((p) => `${p.name}@${p.version}`)).toEqual(['@types/node@20.1.0', 'react-dom@18.2.0']);
    const yarn1 = parseYarnLock(
      [
        '# yarn lockfile v1',
        '',
        'ms@^2.1.0, ms@^2.1.3:',
        '  version "2.1.3"',
        '  resolved "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2"',
        '',
        '"my-ms@npm:ms@2.0.0":',
        '  version "2.0.0"',
        '  resolved "https://registry.yarnpkg.com/ms/-/ms-2.0.0.tgz#5608aeadfc00be6c2901df5f9861788de0d597c8"',
        '',
        '"local@file:./local":',
        '  version "1.0.0"',
        '',
      ].join('\n'),
      'yarn.lock',
    );
    expect(yarn1.map((p) => `${p.name}@${p.version}`)).toEqual(['ms@2.1.3', 'ms@2.0.0']);
    expect(yarn1[0]?.integrity).toBe('574c8138ce1d2b5861f0b44579dbadd60c6615b2');
  });

  it('yarn classic lockfiles get the local registry URLs; berry lockfiles have none to change', async () => {
    const lock = await readFile(`${fixtureDir('node-yarn')}/yarn.lock`, 'utf8');
    expect(lock).toContain('resolved "https://registry.yarnpkg.com/zod/-/zod-3.23.8.tgz#');
    const local = localizeYarnLock(lock, 'http://127.0.0.1:4873/');
    expect(local).toContain('resolved "http://127.0.0.1:4873/zod/-/zod-3.23.8.tgz#');
    expect(local).toContain('resolved "http://127.0.0.1:4873/@types/node/-/node-20.19.43.tgz#');
    expect(local).not.toMatch(/registry\.(yarnpkg|npmjs)/);
    const berry = await readFile(`${fixtureDir('node-yarn-berry')}/yarn.lock`, 'utf8');
    expect(localizeYarnLock(berry, 'http://127.0.0.1:4873/')).toBe(berry);
  });

  const single: { fixture: NodeFixture; install: string; build: string; files: string }[] = [
    { fixture: 'node-npm', files: 'package.json package-lock.json', install: 'npm ci', build: 'npm run build && npm prune --omit=dev' },
    {
      fixture: 'node-pnpm',
      files: 'package.json pnpm-lock.yaml',
      install: 'pnpm install --frozen-lockfile',
      build: 'pnpm run build && pnpm prune --prod',
    },
    {
      fixture: 'node-yarn',
      files: 'package.json yarn.lock',
      install: 'yarn install --frozen-lockfile --non-interactive',
      build: 'yarn run build && yarn install --frozen-lockfile --non-interactive --production --offline',
    },
    {
      fixture: 'node-yarn-berry',
      files: 'package.json yarn.lock .yarnrc.yml',
      install: 'yarn-berry install --immutable',
      build: 'yarn-berry run build && yarn-berry workspaces focus --all --production',
    },
  ];

  for (const { fixture, files, install, build } of single) {
    it(`${fixture}: \`${install}\` from the registry, tsc, then serves with --network=none as uid 1000`, async () => {
      const dockerfile = [
        `FROM ${node()}`,
        'WORKDIR /app',
        `COPY ${files} ./`,
        `RUN ${install}`,
        'COPY tsconfig.json ./',
        'COPY src ./src',
        `RUN ${build}`,
        'USER node',
        'ENV PORT=3000',
        'CMD ["node", "dist/server.js"]',
        '',
      ].join('\n');
      const { tag } = await coldAndWarm(fixture, { fixture, dockerfile });
      await expectProductionDeps(tag, ['zod', 'ms']);
      await expectServes(tag, FIXTURE_SERVICES[fixture][0]!.service);
    });
  }

  it('node-pnpm-monorepo: one install for the workspace, `pnpm deploy` per service, each serves as uid 1000', async () => {
    const dockerfile = [
      `FROM ${node()} AS build`,
      'WORKDIR /repo',
      'COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./',
      'COPY packages/shared/package.json packages/shared/',
      'COPY services/api/package.json services/api/',
      'COPY services/worker/package.json services/worker/',
      'RUN pnpm install --frozen-lockfile',
      'COPY . .',
      'RUN pnpm run build \\',
      ' && pnpm --filter api deploy --legacy --prod /out/api \\',
      ' && pnpm --filter worker deploy --legacy --prod /out/worker',
      ...['api', 'worker'].flatMap((svc) => [
        '',
        `FROM ${node()} AS ${svc}`,
        'WORKDIR /app',
        `COPY --from=build /out/${svc} ./`,
        'USER node',
        'CMD ["node", "dist/server.js"]',
      ]),
      '',
    ].join('\n');
    const deps: Record<string, string[]> = { api: ['@dockwright-fixture/shared', 'zod'], worker: ['@dockwright-fixture/shared', 'ms'] };
    for (const { service } of FIXTURE_SERVICES['node-pnpm-monorepo']) {
      const { tag } = await coldAndWarm(`node-pnpm-monorepo-${service}`, {
        fixture: 'node-pnpm-monorepo',
        dockerfile,
        target: service,
      });
      await expectProductionDeps(tag, deps[service]!);
      await expectServes(tag, service);
    }
  });
});
