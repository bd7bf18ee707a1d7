import { statSync } from 'node:fs';
import { settleBake } from '../bake/settle-bake.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { displayPath as posix } from '../files/display-path.js';
import { unifiedDiff } from '../files/unified-diff.js';
import { writeAtomic } from '../files/write-atomic.js';
import type { Io } from '../output/io.js';
import { createProgress } from '../output/progress.js';
import { summarize, type FileReport, type OrphanReport, type RenderReport, type TargetReport } from '../output/render-report.js';
import type { LoadedConfig } from '../targets/resolve-targets.js';
import { resolveTargets } from '../targets/resolve-targets.js';
import { lockfilePath, readLockfile } from '../lock/read-lockfile.js';
import { loadConfig } from './load-config.js';
import { mapConcurrent } from './map-concurrent.js';
import { findOrphans, type Orphan } from './find-orphans.js';
import { planTarget } from './plan-target.js';
import { pruneOrphans } from './prune-orphans.js';
import { loadPolicies } from '../policy/load-policies.js';
import type { PlannedFile, TargetOutcome } from './planned-file.js';

/** How many target modules load at once. */
const LOADS_IN_FLIGHT = 8;

/** The options of `dockwright render`. */
export interface RenderOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly check: boolean;
  readonly config?: string;
  /** Delete the generated files no target writes any more (not with `check`). */
  readonly prune?: boolean;
}

/** Two targets that write one file both fail, and neither writes it. */
function refuseCollisions(outcomes: TargetOutcome[], cwd: string): TargetOutcome[] {
  const writers = new Map<string, string[]>();
  for (const o of outcomes) for (const f of o.files) writers.set(f.path, [...(writers.get(f.path) ?? []), o.target.file]);
  return outcomes.map((o) => {
    const clashes = o.files.filter((f) => (writers.get(f.path)?.length ?? 0) > 1);
    const [first, ...rest] = clashes.map((f) => {
      const others = (writers.get(f.path) ?? []).filter((w) => w !== o.target.file).map((w) => posix(cwd, w));
      return cliIssue('DWC3003', `${posix(cwd, f.path)} is also written by ${others.join(', ')}`, 'give the targets different outDir settings or entry paths');
    });
    return first === undefined ? o : { ...o, files: [], failure: { phase: 'write', issues: [first, ...rest] } };
  });
}

