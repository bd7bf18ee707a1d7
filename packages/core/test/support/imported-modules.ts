// What the import suites share: import each file, write each module out, type-check them all in
// one program with the repository's settings, and compare what a module renders with its input.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { expect } from 'vitest';
import { importDockerfile, parseDockerfile, type Dockerfile, type ImportResult, type SyntaxInstruction } from '@dockwright/core';
import { instructionSignature } from '../../src/import/instruction-signature.js';
import { repoRoot } from './corpus.js';

/** One imported file: its name and text, the import's result, and where its module is written. */
export interface ImportedModule {
  readonly name: string;
  readonly text: string;
  readonly path: string;
  readonly result: ImportResult;
}

/** Imports every file; the modules go to `tmpDir/m<N>.dockerfile.ts` once `writeAndTypecheck()` runs. */
export function importAll(files: readonly { readonly name: string; readonly text: string }[], tmpDir: string): ImportedModule[] {
  return files.map((file, i) => ({ name: file.name, text: file.text, path: join(tmpDir, `m${i}.dockerfile.ts`), result: importDockerfile(file.text) }));
}

/** Writes the modules of the files that imported, and type-checks them in one program: the diagnostics of each, by path. */
export function writeAndTypecheck(modules: readonly ImportedModule[], tmpDir: string): Map<string, string[]> {
  mkdirSync(tmpDir, { recursive: true });
  const written = modules.filter((m) => m.result.ok);
  for (const m of written) if (m.result.ok) writeFileSync(m.path, m.result.source);
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram(
    written.map((m) => m.path),
    { ...parsed.options, noEmit: true },
  );
  const diagnostics = new Map<string, string[]>();
  for (const m of written) {
    const source = program.getSourceFile(m.path);
    const found = source === undefined ? ['not in the program'] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    diagnostics.set(m.path, found);
  }
  return diagnostics;
}

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

/**
 * Runs a written module and expects its Dockerfile to have the input's instructions, stage by
 * stage (the final stage and those it uses), except the ones left out. Returns how many
 * instructions it compared.
 */
export async function expectSameInstructions(m: ImportedModule): Promise<number> {
  if (!m.result.ok) return 0;
  const module = (await import(pathToFileURL(m.path).href)) as { default: Dockerfile };
  const rendered = parseDockerfile(module.default.render());
  expect(rendered.errors, m.name).toEqual([]);
  const input = parseDockerfile(m.text).syntax;
  const ours = stages(input.instructions);
  const theirs = stages(rendered.syntax.instructions);
  const names = new Map<string, string>([...ours.keys()].flatMap((name, i): [string, string][] => [[name, name], [String(i), name]]));
  const left = new Set(m.result.skipped.map((s) => s.line));
  const last = [...ours.keys()].at(-1) as string;
  expect(theirs.has(last), m.name).toBe(true);
  let compared = 0;
  for (const [name, nodes] of theirs) {
    const source = ours.get(name) as SyntaxInstruction[];
    expect(source, `${m.name}: stage ${name}`).toBeDefined();
    const sig = (node: SyntaxInstruction, escape: '\\' | '`') => instructionSignature(node, escape, names);
    expect(nodes.slice(1).map((n) => sig(n, '\\')), `${m.name}: stage ${name}`).toEqual(source.slice(1).filter((n) => !left.has(n.range.start.line)).map((n) => sig(n, input.escape)));
    compared += nodes.length - 1;
  }
  return compared;
}

/**
 * Expects every instruction the module does not write as a builder call to be reported: each
 * raw() a DW0011 warning, each left out a DW0012, at the instruction's line, with a hint.
 */
export function expectEveryRawReported(m: ImportedModule): void {
  if (!m.result.ok) return;
  const { result } = m;
  const lines = (code: string) => result.issues.filter((i) => i.code === code).map((i) => i.range.start.line);
  expect(lines('DW0011').length, m.name).toBe(result.raw);
  expect((result.source.match(/\.raw\('/g) ?? []).length, m.name).toBe(result.raw);
  expect(lines('DW0012'), m.name).toEqual(result.skipped.map((s) => s.line));
  const instructions = parseDockerfile(m.text).syntax.instructions;
  for (const i of result.issues) {
    expect(i.severity, m.name).toBe('warning');
    expect(i.hint, m.name).not.toBe('');
    // The place is the instruction's own: its range, and the message names its keyword first.
    const node = instructions.find((n) => n.range.start.line === i.range.start.line);
    expect(node?.range, `${m.name}:${i.range.start.line}`).toEqual(i.range);
    expect(i.message.startsWith(node?.keyword ?? '?'), `${m.name}:${i.range.start.line} ${i.message}`).toBe(true);
  }
}
