import type { LockReport } from '../lock/lock-report.js';
import { formatFailure, formatIssueLines } from './format-failure.js';
import type { Io } from './io.js';
import { printJson } from './json-documents.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const short = (digest: string | undefined) => (digest === undefined ? '' : `${digest.slice(0, 19)}…`);

/**
 * Prints a lock report as text: on stdout each image added, updated or removed (and with
 * `--check`, each one missing or moved), then a summary; on stderr every problem, and a line
 * saying the lockfile was left as it was. `--json` prints the report as one JSON document.
 *
 * @example
 * ```ts
 * printLockReport(await runLock(options, io), io);
 * ```
 */
export function printLockReport(report: LockReport, io: Io): void {
  if (io.json) {
    printJson(io, report);
    return;
  }
  const o = io.outColors;
  const e = io.errColors;
  for (const image of report.images) {
    const platforms = image.platforms === undefined || image.platforms.length === 0 ? '' : ` (${image.platforms.join(', ')})`;
    if (image.status === 'added' || image.status === 'updated' || image.status === 'removed') {
      if (!io.quiet) io.out(`${o.green(image.status.padEnd(7))} ${image.key} ${o.dim(short(image.digest))}${platforms}\n`);
    } else if (image.status === 'moved') {
      io.out(`${o.red('moved  ')} ${image.key} ${o.dim(`${short(image.digest)} -> ${short(image.registryDigest)}`)}\n`);
    } else if (image.status === 'missing' || image.status === 'unused') {
      io.out(`${o.red(image.status.padEnd(7))} ${image.key}\n`);
    }
  }
  for (const target of report.targets) io.err(formatFailure(target.file, target.phase, target.issues, e));
  if (report.issues.length > 0) io.err(formatIssueLines(report.issues, e));
  const count = (...statuses: string[]) => report.images.filter((i) => statuses.includes(i.status)).length;
  if (!report.ok) {
    const untouched = report.mode === 'check' ? '' : `; ${report.lockfile} was left as it was`;
    const failed = count('failed');
    const what = report.targets.length > 0 ? plural(report.targets.length, 'target') + ' failed to load' : failed > 0 ? `${plural(failed, 'image')} could not be resolved` : `${plural(count('missing', 'moved', 'unused'), 'image')} out of date`;
    const fix = report.mode === 'check' && failed === 0 && report.targets.length === 0 ? ' run `dockwright lock` (or `--update`) and commit the lockfile' : '';
    io.err(`${e.red('✖')} ${what}${untouched}${fix === '' ? '' : `;${fix}`}\n`);
    return;
  }
  if (io.quiet) return;
  const total = report.images.filter((i) => i.status !== 'removed').length;
  if (report.mode === 'check') {
    io.out(`${o.green('✔')} ${plural(total, 'locked image')} current in ${report.lockfile}\n`);
    return;
  }
  if (total === 0 && !report.written) {
    io.out(`${o.green('✔')} no target locks an image; nothing to write\n`);
    return;
  }
  const changes = [`${count('added')} added`, `${count('updated')} updated`, `${count('removed')} removed`].filter((x) => !x.startsWith('0 ')).join(', ');
  io.out(`${o.green('✔')} ${plural(total, 'locked image')}${changes === '' ? ', no change' : `: ${changes}`}; ${report.written ? 'wrote' : 'kept'} ${report.lockfile}\n`);
}
