// Builds the static site into site/dist (or --out DIR): the playground at the root, the docs
// under docs/. No server code: any static file server serves it.
//   npx --yes pnpm@10.34.8 site:build
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { CORE_GLOBAL } from './src/playground/core-global.js';
import { loadExamples } from './src/playground/examples.js';
import { playgroundHtml } from './src/playground/playground-html.js';
import { SAMPLE_DOCKERFILE } from './src/playground/sample-dockerfile.js';
import { transpile } from './src/playground/transpile.js';
import { typeFiles } from './src/playground/type-files.js';
import { buildDocs } from './src/docs/build-docs.js';

const siteDir = import.meta.dirname;
const repo = join(siteDir, '..');

/** Node modules TypeScript's compiler asks for only when it runs on Node; never in the worker. */
const TYPESCRIPT_NODE_ONLY = ['fs', 'path', 'os', 'crypto', 'inspector', 'perf_hooks', 'source-map-support', '@microsoft/typescript-etw', 'buffer', 'module', 'worker_threads', 'child_process', 'url', 'util'];

/**
 * An esbuild plugin for the run worker's lazy modules: `@dockwright/core` is the worker's own
 * (the one instance its errors and stages come from), which it puts on `globalThis` before any
 * of them loads, in place of a second copy or a chunk shared with the worker's script.
 */
async function coreFromWorker(): Promise<Plugin> {
  const names = Object.keys(await import('@dockwright/core')).filter((n) => n !== 'default');
  return {
    name: 'core-from-worker',
    setup(b) {
      b.onResolve({ filter: /^@dockwright\/core$/ }, () => ({ path: 'core', namespace: 'core-from-worker' }));
      b.onLoad({ filter: /.*/, namespace: 'core-from-worker' }, () => ({ contents: `const core = globalThis.${CORE_GLOBAL};\nexport const { ${names.join(', ')} } = core;\n`, loader: 'js' }));
    },
  };
}

/** Builds the site into `outDir`; the sizes of the bundles come back. */
export async function buildSite(outDir: string): Promise<{ ms: number; bytes: Record<string, number> }> {
  const t0 = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const common: BuildOptions = { bundle: true, minify: true, sourcemap: 'linked', target: 'es2022', platform: 'browser', logLevel: 'warning', legalComments: 'linked', metafile: true };
  const examples = loadExamples(repo);
  const firstExample = { code: examples[0]?.code ?? '', files: examples[0]?.files ?? '', dir: examples[0]?.dir ?? '.' };
  // Transpiled here, so the worker's first run needs no transpiler: sucrase loads after it.
  const firstJs = transpile(firstExample.code);
  if (typeof firstJs !== 'string') throw new Error(`the first example does not transpile: ${JSON.stringify(firstJs)}`);
  // The run worker's modules loaded later (the transpiler, the presets with yaml, the policy with
  // zod) are built first, on their own: they take core from the worker (see coreFromWorker), so
  // the worker is one script holding core, with no second request before its first run.
  const lazy = await build({
    ...common,
    entryPoints: { transpile: join(siteDir, 'src/playground/transpile.ts'), presets: join(repo, 'packages/presets/src/browser.ts'), policy: join(repo, 'packages/policy/src/browser.ts') },
    format: 'esm',
    splitting: true,
    entryNames: 'worker-lazy/[name]-[hash]',
    chunkNames: 'worker-lazy/[name]-[hash]',
    outdir: join(outDir, 'assets'),
    plugins: [await coreFromWorker()],
  });
  const lazyFiles = Object.fromEntries(
    Object.entries(lazy.metafile?.outputs ?? {}).flatMap(([file, o]) => (o.entryPoint === undefined ? [] : [[o.entryPoint.includes('transpile') ? './transpile.js' : o.entryPoint.includes('presets') ? '@dockwright/presets/browser' : '@dockwright/policy/browser', `./worker-lazy/${file.split('/').pop()}`]])),
  );
  const results = await Promise.all([
    lazy,
    // A module worker in one script, with core and the first example, transpiled: it runs the
    // first program before the page's script loads; what it imports later is in worker-lazy/.
    build({
      ...common,
      entryPoints: { 'run-worker': join(siteDir, 'src/playground/run-worker.ts') },
      format: 'esm',
      outdir: join(outDir, 'assets'),
      define: { FIRST_EXAMPLE: JSON.stringify(firstExample), FIRST_EXAMPLE_JS: JSON.stringify(firstJs) },
      plugins: [
        {
          name: 'worker-lazy',
          setup(b) {
            b.onResolve({ filter: /^(\.\/transpile\.js|@dockwright\/(presets|policy)\/browser)$/ }, (args) => (args.kind === 'dynamic-import' ? { path: lazyFiles[args.path] as string, external: true } : undefined));
          },
        },
      ],
    }),

    build({
      ...common,
      entryPoints: { playground: join(siteDir, 'src/playground/main.ts'), search: join(siteDir, 'src/docs/search.ts') },
      format: 'esm',
      outdir: join(outDir, 'assets'),
      define: { EXAMPLES: JSON.stringify(examples), SAMPLE_DOCKERFILE: JSON.stringify(SAMPLE_DOCKERFILE) },
    }),
    // The same run on the page's own thread, loaded after the first Dockerfile (see run-inline.ts).
    build({
      ...common,
      entryPoints: { 'run-inline': join(siteDir, 'src/playground/run-inline.ts') },
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outdir: join(outDir, 'assets'),
    }),
    build({ ...common, entryPoints: { 'ts-worker': join(siteDir, 'src/playground/ts-worker.ts') }, format: 'iife', outdir: join(outDir, 'assets'), external: TYPESCRIPT_NODE_ONLY }),
  ]);
  writeFileSync(join(outDir, 'assets', 'types.json'), JSON.stringify(typeFiles(join(repo, 'packages'))));
  cpSync(join(siteDir, 'src/site.css'), join(outDir, 'assets', 'site.css'));
  writeFileSync(join(outDir, 'index.html'), playgroundHtml());
  await buildDocs(repo, outDir);
  const bytes: Record<string, number> = {};
  for (const r of results) for (const [file, o] of Object.entries(r.metafile?.outputs ?? {})) if (!file.endsWith('.map') && !file.endsWith('.txt')) bytes[file.split('/').pop() as string] = o.bytes;
  return { ms: performance.now() - t0, bytes };
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ?? join(siteDir, 'dist');
  const { ms, bytes } = await buildSite(out);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  process.stdout.write(`site built in ${(ms / 1000).toFixed(1)} s -> ${out}\n${Object.entries(bytes).map(([f, b]) => `  ${f} ${kb(b)}`).join('\n')}\n`);
}
