// The docs site: every docs/*.md as a page, the README as its front page, a page per code (the
// lint rule and what the builder does about it, from lint.md and anti-patterns.md), a search
// index, and an "open in the playground" link under every example.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked, type Tokens } from 'marked';
import MiniSearch from 'minisearch';
import { codes, rules } from '@dockwright/core';
import { escapeHtml, page } from '../page.js';
import { formatProjectFiles } from '../playground/project-files.js';
import { encodeState } from '../playground/url-state.js';
import { SEARCH_OPTIONS, type SearchDoc } from './search-options.js';
import { slugger } from './slug.js';

/** The docs in the order of the side bar: file (without .md) and title there. */
export const DOC_PAGES: readonly (readonly [string, string])[] = [
  ['getting-started', 'Getting started'],
  ['presets', 'Presets'],
  ['cli', 'Command line'],
  ['policy', 'Policies'],
  ['lint', 'Linting Dockerfiles'],
  ['anti-patterns', 'Refused anti-patterns'],
  ['format', 'The canonical format'],
  ['lock', 'Digest lock'],
  ['reference', 'API reference'],
  ['benchmarks', 'Benchmarks'],
  ['testing', 'Testing'],
  ['architecture', 'Architecture'],
];

/** The project an example opened in the playground starts with: detectNode('.') and detectGo('.') read it. */
const EXAMPLE_PROJECT = formatProjectFiles({
  'package.json': `${JSON.stringify({ name: 'api', type: 'module', engines: { node: '22' }, scripts: { build: 'tsc', start: 'node dist/server.js' } }, null, 2)}\n`,
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'go.mod': 'module example.com/api\n\ngo 1.23\n',
  'main.go': 'package main\n\nfunc main() {}\n',
});

interface Section {
  title: string;
  anchor: string;
  text: string[];
}

interface Rendered {
  readonly title: string;
  readonly html: string;
  readonly sections: readonly Section[];
}

/** `### DW1002` ... up to the next heading of that level or higher, without the heading. */
export function sectionOf(markdown: string, code: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `### ${code}`);
  if (start < 0) return undefined;
  let end = start + 1;
  let fence = false;
  for (; end < lines.length; end++) {
    const line = lines[end] as string;
    if (line.startsWith('```')) fence = !fence;
    if (!fence && /^#{1,3} /.test(line)) break;
  }
  return lines.slice(start + 1, end).join('\n').trim();
}

