// A vitest reporter that says where a run's time goes, file by file: how long each took to
// import (collect) and to run its tests and hooks. docs/testing.md has its numbers.
//   npx vitest run --reporter=default --reporter=./scripts/test/timings-reporter.ts
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(6);

/**
 * Prints a table of the test files, slowest first: import time, test and hook time, and their
 * sum, with the totals (which exceed the wall time when files run in parallel).
 *
 * @example
 * ```ts
 * // vitest.config.ts, or --reporter=./scripts/test/timings-reporter.ts
 * export default defineConfig({ test: { reporters: ['default', './scripts/test/timings-reporter.ts'] } });
 * ```
 */
export default class TimingsReporter implements Reporter {
  private started = 0;

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules.map((m) => {
      const d = m.diagnostic();
      const setup = d.environmentSetupDuration + d.prepareDuration + d.setupDuration;
      return { file: relative(process.cwd(), m.moduleId), setup, collect: d.collectDuration, run: d.duration, total: setup + d.collectDuration + d.duration };
    });
    rows.sort((a, b) => b.total - a.total);
    const sum = (key: 'setup' | 'collect' | 'run' | 'total') => rows.reduce((n, r) => n + r[key], 0);
    const lines = [
      '',
      ' setup  import   tests   total  file (seconds)',
      ...rows.map((r) => `${seconds(r.setup)}  ${seconds(r.collect)}  ${seconds(r.run)}  ${seconds(r.total)}  ${r.file}`),
      `${seconds(sum('setup'))}  ${seconds(sum('collect'))}  ${seconds(sum('run'))}  ${seconds(sum('total'))}  all ${rows.length} files; wall ${seconds(performance.now() - this.started).trim()} s`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  }
}
