/**
 * nodePreset, built and run by a real engine for one small app per framework it detects
 * (e2e/fixtures/fw-*): each image is rendered through the public API, built with the app's own
 * lockfile (packages from the local npm registry, seeded here from those lockfiles), run with no
 * network as a non-root user, and asked over HTTP from inside its container for the app's text.
 * Static sites (Vite, static Astro, SvelteKit with adapter-static) are served by BusyBox httpd on an image FROM scratch.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { image } from '@dockwright/core';
import { detectNode, nodePreset } from '@dockwright/presets';
import { aptRepo, baseImage, build, docker, imageSize, inspect, removeImages, requireEngine, uniqueTag } from './support/docker.js';
import { copyFixture } from './support/copy-fixture.js';
import { buildNodeApp, fixtureDir, seedNpm, startContainer } from './support/node-apps.js';
import { record } from './support/summary.js';

const made: string[] = [];
const work: string[] = [];
/** A Debian image whose apt sources are the local repository: the preset installs busybox-static in it. */
let staticServer = '';

interface App {
  readonly fixture: string;
  readonly framework: string;
  readonly port: number;
  readonly static?: boolean;
  /** Whether the app answers `GET /healthz` with `ok`. */
  readonly healthz: boolean;
  /** Paths that must be in the runtime image. */
  readonly present?: readonly string[];
  /** Paths that must not be (build caches, dev dependencies, a bundle's unneeded node_modules). */
  readonly absent?: readonly string[];
  /**
   * At most this many bytes above the Node base image: the traced runtimes (the production
   * node_modules before the trace added 34.6 MB for fw-remix, 16.6 MB for fw-react-router).
   */
  readonly maxAddedBytes?: number;
}

// Smallest trees first.
const apps: readonly App[] = [
  { fixture: 'fw-express', framework: 'express', port: 3000, healthz: true, present: ['/app/node_modules/express'] },
  { fixture: 'fw-fastify', framework: 'fastify', port: 3000, healthz: true, present: ['/app/node_modules/fastify-cli/cli.js'] },
  { fixture: 'fw-nest', framework: 'nest', port: 3000, healthz: true, present: ['/app/dist/main.js'], absent: ['/app/node_modules/typescript', '/app/src'] },
  { fixture: 'fw-vite', framework: 'vite', port: 8080, static: true, healthz: false, present: ['/www/index.html'] },
  { fixture: 'fw-sveltekit', framework: 'sveltekit', port: 3000, healthz: true, present: ['/app/build/index.js'], absent: ['/app/node_modules', '/app/.svelte-kit'] },
  { fixture: 'fw-sveltekit-static', framework: 'sveltekit', port: 8080, static: true, healthz: false, present: ['/www/index.html', '/www/_app'], absent: ['/app', '/www/.svelte-kit'] },
  {
    fixture: 'fw-react-router',
    framework: 'react-router',
    port: 3000,
    healthz: true,
    // Only the files the server and react-router-serve load: not react-dom's browser builds.
    present: ['/app/build/server/index.js', '/app/node_modules/@react-router/serve/bin.js', '/app/node_modules/react-dom/cjs/react-dom-server.node.production.js'],
    absent: ['/app/node_modules/@react-router/dev', '/app/node_modules/vite', '/app/node_modules/react-dom/cjs/react-dom-client.production.js'],
    maxAddedBytes: 12_000_000,
  },
  {
    fixture: 'fw-remix',
    framework: 'remix',
    port: 3000,
    healthz: true,
    present: ['/app/build/server/index.js', '/app/build/client', '/app/node_modules/@remix-run/serve/dist/cli.js'],
    // @zxing/text-encoding (an optional polyfill Node does not load) and react-dom's UMD builds stay out.
    absent: ['/app/node_modules/@remix-run/dev', '/app/node_modules/vite', '/app/app', '/app/node_modules/@zxing', '/app/node_modules/react-dom/umd'],
    maxAddedBytes: 12_000_000,
  },
  { fixture: 'fw-astro-static', framework: 'astro', port: 8080, static: true, healthz: false, present: ['/www/index.html'] },
  {
    fixture: 'fw-astro-ssr',
    framework: 'astro',
    port: 4321,
    healthz: true,
    // Only the packages dist/server imports (send, unstorage, sharp, ...): not astro's build tools.
    present: ['/app/dist/server/entry.mjs', '/app/node_modules/send', '/app/node_modules/sharp'],
    absent: ['/app/src', '/app/node_modules/astro', '/app/node_modules/vite', '/app/node_modules/typescript'],
  },
  {
    fixture: 'fw-next',
    framework: 'next',
    port: 3000,
    healthz: true,
    present: ['/app/server.js', '/app/.next/static', '/app/node_modules/next'],
    absent: ['/app/.next/cache', '/app/app', '/app/node_modules/typescript'],
  },
  {
    fixture: 'fw-next-start',
    framework: 'next',
    port: 3000,
    healthz: true,
    present: ['/app/.next/BUILD_ID', '/app/next.config.mjs', '/app/node_modules/next/dist/bin/next'],
    // The build cache stays in its cache mount: BuildKit leaves only the empty mount point.
    absent: ['/app/.next/cache/webpack', '/app/.next/cache/swc', '/app/app'],
  },
  { fixture: 'fw-nuxt', framework: 'nuxt', port: 3000, healthz: true, present: ['/app/.output/server/index.mjs'], absent: ['/app/node_modules', '/app/.nuxt'] },
];

