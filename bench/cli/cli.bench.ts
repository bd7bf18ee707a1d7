// Wall-clock benchmark of the `dockwright` binary on a generated monorepo: `pnpm bench:cli`.
//
// It builds the CLI as `pnpm --filter dockwright build` does (same tsup options, no .d.ts) into a
// temporary directory, generates a pnpm monorepo of N services (default 200: 150 Node, 50 Go, each
// with a service.dockerfile.ts using the presets), renders it once (which also fills tsx's
// transform cache), then times each command by spawning `node dist/cli.js`, as a user's shell or
// CI does. The monorepo has a dockwright.policy.yaml, so render and print load it and check every
// Dockerfile against it; one case times render --check on a second, identical monorepo without
// the file, for comparison. Times are whole-process wall clock: Node start-up, loading the TypeScript loader,
// compiling and running every target, writing or comparing every file, exit. Two in-process cases
// time the search for leftover generated files that render runs last: as in a normal run (every
// file written by a target, so only the walk) and with every file read. Two more time the policy
// check of every service's Dockerfile in-process: its first round (cold code) and warm rounds.
//
// With --installed, the packages are the ones users install instead: every package is built and
// packed (`pnpm pack`, as published), the tarballs installed with npm into a new project, and the
// monorepo's targets import those, run by that project's `dockwright` (so no source of this
// repository is loaded through tsx; only the targets are). It needs the npm registry for the
// packages' dependencies, as `pnpm test:packages` does.
//
//   pnpm bench:cli                      tables
//   pnpm bench:cli --json               JSON on stdout
//   pnpm bench:cli --services 500 --runs 15
//   pnpm bench:cli --installed          the packed packages, installed
//   pnpm bench:cli --keep               keep the monorepos and the CLI (to profile them after)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { Dockerfile } from '@dockwright/core';
import { checkPolicy, parsePolicy } from '@dockwright/policy';
import { detectGo, detectNode, goPreset, inProjectSnapshot, nodePreset } from '@dockwright/presets';
import { options as tsupOptions } from '../../packages/cli/tsup.config.js';
import { findFiles } from '../../packages/cli/src/files/find-files.js';
import { findOrphans, generatedFilePattern } from '../../packages/cli/src/render/find-orphans.js';
import type { TargetOutcome } from '../../packages/cli/src/render/planned-file.js';
import { benchPolicy, generateMonorepo } from './generate-monorepo.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPackage = join(repoRoot, 'packages', 'cli');

interface Args {
  readonly services: number;
  readonly runs: number;
  readonly json: boolean;
  readonly installed: boolean;
  readonly keep: boolean;
}

function parse(argv: readonly string[]): Args {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const n = i < 0 ? fallback : Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} takes a positive integer`);
    return n;
  };
  return { services: value('services', 200), runs: value('runs', 10), json: argv.includes('--json'), installed: argv.includes('--installed'), keep: argv.includes('--keep') };
}

interface Case {
  readonly name: string;
  readonly command: string;
  /** The budget the issue sets, in ms of wall clock. */
  readonly budgetMs?: number;
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(pos)] ?? Number.NaN;
  const hi = sorted[Math.ceil(pos)] ?? Number.NaN;
  return lo + (hi - lo) * (pos - Math.floor(pos));
}

function summarise(name: string, command: string, samples: number[], budgetMs?: number): Case {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    command,
    ...(budgetMs === undefined ? {} : { budgetMs }),
    samplesMs: samples.map((s) => Math.round(s)),
    medianMs: Math.round(quantile(sorted, 0.5)),
    p90Ms: Math.round(quantile(sorted, 0.9)),
    minMs: Math.round(sorted[0] ?? Number.NaN),
    maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Spawns the command once and returns its wall time; a wrong exit code stops the benchmark. */
function timeOnce(cli: string, args: readonly string[], cwd: string, expectCode: number, env: Record<string, string> = {}): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== expectCode) throw new Error(`dockwright ${args.join(' ')} exited ${run.status}, expected ${expectCode}\n${run.stdout}${run.stderr}`);
  return ms;
}

function repeat(runs: number, fn: () => number): number[] {
  return Array.from({ length: runs }, fn);
}

async function buildCli(into: string): Promise<string> {
  await build({ ...tsupOptions, entry: [join(cliPackage, 'src/cli.ts'), join(cliPackage, 'src/index.ts')], outDir: join(into, 'dist'), dts: false, sourcemap: false, silent: true, config: false });
  copyFileSync(join(cliPackage, 'package.json'), join(into, 'package.json'));
  symlinkSync(join(cliPackage, 'node_modules'), join(into, 'node_modules'), 'dir');
  return join(into, 'dist', 'cli.js');
}

const PNPM = ['--yes', 'pnpm@10.34.8'];
const PACKED = [
  ['core', 'dockwright-core-0.1.0.tgz', '@dockwright/core'],
  ['presets', 'dockwright-presets-0.1.0.tgz', '@dockwright/presets'],
  ['policy', 'dockwright-policy-0.1.0.tgz', '@dockwright/policy'],
  ['cli', 'dockwright-0.1.0.tgz', 'dockwright'],
] as const;

function sh(file: string, args: readonly string[], cwd: string): void {
  const done = spawnSync(file, [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (done.status !== 0) throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${done.stdout}\n${done.stderr}`);
}

