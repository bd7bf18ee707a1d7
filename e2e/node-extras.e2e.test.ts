/**
 * nodePreset's extras, built and run by a real engine:
 * - a native module of the app's own (binding.gyp + a .cc file): python3, make and g++ come from
 *   Debian's mirror (a `--network=host` build, fenced to plain HTTP) into the install and build
 *   stages only; node-gyp compiles against the Node headers the node base image carries in
 *   /usr/local/include/node, as the official images do, so nothing is downloaded from nodejs.org;
 * - a pnpm app without a `packageManager` version: pnpm's version is picked from the lockfile's
 *   format and installed with npm from the local registry.
 * - a bun app on a hermetic bun image: bun's own binary, packed from the npm registry on this
 *   machine (@oven/bun-linux-x64), in an image FROM the hermetic debian one with the `bun` user
 *   (1000) like oven/bun's slim images, its registry set to the local one.
 * Prisma is rendered and checked in packages/presets/test/node-extras.test.ts only: its engines
 * come from binaries.prisma.sh, which builds here cannot reach.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { image } from '@dockwright/core';
import { detectNode, nodePreset } from '@dockwright/presets';
import { baseImage, build, imageSize, inspect, removeImages, requireEngine, run, uniqueTag } from './support/docker.js';
import { buildNodeApp, fixtureDir, npmRegistry, startContainer } from './support/node-apps.js';
import { record } from './support/summary.js';

const made: string[] = [];
const work: string[] = [];
const presetFixtures = join(fixtureDir('node-npm'), '..', '..', '..', 'packages', 'presets', 'test', 'fixtures');

beforeAll(async () => {
  await requireEngine();
  npmRegistry();
});

afterAll(async () => {
  await removeImages(...made);
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

async function copyOf(src: string, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dockwright-${name}-`));
  work.push(dir);
  await cp(src, dir, { recursive: true, filter: (p) => !/[/\\](node_modules|dist|build)$/.test(p.slice(src.length)) });
  return dir;
}

const BUN_VERSION = '1.4.5';

/** Fetches a URL inside a bun container (`bun -e`), printing {status, headers, body}. */
const BUN_FETCH = [
  'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) }).then(',
  '  async (r) => process.stdout.write(JSON.stringify({ status: r.status, headers: Object.fromEntries(r.headers), body: await r.text() })),',
  '  (e) => { process.stderr.write(String(e)); process.exit(7); });',
].join('\n');

/**
 * A hermetic bun image like `oven/bun:<version>-slim`: the bun binary of @oven/bun-linux-x64
 * (packed once into the e2e state's tarball cache), FROM the hermetic debian image.
 */
