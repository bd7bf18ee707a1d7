import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDockerfile } from '@dockwright/core';
import { describeCorpus, officialImages } from '../support/corpus.js';
import { expectEveryRawReported, expectSameInstructions, importAll, writeAndTypecheck } from '../support/imported-modules.js';

// Every official-images Dockerfile is imported; each generated module is written out, type-checked
// with the repository's settings in one program, run, and its Dockerfile compared with the input,
// instruction by instruction.
describeCorpus('importDockerfile over the official images', (corpusDir) => {
  const tmpDir = join(import.meta.dirname, '..', '.tmp', `import-${process.pid}`);
  const modules = importAll(officialImages(corpusDir).filter((f) => !f.template), tmpDir);
  let diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    diagnostics = writeAndTypecheck(modules, tmpDir);
  }, 300_000);

  afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

  it('imports every file', () => {
    expect(modules.length).toBeGreaterThan(200);
    // nginx's modules image starts both stages FROM ${NGINX_FROM_IMAGE}: the builder needs a
    // literal image name, and no escape hatch starts a stage, so the file is refused with the place.
    const refused = modules.flatMap((m) => (m.result.ok ? [] : m.result.errors.map((e) => `${m.name}:${e.range.start.line} ${e.code}`)));
    expect(refused).toEqual([
      'nginxinc+docker-nginx/modules/Dockerfile:2 DW1003',
      'nginxinc+docker-nginx/modules/Dockerfile:72 DW1003',
      'nginxinc+docker-nginx/modules/Dockerfile.alpine:2 DW1003',
      'nginxinc+docker-nginx/modules/Dockerfile.alpine:64 DW1003',
    ]);
    // The only instructions left out: legacy ENV values holding tabs (postgres' alpine images), which
    // neither the builder nor raw() accepts (DW7001); the module says so in a comment.
    const skipped = modules.flatMap((m) => (m.result.ok ? m.result.skipped.map((s) => ({ name: m.name, ...s, source: m.result.ok ? m.result.source : '' })) : []));
    expect(skipped).toHaveLength(10);
    for (const s of skipped) {
      expect(s.text, s.name).toMatch(/^ENV DOCKER_PG_LLVM_DEPS llvm\d+-dev \t\tclang\d+$/);
      expect(s.source).toContain(`// not imported (line ${s.line}): `);
    }
  });

  it('keeps every comment, those inside continued instructions too, as // lines', () => {
    for (const m of modules) {
      if (!m.result.ok) continue;
      for (const c of parseDockerfile(m.text).syntax.comments) if (c.text !== '') expect(m.result.source, `${m.name}:${c.range.start.line}`).toContain(`// ${c.text}`);
    }
  });

  it('reports every instruction it does not write as a builder call, with its code and place: each raw() is DW0011, each left out DW0012', () => {
    for (const m of modules) expectEveryRawReported(m);
  });

  it('says where else the module is not the input line for line, and why: every heredoc script and invented stage name', () => {
    for (const m of modules) {
      if (!m.result.ok) continue;
      const scripts = (m.result.source.match(/\\n'\)|\\n',\n  \)/g) ?? []).length;
      expect(m.result.notes.filter((n) => n.message.includes('heredoc script')).length, m.name).toBe(scripts);
      const unnamed = parseDockerfile(m.text).syntax.instructions.filter((n) => n.keyword === 'FROM' && n.arguments.length === 1).length;
      expect(m.result.notes.filter((n) => n.message.startsWith('the stage has no name')).length, m.name).toBe(unnamed);
    }
  });

  it('writes modules that type-check', () => {
    const failing = modules.filter((m) => m.result.ok).flatMap((m) => (diagnostics.get(m.path) ?? []).map((d) => `${m.name}: ${d}`));
    expect(failing).toEqual([]);
  });

  it('writes modules whose Dockerfile has the same instructions as the input', async () => {
    let calls = 0;
    let raws = 0;
    for (const m of modules) {
      raws += m.result.ok ? m.result.raw : 0;
      calls += await expectSameInstructions(m);
    }
    // Most instructions become builder calls; raw() is the exception.
    expect(raws / calls).toBeLessThan(0.25);
  }, 300_000);
});