/**
 * The packages as users install them: built, packed with pnpm (publishConfig applied), and the
 * tarballs installed with npm into `into`. Returns the installed CLI and the @dockwright folder.
 */
function installPackages(into: string): { cli: string; packages: string } {
  const packs = join(into, 'packs');
  const project = join(into, 'project');
  mkdirSync(packs, { recursive: true });
  mkdirSync(project, { recursive: true });
  sh('npx', [...PNPM, '-r', '--filter', './packages/*', 'run', 'build'], repoRoot);
  for (const [dir] of PACKED) sh('npx', [...PNPM, 'pack', '--pack-destination', packs], join(repoRoot, 'packages', dir));
  const tarballs = Object.fromEntries(PACKED.map(([, file, name]) => [name, `file:${join(packs, file)}`]));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'bench-installed', private: true, devDependencies: tarballs, overrides: tarballs }, null, 2)}\n`);
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], project);
  return { cli: join(project, 'node_modules', 'dockwright', 'bin', 'dockwright.js'), packages: join(project, 'node_modules', '@dockwright') };
}

/** The presets' own detection (detectNode / detectGo) for every service, in this process. */
function timeDetection(dir: string, runs: number, snapshot: boolean): number[] {
  const services = readdirSync(join(dir, 'services')).map((s) => join(dir, 'services', s));
  const detectAll = () => {
    for (const s of services) {
      if (readdirSync(s).includes('go.mod')) detectGo(s);
      else detectNode(s);
    }
  };
  return repeat(runs, () => {
    const start = performance.now();
    // In one snapshot, as `dockwright render` detects them: the workspace is checked once.
    if (snapshot) inProjectSnapshot(detectAll);
    else detectAll();
    return performance.now() - start;
  });
}

/**
 * `checkPolicy()` with the monorepo's policy on every service's Dockerfile, in this process: the
 * policy's own share of a render. The Dockerfiles are built once, with the targets' options.
 */
function timePolicyCheck(dir: string, runs: number): number[] {
  const parsed = parsePolicy(benchPolicy);
  if (!parsed.ok) throw new Error(`the bench policy does not load: ${parsed.issues[0]?.message}`);
  const services = readdirSync(join(dir, 'services')).map((s) => join(dir, 'services', s));
  const files: Dockerfile[] = services.map((s) =>
    readdirSync(s).includes('go.mod') ? goPreset(detectGo(s), { port: 8080 }).dockerfile : nodePreset(detectNode(s), { healthcheck: { path: '/health' } }).dockerfile,
  );
  return repeat(runs, () => {
    const start = performance.now();
    let found = 0;
    for (const file of files) found += checkPolicy(file, parsed.policy).length;
    const took = performance.now() - start;
    // Every service passes the policy, as in the CLI cases.
    if (found !== 0) throw new Error(`the bench policy found ${found} problems in the generated services`);
    return took;
  });
}

/**
 * The search for leftover generated files that render runs after writing, in this process. With
 * `written`, every generated file is one a target of the run writes (a normal run: the walk, no
 * file read); without, none is, so every one is read and its source looked up.
 */
async function timeOrphanSearch(dir: string, runs: number, written: boolean): Promise<number[]> {
  const files = findFiles(dir, generatedFilePattern);
  if (files.length === 0) throw new Error('the monorepo has no generated files to search; render it first');
  const outcomes: TargetOutcome[] = written ? [{ target: { file: join(dir, 'all.dockerfile.ts'), outDir: dir, dockerignore: true }, files: files.map((path) => ({ kind: 'dockerfile', path, content: '' })) }] : [];
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const found = await findOrphans([dir], outcomes);
    samples.push(performance.now() - start);
    // Every source still exists, so nothing is left over either way.
    if (found.length !== 0) throw new Error(`the leftover-file search found ${found.length} files in a freshly rendered monorepo`);
  }
  return samples;
}

const args = parse(process.argv.slice(2));
const log = (text: string) => process.stderr.write(`${text}\n`);
const work = mkdtempSync(join(tmpdir(), 'dockwright-bench-cli-'));
try {
  log(`${args.installed ? 'building, packing and installing the packages' : 'building the CLI'}, generating ${args.services} services in ${work}`);
  const installed = args.installed ? installPackages(join(work, 'installed')) : undefined;
  const cli = installed?.cli ?? (await buildCli(join(work, 'cli')));
  const packages = installed === undefined ? {} : { packages: installed.packages };
  const repo = generateMonorepo(join(work, 'monorepo'), args.services, repoRoot, packages);
  const load = { before: loadavg()[0] ?? 0 };

  const baseline = summarise('node -e 0 (Node start-up alone)', 'node -e 0', repeat(args.runs, () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - start;
  }));
  const first = summarise('render, first run (creates every file)', 'dockwright render', [timeOnce(cli, ['render', '--quiet'], repo.dir, 0)]);
  log('timing --version');
  const version = summarise('--version', 'dockwright --version', repeat(args.runs * 2, () => timeOnce(cli, ['--version'], repo.dir, 0)), 300);
  log('timing render');
  const render = summarise('render, nothing changed', 'dockwright render', repeat(args.runs, () => timeOnce(cli, ['render', '--quiet'], repo.dir, 0)), 2000);
  log('timing render --check');
  const check = summarise('render --check, all current', 'dockwright render --check', repeat(args.runs, () => timeOnce(cli, ['render', '--check', '--quiet'], repo.dir, 0)), 2000);
  log('timing render --check on the same monorepo without a policy file');
  const bare = generateMonorepo(join(work, 'monorepo-no-policy'), args.services, repoRoot, { policy: false, ...packages });
  timeOnce(cli, ['render', '--quiet'], bare.dir, 0);
  const noPolicy = summarise('render --check, all current, no policy file', 'dockwright render --check (no dockwright.policy.yaml)', repeat(args.runs, () => timeOnce(cli, ['render', '--check', '--quiet'], bare.dir, 0)));
  const cold = summarise('render --check, tsx cache off (TSX_DISABLE_CACHE=1)', 'TSX_DISABLE_CACHE=1 dockwright render --check', repeat(Math.max(3, Math.ceil(args.runs / 2)), () => timeOnce(cli, ['render', '--check', '--quiet'], repo.dir, 0, { TSX_DISABLE_CACHE: '1' })));
  const print = summarise('print, one target', 'dockwright print services/svc-000/service.dockerfile.ts', repeat(args.runs, () => timeOnce(cli, ['print', 'services/svc-000/service.dockerfile.ts'], repo.dir, 0)));
  log('timing the presets\' detection alone');
  const detection = summarise(`detectNode/detectGo for all ${args.services} services, in-process`, '(in-process)', timeDetection(repo.dir, Math.max(3, Math.ceil(args.runs / 2)), false));
  const detectionOnce = summarise(`detectNode/detectGo for all ${args.services} services in one inProjectSnapshot(), in-process`, '(in-process)', timeDetection(repo.dir, Math.max(3, Math.ceil(args.runs / 2)), true));
  log('timing the policy check alone');
  const policyRuns = Math.max(15, args.runs);
  const policyFirst = summarise(`checkPolicy() on all ${args.services} services' Dockerfiles, first round, in-process`, '(in-process)', timePolicyCheck(repo.dir, 1));
  const policyWarm = summarise(`checkPolicy() on all ${args.services} services' Dockerfiles, ${policyRuns} rounds, in-process`, '(in-process)', timePolicyCheck(repo.dir, policyRuns));
  log('timing the search for leftover generated files alone');
  const orphanRuns = Math.max(5, args.runs);
  const orphansWritten = summarise(`leftover-file search, ${repo.node * 2 + repo.go * 2} files all written by the run, in-process`, '(in-process)', await timeOrphanSearch(repo.dir, orphanRuns, true));
  const orphansRead = summarise(`leftover-file search, ${repo.node * 2 + repo.go * 2} files none written by the run (each read), in-process`, '(in-process)', await timeOrphanSearch(repo.dir, orphanRuns, false));
  const cases = [baseline, version, first, render, check, noPolicy, cold, print, detection, detectionOnce, policyFirst, policyWarm, orphansWritten, orphansRead];
  const result = {
    services: { total: repo.services, node: repo.node, go: repo.go, files: repo.node * 2 + repo.go * 2 },
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage1mBefore: load.before, loadAverage1mAfter: loadavg()[0] ?? 0 },
    runs: args.runs,
    packages: args.installed ? 'installed from their packed tarballs' : 'the workspace sources, through tsx',
    cases,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const rows = cases.map((c) => {
      const verdict = c.budgetMs === undefined ? '' : c.medianMs < c.budgetMs ? `under ${c.budgetMs} ms` : `OVER ${c.budgetMs} ms`;
      return `| ${c.name} | ${c.samplesMs.length} | ${c.medianMs} | ${c.p90Ms} | ${c.minMs} | ${c.maxMs} | ${verdict} |`;
    });
    process.stdout.write(
      [
        `${repo.services} services (${repo.node} Node, ${repo.go} Go), ${result.services.files} generated files; packages: ${result.packages}; Node ${process.version}, ${result.machine.cpus} CPUs (${result.machine.cpuModel}); load average ${load.before.toFixed(2)} before, ${result.machine.loadAverage1mAfter.toFixed(2)} after`,
        '',
        '| case | runs | median ms | p90 ms | min ms | max ms | budget |',
        '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  }
} finally {
  if (args.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
