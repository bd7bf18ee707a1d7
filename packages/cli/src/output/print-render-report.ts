import { colorDiff } from './color-diff.js';
import { formatFailure, formatIssueLines, formatWarnings } from './format-failure.js';
import type { Io } from './io.js';
import { printJson } from './json-documents.js';
import type { RenderReport } from './render-report.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Prints a render report as text. On stdout: each file written (`created`, `updated`) or
 * deleted by `--prune`, each stale file with its diff, and a summary. On stderr: each failed
 * target with its problems, each generated file without a target (a failure with `--check`, a
 * warning otherwise), each preset note, and the failure summary (`summary: false` leaves out the line of a render
 * that succeeded). `--quiet` leaves only problems and diffs;
 * `--json` prints the report as one JSON document instead.
 *
 * @example
 * ```ts
 * printRenderReport(await runRender(options, io), io);
 * ```
 */
export function printRenderReport(report: RenderReport, io: Io, options: { readonly summary?: boolean } = {}): void {
  if (io.json) {
    printJson(io, report);
    return;
  }
  const o = io.outColors;
  const e = io.errColors;
  for (const target of report.targets) {
    for (const file of target.files) {
      if ((file.status === 'created' || file.status === 'updated') && !io.quiet) io.out(`${o.green(file.status.padEnd(7))} ${file.path}\n`);
      if (file.status === 'missing') io.out(`${o.red('✖')} ${o.bold(file.path)} is missing; it is generated from ${target.file}\n${colorDiff(file.diff ?? '', o)}`);
      if (file.status === 'stale') io.out(`${o.red('✖')} ${o.bold(file.path)} is out of date or was edited by hand; it is generated from ${target.file}\n${colorDiff(file.diff ?? '', o)}`);
    }
    if (!target.ok && target.phase !== undefined) io.err(formatFailure(target.file, target.phase, target.issues, e, target.policy));
    if (target.warnings.length > 0) io.err(formatWarnings(target.file, target.policy ?? 'the policy', target.warnings, e));
    if (!io.quiet) for (const note of target.notes) io.err(`${e.yellow('note')} ${target.file}: ${note}\n`);
  }
  // A leftover file fails --check, fails a --prune that could not delete it, and is a warning otherwise.
  for (const orphan of report.orphans) {
    if (orphan.status === 'deleted') {
      if (!io.quiet) io.out(`${o.green('deleted')} ${orphan.path}\n`);
    } else {
      io.err(formatIssueLines([orphan.issue], e, '', report.check || orphan.status === 'failed' ? '✖' : '⚠'));
    }
  }
  const bake = report.bake;
  if (bake !== undefined) {
    if ((bake.status === 'created' || bake.status === 'updated') && !io.quiet) io.out(`${o.green(bake.status.padEnd(7))} ${bake.path}\n`);
    if (bake.status === 'stale' || bake.status === 'missing') io.out(`${o.red('✖')} ${o.bold(bake.path)} is ${bake.status === 'stale' ? 'out of date' : 'missing'}; it is written by \`dockwright bake\`\n${colorDiff(bake.diff ?? '', o)}`);
    if (bake.issue !== undefined) io.err(formatIssueLines([bake.issue], e));
  }
  const s = report.summary;
  const outdated = s.missing + s.stale;
  if (report.check && outdated > 0) {
    io.err(`${e.red('✖')} ${plural(outdated, 'file')} of ${s.files} out of date; run \`dockwright render\` to update, and commit the result\n`);
  }
  const left = report.orphans.filter((orphan) => orphan.status === 'orphaned').length;
  if (report.check && left > 0) {
    io.err(`${e.red('✖')} ${plural(left, 'generated file')} without a target; delete ${left === 1 ? 'it' : 'them'} (\`dockwright render --prune\`), and commit the result\n`);
  }
  if (s.failed > 0) {
    const rest = s.targets - s.failed;
    const others = rest === 0 ? '' : `; the other ${plural(rest, 'target')} ${rest === 1 ? 'was' : 'were'} ${report.check ? 'checked' : 'rendered'}`;
    io.err(`${e.red('✖')} ${s.failed} of ${plural(s.targets, 'target')} failed${others}\n`);
  }
  // `build` prints its own summary after the render's files.
  if (report.ok && !io.quiet && options.summary !== false) {
    const detail = report.check
      ? `${plural(s.current, 'file')} current`
      : [`${s.created} created`, `${s.updated} updated`, `${s.unchanged} unchanged`, `${s.deleted} deleted`].filter((x) => !x.startsWith('0 ')).join(', ') || 'no files';
    io.out(`${o.green('✔')} ${plural(s.targets, 'target')}: ${detail}\n`);
  }
}
