import type { BuildReport } from './build-report.js';
import { formatIssueLines } from './format-failure.js';
import type { Io } from './io.js';
import { printRenderReport } from './print-render-report.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const shortId = (id: string | undefined) => (id === undefined ? '' : id.replace(/^sha256:/, '').slice(0, 12));

/**
 * Prints a build report as text. First what the render wrote and what failed in it, as `render`
 * prints it (unless `renderPrinted`: the command printed it before building). Then on stdout one line per image built (name, time, tags, image id, steps taken
 * from the cache), or with `--dry-run` each engine command; on stderr, for each build that
 * failed, the engine's whole log and the problem, and each build left out because an image it
 * uses failed. Then a summary. `--json` prints the report as one JSON document instead.
 *
 * @example
 * ```ts
 * printBuildReport(await runBuild(options, io), io);
 * ```
 */
export function printBuildReport(report: BuildReport, io: Io, options: { readonly renderPrinted?: boolean } = {}): void {
  if (io.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const o = io.outColors;
  const e = io.errColors;
  if (options.renderPrinted !== true) printRenderReport(report.render, io, { summary: false });
  for (const warning of report.warnings) io.err(formatIssueLines([warning], e, '', '⚠'));
  const width = Math.max(0, ...report.builds.map((b) => b.name.length));
  for (const build of report.builds) {
    if (build.status === 'planned') {
      io.out(`${o.dim(`# ${build.name}: ${build.dockerfile}`)}\n${build.command}\n`);
    } else if (build.status === 'built' && !io.quiet) {
      const steps = build.steps === undefined ? '' : `  ${o.dim(`${build.steps.cached} of ${build.steps.total} steps cached`)}`;
      const digest = build.digest === undefined ? '' : `  pushed ${shortId(build.digest)}`;
      io.out(`${o.green('built')}   ${build.name.padEnd(width)}  ${(build.seconds ?? 0).toFixed(1)}s  ${build.tags.join(' ')}  ${shortId(build.imageId)}${digest}${steps}\n`);
    } else if (build.status === 'failed') {
      if (build.log !== undefined && build.log !== '') io.err(`${e.dim(`--- the engine's log of ${build.name} (${build.command}) ---`)}\n${build.log}${build.log.endsWith('\n') ? '' : '\n'}${e.dim('--- end of the log ---')}\n`);
      io.err(formatIssueLines(build.issues, e));
    } else if (build.status === 'skipped') {
      io.err(formatIssueLines(build.issues, e));
    }
  }
  if (report.issues.length > 0) io.err(formatIssueLines(report.issues, e));
  const s = report.summary;
  const renderFailed = report.render.summary.failed;
  if (!report.ok) {
    const parts = [
      renderFailed > 0 ? `${plural(renderFailed, 'target')} failed to render` : '',
      s.failed > 0 ? `${s.failed} of ${plural(s.targets, 'build')} failed` : '',
      s.skipped > 0 ? `${s.skipped} not built` : '',
      report.issues.length > 0 && s.targets === 0 ? 'nothing was built' : '',
    ].filter((p) => p !== '');
    io.err(`${e.red('✖')} ${parts.join('; ')}${s.built > 0 ? `; ${s.built} built` : ''}\n`);
    return;
  }
  if (io.quiet) return;
  if (report.dryRun) io.out(`${o.green('✔')} ${plural(s.targets, 'build')} planned; nothing was built (--dry-run)\n`);
  else io.out(`${o.green('✔')} ${plural(s.built, 'image')} built in ${s.seconds.toFixed(1)}s${report.engine === undefined ? '' : ` with ${report.engine.builder}`}\n`);
}
