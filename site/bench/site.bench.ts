// The playground in headless Chromium on 127.0.0.1: how long the page takes to show its first
// Dockerfile, and how long a keystroke takes to reach the screen as a re-rendered 4-stage file.
//   pnpm bench:site            tables (builds the site first; about a minute)
//   pnpm -s bench:site --json  the same as JSON
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { transform } from 'sucrase';
import ts from 'typescript';
import { buildSite } from '../build.js';
import { runProgram } from '../src/playground/run-program.js';
import { encodeState } from '../src/playground/url-state.js';
import { launchChromium } from '../test/support/chromium.js';
import { serveStatic } from '../test/support/static-server.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, loads: { type: 'string' }, keys: { type: 'string' } } });
const LOADS = Number(values.loads ?? 10);
const KEYS = Number(values.keys ?? 60);
const log = (line: string) => process.stderr.write(`${line}\n`);

const repo = join(import.meta.dirname, '..', '..');
const dist = join(repo, 'site', 'dist');
/** The 4-stage Node service of the render benchmarks, as a playground program. */
const FOUR_STAGE = `${readFileSync(join(repo, 'bench', 'fixtures', 'four-stage.ts'), 'utf8')}\nexport default buildFourStage();\n`;
/** Where the keystrokes go: inside a RUN command, so each one changes the Dockerfile. */
const TYPE_AFTER = "run('npm run build";

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const summary = (xs: readonly number[]) => ({ n: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
type Summary = ReturnType<typeof summary>;

interface LoadSample {
  readonly firstDockerfile: number;
  readonly loadEvent: number;
  readonly typesReady: number;
}

async function pageLoads(browser: Browser, url: string, warm: boolean): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  let context = await browser.newContext();
  for (let i = 0; i < LOADS + 1; i++) {
    if (!warm) {
      await context.close();
      context = await browser.newContext();
    }
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as { dockwright?: { loads: { firstDockerfile?: number; typesReady?: number } } }).dockwright?.loads.typesReady !== undefined, null, { timeout: 120_000 });
    const sample = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const { loads } = (globalThis as unknown as { dockwright: { loads: { firstDockerfile: number; typesReady: number } } }).dockwright;
      return { firstDockerfile: loads.firstDockerfile, loadEvent: nav.loadEventEnd, typesReady: loads.typesReady };
    });
    await page.close();
    // The first load of a warm series fills the cache; it is not a warm load.
    if (!(warm && i === 0) && !(!warm && i === LOADS)) samples.push(sample);
  }
  await context.close();
  return samples;
}

async function blankLoads(browser: Browser, url: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    out.push(await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))));
    await context.close();
  }
  return out;
}

type Phases = { changed: number; workerStart: number; workerEnd: number; answered: number };
async function keystrokes(browser: Browser, url: string): Promise<{ inputToPainted: number[]; inputToShown: number[]; worker: number[]; phases: Phases[]; onPage: number; lines: number }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}#${await encodeState({ tab: 'program', code: FOUR_STAGE, files: '', dir: '.', dockerfile: '' })}`);
  await page.waitForFunction(() => (globalThis as unknown as { dockwright?: { loads: { typesReady?: number } } }).dockwright?.loads.typesReady !== undefined, null, { timeout: 120_000 });
  const lines = ((await page.textContent('#output')) ?? '').split('\n').length - 1;
  await page.evaluate((after) => (globalThis as unknown as { dockwright: { cursorAfter(e: string, a: string): void } }).dockwright.cursorAfter('program', after), TYPE_AFTER);
  // One key every 150 ms: a fast typist's pace, and time for each render to land before the next.
  for (let i = 0; i < KEYS; i++) await page.keyboard.type(String.fromCharCode(97 + (i % 26)), { delay: 0 }).then(() => page.waitForTimeout(150));
  await page.waitForTimeout(500);
  const timings = await page.evaluate(() => (globalThis as unknown as { dockwright: { timings: { inputToPainted: number; inputToShown: number; worker: number; phases: Phases; where?: 'page' | 'worker' }[] } }).dockwright.timings);
  const text = (await page.textContent('#output')) ?? '';
  if (!text.includes('npm run build')) throw new Error('the keystrokes did not reach the Dockerfile');
  await page.context().close();
  return { inputToPainted: timings.map((t) => t.inputToPainted), inputToShown: timings.map((t) => t.inputToShown), worker: timings.map((t) => t.worker), phases: timings.map((t) => t.phases), onPage: timings.filter((t) => t.where === 'page').length, lines };
}

/** Median of `runs` calls after 20% of them as warm-up. */
function timeInNode(runs: number, f: () => unknown): Summary {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    if (i >= runs / 5) times.push(performance.now() - t0);
  }
  return summary(times);
}

/** The playground's run in Node, and its transpiler next to TypeScript's, on the same program. */
function inNode(): { runProgram: Summary; sucrase: Summary; transpileModule: Summary } {
  return {
    runProgram: timeInNode(250, () => runProgram({ code: FOUR_STAGE, files: {}, dir: '.' })),
    sucrase: timeInNode(250, () => transform(FOUR_STAGE, { transforms: ['typescript', 'imports'], production: true, disableESTransforms: true })),
    transpileModule: timeInNode(50, () => ts.transpileModule(FOUR_STAGE, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } })),
  };
}

