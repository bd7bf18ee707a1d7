// Core, and the browser entries of presets and policy, must run where there is no Node: the
// playground runs them in a page. This bundles them as a browser would get them and fails on any
// import of a Node built-in, then runs the bundle in a context with only what a browser has, so a
// Node global (Buffer, process, require) fails too.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packages = join(import.meta.dirname, '..', '..', '..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Records every import of a Node built-in, with the file that makes it, instead of failing the build. */
function nodeImports(found: string[]): Plugin {
  return {
    name: 'node-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!builtins.has(args.path) && !args.path.startsWith('node:')) return undefined;
        found.push(`${args.path} imported by ${args.importer.startsWith(packages) ? args.importer.slice(packages.length + 1) : args.importer}`);
        return { path: args.path, external: true };
      });
    },
  };
}

const entry = `
export * as core from '@dockwright/core';
export * as presets from '@dockwright/presets/browser';
export * as policy from '@dockwright/policy/browser';
`;

async function bundle(format: 'esm' | 'iife'): Promise<{ code: string; nodeImports: string[] }> {
  const found: string[] = [];
  const result = await build({
    stdin: { contents: entry, resolveDir: packages, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format,
    globalName: 'dockwright',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [nodeImports(found)],
  });
  return { code: result.outputFiles[0]?.text ?? '', nodeImports: found };
}

/** What a page's worker has; no Buffer, process, require, setImmediate or global. */
function browserGlobals(): Record<string, unknown> {
  return { TextEncoder, TextDecoder, URL, URLSearchParams, console, queueMicrotask, structuredClone, atob, btoa };
}

type Api = {
  core: typeof import('@dockwright/core');
  presets: typeof import('@dockwright/presets/browser');
  policy: typeof import('@dockwright/policy/browser');
};

describe('core, presets/browser and policy/browser in a browser', () => {
  it('bundle for the browser without one import of a Node built-in', async () => {
    const { code, nodeImports } = await bundle('esm');
    expect(nodeImports).toEqual([]);
    expect(code.length).toBeGreaterThan(100_000);
  });

  it('run with only what a browser has: render, parse, lint, format, import, presets and policy', async () => {
    const { code } = await bundle('iife');
    const context = browserGlobals();
    runInNewContext(code, context);
    const { core, presets, policy } = context['dockwright'] as Api;

    const base = core.image('node:22.11-bookworm-slim');
    const build = core.stage('build').from(base).workdir('/app').run('npm ci');
    const app = core.stage('app').from(base).workdir('/app').user(10001).copy(build, '/app/node_modules', './node_modules').cmd(['node', 'server.js']);
    expect(core.dockerfile(app).render()).toContain('COPY --from=build /app/node_modules ./node_modules');

    // A line over 64 KiB counts its UTF-8 bytes (this was Buffer.byteLength).
    const long = core.parseDockerfile(`FROM alpine:3.20\nRUN echo ${'é'.repeat(33_000)}\n`);
    expect(long.ok ? [] : long.errors.map((e) => e.code)).toEqual(['DW0002']);

    expect(core.lintDockerfile('FROM node:latest\nCMD node server.js\n').map((d) => d.rule)).toEqual(expect.arrayContaining(['DW1002']));
    const formatted = core.format('from alpine:3.20\nrun apk add curl\n');
    expect(formatted.ok && formatted.text).toBe('FROM alpine:3.20\nRUN apk add curl\n');
    const imported = core.importDockerfile('FROM debian:12.8-slim\nUSER 1000\nCMD ["sleep", "1"]\n');
    expect(imported.ok && imported.source).toContain(".from('debian:12.8-slim')");

    const project = presets.detectNodeFiles({
      'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' }, dependencies: { express: '4.21.2' } }),
      'package-lock.json': '{}',
    });
    expect(presets.nodePreset(project).dockerfile.render()).toContain('npm ci');

    const org = policy.policyFrom({ allowedRegistries: ['registry.example.com'] });
    if (!org.ok) throw new Error('policy refused');
    expect(policy.checkPolicy(core.dockerfile(app), org.policy).map((f) => f.code)).toContain('DW1009');
  });

  it('would catch a Node built-in: the check is not vacuous', async () => {
    const found: string[] = [];
    await build({ stdin: { contents: "import { readFileSync } from 'node:fs'; export const x = readFileSync;", resolveDir: packages }, bundle: true, write: false, platform: 'browser', logLevel: 'silent', plugins: [nodeImports(found)] });
    expect(found).toEqual(['node:fs imported by <stdin>']);
    expect(() => runInNewContext('Buffer.byteLength("x")', browserGlobals())).toThrow(/Buffer is not defined/);
  });
});
