// Unit tests (`vitest run`). The real-build tests under e2e/ need a Docker engine and have their
// own config, vitest.e2e.config.ts (`pnpm test:e2e`), so they are kept out of this run.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'e2e/**'],
    // The property tests run thousands of generated cases each; on a busy 2-core machine one of
    // them can take longer than vitest's 5 s default without anything being wrong.
    testTimeout: 60_000,
    // A suite skipped for a reason (the corpus suites without ../shared) says so in one line.
    reporters: ['./scripts/test/skip-notes-reporter.ts', 'default'],
  },
});
