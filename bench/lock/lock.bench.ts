// Wall-clock benchmark of `dockwright lock` against a real registry on loopback: `pnpm bench:lock`.
//
// Starts Debian's docker-registry (the CNCF distribution registry; `docker-registry` on PATH, as
// scripts/e2e/with-engine.sh installs it) on a free 127.0.0.1 port, pushes N single-platform
// Docker v2 images through the registry API (default 50; the docker client below reads no OCI
// manifests), writes a project whose target locks all of them, and times, as whole processes
// (Node start-up, loading the target, every request, writing the lockfile):
//   - `dockwright lock --update` with its default of 8 requests in flight, and with 1;
//   - what a user scripts without it: `docker manifest inspect --insecure -v <ref>` for each tag,
//     one after the other (Debian's docker client, when installed).
// Loopback has no network latency, so the parallel gain here is the least a remote registry shows.
//
//   pnpm bench:lock                 table
//   pnpm bench:lock --images 100 --runs 7 --json
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildCli, cleanup, makeProject } from '../../packages/cli/test/support/cli.js';
import { pushImage, removeTemporaries, startRegistry } from '../../e2e/support/registry.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} takes a positive integer`);
  return n;
}

const images = option('images', 50);
const runs = option('runs', 5);
const json = process.argv.includes('--json');

function time(command: string, args: readonly string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return ms;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const registry = await startRegistry();
try {
  const refs: string[] = [];
  for (let i = 0; i < images; i += 1) {
    await pushImage(registry, `bench/image${i}`, '1.0', 'linux/amd64', 'docker');
    refs.push(`${registry.host}/bench/image${i}:1.0`);
  }
  const cli = await buildCli();
  const copies = refs.slice(1).map((r, i) => `.copy(image('${r}').locked(), '/s${i}', '/d${i}')`).join('\n  ');
  const target = `import { dockerfile, image, stage } from '@dockwright/core';\n\nexport default dockerfile(stage('app').from('${refs[0]}').locked()\n  ${copies}\n  .user(10001));\n`;
  const parallel = makeProject({ 'app.dockerfile.ts': target });
  const serial = makeProject({ 'app.dockerfile.ts': target, 'dockwright.config.ts': 'export default { lock: { concurrency: 1 } };\n' });
  // Once each first: fills tsx's transform cache, as a second run in CI would find it.
  time(process.execPath, [cli, 'lock'], parallel);
  time(process.execPath, [cli, 'lock'], serial);

  const results: { name: string; ms: number[] }[] = [
    { name: 'dockwright lock --update (8 in flight)', ms: [] },
    { name: 'dockwright lock --update (1 in flight)', ms: [] },
  ];
  const docker = '/usr/bin/docker';
  const withDocker = existsSync(docker);
  if (withDocker) results.push({ name: 'docker manifest inspect, each tag in turn', ms: [] });
  for (let r = 0; r < runs; r += 1) {
    (results[0] as { ms: number[] }).ms.push(time(process.execPath, [cli, 'lock', '--update'], parallel));
    (results[1] as { ms: number[] }).ms.push(time(process.execPath, [cli, 'lock', '--update'], serial));
    if (withDocker) {
      const start = performance.now();
      for (const ref of refs) time(docker, ['manifest', 'inspect', '--insecure', '-v', ref], parallel);
      (results[2] as { ms: number[] }).ms.push(performance.now() - start);
    }
  }
  const machine = { cpus: cpus().length, node: process.version, loadavg: loadavg().map((l) => l.toFixed(1)).join(' ') };
  if (json) {
    writeFileSync(1, `${JSON.stringify({ images, runs, machine, results: results.map((x) => ({ name: x.name, medianMs: Math.round(median(x.ms)), runsMs: x.ms.map(Math.round) })) }, null, 2)}\n`);
  } else {
    console.log(`${images} images on a loopback registry, median of ${runs} runs (${machine.cpus} cores, Node ${machine.node}, load ${machine.loadavg})\n`);
    console.log('| how | median | per image |\n|---|---:|---:|');
    for (const x of results) console.log(`| ${x.name} | ${(median(x.ms) / 1000).toFixed(2)} s | ${(median(x.ms) / images).toFixed(1)} ms |`);
    if (!withDocker) console.log('\n(no /usr/bin/docker here: the docker manifest inspect row is left out)');
  }
} finally {
  await registry.stop();
  cleanup();
  removeTemporaries();
}
