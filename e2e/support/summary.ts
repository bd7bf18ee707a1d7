/**
 * The numbers of the real-build suite: each case records its cold and warm build times and image
 * size, and the global teardown prints them as one table at the end of the run.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One row of the summary table. */
export interface SummaryRow {
  readonly case: string;
  readonly coldSeconds: number;
  readonly warmSeconds?: number;
  readonly imageBytes?: number;
  readonly note?: string;
}

function file(): string {
  return process.env['DOCKWRIGHT_E2E_SUMMARY'] ?? join(tmpdir(), 'dockwright-e2e-summary.jsonl');
}

/** Records a row; rows survive across test files because they go to a file the teardown reads. */
export function record(row: SummaryRow): void {
  appendFileSync(file(), `${JSON.stringify(row)}\n`);
}

/** Deletes the rows of an earlier run. */
export function resetSummary(): void {
  rmSync(file(), { force: true });
}

/** The rows recorded so far, as a table. */
export function summaryTable(): string {
  if (!existsSync(file())) return '(no real-build cases recorded)';
  const rows = readFileSync(file(), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as SummaryRow);
  const mb = (b: number | undefined) => (b === undefined ? '-' : b < 1e6 ? `${(b / 1e3).toFixed(0)} kB` : `${(b / 1e6).toFixed(1)} MB`);
  const s = (n: number | undefined) => (n === undefined ? '-' : `${n.toFixed(1)} s`);
  const lines = [
    ['case', 'cold build', 'warm build', 'size', 'note'],
    ...rows.map((r) => [r.case, s(r.coldSeconds), s(r.warmSeconds), mb(r.imageBytes), r.note ?? '']),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(lines[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)].join('\n');
}
