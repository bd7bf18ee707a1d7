import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isDockwrightError } from '@dockwright/core';
import { detectGo, detectNode } from '@dockwright/presets';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const at = (name: string) => join(fixtures, name);

describe('detectNode', () => {
  it('reads npm from the lockfile, the Node major from engines (the newest LTS >=20.11 allows), and the scripts', () => {
    expect(detectNode(at('npm-app'))).toEqual({
      name: 'npm-app',
      packageManager: 'npm',
      nodeVersion: '24',
      lockfile: 'package-lock.json',
      hasBuildScript: true,
      start: ['node', 'dist/server.js'],
    });
  });

  it('reads pnpm and its exact version from packageManager, and Node from .nvmrc', () => {
    expect(detectNode(at('pnpm-app'))).toMatchObject({ packageManager: 'pnpm', packageManagerVersion: '10.34.8', nodeVersion: '22', lockfile: 'pnpm-lock.yaml', hasBuildScript: false, start: ['node', 'server.js'] });
  });

  it('tells yarn classic from yarn berry, and starts from main', () => {
    expect(detectNode(at('yarn-app'))).toMatchObject({ packageManager: 'yarn', packageManagerVersion: '1.22.22', start: ['node', 'index.js'] });
    expect(detectNode(at('berry-app'))).toMatchObject({ packageManager: 'yarn-berry', packageManagerVersion: '4.5.3' });
  });

  it('finds a service inside a pnpm workspace and the workspace packages it needs', () => {
    expect(detectNode(at('mono/services/api'))).toEqual({
      name: '@mono/api',
      packageManager: 'pnpm',
      packageManagerVersion: '10.34.8',
      nodeVersion: '20',
      lockfile: 'pnpm-lock.yaml',
      hasBuildScript: true,
      start: ['node', 'dist/server.js'],
      workspace: {
        dir: 'services/api',
        root: '../..',
        packages: [
          { name: '@mono/api', dir: 'services/api', dependsOn: ['@mono/shared'], scripts: ['build', 'start'] },
          { name: '@mono/shared', dir: 'packages/shared', dependsOn: [], scripts: ['build'] },
        ],
        // The root's own files a build may read; not the manifests, dotfiles or docs.
        rootFiles: ['tsconfig.base.json'],
      },
    });
    expect(detectNode(at('mono/services/worker')).workspace?.packages.map((p) => p.name)).toEqual(['@mono/worker']);
  });

  it('finds a service inside an npm workspace, with the Node version the root declares', () => {
    const api = detectNode(at('npm-mono/services/api'));
    // The root says >=22: the newest LTS it allows.
    expect(api).toMatchObject({ name: '@shop/api', packageManager: 'npm', nodeVersion: '24', lockfile: 'package-lock.json' });
    expect(api.workspace).toEqual({
      dir: 'services/api',
      root: '../..',
      packages: [
        { name: '@shop/api', dir: 'services/api', dependsOn: ['@shop/db', '@shop/ui'], scripts: ['build', 'start'] },
        { name: '@shop/db', dir: 'packages/db', dependsOn: [], scripts: ['build'] },
        { name: '@shop/ui', dir: 'packages/ui', dependsOn: [], scripts: [] },
      ],
      rootFiles: ['tsconfig.base.json'],
    });
    // Another service of the same workspace needs only what it depends on.
    expect(detectNode(at('npm-mono/services/web')).workspace?.packages.map((p) => p.dir)).toEqual(['services/web', 'packages/ui']);
  });

  it("leaves Dockwright's (the bake file too) and Renovate's own files at the workspace root out of the build", () => {
    const copy = mkdtempSync(join(tmpdir(), 'dockwright-detect-'));
    try {
      cpSync(at('mono'), copy, { recursive: true });
      for (const name of ['dockwright.policy.yaml', 'dockwright.lock.yaml', 'dockwright.config.ts', 'docker-bake.json', 'docker-bake.override.hcl', 'renovate.json']) {
        writeFileSync(join(copy, name), '{}\n');
      }
      expect(detectNode(join(copy, 'services/api')).workspace?.rootFiles).toEqual(['tsconfig.base.json']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('says what is missing when there is no package.json', () => {
    try {
      detectNode(at('go-mod'));
      expect.unreachable();
    } catch (error) {
      expect(isDockwrightError(error) && error.code).toBe('DW9003');
    }
  });
});

describe('detectGo', () => {
  it('lists the main packages under cmd/ and reads the go directive', () => {
    expect(detectGo(at('go-mod'))).toEqual({ module: 'example.com/shop', goVersion: '1.22', hasGoSum: true, commands: ['./cmd/api', './cmd/worker'] });
  });
  it('takes the module root when it is the main package', () => {
    expect(detectGo(at('go-single'))).toEqual({ module: 'example.com/tool', goVersion: '1.19', hasGoSum: false, commands: ['.'] });
  });
});
