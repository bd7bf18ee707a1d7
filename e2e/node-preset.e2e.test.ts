/**
 * nodePreset, built and run by a real engine for every Node fixture: npm, pnpm, yarn classic,
 * yarn berry and a service of a pnpm workspace. Each image serves HTTP from inside its container
 * as uid 1000 with production dependencies only, and a rebuild after a source-only change
 * reinstalls nothing (the install steps, and the runtime's node_modules layer, are CACHED).
 *
 * Dependencies come from the local npm registry (buildNodeApp: `--network=host`, loopback only);
 * the node base image has pnpm, yarn and yarn berry, so the preset is told they are preinstalled.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { image } from '@dockwright/core';
import { detectNode, nodePreset, type NodePresetOptions } from '@dockwright/presets';
import { baseImage, imageSize, inspect, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { aliasBaseImages } from './support/cli.js';
import { stepTimes } from './support/build-log.js';
import { copyFixture } from './support/copy-fixture.js';
import { buildNodeApp, npmRegistry, startContainer, type NodeFixture } from './support/node-apps.js';
import { record } from './support/summary.js';

const made: string[] = [];
const work: string[] = [];

beforeAll(async () => {
  await requireEngine();
  npmRegistry();
});

afterAll(async () => {
  await removeImages(...made);
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});


/** Every build step of the plain log whose title contains `text`, and whether BuildKit found it CACHED. */
function steps(log: string, text: string): { title: string; cached: boolean }[] {
  const found = stepTimes(log).filter((s) => s.title.startsWith('[') && s.title.includes(text)).map(({ title, cached }) => ({ title, cached }));
  if (found.length === 0) throw new Error(`no build step mentions ${JSON.stringify(text)} in:\n${log}`);
  return found;
}

/** Edits a file of the copied fixture: a source-only change. */
async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

/** Runs the image with no network, asks its server from inside the container, and (when asked) stops it with SIGTERM. */
async function expectServes(tag: string, service: string, stop = true): Promise<void> {
  const app = await startContainer(tag);
  try {
    const root = await app.fetch('/');
    expect(root.status).toBe(200);
    expect(root.json).toEqual({ ok: true, service, uid: 1000 });
    if (!stop) return;
    expect((await app.fetch('/health')).status).toBe(200);
    expect((await app.stop(10)).exitCode).toBe(0);
  } finally {
    await app.remove();
  }
}

interface Case {
  readonly fixture: NodeFixture;
  /** The app's directory inside the fixture (a workspace service builds from the fixture's root). */
  readonly app: string;
  readonly service: string;
  /** The install commands as they appear in the Dockerfile (their steps must be CACHED after a source change). */
  readonly install: readonly string[];
  /** The source file to change, relative to the app. */
  readonly source: string;
  /** The string in it that names the service. */
  readonly serviceLiteral: string;
  readonly runtimeDeps: readonly string[];
  /** Paths that must not be in the image (another service, its own dependencies). */
  readonly absent?: readonly string[];
  readonly options?: NodePresetOptions;
}

/** A service of a workspace fixture: its api, without the worker or the worker's own dependency. */
const workspaceApi = (fixture: NodeFixture, install: readonly string[], options?: NodePresetOptions): Case => ({
  fixture,
  app: 'services/api',
  service: 'api',
  install,
  source: 'src/server.ts',
  serviceLiteral: "startService('api'",
  runtimeDeps: ['zod', '@dockwright-fixture/shared'],
  absent: ['/app/node_modules/picocolors', '/app/services/worker', '/app/node_modules/worker'],
  ...(options === undefined ? {} : { options }),
});

const cases: readonly Case[] = [
  { fixture: 'node-npm', app: '.', service: 'node-npm', install: ['npm ci'], source: 'src/server.ts', serviceLiteral: "'node-npm'", runtimeDeps: ['zod', 'ms'] },
  { fixture: 'node-pnpm', app: '.', service: 'node-pnpm', install: ['pnpm install'], source: 'src/server.ts', serviceLiteral: "'node-pnpm'", runtimeDeps: ['zod', 'ms'] },
  { fixture: 'node-yarn', app: '.', service: 'node-yarn', install: ['yarn install'], source: 'src/server.ts', serviceLiteral: "'node-yarn'", runtimeDeps: ['zod', 'ms'] },
  {
    fixture: 'node-yarn-berry',
    app: '.',
    service: 'node-yarn-berry',
    // The image's `yarn` is yarn 1; yarn 4 is `yarn-berry` there.
    install: ['yarn-berry install', 'yarn-berry workspaces focus'],
    source: 'src/server.ts',
    serviceLiteral: "'node-yarn-berry'",
    runtimeDeps: ['zod', 'ms'],
    options: { packageManagerCommand: 'yarn-berry' },
  },
  workspaceApi('node-pnpm-monorepo', ['pnpm install']),
  workspaceApi('node-npm-monorepo', ['npm ci']),
  workspaceApi('node-yarn-monorepo', ['yarn install']),
  // yarn berry in a workspace: `workspaces focus` for both installs (see workspace-stages.ts).
  workspaceApi('node-yarn-berry-monorepo', ['yarn-berry workspaces focus'], { packageManagerCommand: 'yarn-berry' }),
];

