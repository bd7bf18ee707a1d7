/**
 * Runs every example in docs/*.md, so the documentation cannot drift from the code.
 *
 * Conventions for fenced blocks in the docs:
 * - ```ts             A complete module. It must type-check (with the repository's strict
 *                     settings) and run without throwing, unless a ```text block follows it.
 * - ```ts type-error  A module that must NOT type-check (what the editor refuses). It is never
 *                     run. The refused line carries a `// type error` comment, so a reader of
 *                     the rendered page (which does not show the info string) can tell. When a
 *                     ```text block follows it, that text must appear in the type checker's
 *                     message for the block.
 * - ```dockerfile     Right after a ```ts block: the Dockerfile that block renders, exactly.
 *                     The rendered text is what the block prints (`console.log`,
 *                     `process.stdout.write`) or, when it prints nothing, its default export
 *                     (a Dockerfile from `dockerfile()`, or a string), rendered.
 * - ```text           Right after a ```ts block: what the block prints, exactly; or, when it
 *                     prints nothing, the message of the DockwrightError it throws.
 * Any other block (```sh, a ```text or ```dockerfile block that follows no ```ts block, ...)
 * is prose and is not checked. "Right after" means only blank lines between the two blocks.
 *
 * Each block is written to its own file under docs/.tmp/ (ignored by git and by the
 * repository's type check), so `@dockwright/core` resolves as it does for a user; the
 * directory is removed at the end.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codes, isDockwrightError } from '@dockwright/core';

const docsDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(docsDir, '..');
const tmpDir = join(docsDir, '.tmp', `examples-${process.pid}`);

interface Block {
  readonly lang: string;
  readonly flags: readonly string[];
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

interface Example {
  readonly doc: string;
  readonly block: Block;
  readonly expected?: Block;
  readonly file: string;
}

/** The fenced blocks of a markdown file, in order, each with the block that right follows it. */
function parseBlocks(markdown: string): { block: Block; next?: Block }[] {
  const lines = markdown.split('\n');
  const blocks: { block: Block; endLine: number }[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i += 1) body.push(lines[i] ?? '');
    if (i >= lines.length) throw new Error(`unclosed code block at line ${start + 1}`);
    const flags = (open[2] ?? '').split(/\s+/).filter((f) => f !== '');
    blocks.push({ block: { lang: open[1] ?? '', flags, body: body.join('\n'), line: start + 1 }, endLine: i });
  }
  return blocks.map(({ block, endLine }, n) => {
    const following = blocks[n + 1];
    const between = following === undefined ? [] : lines.slice(endLine + 1, following.block.line - 1);
    const adjacent = following !== undefined && between.every((l) => l.trim() === '');
    return adjacent ? { block, next: following.block } : { block };
  });
}

const docs = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .sort();

const examples: Example[] = docs.flatMap((doc) =>
  parseBlocks(readFileSync(join(docsDir, doc), 'utf8'))
    .filter(({ block }) => block.lang === 'ts')
    .map(({ block, next }) => {
      const name = `${doc.replace(/\.md$/, '')}-line-${block.line}.ts`;
      const expected = next !== undefined && (next.lang === 'dockerfile' || next.lang === 'text') ? next : undefined;
      return { doc, block, file: join(tmpDir, name), ...(expected === undefined ? {} : { expected }) };
    }),
);

const isTypeError = (e: Example) => e.block.flags.includes('type-error');
const unknownFlags = examples.flatMap((e) => e.block.flags.filter((f) => f !== 'type-error').map((f) => `${e.doc}:${e.block.line} ${f}`));

/** Type-checker messages per file, from one program over every example. */
const diagnostics = new Map<string, string[]>();

beforeAll(() => {
  mkdirSync(tmpDir, { recursive: true });
  for (const e of examples) writeFileSync(e.file, `${e.block.body}\nexport {};\n`);
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram(
    examples.map((e) => e.file),
    { ...parsed.options, noEmit: true },
  );
  for (const e of examples) {
    const source = program.getSourceFile(e.file);
    const found = source === undefined ? ['file not in the program'] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    diagnostics.set(e.file, found);
  }
}, 120_000);

