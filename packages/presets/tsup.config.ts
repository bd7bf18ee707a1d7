import { defineConfig } from 'tsup';

// ESM for `import` (and `require` on Node 20.19+, through the module-sync condition), CommonJS for
// `require` on older Node; `.d.cts` types for CommonJS consumers. The ESM types, with declaration
// maps, come from `tsc -p tsconfig.build.json` (tsup cannot write declaration maps).
export default defineConfig({
  entry: { index: 'src/index.ts', browser: 'src/browser.ts', snapshot: 'src/in-project-snapshot.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'node20',
});
