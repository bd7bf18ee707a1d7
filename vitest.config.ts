// Unit tests (`vitest run`). The real-build tests under e2e/ need a Docker engine and have their
// own config, vitest.e2e.config.ts (`pnpm test:e2e`), so they are kept out of this run.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'e2e/**'],
    // The property tests run 1000 cases each: seconds on a busy 2-core machine, over the 5 s default.
    testTimeout: 30_000,
  },
});
