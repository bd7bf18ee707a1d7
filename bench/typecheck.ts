// Type-check cost: `tsc --noEmit` over three small programs that differ only in their root files.
//   baseline — typecheck/baseline.ts: the examples' imports and no builder calls
//   examples — examples/node-app/dockerfile.ts and examples/go-app/dockerfile.ts
//   chain    — fixtures/chain-50.ts: one fluent chain of 50 calls
// @dockwright/core comes in through the workspace import, as its TypeScript source, in all three.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/lib/tsc.js');

export const tscVersion: string = (require('typescript/package.json') as { version: string }).version;

export interface Program {
  readonly id: 'baseline' | 'examples' | 'chain';
  readonly label: string;
  readonly tsconfig: string;
  /** The root files whose own check time is read from the trace. */
  readonly files: readonly string[];
}

export const programs: readonly Program[] = [
  { id: 'baseline', label: 'baseline: same imports, no calls', tsconfig: 'bench/tsconfig.baseline.json', files: ['bench/typecheck/baseline.ts'] },
  {
    id: 'examples',
    label: 'examples (node-app + go-app)',
    tsconfig: 'bench/tsconfig.examples.json',
    files: ['examples/node-app/dockerfile.ts', 'examples/go-app/dockerfile.ts'],
  },
  { id: 'chain', label: 'one 50-call fluent chain', tsconfig: 'bench/tsconfig.chain.json', files: ['bench/fixtures/chain-50.ts'] },
];

export interface ProgramResult {
  readonly id: Program['id'];
  readonly label: string;
  readonly runs: number;
  /** Median wall time of the whole `tsc` process, Node start-up included. */
  readonly wallMs: number;
  readonly wallMsAll: readonly number[];
  /** Medians of what `--extendedDiagnostics` reports. */
  readonly checkMs: number;
  readonly totalMs: number;
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  readonly memoryKb: number;
  /** Median time spent checking the program's own root files (from `--generateTrace`). */
  readonly ownFilesCheckMs: number;
}

interface Diagnostics {
  readonly wallMs: number;
  readonly values: ReadonlyMap<string, string>;
}

function runTsc(tsconfig: string, extra: readonly string[]): Diagnostics {
  const start = performance.now();
  const out = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--noEmit', ...extra], { cwd: root, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (out.status !== 0) throw new Error(`tsc -p ${tsconfig} failed:\n${out.stdout}${out.stderr}`);
  const values = new Map<string, string>();
  for (const line of out.stdout.split('\n')) {
    const m = /^([A-Za-z][A-Za-z ]*?):\s+(\S+)\s*$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) values.set(m[1], m[2]);
  }
  return { wallMs, values };
}

function seconds(value: string | undefined): number {
  return value === undefined ? Number.NaN : Number.parseFloat(value) * 1000;
}

function count(value: string | undefined): number {
  return value === undefined ? Number.NaN : Number.parseInt(value.replace(/\D/g, ''), 10);
}

interface TraceEvent {
  readonly ph: string;
  readonly ts: number;
  readonly name: string;
  readonly args?: { readonly path?: string };
}

/** Milliseconds spent in checkSourceFile for the given files, from one `--generateTrace` run. */
function ownCheckMs(program: Program): number {
  const dir = mkdtempSync(join(tmpdir(), 'dockwright-trace-'));
  try {
    runTsc(program.tsconfig, ['--generateTrace', dir]);
    const events = JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8')) as TraceEvent[];
    const wanted = new Set(program.files.map((f) => realpathSync(join(root, f))));
    const open = new Map<string, number>();
    let totalUs = 0;
    for (const e of events) {
      const path = e.args?.path;
      if (e.name !== 'checkSourceFile' || path === undefined || !wanted.has(path)) continue;
      if (e.ph === 'B') open.set(path, e.ts);
      else if (e.ph === 'E') totalUs += e.ts - (open.get(path) ?? e.ts);
    }
    return totalUs / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TypecheckOptions {
  /** Timed runs of each program (interleaved, so drift hits all three alike). */
  readonly runs: number;
  /** Extra runs with `--generateTrace` for the root files' own check time. */
  readonly traceRuns: number;
  readonly onProgress?: (message: string) => void;
}

export function measureTypecheck(options: TypecheckOptions): ProgramResult[] {
  // One untimed run each: the file cache is warm for every timed run.
  for (const p of programs) runTsc(p.tsconfig, []);
  const diagnostics = new Map<Program['id'], Diagnostics[]>(programs.map((p) => [p.id, []]));
  for (let r = 0; r < options.runs; r++) {
    for (const p of programs) diagnostics.get(p.id)?.push(runTsc(p.tsconfig, ['--extendedDiagnostics']));
    options.onProgress?.(`type-check run ${r + 1}/${options.runs}`);
  }
  const traced = new Map<Program['id'], number[]>(programs.map((p) => [p.id, []]));
  for (let r = 0; r < options.traceRuns; r++) {
    for (const p of programs) traced.get(p.id)?.push(ownCheckMs(p));
  }
  return programs.map((p) => {
    const runs = diagnostics.get(p.id) ?? [];
    const pick = (key: string, parse: (v: string | undefined) => number) => median(runs.map((d) => parse(d.values.get(key))));
    return {
      id: p.id,
      label: p.label,
      runs: runs.length,
      wallMs: median(runs.map((d) => d.wallMs)),
      wallMsAll: runs.map((d) => Math.round(d.wallMs)),
      checkMs: pick('Check time', seconds),
      totalMs: pick('Total time', seconds),
      files: pick('Files', count),
      types: pick('Types', count),
      instantiations: pick('Instantiations', count),
      memoryKb: pick('Memory used', count),
      ownFilesCheckMs: median(traced.get(p.id) ?? []),
    };
  });
}