async function bunImage(): Promise<string> {
  const cache = join(process.env['DOCKWRIGHT_E2E_STATE'] ?? '/var/tmp/dockwright-e2e', 'npm-tarballs');
  const tarball = join(cache, `%40oven%2Fbun-linux-x64@${BUN_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    await mkdir(cache, { recursive: true });
    const packed = await mkdtemp(join(tmpdir(), 'dockwright-bun-pack-'));
    work.push(packed);
    const { stdout } = await promisify(execFile)('npm', ['pack', `@oven/bun-linux-x64@${BUN_VERSION}`, '--silent', '--pack-destination', packed], { timeout: 300_000 });
    await cp(join(packed, stdout.trim().split('\n').at(-1) ?? ''), tarball);
  }
  const ctx = await mkdtemp(join(tmpdir(), 'dockwright-bun-image-'));
  work.push(ctx);
  await promisify(execFile)('tar', ['-xzf', tarball, '-C', ctx, 'package/bin/bun']);
  await chmod(join(ctx, 'package/bin/bun'), 0o755);
  const tag = `${process.env['DOCKWRIGHT_E2E_REGISTRY'] ?? '127.0.0.1:5000'}/bun:${BUN_VERSION}-slim`;
  await build({
    context: ctx,
    tag,
    dockerfile: [
      `FROM ${baseImage('debian:bookworm-slim')}`,
      'COPY package/bin/bun /usr/local/bin/bun',
      'RUN groupadd --gid 1000 bun \\',
      ' && useradd --uid 1000 --gid bun --shell /bin/sh --create-home bun \\',
      ' && ln -s bun /usr/local/bin/bunx \\',
      ` && test "$(bun --version)" = ${BUN_VERSION}`,
      `ENV BUN_CONFIG_REGISTRY=${npmRegistry()}`,
      'CMD ["/usr/local/bin/bun"]',
      '',
    ].join('\n'),
  });
  return tag;
}

describe('nodePreset extras, real builds', () => {
  it('a native addon of our own: compiled with build tools that stay out of the runtime', async () => {
    const dir = await copyOf(join(presetFixtures, 'native-addon'), 'native-addon');
    const project = detectNode(dir);
    expect(project.nativeModules).toEqual(['binding.gyp']);
    const { dockerfile, dockerignore } = nodePreset(project, { images: { node: image(baseImage('node:20-bookworm-slim')) }, outputs: ['build', 'src'] });
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const text = dockerfile.render();
    expect(text).toContain('ENV npm_config_nodedir=/usr/local\n');
    const tag = uniqueTag('node-extras-native');
    made.push(tag);
    const cold = await buildNodeApp({ context: dir, dockerfile: text, tag });
    // node-gyp used the image's headers: it downloaded nothing.
    expect(cold.log).not.toMatch(/nodejs\.org|node-v\d+\.\d+\.\d+-headers/);
    expect((await inspect(tag)).Config.User).toBe('1000:1000');
    const checked = await run(tag, ['sh', '-c', 'id -u; for t in g++ make python3 cc; do command -v $t || true; done; test -f build/Release/add.node && echo addon']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout.trim().split('\n')).toEqual(['1000', 'addon']);
    const app = await startContainer(tag);
    try {
      expect((await app.fetch('/')).json).toEqual({ sum: 5, uid: 1000 });
    } finally {
      await app.remove();
    }
    // A source-only change: the apt layer and the install are CACHED.
    await writeFile(join(dir, 'src/server.js'), `${await readFile(join(dir, 'src/server.js'), 'utf8')}\n// changed\n`);
    const warm = await buildNodeApp({ context: dir, dockerfile: text, tag });
    // BuildKit's plain log: `#7 [base 3/4] RUN apt-get update ...`, later `#7 CACHED`.
    const aptStep = /^(#\d+) \[[^\n]*apt-get update/m.exec(warm.log)?.[1];
    expect(aptStep, warm.log).toBeDefined();
    expect(warm.log.split('\n')).toContain(`${aptStep} CACHED`);
    const bytes = await imageSize(tag);
    const base = await imageSize(baseImage('node:20-bookworm-slim'));
    // The runtime is the base image plus the app: no compiler (g++ and python3 alone are > 100 MB).
    expect(bytes - base).toBeLessThan(5_000_000);
    record({ case: 'nodePreset native addon (node-gyp)', coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes, note: `build tools from the Debian mirror in the build stages only; runtime = base + ${((bytes - base) / 1e3).toFixed(0)} kB` });
  }, 900_000);

  it('pnpm without a packageManager version: the version from pnpm-lock.yaml, installed with npm', async () => {
    const dir = await copyOf(fixtureDir('node-pnpm'), 'pnpm-nopm');
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    delete manifest['packageManager'];
    await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const project = detectNode(dir);
    expect(project).toMatchObject({ packageManager: 'pnpm', packageManagerVersion: '10.34.8', packageManagerVersionFrom: 'pnpm-lock.yaml format 9.0' });
    const result = nodePreset(project, { images: { node: image(baseImage('node:20-bookworm-slim')) } });
    expect(result.notes).toEqual([expect.stringContaining('picked from pnpm-lock.yaml format 9.0')]);
    await writeFile(join(dir, '.dockerignore'), result.dockerignore.render());
    const text = result.dockerfile.render();
    expect(text).toContain('npm install -g pnpm@10.34.8\n');
    const tag = uniqueTag('node-extras-pnpm-nopm');
    made.push(tag);
    const cold = await buildNodeApp({ context: dir, dockerfile: text, tag });
    const checked = await run(tag, ['sh', '-c', 'id -u && test -e node_modules/zod && test ! -e node_modules/typescript']);
    expect(checked.code, checked.stderr).toBe(0);
    const app = await startContainer(tag);
    try {
      expect((await app.fetch('/')).json).toEqual({ ok: true, service: 'node-pnpm', uid: 1000 });
    } finally {
      await app.remove();
    }
    record({ case: 'nodePreset pnpm without packageManager', coldSeconds: cold.seconds, imageBytes: await imageSize(tag), note: 'pnpm 10.34.8 picked from lockfileVersion 9.0' });
  }, 600_000);

  it('bun on its own image: bun install from the lockfile, bun run, uid 1000, no Node in the image', async () => {
    const bun = await bunImage();
    const dir = await copyOf(join(presetFixtures, 'bun-app'), 'bun-app');
    const project = detectNode(dir);
    const { dockerfile, dockerignore } = nodePreset(project, { images: { bun: image(bun) } });
    await writeFile(join(dir, '.dockerignore'), dockerignore.render());
    const text = dockerfile.render();
    expect(text).toContain('    bun install --frozen-lockfile --production\n');
    expect(text).toContain('CMD ["bun", "run", "src/index.js"]\n');
    const tag = uniqueTag('node-extras-bun');
    made.push(tag);
    const cold = await buildNodeApp({ context: dir, dockerfile: text, tag });
    expect((await inspect(tag)).Config.User).toBe('1000:1000');
    const checked = await run(tag, ['sh', '-c', 'id -u && test -e node_modules/zod && ! command -v node']);
    expect(checked.code, checked.stderr).toBe(0);
    const app = await startContainer(tag, { fetcher: ['bun', '-e', BUN_FETCH] });
    try {
      expect((await app.fetch('/')).json).toEqual({ ok: true, uid: 1000 });
      expect((await app.stop(10)).exitCode).toBe(0);
    } finally {
      await app.remove();
    }
    record({ case: 'nodePreset bun', coldSeconds: cold.seconds, imageBytes: await imageSize(tag), note: `hermetic bun ${BUN_VERSION} image FROM the debian one` });
  }, 600_000);
});