beforeAll(async () => {
  await requireEngine();
  // The framework apps' packages (hundreds each): with-engine.sh seeds only the package-manager fixtures.
  const seeded = await seedNpm(...apps.map((a) => fixtureDir(a.fixture)));
  record({ case: 'seed fw-* lockfiles', coldSeconds: seeded.seconds, note: `${seeded.wanted} package versions, ${seeded.published.length} published, ${seeded.packed} downloaded` });
  staticServer = uniqueTag('fw-static-server');
  made.push(staticServer);
  await build({
    tag: staticServer,
    dockerfile: [
      `FROM ${baseImage('debian:bookworm-slim')}`,
      `RUN echo 'deb [trusted=yes] ${aptRepo()} ./' > /etc/apt/sources.list && rm -rf /etc/apt/sources.list.d`,
    ].join('\n'),
    context: {},
  });
}, 1_500_000);

afterAll(async () => {
  await removeImages(...made);
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

/** What a user's checkout of an app does not hold: installed packages and build output. */
const NOT_CHECKED_IN = ['node_modules', 'dist', 'build', '.next', '.output', '.nuxt', '.svelte-kit', '.astro'];

/** GET a path with BusyBox wget inside a static site's container (no Node there), retried until it answers. */
async function wget(id: string, url: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await docker(['exec', id, '/busybox', 'wget', '-q', '-O', '-', url], { timeoutMs: 20_000 });
    if (r.code === 0) return r.stdout;
    if (Date.now() > deadline) throw new Error(`${url} did not answer in ${id}: ${r.stderr}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** The real uid of the container's PID 1, from /proc (the shell's `cat`, or BusyBox's). */
async function pid1Uid(id: string, busybox: boolean): Promise<number> {
  const r = await docker(['exec', id, ...(busybox ? ['/busybox'] : []), 'cat', '/proc/1/status']);
  const uid = /^Uid:\s+(\d+)/m.exec(r.stdout)?.[1];
  if (uid === undefined) throw new Error(`no Uid line in /proc/1/status of ${id}: ${r.stderr}`);
  return Number(uid);
}

describe('nodePreset, one real app per framework: built, run as non-root, answering over HTTP', () => {
  for (const a of apps) {
    it(`${a.fixture}: ${a.framework}${a.static ? ' (static, BusyBox httpd)' : ''} answers "hello from ${a.fixture}" on port ${a.port}`, async () => {
      const dir = await copyFixture(a.fixture, work, NOT_CHECKED_IN);
      const project = detectNode(dir);
      expect(project.framework?.name).toBe(a.framework);
      const { dockerfile, dockerignore, context } = nodePreset(project, {
        images: { node: image(baseImage('node:20-bookworm-slim')), staticServer: image(staticServer) },
        packageManagerSetup: 'preinstalled',
      });
      expect(context).toBe('.');
      await writeFile(join(dir, '.dockerignore'), dockerignore.render());
      const text = dockerfile.render();
      const tag = uniqueTag(a.fixture);
      made.push(tag);
      const built = await buildNodeApp({ context: dir, dockerfile: text, tag, timeoutMs: 1_200_000 });

      const config = (await inspect(tag)).Config;
      const [uid] = (config.User ?? '').split(':').map(Number);
      expect(uid).toBeGreaterThan(0);
      expect(config.User).toBe(a.static ? '65532:65532' : '1000:1000');

      const app = await startContainer(tag, { port: a.port });
      try {
        const test = (p: string) => (a.static ? ['/busybox', 'test', '-e', p] : ['test', '-e', p]);
        for (const p of a.present ?? []) expect((await docker(['exec', app.id, ...test(p)])).code, `${p} is in the image`).toBe(0);
        for (const p of a.absent ?? []) expect((await docker(['exec', app.id, ...test(p)])).code, `${p} is not in the image`).not.toBe(0);
        if (a.static) {
          expect(await wget(app.id, `http://127.0.0.1:${a.port}/`)).toContain(`hello from ${a.fixture}`);
        } else {
          const root = await app.fetch('/', { timeoutMs: 60_000 });
          expect(root.status, root.body).toBe(200);
          expect(root.body).toContain(`hello from ${a.fixture}`);
          if (a.healthz) expect(await app.fetch('/healthz')).toMatchObject({ status: 200, body: 'ok' });
        }
        expect(await pid1Uid(app.id, a.static === true)).toBe(uid);
      } finally {
        await app.remove();
      }
      const bytes = await imageSize(tag);
      if (a.maxAddedBytes !== undefined) expect(bytes - (await imageSize(baseImage('node:20-bookworm-slim')))).toBeLessThan(a.maxAddedBytes);
      record({ case: `nodePreset ${a.fixture}`, coldSeconds: built.seconds, imageBytes: bytes, note: a.static ? 'BusyBox httpd FROM scratch' : `${a.framework} on node:20-bookworm-slim` });
      process.stderr.write(`[fw] ${a.fixture}: built in ${built.seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB\n`);
    }, 1_500_000);
  }
});