describe('nodePreset, real builds of every Node fixture', () => {
  for (const c of cases) {
    it(`${c.fixture}${c.app === '.' ? '' : ` (${c.app})`}: serves as uid 1000, production deps only, a source change reinstalls nothing`, async () => {
      const root = await copyFixture(c.fixture, work, ['node_modules', 'dist']);
      const appDir = join(root, c.app);
      const project = detectNode(appDir);
      const { dockerfile, dockerignore, context } = nodePreset(project, {
        images: { node: image(baseImage('node:20-bookworm-slim')) },
        packageManagerSetup: 'preinstalled',
        ...c.options,
      });
      const contextDir = join(appDir, context);
      expect(contextDir).toBe(root); // a workspace service builds from the workspace root
      await writeFile(join(contextDir, '.dockerignore'), dockerignore.render());
      const text = dockerfile.render();
      const tag = uniqueTag(`node-preset-${c.fixture}`);
      made.push(tag);

      const cold = await buildNodeApp({ context: contextDir, dockerfile: text, tag, noCache: true });
      const coldImage = await inspect(tag);
      expect(coldImage.Config.User).toBe('1000:1000');
      // One container for both: who it runs as, and production dependencies only.
      const deps = [
        ...c.runtimeDeps.map((d) => `test -e /app/node_modules/${d}`),
        ...['/app/node_modules/typescript', ...(c.absent ?? [])].map((p) => `test ! -e ${p}`),
      ].join(' && ');
      const checked = await run(tag, ['sh', '-c', `id -u && ${deps}`]);
      expect(checked.code, `${deps}\n${checked.stderr}`).toBe(0);
      expect(checked.stdout.trim()).toBe('1000');
      await expectServes(tag, c.service, false);

      // A source-only change, new in every run (so no earlier run's cache has it): the new code is
      // served, and nothing is installed again.
      const renamed = `${c.service}-${randomBytes(4).toString('hex')}`;
      await edit(join(appDir, c.source), c.serviceLiteral, c.serviceLiteral.replace(c.service, renamed));
      const warm = await buildNodeApp({ context: contextDir, dockerfile: text, tag });
      const installs = c.install.flatMap((cmd) => steps(warm.log, cmd));
      expect(installs.length).toBeGreaterThanOrEqual(c.install.length);
      expect(installs.filter((s) => !s.cached)).toEqual([]);
      const warmImage = await inspect(tag);
      expect(warmImage.Id).not.toBe(coldImage.Id);
      if (project.workspace === undefined || project.packageManager !== 'pnpm') {
        // The runtime's node_modules layer too (a pnpm workspace service's comes with its code, from pnpm deploy).
        expect(steps(warm.log, 'COPY --from=prod-deps').map((s) => s.cached)).toEqual([true]);
      }
      await expectServes(tag, renamed);

      const bytes = await imageSize(tag);
      let note = 'warm = rebuild after a source-only change';

      if (project.workspace !== undefined) {
        // Another service of the workspace changes: this one's image does not.
        const other = join(root, 'services/worker/src/server.ts');
        await writeFile(other, `${await readFile(other, 'utf8')}\n// changed\n`);
        const again = await buildNodeApp({ context: contextDir, dockerfile: text, tag });
        expect((await inspect(tag)).Id).toBe(warmImage.Id);
        expect(c.install.flatMap((cmd) => steps(again.log, cmd)).filter((s) => !s.cached)).toEqual([]);
        note += `; ${again.seconds.toFixed(1)} s and the same image after a change in another service`;
      }
      record({ case: `nodePreset ${c.fixture}${c.app === '.' ? '' : ` ${c.service}`}`, coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes, note });
    });
  }
});

