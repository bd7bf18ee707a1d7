// Unit tests (`vitest run`). The real-build tests under e2e/ need a Docker engine and have their
// own config, vitest.e2e.config.ts (`pnpm test:e2e`), so they are kept out of this run; so are the
// site's browser tests, which need Chromium (vitest.site.config.ts, `pnpm test:site`).
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'e2e/**', 'site/test/**/*.browser.test.ts', 'site/dist/**', 'site/.tmp/**'],
    // The property tests run thousands of generated cases each; on a busy 2-core machine one of
    // them can take longer than vitest's 5 s default without anything being wrong.
    testTimeout: 60_000,
    // The CLI tests spend most of their time waiting for the binary they spawn: vitest's default
    // of one worker per core but one would leave a 2-core machine half idle (docs/testing.md).
    maxWorkers: Math.max(2, availableParallelism()),
    // The packages and the CLI, built once for every CLI test (packages/cli/test/support).
    globalSetup: ['packages/cli/test/support/global-setup.ts'],
    // A suite skipped for a reason (the corpus suites without ../shared) says so in one line.
    reporters: ['./scripts/test/skip-notes-reporter.ts', 'default'],
  },
});
