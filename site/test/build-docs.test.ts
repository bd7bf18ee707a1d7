import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, rules } from '@dockwright/core';
import { buildDocs, DOC_PAGES, sectionOf } from '../src/docs/build-docs.js';
import { SEARCH_OPTIONS, type SearchDoc } from '../src/docs/search-options.js';
import { decodeState, type PlaygroundState } from '../src/playground/url-state.js';

const repo = join(import.meta.dirname, '..', '..');
let out: string;
let pages: string[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'dockwright-docs-'));
  mkdirSync(join(out, 'assets'));
  ({ pages } = await buildDocs(repo, out));
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const html = (page: string) => readFileSync(join(out, page), 'utf8');
const empty: PlaygroundState = { tab: 'program', code: '', files: '', dir: '.', dockerfile: '' };

describe('the docs site', () => {
  it('has a page for every doc, and every doc is in the side bar', () => {
    const docs = readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
    expect(DOC_PAGES.map(([name]) => name).sort()).toEqual(docs);
    for (const name of docs) expect(pages).toContain(`docs/${name}.html`);
  });

  it('has a page for every code, and each lint rule page shows the rule with its example', () => {
    for (const code of Object.keys(codes)) expect(pages).toContain(`docs/codes/${code}.html`);
    const lint = readFileSync(join(repo, 'docs', 'lint.md'), 'utf8');
    for (const rule of rules) {
      if (sectionOf(lint, rule.id) === undefined) continue;
      const page = html(`docs/codes/${rule.id}.html`);
      expect(page, rule.id).toContain('In a written Dockerfile');
      expect(page, rule.id).toContain('Open in the playground');
    }
    expect(html('docs/codes/DW1002.html')).toContain('floats with the latest tag');
  });

  it('links only to pages and anchors that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const m of html(page).matchAll(/href="([^"#:]*\.html)(?:#([^"]*))?"/g)) {
        checked++;
        const target = normalize(join(dirname(page), m[1] as string));
        if (target.startsWith('..') || target === 'index.html') continue; // the playground, outside docs/
        if (!pages.includes(target)) broken.push(`${page} -> ${m[1]}`);
        else if (m[2] !== undefined && m[2] !== '' && !html(target).includes(`id="${m[2]}"`)) broken.push(`${page} -> ${m[1]}#${m[2]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('opens every TypeScript example in the playground, as written', async () => {
    const page = html('docs/getting-started.html');
    const links = [...page.matchAll(/<pre><code class="language-ts">([\s\S]*?)<\/code><\/pre>\n<a class="open" href="\.\.\/index\.html#([^"]+)">/g)];
    expect(links.length).toBeGreaterThan(2);
    for (const [, code, state] of links) {
      const decoded = await decodeState(state as string, empty);
      const unescaped = (code as string).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(decoded?.code).toBe(unescaped);
      expect(decoded?.files).toContain('--- package.json');
    }
  });

  it('finds sections by their words', () => {
    const index = MiniSearch.loadJSON<SearchDoc>(readFileSync(join(out, 'assets', 'search-index.json'), 'utf8'), SEARCH_OPTIONS);
    expect(index.search('latest tag')[0]?.['url']).toMatch(/^docs\/codes\/DW1002\.html/);
    expect(index.search('dockwright render --check').some((r) => String(r['url']).startsWith('docs/cli.html'))).toBe(true);
    expect(index.search('detectNode').length).toBeGreaterThan(0);
  });
});
