import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus.js';
import { expectEveryRawReported, expectSameInstructions, importAll, writeAndTypecheck } from '../support/imported-modules.js';

// BuildKit's own parser cases: odd spellings, escapes, JSON forms, flags. Each file is imported;
// a file the import refuses says where and why, and every other one gives a module that
// type-checks, renders the input's instructions, and reports each instruction it kept raw.
describeCorpus("importDockerfile over BuildKit's parser cases", (corpusDir) => {
  const dir = join(corpusDir, 'buildkit-parser', 'testfiles');
  const files = readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name, 'Dockerfile'), 'utf8') }));
  const tmpDir = join(import.meta.dirname, '..', '.tmp', `import-buildkit-${process.pid}`);
  const modules = importAll(files, tmpDir);
  let diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    diagnostics = writeAndTypecheck(modules, tmpDir);
  }, 300_000);

  afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

  it('refuses only what the builder cannot start or BuildKit would not build, each with a code and its place', () => {
    const refused = modules.flatMap((m) => (m.result.ok ? [] : [`${m.name} ${[...new Set(m.result.errors.map((e) => `${e.code}:${e.range.start.line}`))].join(' ')}`]));
    expect(refused).toEqual([
      // FROM of an image without a tag: no escape hatch starts a stage.
      'args DW1001:2',
      'cpuguy83-nagios DW1001:1',
      'env DW1001:1',
      'escape DW1001:3',
      'escape-after-comment DW1001:6',
      'escape-nonewline DW1001:4',
      'escape-with-syntax DW1001:4',
      // Flags and HEALTHCHECK arguments BuildKit's parser reads but its builder refuses.
      'flags DW0007:3 DW0007:4 DW0007:5 DW0007:6 DW0007:8 DW0007:9 DW0007:10',
      'health DW0005:4 DW0005:7 DW0005:10',
      // Files of instructions without a FROM: nothing to build.
      'jeztah-invalid-json-json-inside-string DW2006:1',
      'jeztah-invalid-json-json-inside-string-double DW2006:1',
      'jeztah-invalid-json-single-quotes DW2006:1',
      'jeztah-invalid-json-unterminated-bracket DW2006:1',
      'jeztah-invalid-json-unterminated-string DW2006:1',
      'json DW2006:1',
      'multiple-volumes DW1001:1',
      'trailing-backslash DW1001:3',
    ]);
    for (const m of modules) if (!m.result.ok) for (const e of m.result.errors) expect(e.hint, m.name).not.toBe('');
  });

  it('writes modules that type-check', () => {
    const failing = modules.filter((m) => m.result.ok).flatMap((m) => (diagnostics.get(m.path) ?? []).map((d) => `${m.name}: ${d}`));
    expect(modules.filter((m) => m.result.ok).length).toBe(16);
    expect(failing).toEqual([]);
  });

  it('reports every instruction it does not write as a builder call, with its code and place', () => {
    for (const m of modules) expectEveryRawReported(m);
    const issues = modules.flatMap((m) => (m.result.ok ? m.result.issues.map((i) => i.code) : []));
    expect(issues.filter((c) => c === 'DW0011').length).toBeGreaterThan(0);
  });

  it('writes modules whose Dockerfile has the same instructions as the input', async () => {
    let compared = 0;
    for (const m of modules) compared += await expectSameInstructions(m);
    expect(compared).toBeGreaterThan(100);
  }, 300_000);
});
