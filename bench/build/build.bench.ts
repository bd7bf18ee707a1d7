// `dockwright build` of examples/monorepo (api and web: Node services of a pnpm workspace; worker:
// Go) against the same three builds run by hand, one after another, as each Dockerfile's header
// says (`docker build -f services/api/Dockerfile .`, ...), in one run on one engine:
// `pnpm bench:build` (runs under scripts/e2e/with-engine.sh, which brings the engine, the local
// npm registry and the base images).
//
// Three ways: `dockwright build` (two targets at a time, its default), `dockwright build
// --concurrency 1`, and by hand. For each:
//
//   cold      every cache of the engine dropped first (`docker builder prune -af`)
//   no change a second build with nothing changed
//   one edit  after a source change in one service (web's server.js; new text each round, so
//             neither side reuses the other's layers), median of the rounds; for each service
//             which steps ran again, from BuildKit's log
//
// Both sides build with the same flags: `--network=host` and the loopback-only proxy arguments of
// the e2e suite (RUN steps reach the local npm registry on 127.0.0.1 and nothing else). Times are
// wall clock of the whole command: for `dockwright build`, Node starting, rendering the three
// targets (the files are current, so nothing is written) and the builds, two at a time; by hand,
// the three `docker build` commands in a row.
//
//   pnpm bench:build                 table
//   pnpm -s bench:build --json       JSON on stdout (progress on stderr)
//   pnpm bench:build --rounds 5      rounds of the one-edit case (default 3)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSteps, type StepSummary } from '../../packages/cli/src/build/build-log.js';
import type { BuildReport } from '../../packages/cli/src/output/build-report.js';
import { aliasBaseImages, buildCli, cleanup, LOOPBACK_BUILD, makeProject } from '../../e2e/support/cli.js';
import { DOCKER, docker, removeImages, requireEngine } from '../../e2e/support/docker.js';
import { LOOPBACK_ONLY } from '../../e2e/support/node-apps.js';
import { intArg, median } from '../harness.js';

const json = process.argv.includes('--json');
const rounds = intArg('rounds', 3);
const log = (text: string) => process.stderr.write(`[bench:build] ${text}\n`);

const SERVICES = [
  { name: 'api', dockerfile: 'services/api/Dockerfile', context: '.' },
  { name: 'web', dockerfile: 'services/web/Dockerfile', context: '.' },
  { name: 'worker', dockerfile: 'services/worker/Dockerfile', context: 'services/worker' },
] as const;
const TAG = (name: string) => `dockwright-bench/${name}:build`;

interface Run {
  readonly seconds: number;
  /** Per service: how many steps, how many cached, which ran. */
  readonly steps: Readonly<Record<string, StepSummary>>;
}

