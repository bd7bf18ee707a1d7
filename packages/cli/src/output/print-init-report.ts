import type { Colors } from './colors.js';
import { formatIssueLines } from './format-failure.js';
import type { InitReport, InitTargetReport } from './init-report.js';
import type { Io } from './io.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The plan of `init`: each target module it writes and what it found there.
 *
 * @example
 * ```ts
 * io.out(formatInitPlan(report.targets, io.outColors));
 * ```
 */
export function formatInitPlan(targets: readonly InitTargetReport[], c: Colors): string {
  const width = Math.max(...targets.map((t) => t.file.length));
  return targets.map((t) => `  ${t.file.padEnd(width)}  ${c.dim(t.description)}${t.status === 'exists' ? c.yellow(' (exists: left as it is)') : ''}\n`).join('');
}

/**
 * Prints an init report as text: on stdout each target module written and the commands to run
 * next; on stderr each file left as it was and each hand-written Dockerfile `render` would
 * replace. `--json` prints the report as one JSON document instead.
 *
 * @example
 * ```ts
 * printInitReport(await runInit({ cwd, dir: '.' }), io);
 * ```
 */
export function printInitReport(report: InitReport, io: Io): void {
  if (io.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const o = io.outColors;
  const e = io.errColors;
  for (const t of report.targets) if (t.status === 'created' && !io.quiet) io.out(`${o.green('created')} ${t.file}  ${o.dim(t.description)}\n`);
  if (!io.quiet) for (const s of report.skipped) io.out(`${o.dim(`left out ${s.dir}: ${s.reason}`)}\n`);
  for (const issue of report.issues) io.err(formatIssueLines([issue], e, '', issue.code === 'DWC6003' ? '⚠' : '✖'));
  for (const note of report.notes) io.err(`${e.yellow('⚠')} ${note}\n`);
  const created = report.targets.filter((t) => t.status === 'created').length;
  if (!report.ok && created === 0) {
    io.err(`${e.red('✖')} no target written\n`);
    return;
  }
  if (io.quiet) return;
  io.out(`${o.green('✔')} ${plural(created, 'target')} written; next:\n${report.next.map((n) => `  ${n}\n`).join('')}`);
}
