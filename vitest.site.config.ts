// The site's browser tests: real headless Chromium against the built site on 127.0.0.1
// (`pnpm test:site` installs Chromium, builds the site, then runs these).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['site/test/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser, 2 cores: files one at a time.
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['./scripts/test/skip-notes-reporter.ts', 'default'],
  },
});
