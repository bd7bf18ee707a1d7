// A vitest reporter that prints one line for each test skipped with a reason (`context.skip(note)`),
// such as the corpus suites in a clone without ../shared: the default reporter only counts them.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints `↓ <file> > <suite>: skipped: <note>` at the end of the run, once per skipped test that
 * has a note, before the default reporter's summary (list it first in `reporters`).
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { reporters: ['./scripts/test/skip-notes-reporter.ts', 'default'] } });
 * ```
 */
export default class SkipNotesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped' || result.note === undefined) continue;
        const suite = test.parent.type === 'suite' ? ` > ${test.parent.fullName}` : '';
        lines.push(`↓ ${relative(process.cwd(), module.moduleId)}${suite}: skipped: ${result.note}`);
      }
    }
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