/** Where a link of a docs file points on the site, from a page `depth` folders below docs/. */
function siteLink(href: string, depth: number): string {
  const up = '../'.repeat(depth);
  const code = /^(?:lint|anti-patterns)\.md#(dw\d{4})$/i.exec(href);
  if (code !== null) return `${up}codes/${(code[1] as string).toUpperCase()}.html`;
  const doc = /^(?:docs\/)?([\w-]+)\.md(#.*)?$/.exec(href);
  if (doc !== null && DOC_PAGES.some(([name]) => name === doc[1])) return `${up}${doc[1]}.html${doc[2] ?? ''}`;
  if (/^\.\.\/README\.md(#.*)?$/.test(href)) return `${up}index.html`;
  return href;
}

async function playgroundLink(root: string, block: Tokens.Code): Promise<string | undefined> {
  const lang = (block.lang ?? '').split(/\s+/)[0];
  if (lang === 'ts') {
    const state = await encodeState({ tab: 'program', code: block.text.endsWith('\n') ? block.text : `${block.text}\n`, files: EXAMPLE_PROJECT, dir: '.', dockerfile: '' });
    return `<a class="open" href="${root}index.html#${state}">Open in the playground</a>`;
  }
  if (lang === 'dockerfile' && /^\s*(#.*\n)*\s*FROM /im.test(block.text)) {
    const state = await encodeState({ tab: 'dockerfile', code: '', files: EXAMPLE_PROJECT, dir: '.', dockerfile: `${block.text}\n` });
    return `<a class="open" href="${root}index.html#${state}">Lint and import in the playground</a>`;
  }
  return undefined;
}

/** A markdown file as HTML: anchors, site links, playground links; and its sections, for search. */
async function renderMarkdown(markdown: string, options: { root: string; depth: number }): Promise<Rendered> {
  const slug = slugger();
  const marked = new Marked({ gfm: true, async: true });
  const tokens = marked.lexer(markdown);
  // The playground links need async compression, done once per block before rendering.
  const links = new Map<Tokens.Code, string>();
  for (const t of tokens) {
    if (t.type === 'code') {
      const link = await playgroundLink(options.root, t as Tokens.Code);
      if (link !== undefined) links.set(t as Tokens.Code, link);
    }
  }
  let title = '';
  const sections: Section[] = [{ title: '', anchor: '', text: [] }];
  marked.use({
    renderer: {
      heading({ tokens: inline, depth, text }) {
        const plain = text.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '');
        const id = slug(plain);
        if (depth === 1 && title === '') title = plain;
        return `<h${depth} id="${id}"><a class="anchor" href="#${id}">${this.parser.parseInline(inline)}</a></h${depth}>\n`;
      },
      code(token) {
        const lang = (token.lang ?? '').split(/\s+/)[0] ?? '';
        const html = `<pre><code${lang === '' ? '' : ` class="language-${escapeHtml(lang)}"`}>${escapeHtml(token.text)}\n</code></pre>\n`;
        const link = links.get(token);
        return link === undefined ? html : `${html}${link}\n`;
      },
      link({ href, title: linkTitle, tokens: inline }) {
        return `<a href="${escapeHtml(siteLink(href, options.depth))}"${linkTitle ? ` title="${escapeHtml(linkTitle)}"` : ''}>${this.parser.parseInline(inline)}</a>`;
      },
    },
  });
  const heads = slugger();
  for (const t of tokens) {
    if (t.type === 'heading' && (t.depth === 2 || t.depth === 3)) {
      const plain = (t as Tokens.Heading).text.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '');
      sections.push({ title: plain, anchor: heads(plain), text: [] });
    } else {
      if (t.type === 'heading') heads((t as Tokens.Heading).text.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, ''));
      (sections.at(-1) as Section).text.push(t.raw.replace(/[`*_#>|]/g, ' '));
    }
  }
  const html = await marked.parser(tokens);
  return { title, html, sections };
}

function sideNav(root: string, current: string): string {
  const items = DOC_PAGES.map(([name, label]) => `<li><a href="${root}${name}.html"${name === current ? ' aria-current="page"' : ''}>${label}</a></li>`).join('');
  return `<nav class="side" aria-label="docs"><a href="${root}index.html"${current === 'index' ? ' aria-current="page"' : ''}>Dockwright</a><ul>${items}</ul><a href="${root}codes/index.html"${current === 'codes' ? ' aria-current="page"' : ''}>Error codes</a><br><a href="${root}../index.html">Playground</a></nav>`;
}

const docsPage = (title: string, siteRoot: string, docsRoot: string, current: string, article: string) =>
  page({ title, root: siteRoot, current: 'docs', body: `<div class="docs">${sideNav(docsRoot, current)}<article>${article}</article></div>` });

/**
 * Writes the docs into `outDir/docs` and the search index into `outDir/assets`.
 *
 * @example
 * ```ts
 * await buildDocs('/repo', '/repo/site/dist');
 * ```
 */
export async function buildDocs(repo: string, outDir: string): Promise<{ pages: string[] }> {
  const docsOut = join(outDir, 'docs');
  mkdirSync(join(docsOut, 'codes'), { recursive: true });
  const search: SearchDoc[] = [];
  const written: string[] = [];
  const addSections = (pageTitle: string, url: string, sections: readonly Section[]) => {
    for (const s of sections) {
      const text = s.text.join(' ').replace(/\s+/g, ' ').trim();
      if (s.title === '' && text === '') continue;
      search.push({ id: `${url}#${s.anchor}`, title: s.title === '' ? pageTitle : s.title, page: pageTitle, url: s.anchor === '' ? url : `${url}#${s.anchor}`, text });
    }
  };
  const write = (path: string, html: string) => {
    writeFileSync(join(docsOut, path), html);
    written.push(`docs/${path}`);
  };

  const readme = await renderMarkdown(readFileSync(join(repo, 'README.md'), 'utf8'), { root: '../', depth: 0 });
  write('index.html', docsPage('Docs', '../', '', 'index', readme.html));
  addSections('Dockwright', 'docs/index.html', readme.sections);

  const markdown = new Map<string, string>();
  for (const [name, label] of DOC_PAGES) {
    const text = readFileSync(join(repo, 'docs', `${name}.md`), 'utf8');
    markdown.set(name, text);
    const r = await renderMarkdown(text, { root: '../', depth: 0 });
    write(`${name}.html`, docsPage(r.title || label, '../', '', name, r.html));
    addSections(r.title || label, `docs/${name}.html`, r.sections);
  }

  // A page per code: the lint rule's section, then what the builder does about it.
  const ruleById = new Map(rules.map((r) => [r.id as string, r]));
  const rows: string[] = [];
  for (const [code, info] of Object.entries(codes)) {
    const rule = ruleById.get(code);
    const lint = sectionOf(markdown.get('lint') ?? '', code);
    const builder = sectionOf(markdown.get('anti-patterns') ?? '', code);
    const parts = [`# ${code}: ${info.title}`, ''];
    const facts = [rule === undefined ? undefined : `lint: ${rule.level === 'off' ? 'off unless a policy turns it on' : `${rule.level} by default`}`, info.twins.length === 0 ? undefined : `twins: ${info.twins.join(', ')}`].filter(Boolean);
    if (facts.length > 0) parts.push(facts.join(' · '), '');
    if (lint !== undefined) parts.push('## In a written Dockerfile', '', lint, '');
    if (builder !== undefined) parts.push('## In the builder', '', builder, '');
    if (lint === undefined && builder === undefined) parts.push(`See [the anti-patterns guide](anti-patterns.md) and [linting](lint.md).`, '');
    const r = await renderMarkdown(parts.join('\n'), { root: '../../', depth: 1 });
    write(`codes/${code}.html`, docsPage(`${code} ${info.title}`, '../../', '../', 'codes', r.html));
    addSections(`${code} ${info.title}`, `docs/codes/${code}.html`, r.sections.map((s) => (s.title === '' ? { ...s, title: `${code} ${info.title}` } : s)));
    rows.push(`<tr><td><a href="${code}.html">${code}</a></td><td>${escapeHtml(info.title)}</td><td>${rule === undefined ? '' : rule.level}</td><td>${escapeHtml(info.twins.join(', '))}</td></tr>`);
  }
  write('codes/index.html', docsPage('Error codes', '../../', '../', 'codes', `<h1>Error codes</h1><p>Every code Dockwright reports, in builder errors and lint findings alike. Each has a page with its example and its fix.</p><table><thead><tr><th>code</th><th>what</th><th>lint default</th><th>twins</th></tr></thead><tbody>${rows.join('')}</tbody></table>`));

  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(search);
  writeFileSync(join(outDir, 'assets', 'search-index.json'), JSON.stringify(index));
  return { pages: written };
}
