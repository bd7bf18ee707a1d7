// `pnpm bench`: render speed of Dockwright next to the packages a user would pick instead, and
// the type-check cost of the builder types. Numbers and method: docs/benchmarks.md.
//
//   pnpm bench                  everything, as tables
//   pnpm -s bench --json        everything, as JSON on stdout (progress goes to stderr)
//   pnpm bench:render           render benchmarks only (--only render)
//   pnpm bench:types            type-check benchmarks only (--only types)
//   pnpm bench --print          also print the file each tool writes
//   --samples N (40) --rounds N (8): render samples per case, and the rounds they are taken in
//   --runs N (5): timed tsc runs per program
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { render } from '@dockwright/core';
import { buildChain50, CHAIN_CALLS } from './fixtures/chain-50.js';
import { dockerfileGeneratorFourStage, dockerfilejsFourStage, templateFourStage } from './fixtures/competitors.js';
import { buildFourStage } from './fixtures/four-stage.js';
import { measureAll, type Measurement, type MeasureOptions } from './harness.js';
import { measureTypecheck, programs, tscVersion, type ProgramResult } from './typecheck.js';

const { values: flags } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    print: { type: 'boolean', default: false },
    only: { type: 'string' },
    samples: { type: 'string' },
    runs: { type: 'string' },
    rounds: { type: 'string' },
  },
});
const only = flags.only;
if (only !== undefined && only !== 'render' && only !== 'types') throw new Error(`--only takes render or types, not ${only}`);
const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);

const renderOptions: MeasureOptions & { rounds: number } = { warmupMs: 400, samples: Number(flags.samples ?? 40), sampleMs: 25, rounds: Number(flags.rounds ?? 8) };
const typecheckRuns = Number(flags.runs ?? 5);
const traceRuns = 5;

interface RenderCase {
  readonly group: string;
  readonly name: string;
  readonly version: string;
  /** What it does not do, next to Dockwright; for Dockwright, what its time pays for. */
  readonly notes: string;
  readonly fn: () => unknown;
  /** The text it writes, for the line count and --print. */
  readonly output: () => string | Promise<string>;
  /** The floor of its group: the other rows are compared with it. */
  readonly floor?: boolean;
}

const prebuilt = buildFourStage().ast;
const require = createRequire(import.meta.url);
const installed = (name: string) => `${name} ${(require(`${name}/package.json`) as { version: string }).version}`;

const FOUR = '4-stage file, built and rendered from scratch';
const cases: readonly RenderCase[] = [
  {
    group: FOUR,
    name: 'dockwright: builder + dockerfile() + render()',
    version: '@dockwright/core (workspace)',
    notes: 'validates every value (image references, paths, ports, durations, names, secret-looking ENV/ARG), quotes and escapes it, checks the whole file (stage references and order, mounts, a final stage that runs as root), builds immutable stages and a frozen AST',
    fn: () => buildFourStage().render(),
    output: () => buildFourStage().render(),
  },
  {
    group: FOUR,
    name: installed('dockerfilejs'),
    version: installed('dockerfilejs'),
    notes:
      'no validation and no escaping (a newline in a value starts a new instruction); no RUN --mount (flags written into the command); ENTRYPOINT/HEALTHCHECK arguments are not JSON-quoted (`["/usr/bin/tini", --]` is not exec form); mutable builder',
    fn: () => dockerfilejsFourStage(),
    output: () => dockerfilejsFourStage(),
  },
  {
    group: FOUR,
    name: `${installed('dockerfile-generator')} (promise awaited)`,
    version: installed('dockerfile-generator'),
    notes:
      'checks the JSON shape only (JSON Schema); no escaping (a newline in a value starts a new instruction); RUN is exec form only, so no --mount and shell chains go through sh -c; no HEALTHCHECK (an unknown key becomes a comment); repeated instructions need distinct keys',
    fn: () => dockerfileGeneratorFourStage(),
    output: () => dockerfileGeneratorFourStage(),
  },
  {
    group: FOUR,
    name: 'template literal (floor)',
    version: 'plain string interpolation',
    notes: 'no escaping, no validation, no structure: the same bytes as Dockwright, written and kept correct by hand',
    fn: () => templateFourStage(),
    output: () => templateFourStage(),
    floor: true,
  },
  {
    group: 'render only',
    name: 'dockwright: render(ast) of the prebuilt 4-stage AST',
    version: '@dockwright/core (workspace)',
    notes: '',
    fn: () => render(prebuilt),
    output: () => render(prebuilt),
  },
  {
    group: `one fluent chain of ${CHAIN_CALLS} calls`,
    name: `dockwright: ${CHAIN_CALLS}-call chain + dockerfile() + render()`,
    version: '@dockwright/core (workspace)',
    notes: '',
    fn: () => buildChain50().render(),
    output: () => buildChain50().render(),
  },
];

interface RenderResult extends Measurement {
  readonly group: string;
  readonly name: string;
  readonly version: string;
  readonly notes: string;
  readonly lines: number;
  readonly bytes: number;
  /** Median time relative to the floor of its group (1 = the floor); undefined when the group has none. */
  readonly timesFloor?: number;
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    typescript: tscVersion,
  };
}