afterAll(() => {
  rmSync(tmpDir, { recursive: true, force: true });
  // docs/.tmp itself too, unless another run is still using it.
  if (readdirSync(dirname(tmpDir)).length === 0) rmSync(dirname(tmpDir), { recursive: true, force: true });
});

/** Imports an example, capturing what it prints and what it throws. */
async function run(file: string): Promise<{ printed: string; thrown?: unknown; exported?: unknown }> {
  let printed = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed += `${format(...args)}\n`;
  });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return { printed, exported: module.default };
  } catch (thrown) {
    return { printed, thrown };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

function renderedText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { render?: unknown }).render === 'function') {
    return (value as { render(): string }).render();
  }
  throw new Error('the block prints nothing and its default export is neither a string nor a Dockerfile');
}

describe('docs', () => {
  it('finds examples in every guide, with known flags only', () => {
    expect(docs.length).toBeGreaterThan(0);
    // Guides about running the project (tests, benchmarks) or its layout (architecture) show no library code.
    const operational = new Set(['testing.md', 'benchmarks.md', 'architecture.md']);
    for (const doc of docs.filter((d) => !operational.has(d))) expect(examples.some((e) => e.doc === doc), `${doc} has no ts example`).toBe(true);
    expect(unknownFlags).toEqual([]);
  });

  it('links between the guides point at files and headings that exist', () => {
    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
    const anchors = new Map(
      docs.map((doc) => {
        const text = readFileSync(join(docsDir, doc), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
        return [doc, new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')))];
      }),
    );
    const broken: string[] = [];
    for (const doc of docs) {
      const text = readFileSync(join(docsDir, doc), 'utf8');
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file = '', anchor] = target.split('#');
        const targetDoc = file === '' ? doc : file;
        if (!anchors.has(targetDoc)) broken.push(`${doc}: ${target} (no such guide)`);
        else if (anchor !== undefined && !anchors.get(targetDoc)?.has(anchor)) broken.push(`${doc}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('anti-patterns.md has a section and a summary row for every error code, matching `codes`', () => {
    const text = readFileSync(join(docsDir, 'anti-patterns.md'), 'utf8');
    const headings = [...text.matchAll(/^### (DW\d{4})$/gm)].map((m) => m[1]);
    const cells = text
      .split('\n')
      .filter((line) => /^\| DW\d{4} \|/.test(line))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    const rows = new Map(cells.map(([code, title, , twins]) => [code, { title, twins }]));
    const expected = Object.entries(codes).map(([code, info]) => ({ code, title: info.title, twins: info.twins.join(', ') }));
    expect(headings).toEqual(expected.map((e) => e.code));
    expect(expected.map((e) => ({ code: e.code, ...rows.get(e.code) }))).toEqual(expected);
  });

  for (const example of examples) {
    const where = `${example.doc}:${example.block.line}`;
    const expected = example.expected;

    if (isTypeError(example)) {
      it(`${where} does not type-check`, () => {
        expect(example.block.body, 'mark the refused line with // type error').toContain('// type error');
        const messages = diagnostics.get(example.file) ?? [];
        expect(messages.length, 'a type-error block type-checks').toBeGreaterThan(0);
        if (expected?.lang === 'text') {
          const all = messages.join('\n');
          expect(all.includes(expected.body), `type checker said:\n${all}`).toBe(true);
        }
      });
      continue;
    }

    it(`${where} type-checks and runs${expected === undefined ? '' : ` and shows the ${expected.lang} below it`}`, async () => {
      expect(diagnostics.get(example.file) ?? []).toEqual([]);
      const result = await run(example.file);
      if (expected === undefined) {
        if (result.thrown !== undefined) throw result.thrown;
        return;
      }
      if (expected.lang === 'dockerfile') {
        if (result.thrown !== undefined) throw result.thrown;
        const text = result.printed !== '' ? result.printed : renderedText(result.exported);
        expect(text).toBe(`${expected.body}\n`);
        return;
      }
      // text: what it prints, or the message of the DockwrightError it throws.
      if (result.printed !== '') {
        if (result.thrown !== undefined) throw result.thrown;
        expect(result.printed).toBe(`${expected.body}\n`);
        return;
      }
      expect(isDockwrightError(result.thrown), `expected a DockwrightError, got ${String(result.thrown)}`).toBe(true);
      expect((result.thrown as Error).message).toBe(expected.body);
    });
  }
});
