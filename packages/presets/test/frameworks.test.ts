import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { image, isDockwrightError } from '@dockwright/core';
import { detectNodeFiles, nodePreset, type NodePresetOptions } from '@dockwright/presets';

const root = join(import.meta.dirname, 'fixtures', 'frameworks');

/** A framework fixture's files in memory, with an npm lockfile (no lockfile of a parent is found). */
function project(name: string) {
  const files: Record<string, string> = { 'package-lock.json': '{"lockfileVersion":3}' };
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else files[relative(join(root, name), path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, name));
  return detectNodeFiles(files);
}

function render(name: string, options: NodePresetOptions = {}): string {
  return nodePreset(project(name), options).dockerfile.render();
}

/** The lines of the runtime stage (the last FROM on). */
function runtimeOf(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.map((l, i) => (l.startsWith('FROM ') ? i : -1)).filter((i) => i >= 0).pop() ?? 0;
  return lines.slice(from).filter((l) => l !== '');
}

interface Case {
  readonly fixture: string;
  readonly framework: string;
  readonly cmd: string;
  readonly port: number;
  /** COPY lines the runtime stage must have, in order. */
  readonly copies: readonly string[];
  /** Whether the runtime gets production node_modules. */
  readonly nodeModules: boolean;
  readonly env?: string;
}

const servers: readonly Case[] = [
  {
    fixture: 'next-standalone',
    framework: 'next',
    cmd: 'CMD ["node", "server.js"]',
    port: 3000,
    copies: ['COPY --from=build /app/.next/standalone/ ./', 'COPY --from=build /app/.next/static ./.next/static', 'COPY --from=build /app/public ./public'],
    nodeModules: false,
    env: 'HOSTNAME=0.0.0.0',
  },
  {
    fixture: 'next',
    framework: 'next',
    cmd: 'CMD ["node", "node_modules/next/dist/bin/next", "start"]',
    port: 3000,
    copies: ['COPY --from=build /app/.next ./.next', 'COPY --from=build /app/next.config.js ./next.config.js'],
    nodeModules: true,
  },
  { fixture: 'remix', framework: 'remix', cmd: 'CMD ["node", "node_modules/@remix-run/serve/dist/cli.js", "build/server/index.js"]', port: 3000, copies: ['COPY --from=build /app/build ./build'], nodeModules: true },
  { fixture: 'react-router', framework: 'react-router', cmd: 'CMD ["node", "node_modules/@react-router/serve/bin.js", "build/server/index.js"]', port: 3000, copies: ['COPY --from=build /app/build ./build'], nodeModules: true },
  { fixture: 'nuxt', framework: 'nuxt', cmd: 'CMD ["node", ".output/server/index.mjs"]', port: 3000, copies: ['COPY --from=build /app/.output ./.output'], nodeModules: false, env: 'HOST=0.0.0.0' },
  // Its packages are all devDependencies (adapter-node bundles them): no production node_modules.
  { fixture: 'sveltekit', framework: 'sveltekit', cmd: 'CMD ["node", "build"]', port: 3000, copies: ['COPY --from=build /app/build ./build'], nodeModules: false },
  { fixture: 'astro-ssr', framework: 'astro', cmd: 'CMD ["node", "dist/server/entry.mjs"]', port: 4321, copies: ['COPY --from=build /app/dist ./dist'], nodeModules: true, env: 'HOST=0.0.0.0' },
  { fixture: 'nest', framework: 'nest', cmd: 'CMD ["node", "dist/main.js"]', port: 3000, copies: ['COPY --from=build /app/dist ./dist'], nodeModules: true },
  { fixture: 'fastify-cli', framework: 'fastify', cmd: 'CMD ["node", "node_modules/fastify-cli/cli.js", "start", "-l", "info", "app.js"]', port: 3000, copies: ['COPY . ./'], nodeModules: true, env: 'FASTIFY_ADDRESS=0.0.0.0' },
  { fixture: 'fastify', framework: 'fastify', cmd: 'CMD ["node", "server.js"]', port: 3000, copies: ['COPY . ./'], nodeModules: true },
  { fixture: 'express', framework: 'express', cmd: 'CMD ["node", "index.js"]', port: 3000, copies: ['COPY . ./'], nodeModules: true },
];