async function runRender(): Promise<RenderResult[]> {
  // The floor must write what Dockwright writes, or the comparison means nothing.
  if (templateFourStage() !== buildFourStage().render()) throw new Error('the template-literal floor no longer matches the Dockwright output: update bench/fixtures/competitors.ts');
  const texts: string[] = [];
  for (const c of cases) {
    const text = await c.output();
    texts.push(text);
    if (flags.print) log(`\n----- ${c.name} (${c.version})\n${text}`);
  }
  log(`render: warming up ${cases.length} cases, then ${renderOptions.rounds} rounds of samples ...`);
  const measurements = await measureAll(
    cases.map((c) => c.fn),
    renderOptions,
    (round) => log(`  round ${round}/${renderOptions.rounds}`),
  );
  const measured: Omit<RenderResult, 'timesFloor'>[] = cases.map((c, i) => {
    const text = texts[i] ?? '';
    const m = measurements[i] as Measurement;
    return { ...m, group: c.group, name: c.name, version: c.version, notes: c.notes, lines: text.trimEnd().split('\n').length, bytes: Buffer.byteLength(text) };
  });
  return measured.map((r) => {
    const floorCase = cases.find((c) => c.group === r.group && c.floor === true);
    const floor = measured.find((m) => m.name === floorCase?.name);
    return floor === undefined ? r : { ...r, timesFloor: r.medianNs / floor.medianNs };
  });
}

/** Other work on the machine skews every number: the 1-minute load and, where Linux reports it, CPU pressure. */
function busyness(): { load1: number; cpuPressure10s?: number } {
  const load1 = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  try {
    const m = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m?.[1] === undefined ? { load1 } : { load1, cpuPressure10s: Number(m[1]) };
  } catch {
    return { load1 };
  }
}

function describeBusy(b: ReturnType<typeof busyness>): string {
  return `load ${b.load1}${b.cpuPressure10s === undefined ? '' : `, CPU pressure ${b.cpuPressure10s}%`}`;
}

// ---- formatting -------------------------------------------------------------------------

function time(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(ns >= 1e5 ? 0 : ns >= 1e4 ? 1 : 2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

function ops(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (right[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] === true ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function renderTable(results: readonly RenderResult[]): string {
  const rows = results.map((r) => [
    r.name,
    ops(r.opsPerSec),
    time(r.medianNs),
    time(r.p95Ns),
    r.timesFloor === undefined ? '' : `${r.timesFloor.toFixed(r.timesFloor < 10 ? 1 : 0)}×`,
    String(r.lines),
  ]);
  return table(['case', 'ops/s', 'median', 'p95', 'vs floor', 'lines'], rows, [false, true, true, true, true, true]);
}

function typecheckTable(results: readonly ProgramResult[]): string {
  const base = results.find((r) => r.id === 'baseline');
  const delta = (v: number, b: number | undefined, unit: string, digits = 0) =>
    b === undefined || v === b ? '' : ` (${v - b >= 0 ? '+' : ''}${(v - b).toFixed(digits)}${unit})`;
  const rows = results.map((r) => [
    r.label,
    `${Math.round(r.wallMs)} ms${delta(r.wallMs, base?.wallMs, ' ms')}`,
    `${Math.round(r.checkMs)} ms${delta(r.checkMs, base?.checkMs, ' ms')}`,
    `${r.ownFilesCheckMs.toFixed(1)} ms`,
    `${r.instantiations.toLocaleString('en-US')}${delta(r.instantiations, base?.instantiations, '')}`,
    `${r.types.toLocaleString('en-US')}${delta(r.types, base?.types, '')}`,
    String(r.files),
  ]);
  return table(
    ['program', 'tsc wall (median)', 'check time', 'root files alone', 'instantiations', 'types', 'files'],
    rows,
    [false, true, true, true, true, true, true],
  );
}

// ---- main -------------------------------------------------------------------------------

const started = Date.now();
const info = machine();
const before = busyness();
log(`Dockwright benchmarks — ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}, TypeScript ${info.typescript}`);
if (before.cpuPressure10s !== undefined ? before.cpuPressure10s > 10 : before.load1 > info.cores / 2) log(`warning: the machine is busy before the start (${describeBusy(before)}); the numbers will be noisy`);

const renderResults = only === 'types' ? [] : await runRender();
const typecheckResults =
  only === 'render'
    ? []
    : (log(`type-check: ${typecheckRuns} runs of each program, then ${traceRuns} traced runs ...`),
      measureTypecheck({ runs: typecheckRuns, traceRuns, onProgress: (m) => log(`  ${m}`) }));

const after = busyness();

if (flags.json) {
  const payload = {
    machine: info,
    busy: { before, after },
    date: new Date().toISOString(),
    render: {
      method: { ...renderOptions, unit: 'median and p95 over samples of the mean time of one call' },
      results: renderResults,
    },
    typecheck: { runs: typecheckRuns, traceRuns, programs: programs.map((p) => ({ id: p.id, tsconfig: p.tsconfig, files: p.files })), results: typecheckResults },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
} else {
  if (renderResults.length > 0) {
    log(`\nRender — ${renderOptions.samples} samples of ~${renderOptions.sampleMs} ms per case, taken in ${renderOptions.rounds} interleaved rounds after ${renderOptions.warmupMs} ms warm-up; median and p95 of the per-call mean of each sample`);
    for (const group of [...new Set(renderResults.map((r) => r.group))]) {
      log(`\n${group}`);
      log(renderTable(renderResults.filter((r) => r.group === group)));
    }
    const [own, ...others] = cases.filter((x) => x.group === FOUR);
    if (own !== undefined) log(`\nWhat Dockwright's time pays for: ${own.notes}.`);
    log('What the others do not do:');
    for (const c of others) log(`- ${c.version}: ${c.notes}.`);
  }
  if (typecheckResults.length > 0) {
    log(`\nType-check — tsc --noEmit --extendedDiagnostics, ${typecheckRuns} runs each, interleaved, median (deltas against the baseline); root files alone: their checkSourceFile time in ${traceRuns} runs with --generateTrace`);
    log(typecheckTable(typecheckResults));
  }
  log(`\ndone in ${Math.round((Date.now() - started) / 1000)} s; before: ${describeBusy(before)}; after: ${describeBusy(after)} (tsc and its helper threads count in the latter)`);
}
