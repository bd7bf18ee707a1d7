// The packed packages installed into new projects (`pnpm test:packages`): builds and packs every
// package, then installs the tarballs with npm, so it needs the npm registry for their dependencies.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.packages.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
