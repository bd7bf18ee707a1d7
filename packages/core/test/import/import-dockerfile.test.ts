import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importDockerfile, parseDockerfile, type Dockerfile, type SyntaxInstruction } from '@dockwright/core';
import { instructionSignature } from '../../src/import/instruction-signature.js';
import { describeCorpus, officialImages, repoRoot } from '../support/corpus.js';

/** The stages of a parsed file by name (unnamed stages are `stage-N`, as the importer names them). */
function stages(instructions: readonly SyntaxInstruction[]): Map<string, SyntaxInstruction[]> {
  const out = new Map<string, SyntaxInstruction[]>();
  let current: SyntaxInstruction[] | undefined;
  for (const node of instructions) {
    if (node.keyword === 'FROM') {
      current = [node];
      out.set((node.arguments[2]?.value ?? `stage-${out.size + 1}`).toLowerCase(), current);
    } else current?.push(node);
  }
  return out;
}

// Every official-images Dockerfile is imported; each generated module is written out, type-checked
// with the repository's settings in one program, run, and its Dockerfile compared with the input,
// instruction by instruction.
describeCorpus('importDockerfile over the official images', (corpusDir) => {
  const tmpDir = join(import.meta.dirname, '..', '.tmp', `import-${process.pid}`);
  const files = officialImages(corpusDir).filter((f) => !f.template);
  const modules = files.map((file, i) => ({ ...file, path: join(tmpDir, `m${i}.dockerfile.ts`), result: importDockerfile(file.text) }));
  const diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    mkdirSync(tmpDir, { recursive: true });
    for (const m of modules) if (m.result.ok) writeFileSync(m.path, m.result.source);
    const config = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
    const program = ts.createProgram(
      modules.filter((m) => m.result.ok).map((m) => m.path),
      { ...parsed.options, noEmit: true },
    );
    for (const m of modules) {
      const source = program.getSourceFile(m.path);
      const found = source === undefined ? ['not in the program'] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      diagnostics.set(m.path, found);
    }
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

  it('says where the module is not the input line for line, and why: every raw(), heredoc script and invented stage name', () => {
    for (const m of modules) {
      if (!m.result.ok) continue;
      const raws = m.result.notes.filter((n) => n.message.startsWith('kept as raw()'));
      expect(raws.length, m.name).toBe(m.result.raw);
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
      if (!m.result.ok) continue;
      raws += m.result.raw;
      const module = (await import(pathToFileURL(m.path).href)) as { default: Dockerfile };
      const rendered = parseDockerfile(module.default.render());
      expect(rendered.errors, m.name).toEqual([]);
      const ours = stages(parseDockerfile(m.text).syntax.instructions);
      const theirs = stages(rendered.syntax.instructions);
      const names = new Map<string, string>([...ours.keys()].flatMap((name, i): [string, string][] => [[name, name], [String(i), name]]));
      const left = new Set(m.result.skipped.map((s) => s.line));
      const last = [...ours.keys()].at(-1) as string;
      // The final stage and every stage it depends on are written; compare those.
      expect(theirs.has(last), m.name).toBe(true);
      for (const [name, nodes] of theirs) {
        const source = ours.get(name) as SyntaxInstruction[];
        expect(source, `${m.name}: stage ${name}`).toBeDefined();
        const sig = (node: SyntaxInstruction, escape: '\\' | '`') => instructionSignature(node, escape, names);
        expect(nodes.slice(1).map((n) => sig(n, '\\')), `${m.name}: stage ${name}`).toEqual(source.slice(1).filter((n) => !left.has(n.range.start.line)).map((n) => sig(n, parseDockerfile(m.text).syntax.escape)));
        calls += nodes.length - 1;
      }
    }
    // Most instructions become builder calls; raw() is the exception.
    expect(raws / calls).toBeLessThan(0.25);
  }, 300_000);
});
