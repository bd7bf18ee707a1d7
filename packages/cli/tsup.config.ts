import { defineConfig, type Options } from 'tsup';

// Spelled out rather than read from package.json, so a build from any directory is the same.
// core's edit distance and issue formatter are bundled in: the start-up path (unknown-command
// suggestions, usage errors) then loads no package, which in the workspace would be TypeScript
// source before the loader is registered.
const bundled = ['@dockwright/core/suggest', '@dockwright/core/format-issues'];
const external = ['@dockwright/core', '@dockwright/policy', '@dockwright/policy/find', '@dockwright/presets', '@dockwright/presets/snapshot', 'tsx', 'undici'];

/**
 * Two entries: `cli.js`, the `dockwright` bin (its shebang comes from src/cli.ts, started by
 * bin/dockwright.js), and `index.js`, the typed configuration API. Each command is a chunk loaded
 * when it runs; dependencies (`@dockwright/core`, `@dockwright/policy`, `@dockwright/presets`, `tsx`, `undici`) stay external.
 */
export const options: Options = {
  entry: ['src/cli.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  splitting: true,
  target: 'node20',
  external: [...external],
  noExternal: [...bundled],
};

/**
 * The configuration API for CommonJS (`require('dockwright')` in a CommonJS project's
 * dockwright.config.ts on Node before 20.19), with its `.d.cts` types. The ESM types, with
 * declaration maps, come from `tsc -p tsconfig.build.json`.
 */
const commonjs: Options = {
  entry: ['src/index.ts'],
  format: ['cjs'],
  dts: true,
  sourcemap: true,
  target: 'node20',
  external: [...external],
  noExternal: [...bundled],
};

export default defineConfig([{ ...options, dts: false }, commonjs]);
