// The playground in real headless Chromium, against the built site served on 127.0.0.1.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lintDockerfile } from '@dockwright/core';
import { describeCorpus } from '../../packages/core/test/support/corpus.js';
import { launchChromium } from './support/chromium.js';
import { afterRender, editorText, openPlayground, pasteInto, renders, screenshot, text } from './support/site-page.js';
import { serveStatic, type StaticServer } from './support/static-server.js';
import { encodeState } from '../src/playground/url-state.js';

const dist = join(import.meta.dirname, '..', 'dist');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('the site is not built: run `pnpm site:build` (pnpm test:site builds it first)');
  server = await serveStatic(dist);
  browser = await launchChromium();
  // One context, as one visitor: its cache keeps the compiled scripts between tests.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return async () => {
    await page.close();
    expect(errors, 'errors thrown in the page').toEqual([]);
  };
});

const PROGRAM = `import { dockerfile, stage } from '@dockwright/core';

const app = stage('app').from('alpine:3.20').user(1000)
export default dockerfile(app);`;

describe('the playground', () => {
  it('renders the Dockerfile of a program as it is typed', async () => {
    await openPlayground(page, server.url);
    // The first example is there, rendered.
    expect(await text(page, '#output')).toContain('FROM node:22.11-bookworm-slim@sha256:');

    let before = await renders(page);
    await pasteInto(page, 'program', PROGRAM);
    await afterRender(page, before);
    expect(await text(page, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\n');

    // Typing at the end of the stage's line, key by key (the editor closes brackets and quotes).
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    before = await renders(page);
    await page.keyboard.type(".workdir('/srv')", { delay: 20 });
    await page.waitForFunction(() => document.getElementById('output')?.textContent?.includes('WORKDIR /srv'), null, { timeout: 30_000 });
    expect(await text(page, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\nWORKDIR /srv\n');
    expect(await renders(page)).toBeGreaterThan(before);
    expect(await text(page, '#problems')).toBe('');
    await screenshot(page, 'playground-typed-program');
  });

  it('answers node:latest with DW1002 and its hint, and the type checker refuses it', async () => {
    await openPlayground(page, server.url);
    const before = await renders(page);
    await pasteInto(page, 'program', PROGRAM.replace("'alpine:3.20'", "'node:latest'"));
    await afterRender(page, before);
    const problems = await text(page, '#problems');
    expect(problems).toContain('DW1002');
    expect(problems).toContain('image "node:latest" floats with the latest tag');
    expect(problems).toContain('→ pin a version');
    expect(await page.getAttribute('#problems a.code', 'href')).toBe('docs/codes/DW1002.html');
    // The editor's type error, from the TypeScript worker.
    await page.waitForFunction(() => (document.getElementById('type-errors')?.textContent ?? '').includes('latest'), null, { timeout: 60_000 });
    expect(await text(page, '#type-errors')).toMatch(/ts\(\d+\) line 3/);
    await page.waitForSelector('.cm-lintRange-error', { timeout: 30_000 });
    await screenshot(page, 'playground-node-latest');
  });

  it('refuses a final stage that runs as root, in types and at run time', async () => {
    await openPlayground(page, server.url);
    const before = await renders(page);
    await pasteInto(page, 'program', PROGRAM.replace('.user(1000)', ''));
    await afterRender(page, before);
    expect(await text(page, '#problems')).toContain('DW3001');
    await page.waitForFunction(() => (document.getElementById('type-errors')?.textContent ?? '').includes('the final stage runs as root'), null, { timeout: 60_000 });
  });

  it('completes the builder API from its types', async () => {
    await openPlayground(page, server.url);
    await pasteInto(page, 'program', "import { stage } from '@dockwright/core';\n\nstage('app').from('alpine:3.20')");
    await page.keyboard.type('.wo');
    await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 60_000 });
    const options = await page.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((i) => i.textContent ?? ''));
    expect(options.some((o) => o.startsWith('workdir'))).toBe(true);
    await screenshot(page, 'playground-completion');
  });

  it('reproduces its state from a shared link', async () => {
    await openPlayground(page, server.url);
    await page.selectOption('#example', 'monorepo-service');
    await page.waitForFunction(() => document.getElementById('output')?.textContent?.includes('COPY packages/db/ ./packages/db/'), null, { timeout: 30_000 });
    const before = await renders(page);
    await page.click('[aria-label="program"]');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('// shared\n');
    await afterRender(page, before);
    await page.click('#share');
    // The link is written once the state is compressed: wait for the button to say so.
    await page.waitForFunction(() => document.getElementById('share')?.textContent === 'Link copied', null, { timeout: 10_000 });
    const link = page.url();
    expect(link).toMatch(/#v1\.[\w-]+$/);
    const program = await editorText(page, 'program');
    const output = await text(page, '#output');

    // A new visitor: nothing of the first page's state but the link.
    const other = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await openPlayground(other, link);
    expect(await editorText(other, 'program')).toBe(program);
    expect(await editorText(other, 'files')).toContain('--- services/api/package.json');
    expect(await other.inputValue('#dir')).toBe('services/api');
    expect(await text(other, '#output')).toBe(output);
    await screenshot(other, 'playground-shared-link');
    await other.context().close();
  });

  it('loads the policy for a program that imports it', async () => {
    await openPlayground(page, server.url);
    const before = await renders(page);
    await pasteInto(page, 'program', "import { checkPolicy, policyFrom } from '@dockwright/policy';\nimport { dockerfile, stage } from '@dockwright/core';\n\nconst org = policyFrom({ allowedRegistries: ['registry.acme.example'] });\nif (org.ok) console.log(checkPolicy(dockerfile(stage('app').from('alpine:3.20').user(1000)), org.policy).map((f) => f.code).join(','));\n");
    await afterRender(page, before);
    expect(await text(page, '#output')).toBe('DW1009\n');
  });

  it('renders a shared program that imports the presets, which the worker loads only for it', async () => {
    const code = "import { nodePreset, detectNode } from '@dockwright/presets';\n\nexport default nodePreset(detectNode());\n";
    const files = '--- package.json\n{ "name": "api", "engines": { "node": "22" }, "scripts": { "start": "node server.js" } }\n--- package-lock.json\n{ "lockfileVersion": 3 }\n';
    // The first run is the worker's, before the presets are in it: it loads them, then renders.
    await openPlayground(page, `${server.url}#${await encodeState({ tab: 'program', code, files, dir: '.', dockerfile: '' })}`);
    expect(await text(page, '#output')).toContain('FROM node:22');
    expect(await text(page, '#problems')).toBe('');
  });

  it('raises no page error from callbacks a program leaves behind while it is typed fast', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openPlayground(page, server.url);
    // The run on the page's thread is there (its module loads after the first Dockerfile).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/run-inline.js') && (r as PerformanceResourceTiming).responseEnd > 0), null, { timeout: 30_000 });
    await page.waitForTimeout(200);
    const before = await renders(page);
    await pasteInto(page, 'program', `${PROGRAM}\nPromise.resolve().then(() => 1);\nsetTimeout(() => 2, 0);\n`);
    await afterRender(page, before);
    // Once the keystrokes run on the page's thread, each key's run is superseded by the next, and
    // the callbacks of every run fire after it ended.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('// typed fast, key after key', { delay: 5 });
    await page.waitForTimeout(300);
    expect(await text(page, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\n');
    expect(errors).toEqual([]);
  });

  it('shows the first Dockerfile from the run the page started before the editor loaded', async () => {
    await openPlayground(page, server.url);
    // Run 0 is the inline script's; the page's own runs count from 1.
    expect(await page.evaluate(() => document.body.dataset['rendered'])).toBe('0');
    expect(await text(page, '#output')).toContain('FROM ');
  });

  it('shows the first Dockerfile while the transpiler is still loading, then renders a shared link with it', async () => {
    // A new visitor (empty cache), and the worker's transpiler (sucrase) held back: the first
    // example comes transpiled from the build, so its Dockerfile does not wait for it.
    const visitor = await browser.newContext();
    const held: (() => Promise<void>)[] = [];
    await visitor.route(/\/worker-lazy\/transpile-[^/]*\.js$/, (route) => void held.push(() => route.continue()));
    try {
      const first = await visitor.newPage();
      await openPlayground(first, server.url);
      expect(await text(first, '#output')).toContain('FROM node:22.11-bookworm-slim@sha256:');
      // The worker asks for it after the first run; nothing has answered it yet.
      await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
      await Promise.all(held.splice(0).map((go) => go()));
      await visitor.unroute(/\/worker-lazy\/transpile-[^/]*\.js$/);
      // A shared program other than the first example runs first in the worker, with the transpiler.
      const shared = await visitor.newPage();
      await openPlayground(shared, `${server.url}#${await encodeState({ tab: 'program', code: PROGRAM, files: '', dir: '.', dockerfile: '' })}`);
      expect(await text(shared, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\n');
    } finally {
      await visitor.close();
    }
  });

  it('starts the run worker from one script: core is in it, and what it imports later is loaded by name', () => {
    const worker = readFileSync(join(dist, 'assets', 'run-worker.js'), 'utf8');
    // No static import of a file of the site (a chunk): the first run needs no second request.
    expect(worker).not.toMatch(/\bfrom\s*"\.{1,2}\//);
    expect(worker).not.toMatch(/\bimport\s*"\.{1,2}\//);
    const later = [...worker.matchAll(/import\("\.\/(worker-lazy\/[^"]+)"\)/g)].map((m) => m[1]?.replace(/-[A-Z0-9]+\.js$/, ''));
    expect(later.sort()).toEqual(['worker-lazy/policy', 'worker-lazy/presets', 'worker-lazy/transpile']);
  });

  it('stops a shared program that never ends before the editor loaded, and keeps working', async () => {
    const link = `${server.url}#${await encodeState({ tab: 'program', code: 'while (true) {}\n', files: '', dir: '.', dockerfile: '' })}`;
    await page.goto(link);
    await page.waitForFunction(() => (document.getElementById('problems')?.textContent ?? '').includes('did not finish'), null, { timeout: 30_000 });
    const before = await renders(page);
    await pasteInto(page, 'program', PROGRAM);
    await afterRender(page, before);
    expect(await text(page, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\n');
  });

  it('stops a loop typed key by key without freezing the page, and goes back to rendering on the page', async () => {
    await openPlayground(page, server.url);
    let before = await renders(page);
    await pasteInto(page, 'program', PROGRAM);
    await afterRender(page, before);
    // Typed, not pasted: each key runs on the page's thread, where the loop must be stopped.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nwhile (true) {', { delay: 20 });
    // The page still takes keys and answers while the program loops.
    await page.keyboard.type(' 0;', { delay: 20 });
    expect(await editorText(page, 'program')).toContain('while (true) { 0;');
    await page.waitForFunction(() => (document.getElementById('problems')?.textContent ?? '').includes('did not finish'), null, { timeout: 30_000 });
    // The loop is removed: the Dockerfile comes back, and the keystrokes after it run on the page again.
    before = await renders(page);
    await pasteInto(page, 'program', PROGRAM);
    await afterRender(page, before);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    for (const key of ['.workdir', "('/srv"]) {
      await page.keyboard.type(key, { delay: 20 });
      await page.waitForTimeout(100);
    }
    await page.waitForFunction(() => document.getElementById('output')?.textContent?.includes('WORKDIR /srv'), null, { timeout: 30_000 });
    expect(await text(page, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\nWORKDIR /srv\n');
    const where = await page.evaluate(() => (globalThis as unknown as { dockwright: { timings: { where: string }[] } }).dockwright.timings.map((t) => t.where));
    expect(where).toContain('page');
  });

  it('stops a program that never ends, and keeps working', async () => {
    await openPlayground(page, server.url);
    let before = await renders(page);
    await pasteInto(page, 'program', 'while (true) {}\n');
    await page.waitForFunction(() => (document.getElementById('problems')?.textContent ?? '').includes('did not finish'), null, { timeout: 30_000 });
    before = await renders(page);
    await pasteInto(page, 'program', PROGRAM);
    await afterRender(page, before);
    expect(await text(page, '#output')).toBe('FROM alpine:3.20 AS app\nUSER 1000\n');
  });
});

describeCorpus('the Dockerfile tab, with an official image', (corpusDir) => {
  it("lints an official image's Dockerfile pasted into it, as lintDockerfile() does", async () => {
    const official = readFileSync(join(corpusDir, 'official-images', 'docker-library+redis', '7.2', 'debian', 'Dockerfile'), 'utf8');
    await openPlayground(page, server.url);
    await page.click('[data-tab="dockerfile"]');
    await pasteInto(page, 'Dockerfile', official);
    const expected = lintDockerfile(official);
    expect(expected.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.getElementById('findings-status')?.textContent?.startsWith(`${n} finding`), expected.length, { timeout: 30_000 });
    const shown = await page.$$eval('#findings li', (items) => items.map((i) => i.querySelector('.code')?.textContent ?? ''));
    expect(shown).toEqual(expected.map((f) => f.rule));
    await screenshot(page, 'dockerfile-tab-official-image');
  });
});

describe('the Dockerfile tab', () => {
  it('formats and imports a Dockerfile, and opens the builder code as a program', async () => {
    await openPlayground(page, server.url);
    await page.click('[data-tab="dockerfile"]');
    await pasteInto(page, 'Dockerfile', 'from debian:12.8-slim\nuser 1000\ncmd ["sleep", "1"]\n');
    await page.waitForFunction(() => document.getElementById('imported')?.textContent?.includes("from('debian:12.8-slim')"), null, { timeout: 30_000 });
    expect(await text(page, '#formatted')).toBe('FROM debian:12.8-slim\nUSER 1000\nCMD ["sleep", "1"]\n');
    expect(await text(page, '#findings-status')).toMatch(/^\d+ findings? in/);
    const before = await renders(page);
    await page.click('#open-import');
    await afterRender(page, before);
    expect(await page.isVisible('#tab-program')).toBe(true);
    expect(await text(page, '#output')).toBe('FROM debian:12.8-slim AS stage-1\nUSER 1000\nCMD ["sleep", "1"]\n');
    await screenshot(page, 'dockerfile-tab-imported');
  });
});

describe('the docs', () => {
  it('find a rule by its words from the search box', async () => {
    await page.goto(`${server.url}docs/index.html`);
    await page.fill('#search', 'latest tag');
    await page.waitForSelector('#search-results li a', { timeout: 30_000 });
    expect(await page.getAttribute('#search-results li a', 'href')).toBe('../docs/codes/DW1002.html');
    await page.click('#search-results li a');
    await page.waitForURL(/DW1002\.html$/);
    expect(await page.textContent('h1')).toContain('DW1002');
    await screenshot(page, 'docs-search');
  });

  it('open an example in the playground, which renders the Dockerfile the docs show under it', async () => {
    const markdown = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'getting-started.md'), 'utf8');
    const shown = /```ts\n[\s\S]*?```\n\n```dockerfile\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(shown).toBeDefined();
    await page.goto(`${server.url}docs/getting-started.html`);
    await page.click('a.open >> nth=0');
    await page.waitForSelector('body[data-rendered]', { state: 'attached', timeout: 90_000 });
    expect(await text(page, '#output')).toBe(shown);
    await screenshot(page, 'docs-example-in-playground');
  });
});
