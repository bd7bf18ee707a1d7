// Builds the static site into site/dist (or --out DIR): the playground at the root, the docs
// under docs/. No server code: any static file server serves it.
//   npx --yes pnpm@10.34.8 site:build
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
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
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: { playground: join(siteDir, 'src/playground/main.ts'), search: join(siteDir, 'src/docs/search.ts') },
      format: 'esm',
      outdir: join(outDir, 'assets'),
      define: { EXAMPLES: JSON.stringify(examples), SAMPLE_DOCKERFILE: JSON.stringify(SAMPLE_DOCKERFILE) },
    }),
    // A module worker, split: the policy (and zod, its schema) loads only for a program that imports it.
    // It holds the first example too, transpiled: it runs the first program before the page's script
    // loads, and before sucrase (a chunk of its own, loaded for any other program) has loaded.
    build({
      ...common,
      entryPoints: { 'run-worker': join(siteDir, 'src/playground/run-worker.ts') },
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outdir: join(outDir, 'assets'),
      define: { FIRST_EXAMPLE: JSON.stringify(firstExample), FIRST_EXAMPLE_JS: JSON.stringify(firstJs) },
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
