// `pnpm bench:parse`: how fast Dockwright reads, lints and formats real Dockerfiles, next to
// dockerfile-ast parsing the same files in the same run. Numbers and method: docs/benchmarks.md.
//
//   pnpm bench:parse                    a table
//   pnpm -s bench:parse --json          JSON on stdout (progress goes to stderr)
//   --samples N (40) --rounds N (8)     samples per case, and the rounds they are taken in
//
// One call of every case handles the whole official-images corpus (../shared/corpus beside the
// repository): every Dockerfile, read into memory once before timing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { format, lint, parseDockerfile } from '@dockwright/core';
import { measureAll, type Measurement } from '../harness.js';

const { values: flags } = parseArgs({
  options: { json: { type: 'boolean', default: false }, samples: { type: 'string' }, rounds: { type: 'string' } },
});
const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'official-images');
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
// The docker-library templates (`{{ ... }}`) are not Dockerfiles; they are left out.
const texts = walk(corpusDir)
  .filter((path) => /Dockerfile/.test(path))
  .map((path) => readFileSync(path, 'utf8'))
  .filter((text) => !/^\{\{/m.test(text));
if (texts.length === 0) throw new Error(`no Dockerfiles under ${corpusDir}`);
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);

// Every case is checked before timing: the same files, each read without an error.
for (const text of texts) {
  const ours = parseDockerfile(text);
  if (!ours.ok) throw new Error(`parseDockerfile refused a corpus file: ${ours.errors[0]?.message}`);
  const theirs = DockerfileParser.parse(text).getInstructions().length;
  if (theirs !== ours.syntax.instructions.length) throw new Error(`instruction counts differ: dockerfile-ast ${theirs}, dockwright ${ours.syntax.instructions.length}`);
  if (!format(text).ok) throw new Error('format refused a corpus file');
}

const require = createRequire(import.meta.url);
const astVersion = (require('dockerfile-ast/package.json') as { version: string }).version;

interface Case {
  readonly name: string;
  readonly does: string;
  readonly fn: () => unknown;
  readonly reference?: boolean;
}

const cases: Case[] = [
  {
    name: 'dockwright parseDockerfile()',
    does: 'BuildKit grammar: directives, continuations, flags, JSON/shell form, ENV/LABEL pairs, heredocs; line and column of every keyword, flag and argument; errors as data',
    fn: () => {
      let n = 0;
      for (const text of texts) n += parseDockerfile(text).syntax.instructions.length;
      return n;
    },
  },
  {
    name: `dockerfile-ast ${astVersion} parse()`,
    does: 'DockerfileParser.parse(): instructions with ranges; arguments and flags computed later, on request',
    reference: true,
    fn: () => {
      let n = 0;
      for (const text of texts) n += DockerfileParser.parse(text).getInstructions().length;
      return n;
    },
  },
  {
    name: `dockerfile-ast ${astVersion} parse() + arguments`,
    does: 'the same, then every instruction\'s arguments read (getArguments()), as a linter needs them',
    fn: () => {
      let n = 0;
      for (const text of texts) for (const instruction of DockerfileParser.parse(text).getInstructions()) n += instruction.getArguments().length;
      return n;
    },
  },
  {
    name: 'dockwright format()',
    does: 'parse, print in the canonical format, parse the output again and compare the meaning',
    fn: () => {
      let n = 0;
      for (const text of texts) {
        const result = format(text);
        n += result.ok ? result.text.length : 0;
      }
      return n;
    },
  },
  {
    name: 'dockwright parseDockerfile() + lint()',
    does: 'parse, then lint() with every rule of the catalogue (shell analysis of RUN included)',
    fn: () => {
      let n = 0;
      for (const text of texts) n += lint(parseDockerfile(text).syntax).length;
      return n;
    },
  },
];

const options = { warmupMs: 500, samples: Number(flags.samples ?? 40), sampleMs: 200, rounds: Number(flags.rounds ?? 8) };
log(`corpus: ${texts.length} Dockerfiles, ${(bytes / 1024).toFixed(0)} KiB; ${cases.length} cases, ${options.samples} samples each in ${options.rounds} rounds`);
const results: Measurement[] = await measureAll(
  cases.map((c) => c.fn),
  options,
  (round) => log(`  round ${round}/${options.rounds}`),
);

const reference = results[cases.findIndex((c) => c.reference)] as Measurement;
const rows = cases.map((c, i) => {
  const m = results[i] as Measurement;
  const seconds = m.medianNs / 1e9;
  return {
    name: c.name,
    does: c.does,
    filesPerSec: Math.round(texts.length / seconds),
    mibPerSec: Number((bytes / 1024 / 1024 / seconds).toFixed(1)),
    corpusMs: Number((m.medianNs / 1e6).toFixed(2)),
    p95Ms: Number((m.p95Ns / 1e6).toFixed(2)),
    vsDockerfileAst: Number((reference.medianNs / m.medianNs).toFixed(2)),
  };
});

const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, load: loadavg().map((l) => l.toFixed(2)).join(' ') };
if (flags.json) {
  process.stdout.write(`${JSON.stringify({ files: texts.length, bytes, machine, rows }, null, 2)}\n`);
} else {
  log('');
  log('| case | files/s | MiB/s | corpus (median) | p95 | speed vs dockerfile-ast parse() |');
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) log(`| ${r.name} | ${r.filesPerSec.toLocaleString('en-US')} | ${r.mibPerSec} | ${r.corpusMs} ms | ${r.p95Ms} ms | ${r.vsDockerfileAst}x |`);
  log('');
  log(`${machine.node}, ${machine.cpu}, ${machine.cores} cores, load ${machine.load}`);
}
