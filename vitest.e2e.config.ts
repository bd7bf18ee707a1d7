// Real-build tests: run with `pnpm test:e2e` (scripts/e2e/with-engine.sh provides the engine).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // One engine, 2 cores: files one at a time, tests inside a file in order.
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    reporters: ['default'],
  },
});
