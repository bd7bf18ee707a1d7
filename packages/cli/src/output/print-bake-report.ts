import type { BakeReport } from '../bake/run-bake.js';
import { formatIssueLines } from './format-failure.js';
import type { Io } from './io.js';
import { printRenderReport } from './print-render-report.js';

/**
 * Prints a bake report: what the render wrote, then the bake file written (or unchanged) with
 * its targets and the command that builds them; its problem on stderr. `--json` prints the report.
 *
 * @example
 * ```ts
 * printBakeReport(await runBake({ cwd }, io), io);
 * ```
 */
export function printBakeReport(report: BakeReport, io: Io): void {
  if (io.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  printRenderReport(report.render, io, { summary: false });
  const o = io.outColors;
  const e = io.errColors;
  const bake = report.bake;
  if (bake === undefined) {
    io.err(`${e.red('✖')} no bake file written: a target failed, and the file would leave it out\n`);
    return;
  }
  if (bake.issue !== undefined) io.err(formatIssueLines([bake.issue], e));
  if (bake.status === 'failed') {
    io.err(`${e.red('✖')} ${bake.path} was not written\n`);
    return;
  }
  if (io.quiet) return;
  if (bake.status === 'created' || bake.status === 'updated') io.out(`${o.green(bake.status.padEnd(7))} ${bake.path}\n`);
  const file = bake.path === 'docker-bake.json' ? '' : ` -f ${bake.path}`;
  io.out(`${o.green('✔')} ${bake.path}: ${bake.targets.length} ${bake.targets.length === 1 ? 'target' : 'targets'} (${bake.targets.join(', ')}); build them with \`docker buildx bake${file}\`\n`);
}