function exec(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, DOCKER_BUILDKIT: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

/** `dockwright build`, as a user runs it, with the tags the hand-run builds use. */
async function dockwrightBuild(cli: string, dir: string, concurrency: number): Promise<Run> {
  const started = performance.now();
  const r = await exec(process.execPath, [cli, 'build', ...LOOPBACK_BUILD, '--tag', TAG('{name}'), '--concurrency', String(concurrency), '--json'], dir, { DOCKWRIGHT_DOCKER: DOCKER });
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(r.out) as BuildReport;
  if (r.code !== 0) throw new Error(`dockwright build failed:\n${report.builds.map((b) => b.log ?? '').join('\n')}\n${r.err}`);
  return { seconds, steps: Object.fromEntries(report.builds.map((b) => [b.name, b.steps ?? { total: 0, cached: 0, rebuilt: [] }])) };
}

/** The three builds by hand, one after another, as the Dockerfiles' headers say. */
async function byHand(dir: string): Promise<Run> {
  const started = performance.now();
  const steps: Record<string, StepSummary> = {};
  for (const s of SERVICES) {
    const args = ['build', '--progress=plain', '--network=host', ...Object.entries(LOOPBACK_ONLY).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]), '-f', s.dockerfile, '-t', TAG(s.name), s.context];
    const r = await exec(DOCKER, args, dir);
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed:\n${r.err}`);
    steps[s.name] = readSteps(r.err + r.out);
  }
  return { seconds: (performance.now() - started) / 1000, steps };
}

async function dropCaches(): Promise<void> {
  await removeImages(...SERVICES.map((s) => TAG(s.name)));
  const r = await docker(['builder', 'prune', '-af']);
  if (r.code !== 0) throw new Error(`docker builder prune failed: ${r.stderr}`);
}

let edits = 0;
/** A new text in web's server, never built before. */
function editWeb(dir: string): void {
  const file = join(dir, 'services/web/src/server.js');
  edits += 1;
  writeFileSync(file, readFileSync(file, 'utf8').replace(/<h1>[^<]*<\/h1>/, `<h1>Shop ${process.pid}-${edits}</h1>`));
}

await requireEngine();
const aliases = await aliasBaseImages();
const cli = await buildCli();
const dir = makeProject({}, join(import.meta.dirname, '..', '..', 'examples', 'monorepo'));
try {
  // The three ways, in this order in every case: dockwright build (2 at a time, its default), one at a time, by hand.
  const ways = [
    { name: 'dockwright build', run: () => dockwrightBuild(cli, dir, 2) },
    { name: 'dockwright build --concurrency 1', run: () => dockwrightBuild(cli, dir, 1) },
    { name: 'by hand, one after another', run: () => byHand(dir) },
  ];
  const cases = ['cold', 'no change', 'one edit'] as const;
  const results: Record<(typeof cases)[number], Run[][]> = { cold: ways.map(() => []), 'no change': ways.map(() => []), 'one edit': ways.map(() => []) };
  for (const [i, way] of ways.entries()) {
    log(`cold, then no change: ${way.name}`);
    await dropCaches();
    results.cold[i]?.push(await way.run());
    results['no change'][i]?.push(await way.run());
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, way] of ways.entries()) {
      log(`one edit, round ${round + 1} of ${rounds}: ${way.name}`);
      editWeb(dir);
      results['one edit'][i]?.push(await way.run());
    }
  }
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', load: loadavg().map((l) => l.toFixed(2)).join(' ') };
  if (json) {
    process.stdout.write(`${JSON.stringify({ rounds, machine, ways: ways.map((w) => w.name), results }, null, 2)}\n`);
  } else {
    const lines = [
      `examples/monorepo (3 services), dockwright build next to the 3 builds by hand in a row (Node ${machine.node}, ${machine.cpus} CPUs, load ${machine.load})`,
      '',
      `| case | ${ways.map((w) => w.name).join(' | ')} |`,
      `|---|${ways.map(() => '---:').join('|')}|`,
      ...cases.map((name) => `| ${name}${name === 'one edit' ? ` (median of ${rounds})` : ''} | ${results[name].map((runs) => `${median(runs.map((x) => x.seconds)).toFixed(1)} s`).join(' | ')} |`),
      '',
      'What ran again after one edit of services/web (last round; FROM steps are not counted):',
      '',
      `| service | ${ways.map((w) => `${w.name}: steps cached`).join(' | ')} | steps that ran (dockwright build) |`,
      `|---|${ways.map(() => '---:').join('|')}|---|`,
      ...SERVICES.map((s) => {
        const last = results['one edit'].map((runs) => runs.at(-1)?.steps[s.name]);
        return `| ${s.name} | ${last.map((x) => `${x?.cached}/${x?.total}`).join(' | ')} | ${(last[0]?.rebuilt ?? []).map((t) => t.replace(/\s+/g, ' ').slice(0, 60)).join('; ') || 'none'} |`;
      }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} finally {
  await removeImages(...SERVICES.map((s) => TAG(s.name)), ...aliases);
  cleanup();
}
