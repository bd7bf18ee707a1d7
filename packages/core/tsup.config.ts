import { defineConfig } from 'tsup';

// ESM for `import` (and `require` on Node 20.19+, through the module-sync condition), CommonJS for
// `require` on older Node; `.d.cts` types for CommonJS consumers. The ESM types, with declaration
// maps, come from `tsc -p tsconfig.build.json` (tsup cannot write declaration maps). `suggest` and
// `format-issues` are entries of their own so that the CLI's usage errors get "did you mean" and
// their problem lines without loading all of core.
export default defineConfig({
  entry: { index: 'src/index.ts', suggest: 'src/errors/suggest.ts', 'format-issues': 'src/errors/format-issues.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'node20',
});