async function readOrMissing(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function settle(file: PlannedFile, check: boolean, cwd: string): Promise<FileReport> {
  const path = posix(cwd, file.path);
  const base = { path, kind: file.kind, ...(file.context === undefined ? {} : { context: posix(cwd, file.context) }) };
  const existing = await readOrMissing(file.path);
  if (existing === file.content) return { ...base, status: check ? 'current' : 'unchanged' };
  if (!check) {
    await writeAtomic(file.path, file.content);
    return { ...base, status: existing === undefined ? 'created' : 'updated' };
  }
  const diff = unifiedDiff(existing ?? '', file.content, { from: existing === undefined ? '/dev/null' : `a/${path}`, to: `b/${path}` });
  return { ...base, status: existing === undefined ? 'missing' : 'stale', diff };
}

async function settleTarget(outcome: TargetOutcome, check: boolean, cwd: string): Promise<TargetReport> {
  const file = posix(cwd, outcome.target.file);
  const policy = { ...(outcome.policy === undefined ? {} : { policy: outcome.policy }), warnings: outcome.warnings ?? [] };
  if (outcome.failure !== undefined) return { file, ok: false, phase: outcome.failure.phase, issues: outcome.failure.issues, ...policy, files: [] };
  const files: FileReport[] = [];
  for (const planned of outcome.files) {
    try {
      files.push(await settle(planned, check, cwd));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const issue: CliIssue = cliIssue('DWC3004', `${posix(cwd, planned.path)}: ${e.code ?? 'error'} ${e.message.replace(/^\w+: /, '')}`, 'check that the directory exists and is writable');
      return { file, ok: false, phase: 'write', issues: [issue], ...policy, files };
    }
  }
  return { file, ok: true, issues: [], ...policy, files };
}

/**
 * Where leftover generated files are looked for: the directories given, or else the project (the
 * configuration's directory, or the working directory). A file given names one target and has no
 * inside to look in.
 */
function orphanRoots(cwd: string, paths: readonly string[], config: LoadedConfig | undefined): string[] {
  if (paths.length === 0) return [config?.dir ?? cwd];
  return paths.map((p) => resolve(cwd, p)).filter((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
}

function orphanIssue(orphan: Orphan, cwd: string, note: string): CliIssue {
  const path = posix(cwd, orphan.path);
  const source = posix(cwd, orphan.source);
  const fix = 'delete it (`dockwright render --prune` deletes every such file)';
  return orphan.reason === 'source-missing'
    ? cliIssue('DWC3006', `${path} was generated from ${source}, which no longer exists`, `${note}${fix}, or restore its target module ${source} (or rename it back to that name)`)
    : cliIssue('DWC3006', `${path} was generated from ${source}, which no longer writes it`, `${note}${fix}, or make ${source} write it again`);
}

/**
 * Each leftover file as reported; with `prune` (and no failed target, so that nothing is deleted
 * on a run that went wrong) deleted all together or not at all.
 */
async function settleOrphans(orphans: readonly Orphan[], prune: boolean, failed: boolean, cwd: string): Promise<OrphanReport[]> {
  const base = (o: Orphan) => ({ path: posix(cwd, o.path), kind: o.kind, source: posix(cwd, o.source) });
  if (!prune || orphans.length === 0) return orphans.map((o) => ({ ...base(o), status: 'orphaned', issue: orphanIssue(o, cwd, '') }));
  if (failed) return orphans.map((o) => ({ ...base(o), status: 'orphaned', issue: orphanIssue(o, cwd, 'not deleted, since a target failed; fix it and run `dockwright render --prune` again, or ') }));
  const { deleted, failure } = await pruneOrphans(orphans);
  return orphans.map((o): OrphanReport => {
    if (deleted.includes(o.path)) return { ...base(o), status: 'deleted', issue: orphanIssue(o, cwd, '') };
    if (failure?.path === o.path) {
      const others = deleted.length === 0 ? 'no leftover file was deleted' : 'the other leftover files were deleted';
      const issue = cliIssue('DWC3004', `${posix(cwd, o.path)} could not be deleted: ${failure.reason}`, `check the file and its directory, then run \`dockwright render --prune\` again; ${others}`);
      return { ...base(o), status: 'failed', issue };
    }
    return { ...base(o), status: 'orphaned', issue: orphanIssue(o, cwd, '') };
  });
}

/**
 * `dockwright render`: resolves the targets, loads and renders each (one failing target does
 * not stop the others) and checks it against its policy (the nearest dockwright.policy.yaml),
 * refuses two targets writing one file, then writes what changed or, with `check`, compares.
 * Then it looks for generated files that no target writes any more (see findOrphans): a failure
 * with `check`, a warning otherwise, deleted with `prune`. Usage, configuration and policy-file
 * problems throw a UsageError before anything is written.
 *
 * @example
 * ```ts
 * const report = await runRender({ cwd: '/repo', paths: [], check: true }, io);
 * process.exitCode = report.exitCode;
 * ```
 */
export async function runRender(options: RenderOptions, io: Io): Promise<RenderReport> {
  return (await renderTargets(options, io)).report;
}

/** What a render did, with what `build` and `bake` need beside the report. */
export interface RenderRun {
  readonly report: RenderReport;
  /** Each target as loaded and rendered, in the report's order, before two targets writing one file were refused. */
  readonly outcomes: readonly TargetOutcome[];
  readonly config: LoadedConfig | undefined;
}

/**
 * `runRender()` returning also each target's rendered files (with their ASTs) and the
 * configuration it used: `dockwright build` renders with it, then builds what it wrote.
 *
 * @example
 * ```ts
 * const { report, outcomes } = await renderTargets({ cwd: '/repo', paths: [], check: false }, io);
 * ```
 */
export async function renderTargets(options: RenderOptions, io: Io): Promise<RenderRun> {
  const { cwd, check } = options;
  const config = await loadConfig(cwd, options.config);
  const targets = resolveTargets(cwd, options.paths, config);
  const { lockfile } = await readLockfile(lockfilePath(cwd, config), cwd);
  const policies = await loadPolicies(targets, cwd);
  const progress = createProgress(io, targets.length, check ? 'checking' : 'rendering');
  // Several imports in flight at once: while one module runs, the loader thread compiles the next.
  const outcomes = await mapConcurrent(targets, LOADS_IN_FLIGHT, async (target) => {
    const outcome = await planTarget(target, cwd, policies.get(target.file), lockfile);
    progress.tick(posix(cwd, target.file));
    return outcome;
  });
  progress.done();
  const reports = await Promise.all(refuseCollisions(outcomes, cwd).map((o) => settleTarget(o, check, cwd)));
  // The outcomes before collisions are refused: a file two targets write is not a leftover.
  const orphans = await findOrphans(orphanRoots(cwd, options.paths, config), outcomes);
  const settled = await settleOrphans(orphans, options.prune === true && !check, reports.some((r) => !r.ok), cwd);
  const report = summarize(check, reports, settled);
  // The bake file follows every target: only a run over all of them, with none failed, can judge it.
  const bake = options.paths.length === 0 && report.summary.failed === 0 ? await settleBake(outcomes, config, cwd, { check, always: false }) : undefined;
  if (bake === undefined) return { report, outcomes, config };
  const bakeOk = bake.status !== 'stale' && bake.status !== 'missing' && bake.status !== 'failed';
  return { report: { ...report, ok: report.ok && bakeOk, exitCode: report.ok && bakeOk ? 0 : 1, bake }, outcomes, config };
}
