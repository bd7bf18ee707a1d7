// Builds the packages once per test run, into a node_modules of their own laid out as npm
// installs them: @dockwright/core, presets and policy as their bundles, and the dockwright CLI.
// Every CLI test spawns that CLI on projects linked to those bundles, so a spawn loads three
// JavaScript files instead of compiling the packages' TypeScript sources with the loader, and the
// CLI is built once instead of once per test file (docs/testing.md has the numbers).
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';
import { options as cliOptions } from '../../tsup.config.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A node_modules directory holding the built packages (see global-setup.ts). */
    dockwrightModules: string;
  }
}

const bundles = [
  { name: 'core', entry: { index: 'src/index.ts', suggest: 'src/errors/suggest.ts' }, exports: { '.': './dist/index.js', './suggest': './dist/suggest.js' }, deps: [] as string[] },
  { name: 'presets', entry: { index: 'src/index.ts', snapshot: 'src/in-project-snapshot.ts' }, exports: { '.': './dist/index.js', './snapshot': './dist/snapshot.js' }, deps: ['yaml'] },
  { name: 'policy', entry: { index: 'src/index.ts', 'find-policy-file': 'src/load/find-policy-file.ts' }, exports: { '.': './dist/index.js', './find': './dist/find-policy-file.js', './schema.json': './schema/dockwright.policy.schema.json' }, deps: ['yaml', 'zod'] },
];

/** Links a dependency of a workspace package (as pnpm installed it) into `modules`. */
function linkDependency(modules: string, from: string, name: string): void {
  const target = join(modules, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(realpathSync(join(from, 'node_modules', name)), target, 'dir');
}

/**
 * Builds the packages into a new directory's node_modules and returns it, with a function that
 * removes it.
 *
 * @example
 * ```ts
 * const { modules, remove } = await buildModules();
 * ```
 */
export async function buildModules(): Promise<{ modules: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'dockwright-test-modules-'));
  const modules = join(root, 'node_modules');
  await Promise.all(
    bundles.map(async (b) => {
      const source = join(repoRoot, 'packages', b.name);
      const dir = join(modules, '@dockwright', b.name);
      const entry = Object.fromEntries(Object.entries(b.entry).map(([k, v]) => [k, join(source, v)]));
      await build({ entry, outDir: join(dir, 'dist'), format: ['esm'], target: 'node20', dts: false, sourcemap: false, silent: true, config: false, external: ['@dockwright/core', 'yaml', 'zod'] });
      const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: pkg['name'], version: pkg['version'], type: 'module', exports: b.exports }));
      if (b.name === 'policy') symlinkSync(join(source, 'schema'), join(dir, 'schema'), 'dir');
      for (const dep of b.deps) linkDependency(modules, source, dep);
    }),
  );
  const cliDir = join(modules, 'dockwright');
  await build({ ...cliOptions, entry: [join(repoRoot, 'packages/cli/src/cli.ts'), join(repoRoot, 'packages/cli/src/index.ts')], outDir: join(cliDir, 'dist'), dts: false, sourcemap: false, silent: true, config: false });
  // The CLI reads its version from ../package.json; a dockwright.config.ts imports defineConfig.
  const cliPkg = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(cliDir, 'package.json'), JSON.stringify({ name: cliPkg['name'], version: cliPkg['version'], type: 'module', exports: { '.': './dist/index.js' } }));
  for (const dep of ['tsx', 'undici']) linkDependency(modules, join(repoRoot, 'packages/cli'), dep);
  return { modules, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** vitest's global setup: one build for the whole run, handed to the test files. */
export default async function setup(project: TestProject): Promise<() => void> {
  const { modules, remove } = await buildModules();
  project.provide('dockwrightModules', modules);
  return remove;
}
