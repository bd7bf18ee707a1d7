import { defineConfig, type Options } from 'tsup';

/**
 * Two entries: `cli.js`, the `dockwright` bin (its shebang comes from src/cli.ts), and `index.js`,
 * the typed configuration API. Each command is a chunk loaded when it runs; dependencies
 * (`@dockwright/core`, `@dockwright/policy`, `@dockwright/presets`, `tsx`) stay external.
 */
export const options: Options = {
  entry: ['src/cli.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'node20',
  // Spelled out rather than read from package.json, so a build from any directory is the same.
  external: ['@dockwright/core', '@dockwright/policy', '@dockwright/policy/find', '@dockwright/presets', 'tsx'],
};

export default defineConfig(options);
