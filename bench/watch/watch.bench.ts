// How `--watch` watches files, against what a user (or we) could pick instead: `pnpm bench:watch`.
//
// On a generated monorepo of N services (bench/cli/generate-monorepo.ts) with an installed-looking
// node_modules (D directories of three files each), it compares, in one run:
//
//   ours        DirWatcher: one non-recursive fs.watch per directory the target search walks
//               (no node_modules, dist or dot-directories), as render --watch does
//   recursive   fs.watch(root, { recursive: true }), Node's own recursive watch
//   chokidar    chokidar 4.0.3 (the last major that runs on Node 20), node_modules and
//               dot-directories ignored
//
// and for each: the time until it is ready, the inotify watches it holds (read from
// /proc/self/fdinfo), the time from writing a file in a service to its callback (median of R
// writes), and whether it reports a file written in a directory created after it started (ours
// reports the new directory, and the watch then walks it again).
//
//   pnpm bench:watch                              table
//   pnpm bench:watch --json                       JSON on stdout
//   pnpm bench:watch --services 200 --modules 5000 --writes 15
import { watch as fsWatch, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import chokidar from 'chokidar';
import { DirWatcher, projectDirs } from '../../packages/cli/src/watch/watch-dirs.js';
import { generateMonorepo } from '../cli/generate-monorepo.js';
import { intArg, median } from '../harness.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const json = process.argv.includes('--json');
const services = intArg('services', 200);
const modules = intArg('modules', 5000);
const writes = intArg('writes', 15);
const log = (text: string) => process.stderr.write(`${text}\n`);

/** A watcher under test: start it on a root, with a callback per changed path; close it. */
interface Candidate {
  readonly name: string;
  start(root: string, onChange: (path: string) => void): Promise<() => Promise<void>>;
}

const candidates: readonly Candidate[] = [
  {
    name: 'ours: fs.watch per directory',
    async start(root, onChange) {
      const w = new DirWatcher(onChange);
      w.set(projectDirs(root));
      return async () => w.close();
    },
  },
  {
    name: 'fs.watch recursive',
    async start(root, onChange) {
      const w = fsWatch(root, { recursive: true }, (_e, name) => name !== null && onChange(join(root, name.toString())));
      return async () => w.close();
    },
  },
  {
    name: 'chokidar 4.0.3',
    async start(root, onChange) {
      const w = chokidar.watch(root, { ignoreInitial: true, ignored: (p) => p.split(sep).includes('node_modules') || basename(p).startsWith('.') });
      w.on('all', (_e, p) => onChange(p));
      await new Promise<void>((r) => w.once('ready', () => r()));
      return () => w.close();
    },
  },
];

/** Inotify watches this process holds now. */
function inotifyWatches(): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fdinfo')) {
    try {
      n += (readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm) ?? []).length;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

/** Writes `path` and resolves with the milliseconds until the watcher reported it (or NaN after 3 s). */
function timeWrite(path: string, waiters: Map<string, () => void>): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const timer = setTimeout(() => {
      waiters.delete(path);
      resolve(Number.NaN);
    }, 3000);
    waiters.set(path, () => {
      clearTimeout(timer);
      waiters.delete(path);
      resolve(performance.now() - started);
    });
    writeFileSync(path, `${started}\n`);
  });
}

interface Row {
  readonly candidate: string;
  readonly readyMs: number;
  readonly watches: number;
  readonly latencyMs: number;
  readonly missedWrites: number;
  readonly newDirectory: 'file seen' | 'directory seen' | 'missed';
}

const root = mkdtempSync(join(tmpdir(), 'dockwright-bench-watch-'));
try {
  const repo = generateMonorepo(root, services, repoRoot);
  for (let i = 0; i < modules; i += 1) {
    const dir = join(root, 'node_modules', `pkg-${Math.floor(i / 50)}`, `dir-${i}`);
    mkdirSync(dir, { recursive: true });
    for (const f of ['index.js', 'package.json', 'README.md']) writeFileSync(join(dir, f), '');
  }
  log(`monorepo: ${repo.services} services (${repo.node} Node, ${repo.go} Go), ${modules} directories in node_modules; ${projectDirs(root).length} project directories`);
  const rows: Row[] = [];
  for (const c of candidates) {
    const waiters = new Map<string, () => void>();
    const seen = new Set<string>();
    const base = inotifyWatches();
    const started = performance.now();
    const close = await c.start(root, (p) => {
      seen.add(p);
      waiters.get(p)?.();
    });
    const readyMs = performance.now() - started;
    const watches = inotifyWatches() - base;
    const latencies: number[] = [];
    for (let i = 0; i < writes; i += 1) latencies.push(await timeWrite(join(root, 'services', `svc-${String(i % services).padStart(3, '0')}`, 'touch.txt'), waiters));
    const fresh = join(root, 'services', `new-${c.name.length}`);
    mkdirSync(fresh);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(fresh, 'new.dockerfile.ts'), '');
    await new Promise((r) => setTimeout(r, 1000));
    const newDirectory = seen.has(join(fresh, 'new.dockerfile.ts')) ? 'file seen' : seen.has(fresh) ? 'directory seen' : 'missed';
    await close();
    rmSync(fresh, { recursive: true, force: true });
    const found = latencies.filter((l) => !Number.isNaN(l));
    rows.push({ candidate: c.name, readyMs, watches, latencyMs: median(found), missedWrites: latencies.length - found.length, newDirectory });
    log(`${c.name}: ready in ${readyMs.toFixed(0)} ms, ${watches} watches`);
  }
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', load: loadavg().map((l) => l.toFixed(2)).join(' ') };
  if (json) {
    process.stdout.write(`${JSON.stringify({ services, modules, writes, projectDirectories: projectDirs(root).length, machine, rows }, null, 2)}\n`);
  } else {
    const lines = [
      `watching a monorepo of ${services} services and ${modules} directories in node_modules (${writes} writes each; Node ${machine.node}, ${machine.cpus} CPUs, load ${machine.load})`,
      '',
      '| watcher | ready | inotify watches | write to callback (median) | writes missed | file in a new directory |',
      '|---|---:|---:|---:|---:|---|',
      ...rows.map((r) => `| ${r.candidate} | ${r.readyMs.toFixed(0)} ms | ${r.watches} | ${r.latencyMs.toFixed(1)} ms | ${r.missedWrites} | ${r.newDirectory} |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
