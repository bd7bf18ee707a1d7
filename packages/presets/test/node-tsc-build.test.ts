// A build script that is exactly `tsc` runs the compiler directly in the build stage; every other
// build goes through the package manager, as `npm run build` would.
import { describe, expect, it } from 'vitest';
import { image } from '@dockwright/core';
import { detectNodeFiles, nodePreset, type NodePresetOptions, type NodeProject } from '@dockwright/presets';

const node = image('registry.example.com/node:24-bookworm-slim').pinDigest(`sha256:${'1'.repeat(64)}`);
const render = (project: NodeProject, options: NodePresetOptions = {}) => nodePreset(project, { images: { node }, ...options }).dockerfile.render();
/** The build stage's RUN lines. */
const buildRuns = (text: string) => {
  const start = text.indexOf(' AS build\n');
  const stage = text.slice(start, text.indexOf('\nFROM ', start));
  return stage.split('\n').filter((l) => l.startsWith('RUN '));
};
const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: 'app', main: 'dist/server.js', ...fields });
const TS = { devDependencies: { typescript: '5.9.3' } };
const files = (fields: Record<string, unknown>, lockfile = 'package-lock.json') => ({ 'package.json': pkg(fields), [lockfile]: lockfile.endsWith('.json') ? '{}' : 'lockfileVersion: 9.0\n' });

describe('a build script that is exactly tsc', () => {
  it('is detected only when it is `tsc` alone, TypeScript is a dependency and no prebuild or postbuild runs', () => {
    expect(detectNodeFiles(files({ scripts: { build: 'tsc' }, ...TS })).tscBuild).toBe(true);
    expect(detectNodeFiles(files({ scripts: { build: ' tsc ' }, dependencies: { typescript: '5.9.3' } })).tscBuild).toBe(true);
    for (const fields of [
      { scripts: { build: 'tsc -p tsconfig.build.json' }, ...TS },
      { scripts: { build: 'tsc && cp -r assets dist' }, ...TS },
      { scripts: { build: 'tsc', prebuild: 'rm -rf dist' }, ...TS },
      { scripts: { build: 'tsc', postbuild: 'node scripts/stamp.js' }, ...TS },
      { scripts: { build: 'tsc' } },
      { scripts: { start: 'node dist/server.js' }, ...TS },
    ]) {
      expect(detectNodeFiles(files(fields)).tscBuild, JSON.stringify(fields)).toBeUndefined();
    }
  });

  it('runs node node_modules/typescript/bin/tsc with npm, pnpm and yarn 1', () => {
    const npm = detectNodeFiles(files({ scripts: { build: 'tsc' }, ...TS }));
    expect(buildRuns(render(npm))).toEqual(['RUN node node_modules/typescript/bin/tsc']);
    const pnpm = detectNodeFiles(files({ scripts: { build: 'tsc' }, ...TS, packageManager: 'pnpm@10.34.8' }, 'pnpm-lock.yaml'));
    expect(buildRuns(render(pnpm))).toEqual(['RUN node node_modules/typescript/bin/tsc']);
    const yarn: NodeProject = { ...npm, packageManager: 'yarn', packageManagerVersion: '1.22.22', lockfile: 'yarn.lock' };
    expect(buildRuns(render(yarn))).toEqual(['RUN node node_modules/typescript/bin/tsc']);
  });

  it('goes through the package manager for another script, yarn berry (Plug\'n\'Play has no node_modules) and bun', () => {
    const npm = detectNodeFiles(files({ scripts: { build: 'tsc', compile: 'tsc' }, ...TS }));
    expect(buildRuns(render(npm, { build: 'compile' }))).toEqual(['RUN npm run compile']);
    const berry: NodeProject = { ...npm, packageManager: 'yarn-berry', packageManagerVersion: '4.5.3', lockfile: 'yarn.lock' };
    expect(buildRuns(render(berry))).toEqual(['RUN yarn run build']);
    const bun: NodeProject = { ...npm, packageManager: 'bun', lockfile: 'bun.lock' };
    expect(buildRuns(nodePreset(bun, { images: { bun: image('registry.example.com/oven/bun:1-slim').pinDigest(`sha256:${'2'.repeat(64)}`) } }).dockerfile.render())).toEqual(['RUN bun run build']);
  });

  it('keeps `npm run build` for a project given without detection (no tscBuild)', () => {
    const project: NodeProject = { name: 'shop', packageManager: 'npm', lockfile: 'package-lock.json', hasBuildScript: true, start: ['node', 'dist/server.js'] };
    expect(buildRuns(render(project))).toEqual(['RUN npm run build']);
  });
});
