import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { cliEntry } from '../cli-entry.js';
import { configNames } from '../config/find-config.js';
import { displayPath } from '../files/display-path.js';
import type { Io } from '../output/io.js';
import { targetFilePattern } from '../targets/discover-targets.js';
import { TRACK_IMPORTS } from '../targets/module-loader.js';
import { DirWatcher, projectDirs } from './watch-dirs.js';

/** The options of `render --watch` and `build --watch`. */
export interface WatchOptions {
  readonly cwd: string;
  readonly command: 'render' | 'build';
  /** The paths the command was given (the targets to watch); empty for all. */
  readonly paths: readonly string[];
  /** The command's other options, as arguments, passed to each run (not `--watch`, `--cwd`). */
  readonly args: readonly string[];
  /** How long to wait after a change for more changes before running (default 100 ms). */
  readonly settleMs?: number;
  /** Stops the watch; without it, SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
}

/** Files whose change concerns every target: the configuration, policies, the lockfile. */
function concernsAll(path: string): boolean {
  const name = basename(path);
  return configNames.includes(name) || name === 'dockwright.policy.yaml' || name === 'dockwright.lock.yaml';
}

const inNodeModules = (path: string) => path.split(sep).includes('node_modules');

/**
 * `render --watch` and `build --watch`: runs the command once for every target, then again,
 * for the targets concerned only, each time a file changes: a target module, a file it imports
 * (its presets, shared code: the files it loaded last time, outside node_modules), or the
 * configuration, a policy or the lockfile (then every target). A new target module runs it too.
 * Each run is a new process, so every module is read afresh and nothing of a run that failed
 * stays behind; what changed is printed first, the run prints as the command does, and the
 * watch goes on whatever the run's exit code. Returns 0 when stopped.
 *
 * @example
 * ```ts
 * await runWatch({ cwd: '/repo', command: 'render', paths: [], args: [] }, io);
 * ```
 */
export async function runWatch(options: WatchOptions, io: Io): Promise<number> {
  const { cwd } = options;
  const scratch = mkdtempSync(join(tmpdir(), 'dockwright-watch-'));
  const deps = new Map<string, Set<string>>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let child: ReturnType<typeof spawn> | undefined;
  let stopped = false;
  const c = io.outColors;

  const watcher = new DirWatcher((path) => {
    if (stopped) return;
    pending.add(path);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush(), options.settleMs ?? 100);
  });

  const dirsToWatch = () => {
    const dirs = new Set(projectDirs(cwd));
    for (const files of deps.values()) for (const f of files) if (!inNodeModules(f)) dirs.add(dirname(f));
    return dirs;
  };

  /** One run of the command over `paths` (all targets when empty); the imports it reports replace the old ones. */
  const runOnce = async (paths: readonly string[]): Promise<void> => {
    const report = join(scratch, 'imports.json');
    rmSync(report, { force: true });
    const argv = [...process.execArgv, cliEntry(), options.command, ...paths, ...options.args];
    await new Promise<void>((done) => {
      child = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, [TRACK_IMPORTS]: report } });
      child.on('error', (error) => {
        io.err(`${io.errColors.red('✖')} could not run dockwright ${options.command}: ${error.message}\n`);
        done();
      });
      child.on('close', () => done());
    });
    child = undefined;
    if (existsSync(report)) {
      const found = JSON.parse(readFileSync(report, 'utf8')) as Record<string, string[]>;
      for (const [target, files] of Object.entries(found)) {
        // A module that failed part way reports less: what it imported before counts still.
        const before = deps.get(target) ?? new Set<string>();
        deps.set(target, new Set([...(paths.length === 0 ? [] : before), ...files, target]));
      }
    }
    watcher.set(dirsToWatch());
  };

  const flush = async (): Promise<void> => {
    timer = undefined;
    if (running !== undefined) {
      await running;
      if (pending.size > 0 && timer === undefined) timer = setTimeout(() => void flush(), 0);
      return;
    }
    const changed = [...pending].filter((p) => !/(^|[/\\])\.[^/\\]*\.\d+\.[0-9a-f]+\.tmp$/.test(p));
    pending.clear();
    const all = changed.some((p) => concernsAll(p) || (targetFilePattern.test(basename(p)) && !deps.has(p)) || (deps.has(p) && !existsSync(p)) || isNewDir(p));
    const targets = all ? [] : [...deps].filter(([, files]) => changed.some((p) => files.has(p))).map(([t]) => t);
    if (!all && targets.length === 0) return;
    const names = changed.filter((p) => all || targets.some((t) => deps.get(t)?.has(p))).map((p) => displayPath(cwd, p));
    const what = all ? 'every target' : targets.map((t) => displayPath(cwd, t)).join(', ');
    io.out(`${c.cyan('↻')} ${[...new Set(names)].join(', ') || 'the project'} changed: ${options.command === 'build' ? 'rebuilding' : 're-rendering'} ${what}\n`);
    running = runOnce(all ? [...options.paths] : targets.map((t) => displayPath(cwd, t)));
    await running;
    running = undefined;
    io.out(`${c.dim(`watching ${deps.size} targets and ${watchedFiles()} files they import; Ctrl-C stops`)}\n`);
  };

  const isNewDir = (p: string) => {
    try {
      return statSync(p).isDirectory() && !p.split(sep).some((part) => part.startsWith('.') || part === 'node_modules');
    } catch {
      return false;
    }
  };
  const watchedFiles = () => new Set([...deps.values()].flatMap((s) => [...s]).filter((f) => !inNodeModules(f) && !deps.has(f))).size;

  await runOnce(options.paths);
  io.out(`${c.dim(`watching ${deps.size} targets and ${watchedFiles()} files they import; Ctrl-C stops`)}\n`);

  await new Promise<void>((stop) => {
    const end = () => {
      stopped = true;
      stop();
    };
    if (options.signal !== undefined) options.signal.addEventListener('abort', end, { once: true });
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
  if (timer !== undefined) clearTimeout(timer);
  watcher.close();
  child?.kill('SIGTERM');
  await running;
  rmSync(scratch, { recursive: true, force: true });
  return 0;
}

/**
 * The options of a parsed command line as arguments again, for the runs a watch starts: every
 * value of a repeated option, `--name=value` (so a value that starts with `-` stays a value),
 * without `--watch`, `--cwd` (each run starts in the directory) and `--help`.
 *
 * @example
 * ```ts
 * optionArgs({ positionals: ['api'], options: { watch: true, tag: 'b' }, lists: { tag: ['a', 'b'] } }); // ['--tag=a', '--tag=b']
 * ```
 */
export function optionArgs(args: { readonly options: Readonly<Record<string, string | true>>; readonly lists?: Readonly<Record<string, readonly string[]>> }): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(args.options)) {
    if (name === 'watch' || name === 'cwd' || name === 'help') continue;
    if (value === true) out.push(`--${name}`);
    else for (const v of args.lists?.[name] ?? [value]) out.push(`--${name}=${v}`);
  }
  return out;
}