describe('nodePreset: framework servers', () => {
  for (const c of servers) {
    it(`${c.fixture}: ${c.cmd}, port ${c.port}, its build output in the runtime`, () => {
      expect(project(c.fixture).framework?.name).toBe(c.framework);
      const runtime = runtimeOf(render(c.fixture));
      expect(runtime[0]).toMatch(/^FROM node:\d+\.\d+\.\d+-bookworm-slim AS runtime$/);
      expect(runtime.at(-1)).toBe(c.cmd);
      expect(runtime).toContain(`EXPOSE ${c.port}`);
      expect(runtime).toContain('USER 1000:1000');
      const copies = runtime.filter((l) => l.startsWith('COPY ') && !l.includes('node_modules') && l !== 'COPY package.json ./');
      expect(copies).toEqual(c.copies);
      expect(runtime.some((l) => l.endsWith('/node_modules ./node_modules'))).toBe(c.nodeModules);
      if (c.env !== undefined) expect(runtime.join('\n')).toContain(c.env);
      // Exec form, and npm is never what runs the app.
      expect(c.cmd).not.toMatch(/"(npm|npx|pnpm|yarn)"/);
    });
  }

  it('an option outranks each detected value: start, outputs, port', () => {
    const runtime = runtimeOf(render('nuxt', { start: ['node', 'server/main.mjs'], outputs: ['server'], port: 8000 }));
    expect(runtime.at(-1)).toBe('CMD ["node", "server/main.mjs"]');
    expect(runtime).toContain('COPY --from=build /app/server ./server');
    expect(runtime).toContain('EXPOSE 8000');
    // Outputs of one's own: production node_modules come back with them.
    expect(runtime.some((l) => l.includes('./node_modules'))).toBe(true);
  });

  it('fastify start: option values are not build outputs, -p is the port (was: copied `info` and the dir after -r)', () => {
    const runtime = runtimeOf(render('fastify-cli-ts'));
    expect(runtime.filter((l) => l.startsWith('COPY --from=build'))).toEqual(['COPY --from=build /app/dist ./dist']);
    expect(runtime).toContain('EXPOSE 8080');
    expect(runtime.at(-1)).toBe('CMD ["node", "node_modules/fastify-cli/cli.js", "start", "-l", "info", "-p", "8080", "-r", "dotenv/config", "dist/app.js", "--", "--plugin-option", "x"]');
  });

  it("Next.js standalone and Nuxt carry their own package.json: the app's is not copied (was: an extra layer)", () => {
    for (const name of ['next-standalone', 'nuxt']) expect(runtimeOf(render(name))).not.toContain('COPY package.json ./');
    // Servers that read it (SvelteKit's "type": "module", node_modules packages) still get it.
    for (const name of ['sveltekit', 'astro-ssr', 'next']) expect(runtimeOf(render(name))).toContain('COPY package.json ./');
  });


  it("Next.js without output: 'standalone' gets a note naming the setting; standalone, and a start of one's own outputs, get none", () => {
    const note = (name: string, options: NodePresetOptions = {}) => nodePreset(project(name), options).notes ?? [];
    expect(note('next').filter((n) => n.includes("output: 'standalone'"))).toHaveLength(1);
    expect(note('next-standalone').some((n) => n.includes('standalone'))).toBe(false);
    expect(note('next', { outputs: ['.next'] }).some((n) => n.includes('standalone'))).toBe(false);
  });
  it('Next.js builds with .next/cache in a cache mount, so `COPY .next` never carries the build cache (was: in the image)', () => {
    for (const name of ['next', 'next-standalone']) {
      const text = render(name);
      expect(text).toContain('RUN --mount=type=cache,target=/app/.next/cache,sharing=locked \\\n    npm run build');
    }
    expect(render('nuxt')).not.toContain('.next/cache');
  });

  it('Astro SSR: the runtime gets only the packages dist/server imports, from a stage that finds them (was: every production dependency, 159 MB)', () => {
    const text = render('astro-ssr');
    expect(text).toContain('FROM prod-deps AS runtime-deps\nCOPY --from=build /app/dist/server ./dist/server\nRUN ["node", "-e", ');
    expect(runtimeOf(text)).toContain('COPY --from=runtime-deps /out/node_modules ./node_modules');
    expect(text).not.toContain('COPY --from=prod-deps');
    // pnpm links its packages: the runtime keeps the whole production node_modules.
    const pnpm = nodePreset(project('astro-ssr'), { packageManager: 'pnpm', packageManagerVersion: '10.34.8' }).dockerfile.render();
    expect(pnpm).not.toContain('runtime-deps');
    expect(runtimeOf(pnpm)).toContain('COPY --from=prod-deps /app/node_modules ./node_modules');
    // Outputs of one's own: no bundle to read, every production dependency.
    expect(render('astro-ssr', { outputs: ['dist'] })).not.toContain('runtime-deps');
  });

  it("the trace step, run by node as the Dockerfile has it: a server's bare imports and their dependencies, nearest copy first; comments, builtins and relative files skipped", () => {
    const run = render('astro-ssr').split('\n').find((l) => l.startsWith('RUN ["node", "-e"'));
    const argv = JSON.parse((run ?? '').slice(4)) as string[];
    expect(argv.slice(-2)).toEqual(['dist/server', '/out']);
    const app = mkdtempSync(join(tmpdir(), 'dockwright-trace-'));
    try {
      const put = (path: string, text: string) => {
        mkdirSync(dirname(join(app, path)), { recursive: true });
        writeFileSync(join(app, path), text);
      };
      const pkg = (dir: string, deps: Record<string, string> = {}, more: Record<string, unknown> = {}) =>
        put(`${dir}/package.json`, JSON.stringify({ name: dir.split('node_modules/').pop(), version: '1.0.0', dependencies: deps, ...more }));
      put('dist/server/entry.mjs', ["import { a } from 'a';", "import fs from 'node:fs';", "import path from 'path';", "import './chunks/x.mjs';", '/**', " * import { NodeApp } from 'astro/app/node';", ' */'].join('\n'));
      put('dist/server/chunks/x.mjs', "export const s = () => import('@s/c/sub.js'); const r = require(\"cjs\");");
      pkg('node_modules/a', { d: '^2' });
      pkg('node_modules/a/node_modules/d');
      pkg('node_modules/d');
      pkg('node_modules/@s/c', {}, { optionalDependencies: { gone: '1' }, peerDependencies: { peer: '1' } });
      pkg('node_modules/peer');
      pkg('node_modules/cjs');
      pkg('node_modules/astro', { vite: '6' });
      pkg('node_modules/vite');
      const out = join(app, 'out');
      const said = execFileSync(process.execPath, [...argv.slice(1, -1), out], { cwd: app, encoding: 'utf8' });
      expect(said.trim()).toBe('5 packages the server imports');
      const has = (p: string) => existsSync(join(out, 'node_modules', p, 'package.json'));
      expect(['a', 'a/node_modules/d', '@s/c', 'peer', 'cjs'].every(has)).toBe(true);
      // d is found beside a (its own version); astro is named only in a comment; vite only by astro.
      expect(['d', 'astro', 'vite', 'gone'].some(has)).toBe(false);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('Remix and React Router: the runtime gets only the files the server bundle and the serve CLI load, from a stage that finds them (was: every production dependency, 34.6 MB for fw-remix)', () => {
    for (const [name, cli] of [['remix', 'node_modules/@remix-run/serve/dist/cli.js'], ['react-router', 'node_modules/@react-router/serve/bin.js']] as const) {
      const text = render(name);
      expect(text).toContain('FROM prod-deps AS runtime-deps\nCOPY --from=build /app/build/server ./build/server\nRUN ["node", "--experimental-import-meta-resolve", "--input-type=module", "-e", ');
      const run = text.split('\n').find((l) => l.startsWith('RUN ["node", "--experimental-import-meta-resolve"'));
      expect((JSON.parse((run ?? '').slice(4)) as string[]).slice(-3)).toEqual(['build/server', '/out', cli]);
      expect(runtimeOf(text)).toContain('COPY --from=runtime-deps /out/node_modules ./node_modules');
      expect(text).not.toContain('COPY --from=prod-deps');
      // Another start command loads other files; pnpm links its packages: every production dependency.
      expect(render(name, { start: ['node', 'server.js'] })).not.toContain('runtime-deps');
      expect(nodePreset(project(name), { packageManager: 'pnpm', packageManagerVersion: '10.34.8' }).dockerfile.render()).not.toContain('runtime-deps');
    }
  });

  it('the file trace, run by node as the Dockerfile has it: both export conditions, the files each loads, whole packages where a reader cannot tell', () => {
    const run = render('remix').split('\n').find((l) => l.startsWith('RUN ["node", "--experimental-import-meta-resolve"'));
    const argv = JSON.parse((run ?? '').slice(4)) as string[];
    const app = mkdtempSync(join(tmpdir(), 'dockwright-trace-files-'));
    try {
      const put = (path: string, text: string) => {
        mkdirSync(dirname(join(app, path)), { recursive: true });
        writeFileSync(join(app, path), text);
      };
      const pkg = (dir: string, more: Record<string, unknown> = {}) => put(`${dir}/package.json`, JSON.stringify({ name: dir.split('node_modules/').pop(), version: '1.0.0', ...more }));
      put('package.json', JSON.stringify({ name: 'app', type: 'module' }));
      put('build/server/index.js', ["import { a } from 'a';", "import fs from 'node:fs';", "import path from 'path';", '// import { x } from "commented";', "export const d = () => import('dyn/sub');"].join('\n'));
      // a: exports with import and require conditions; its UMD build is loaded by nothing.
      pkg('node_modules/a', { exports: { '.': { import: './esm/index.js', require: './cjs/index.js' } } });
      put('node_modules/a/esm/index.js', "export * from './util.js'; export const a = 1;");
      put('node_modules/a/esm/util.js', "import b from 'b';");
      put('node_modules/a/cjs/index.js', "module.exports = require('./data.json');");
      put('node_modules/a/cjs/data.json', '{}');
      put('node_modules/a/umd/a.js', "require('never');");
      put('node_modules/a/LICENSE', 'MIT');
      put('node_modules/a/README.md', '# a');
      pkg('node_modules/b', { main: 'main.js' });
      put('node_modules/b/main.js', 'module.exports = 1;');
      put('node_modules/b/extra.js', 'module.exports = 2;');
      // dyn reads files by a computed path: copied whole, and its dependencies followed.
      pkg('node_modules/dyn', { dependencies: { plugin: '1' } });
      put('node_modules/dyn/sub.js', "module.exports = (n) => require(n + '.js');");
      put('node_modules/dyn/other.js', '');
      pkg('node_modules/plugin', { main: 'index.js' });
      put('node_modules/plugin/index.js', '');
      put('node_modules/plugin/unused.js', '');
      pkg('node_modules/never');
      put('node_modules/never/index.js', '');
      put('node_modules/cli/bin.js', "require('b/extra.js');");
      pkg('node_modules/cli');
      const out = join(app, 'out');
      const said = execFileSync(process.execPath, [...argv.slice(1, -3), 'build/server', out, 'node_modules/cli/bin.js'], { cwd: app, encoding: 'utf8' });
      expect(said.trim()).toMatch(/^5 packages the server loads \(1 of them whole\), \d+ files$/);
      const has = (p: string) => existsSync(join(out, 'node_modules', p));
      expect(['a/package.json', 'a/esm/index.js', 'a/esm/util.js', 'a/cjs/index.js', 'a/cjs/data.json', 'a/LICENSE', 'b/main.js', 'b/extra.js', 'dyn/other.js', 'plugin/index.js', 'cli/bin.js'].filter((p) => !has(p))).toEqual([]);
      expect(['a/umd/a.js', 'a/README.md', 'never', 'commented', 'plugin/unused.js'].filter(has)).toEqual([]);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('a framework build output is never sent from the host', () => {
    const ignore = nodePreset(project('next'), {}).dockerignore.render();
    expect(ignore).toContain('**/.next');
    expect(ignore).toContain('**/.output');
  });
});

const sites = [
  { fixture: 'vite', framework: 'vite', dir: 'dist' },
  { fixture: 'astro-static', framework: 'astro', dir: 'dist' },
  { fixture: 'gatsby', framework: 'gatsby', dir: 'public' },
] as const;

describe('nodePreset: static sites on BusyBox httpd', () => {
  for (const s of sites) {
    it(`${s.fixture}: ${s.dir}/ served by a static BusyBox as 65532 on 8080, no Node at run time`, () => {
      expect(project(s.fixture).framework).toMatchObject({ name: s.framework, kind: 'static' });
      const text = render(s.fixture);
      const runtime = runtimeOf(text);
      expect(runtime).toEqual([
        'FROM scratch AS runtime',
        'COPY --from=httpd /rootfs/ /',
        `COPY --from=build /app/${s.dir}/ /www/`,
        'USER 65532:65532',
        'EXPOSE 8080',
        'CMD ["/busybox", "httpd", "-f", "-v", "-p", "8080", "-h", "/www"]',
      ]);
      expect(text).toContain('FROM debian:12.12-slim AS httpd');
      expect(text).toMatch(/apt-get install -y --no-install-recommends \\\n\s+busybox-static/);
      expect(text).not.toContain('prod-deps');
    });
  }

  it('serve: server runs a static-detected app with Node; staticServer with BusyBox installs nothing', () => {
    expect(runtimeOf(render('vite', { serve: 'server', start: ['node', 'serve.js'] }))[0]).toMatch(/^FROM node:/);
    const text = render('vite', { images: { staticServer: image('registry.example.com/busybox-static:1.35.0') }, staticServerHasBusybox: true, port: 9000, user: { uid: 101 } });
    expect(text).not.toContain('apt-get');
    expect(text).toContain('FROM registry.example.com/busybox-static:1.35.0 AS httpd');
    expect(text).toContain('CMD ["/busybox", "httpd", "-f", "-v", "-p", "9000", "-h", "/www"]');
    expect(text).toContain('USER 101:101');
  });
});

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDockwrightError(error)) return error.issues.map((i) => `${i.code} ${i.message} | ${i.hint}`).join('\n');
    throw error;
  }
  throw new Error('expected a DockwrightError');
}

describe('nodePreset: frameworks it cannot run without being told', () => {
  it('SvelteKit without adapter-node names the adapter and the start option', () => {
    expect(problem(() => render('sveltekit-auto'))).toBe(
      "DW9003 cannot tell how fw-sveltekit-auto starts: this SvelteKit app has no @sveltejs/adapter-node (adapter-auto picks no Node server) | add @sveltejs/adapter-node to svelte.config.js, or pass start: ['node', 'build']",
    );
    expect(runtimeOf(render('sveltekit-auto', { start: ['node', 'build'] })).at(-1)).toBe('CMD ["node", "build"]');
  });

  it('Express with no entry file names the start option', () => {
    expect(problem(() => render('express-nostart'))).toMatch(/^DW9003 cannot tell how fw-express-nostart starts: this express app has no `node <file>` start script.*pass start: \['node', 'dist\/server.js'\]$/);
  });
});
