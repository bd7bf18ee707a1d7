import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGo, detectGoFiles, detectNode, detectNodeFiles } from '@dockwright/presets';
import { isDockwrightError } from '@dockwright/core';

const fixtures = join(import.meta.dirname, 'fixtures');

/** Every file under a fixture, as `/`-separated paths relative to it. */
function contents(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDockwrightError(error)) return error.issues.map((i) => `${i.code} ${i.message} | ${i.hint}`).join('\n');
    throw error;
  }
  throw new Error('expected a DockwrightError');
}

describe('detectNodeFiles', () => {
  it.each([
    ['npm-app', '.'],
    ['pnpm-app', '.'],
    ['yarn-app', '.'],
    ['berry-app', '.'],
    ['berry-norc', '.'],
    ['pnpm-nopm', '.'],
    ['bun-app', '.'],
    ['native-addon', '.'],
    ['native-deps', '.'],
    ['prisma-sqlite', '.'],
    ['prisma-postgres', '.'],
    ['mono', 'services/api'],
    ['mono', 'services/worker'],
    ['npm-mono', 'services/api'],
    ['npm-mono', 'services/web'],
  ])('reads %s (%s) from its contents exactly as detectNode reads it from disk', (fixture, dir) => {
    const root = join(fixtures, fixture);
    expect(detectNodeFiles(contents(root), dir)).toEqual(detectNode(join(root, dir)));
  });

  it('finds a workspace, its packages and root files in memory', () => {
    const project = detectNodeFiles({
      'package.json': JSON.stringify({ name: 'shop', private: true, packageManager: 'pnpm@10.34.8' }),
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - services/*\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'tsconfig.base.json': '{}',
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', scripts: { build: 'tsc' } }),
      'services/api/package.json': JSON.stringify({ name: 'api', dependencies: { '@shop/db': 'workspace:*' }, scripts: { build: 'tsc', start: 'node dist/server.js' } }),
    }, 'services/api');
    expect(project).toMatchObject({
      name: 'api',
      packageManager: 'pnpm',
      packageManagerVersion: '10.34.8',
      lockfile: 'pnpm-lock.yaml',
      start: ['node', 'dist/server.js'],
      workspace: { dir: 'services/api', root: '../..', rootFiles: ['tsconfig.base.json'], packages: [{ name: 'api', dependsOn: ['@shop/db'] }, { name: '@shop/db', dependsOn: [] }] },
    });
  });

  it('answers what is not a project with a coded error', () => {
    expect(problem(() => detectNodeFiles({ 'README.md': '# hi' }))).toMatchInlineSnapshot(`"DW9003 no package.json in . | point the preset at the directory of the app's package.json"`);
    expect(problem(() => detectNodeFiles({ 'package.json': '[1]' }))).toMatchInlineSnapshot(`"DW9001 package.json in . is not a JSON object | fix package.json, or pass the detected values as options"`);
  });

  it('refuses what is not file contents, from plain JavaScript', () => {
    expect(problem(() => detectNodeFiles(null as never))).toMatchInlineSnapshot(`"DW9003 the project files are null, not an object of paths to contents | pass an object such as { 'package.json': '{"name":"api"}' }"`);
    expect(problem(() => detectNodeFiles({ 'package.json': 1 } as never))).toMatchInlineSnapshot(`"DW9003 the contents of "package.json" are number, not text | give every file its text as a string"`);
    expect(problem(() => detectNodeFiles({ '/etc/passwd': '' }))).toMatchInlineSnapshot(`"DW9003 "/etc/passwd" is not a path inside the project | use '/'-separated paths relative to the project root, such as 'services/api/package.json'"`);
    expect(problem(() => detectNodeFiles({ '../package.json': '{}' }))).toContain('is not a path inside the project');
    expect(problem(() => detectNodeFiles({ 'package.json': '{}' }, '../x'))).toMatchInlineSnapshot(`"DW9003 the directory "../x" is not a path inside the project | give the app's directory relative to the project root, such as 'services/api' (default '.')"`);
  });

  it('keeps two projects in memory apart: the workspace scan of one is not reused for the other', () => {
    const files = (dep: string) => ({
      'package.json': JSON.stringify({ name: 'root', workspaces: ['services/*', 'packages/*'] }),
      'package-lock.json': '{}',
      [`packages/${dep}/package.json`]: JSON.stringify({ name: dep }),
      'services/api/package.json': JSON.stringify({ name: 'api', dependencies: { [dep]: '*' }, scripts: { start: 'node server.js' } }),
    });
    expect(detectNodeFiles(files('db'), 'services/api').workspace?.packages.map((p) => p.name)).toEqual(['api', 'db']);
    expect(detectNodeFiles(files('cache'), 'services/api').workspace?.packages.map((p) => p.name)).toEqual(['api', 'cache']);
  });
});

describe('detectGoFiles', () => {
  it.each(['go-mod', 'go-single'])('reads %s from its contents exactly as detectGo reads it from disk', (fixture) => {
    const root = join(fixtures, fixture);
    expect(detectGoFiles(contents(root))).toEqual(detectGo(root));
  });
});
