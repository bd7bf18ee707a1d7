import type { Io } from '../output/io.js';
import type { RenderReport } from '../output/render-report.js';
import { renderTargets } from '../render/run-render.js';
import { settleBake, type BakeFileReport } from './settle-bake.js';

/** The result of `dockwright bake`, and the document `--json` prints. */
export interface BakeReport {
  readonly command: 'bake';
  readonly ok: boolean;
  readonly exitCode: 0 | 1;
  /** The render that came first. */
  readonly render: RenderReport;
  /** The bake file; absent when a target failed, so that no file leaves a target out. */
  readonly bake?: BakeFileReport;
}

/**
 * `dockwright bake`: renders every target (as `render` does), then writes the bake file for
 * them (see `plannedBake`), unless a target failed. Usage and configuration problems throw a
 * UsageError (exit 2).
 *
 * @example
 * ```ts
 * const report = await runBake({ cwd: '/repo' }, io);
 * report.bake?.path; // 'docker-bake.json'
 * ```
 */
export async function runBake(options: { readonly cwd: string; readonly config?: string; /** Overwrite files dockwright did not write, as `render --force` does. */ readonly force?: boolean }, io: Io): Promise<BakeReport> {
  const { cwd } = options;
  const { report, outcomes, config } = await renderTargets({ cwd, paths: [], check: false, force: options.force === true, ...(options.config === undefined ? {} : { config: options.config }) }, io);
  // render has settled a bake file it wrote before; `bake` writes one in any case.
  const { bake: _, ...render } = report;
  if (render.summary.failed > 0) return { command: 'bake', ok: false, exitCode: 1, render };
  const bake = report.bake ?? (await settleBake(outcomes, config, cwd, { check: false, always: true }));
  const ok = render.ok && bake !== undefined && bake.status !== 'failed';
  return { command: 'bake', ok, exitCode: ok ? 0 : 1, render, ...(bake === undefined ? {} : { bake }) };
}
