// Starts each real-build run with an empty summary and prints the table when it ends.
import { resetSummary, summaryTable } from './summary.js';

export default function setup(): () => void {
  process.env['DOCKWRIGHT_E2E_SUMMARY'] ??= `${process.env['TMPDIR'] ?? '/tmp'}/dockwright-e2e-summary-${process.pid}.jsonl`;
  resetSummary();
  return () => {
    process.stdout.write(`\nReal-build summary\n${summaryTable()}\n`);
    resetSummary();
  };
}