const loadBefore = loadavg()[0] ?? 0;
log('building the site…');
const built = await buildSite(dist);
const assets = Object.fromEntries(
  ['index.html', 'assets/playground.js', 'assets/run-worker.js', 'assets/run-inline.js', 'assets/ts-worker.js', 'assets/types.json', 'assets/site.css'].map((f) => {
    const text = readFileSync(join(dist, f));
    return [f, { bytes: statSync(join(dist, f)).size, gzip: gzipSync(text, { level: 6 }).length }];
  }),
);
const blankDir = mkdtempSync(join(tmpdir(), 'dockwright-blank-'));
writeFileSync(join(blankDir, 'index.html'), '<!doctype html><title>blank</title><pre>FROM scratch</pre>');
const server = await serveStatic(dist);
const blank = await serveStatic(blankDir);
const browser = await launchChromium();
const version = browser.version();
try {
  log(`page loads, cold (${LOADS})…`);
  const cold = await pageLoads(browser, server.url, false);
  log(`page loads, warm (${LOADS})…`);
  const warm = await pageLoads(browser, server.url, true);
  log('blank page…');
  const floor = await blankLoads(browser, blank.url);
  log(`keystrokes (${KEYS})…`);
  const keys = await keystrokes(browser, server.url);
  const node = inNode();
  const result = {
    machine: { cores: cpus().length, loadBefore, loadAfter: loadavg()[0] ?? 0 },
    chromium: version,
    build: { seconds: built.ms / 1000 },
    assets,
    load: {
      cold: { firstDockerfile: summary(cold.map((s) => s.firstDockerfile)), loadEvent: summary(cold.map((s) => s.loadEvent)), typesReady: summary(cold.map((s) => s.typesReady)) },
      warm: { firstDockerfile: summary(warm.map((s) => s.firstDockerfile)), loadEvent: summary(warm.map((s) => s.loadEvent)), typesReady: summary(warm.map((s) => s.typesReady)) },
      blankPage: summary(floor),
    },
    keystroke: {
      lines: keys.lines,
      /** Of the keystrokes, how many ran on the page's thread (the rest in the worker). */
      onPage: keys.onPage,
      inputToPainted: summary(keys.inputToPainted),
      inputToShown: summary(keys.inputToShown),
      worker: summary(keys.worker),
      phases: Object.fromEntries((['changed', 'workerStart', 'workerEnd', 'answered'] as const).map((k) => [k, summary(keys.phases.map((p) => p[k]))])) as Record<keyof Phases, Summary>,
    },
    node,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const row = (name: string, s: Summary) => `| ${name} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} |`;
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    process.stdout.write(
      [
        `Chromium ${version}, site built in ${result.build.seconds.toFixed(1)} s; ${result.machine.cores} cores, 1-minute load ${result.machine.loadBefore.toFixed(1)} before, ${result.machine.loadAfter.toFixed(1)} after`,
        '',
        '| asset | size | gzip |',
        '| --- | --- | --- |',
        ...Object.entries(assets).map(([f, a]) => `| ${f} | ${kib(a.bytes)} | ${kib(a.gzip)} |`),
        '',
        '| page load, from navigation start | n | median | p95 | max |',
        '| --- | --- | --- | --- | --- |',
        row('cold cache: first Dockerfile painted', result.load.cold.firstDockerfile),
        row('cold cache: load event', result.load.cold.loadEvent),
        row('cold cache: first type check answered', result.load.cold.typesReady),
        row('warm cache: first Dockerfile painted', result.load.warm.firstDockerfile),
        row('warm cache: first type check answered', result.load.warm.typesReady),
        row('blank page (the floor): first frame', result.load.blankPage),
        '',
        `| keystroke in a 4-stage file (${keys.lines} lines) | n | median | p95 | max |`,
        '| --- | --- | --- | --- | --- |',
        row('key down to the next frame after the new Dockerfile', result.keystroke.inputToPainted),
        row('key down to the Dockerfile in the page', result.keystroke.inputToShown),
        row('the run (on the page or in the worker): transpile, run, render', result.keystroke.worker),
        row('key down to the editor\'s change event', result.keystroke.phases.changed),
        row('key down to the run starting', result.keystroke.phases.workerStart),
        row('key down to the run ending', result.keystroke.phases.workerEnd),
        row('key down to the answer in the page', result.keystroke.phases.answered),
        `${keys.onPage} of ${result.keystroke.inputToPainted.n} keystrokes ran on the page's thread, the rest in the run worker`,
        '',
        '| the same program in Node | n | median | p95 | max |',
        '| --- | --- | --- | --- | --- |',
        row('runProgram(): transpile, run, render', node.runProgram),
        row('sucrase transform (the playground)', node.sucrase),
        row('TypeScript transpileModule (the alternative)', node.transpileModule),
        '',
      ].join('\n'),
    );
  }
} finally {
  await browser.close();
  await server.close();
  await blank.close();
  rmSync(blankDir, { recursive: true, force: true });
}