/** A project of package.json and server.js only (no lockfile), in a fresh directory. */
async function bareProject(name: string, dependencies: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dockwright-${name}-`));
  work.push(dir);
  const uses = Object.keys(dependencies).map((d) => `await import(${JSON.stringify(d)});`).join(' ');
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name, type: 'module', engines: { node: '^18 || ^20 || ^22 || ^24' }, scripts: { start: 'node server.js' }, dependencies }, null, 2)}\n`);
  await writeFile(
    join(dir, 'server.js'),
    `import { createServer } from 'node:http';\n${uses}\ncreateServer((q, r) => r.end(JSON.stringify({ ok: true, service: ${JSON.stringify(name)}, uid: process.getuid() }))).listen(3000);\n`,
  );
  return dir;
}

describe('nodePreset, projects with only package.json, on the default pinned image', () => {
  beforeAll(async () => {
    // The preset's default images (node:24.21.0-bookworm-slim, ...) name the hermetic Node image here.
    made.push(...(await aliasBaseImages()));
  });

  it('no lockfile: installs with npm install, and serves with its dependency', async () => {
    const dir = await bareProject('bare-npm', { ms: '2.1.3' });
    const project = detectNode(dir);
    expect(project).toMatchObject({ packageManager: 'npm', nodeVersion: '24' });
    expect(project.lockfile).toBeUndefined();
    const result = nodePreset(project);
    expect(result.notes?.[0]).toContain('npm install');
    const text = result.dockerfile.render();
    expect(text).toContain('FROM node:24.21.0-bookworm-slim AS prod-deps');
    expect(text).toContain('npm install --omit=dev');
    expect(text).not.toContain('npm ci');
    await writeFile(join(dir, '.dockerignore'), result.dockerignore.render());
    const tag = uniqueTag('node-preset-bare-npm');
    made.push(tag);
    await buildNodeApp({ context: dir, dockerfile: text, tag });
    const checked = await run(tag, ['sh', '-c', 'id -u && test -e /app/node_modules/ms']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout.trim()).toBe('1000');
    await expectServes(tag, 'bare-npm', false);
  });

  it('no dependencies: no prod-deps stage, no node_modules, and the image builds and serves', async () => {
    const dir = await bareProject('bare-nodeps', {});
    const project = detectNode(dir);
    expect(project.hasDependencies).toBe(false);
    const { dockerfile, dockerignore } = nodePreset(project);
    const text = dockerfile.render();
    expect(text).not.toContain('prod-deps');
    expect(text).toContain('FROM node:24.21.0-bookworm-slim AS runtime');
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const tag = uniqueTag('node-preset-bare-nodeps');
    made.push(tag);
    await buildNodeApp({ context: dir, dockerfile: text, tag });
    const checked = await run(tag, ['sh', '-c', 'id -u && test ! -e /app/node_modules']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout.trim()).toBe('1000');
    await expectServes(tag, 'bare-nodeps', false);
  });
});

describe('nodePreset, a build script that is exactly tsc', () => {
  it('runs the compiler directly: the same dist as `npm run build` writes, and a type error still fails the build', async () => {
    const dir = await copyFixture('node-npm', work, ['node_modules', 'dist']);
    const project = detectNode(dir);
    expect(project.tscBuild).toBe(true);
    const options: NodePresetOptions = { images: { node: image(baseImage('node:20-bookworm-slim')) }, packageManagerSetup: 'preinstalled' };
    const direct = nodePreset(project, options);
    await writeFile(join(dir, '.dockerignore'), direct.dockerignore.render());
    const directText = direct.dockerfile.render();
    expect(directText).toContain('\nRUN node node_modules/typescript/bin/tsc\n');
    // The same project without the detection's answer: the build goes through npm.
    const { tscBuild: _, ...throughNpm } = project;
    const npmText = nodePreset(throughNpm, options).dockerfile.render();
    expect(npmText).toContain('\nRUN npm run build\n');
    // Every file of dist with its digest, from each build stage.
    const listing = async (text: string) => {
      const tag = uniqueTag('node-preset-tsc-build');
      made.push(tag);
      await buildNodeApp({ context: dir, dockerfile: text, tag, target: 'build' });
      const r = await run(tag, ['sh', '-c', 'cd /app/dist && find . -type f | sort | xargs sha256sum']);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const fromDirect = await listing(directText);
    expect(fromDirect).toContain('./server.js');
    expect(await listing(npmText)).toBe(fromDirect);

    await edit(join(dir, 'src/server.ts'), "const SERVICE = 'node-npm';", "const SERVICE: number = 'node-npm';");
    await expect(buildNodeApp({ context: dir, dockerfile: directText, tag: uniqueTag('node-preset-tsc-error'), target: 'build' })).rejects.toThrow(/TS2322/);
  });
});
