import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectNode, detectNodeFiles, inProjectSnapshot } from '@dockwright/presets';
import { DockwrightError } from '@dockwright/core';
import { scanWorkspace as scanIn } from '../src/node/scan-workspace.js';
import { diskFiles } from '../src/shared/disk-files.js';
import { withProjectFiles } from '../src/shared/project-files.js';

const scanWorkspace = (root: string, globs: readonly string[]) => withProjectFiles(diskFiles, () => scanIn(root, globs));

let root: string;

function pkg(dir: string, name: string, deps: Record<string, string> = {}): void {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ name, dependencies: deps, scripts: { start: 'node server.js' } }));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dockwright-scan-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', private: true }));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n  - services/*\n');
  writeFileSync(join(root, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
  pkg('packages/db', '@shop/db');
  pkg('services/api', 'api', { '@shop/db': 'workspace:*' });
  pkg('services/worker', 'worker');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const needs = (service: string) => detectNode(join(root, 'services', service)).workspace?.packages.map((p) => p.name);

describe('scanWorkspace', () => {
  it('scans a root once while nothing changes: every service gets the same scan', () => {
    const globs = ['packages/*', 'services/*'];
    const first = scanWorkspace(root, globs);
    expect(first.map((p) => `${p.dir} ${p.name} ${p.deps.join(',')}`)).toEqual(['packages/db @shop/db ', 'services/api api @shop/db', 'services/worker worker ']);
    expect(scanWorkspace(root, globs)).toBe(first);
    expect(scanWorkspace(`${root}/services/..`, globs)).toBe(first);
    // Other globs are another question.
    expect(scanWorkspace(root, ['services/*'])).not.toBe(first);
  });

  it('sees a package.json edited between two detections', () => {
    expect(needs('worker')).toEqual(['worker']);
    pkg('services/worker', 'worker', { '@shop/db': 'workspace:*' });
    expect(needs('worker')).toEqual(['worker', '@shop/db']);
  });

  it('sees a package added and a package removed', () => {
    expect(needs('api')).toEqual(['api', '@shop/db']);
    pkg('packages/log', '@shop/log');
    pkg('services/api', 'api', { '@shop/db': 'workspace:*', '@shop/log': 'workspace:*' });
    expect(needs('api')).toEqual(['api', '@shop/db', '@shop/log']);
    rmSync(join(root, 'packages/log'), { recursive: true });
    expect(scanWorkspace(root, ['packages/*', 'services/*']).map((p) => p.name)).toEqual(['@shop/db', 'api', 'worker']);
  });

  it('sees a package.json created in a directory that had none', () => {
    mkdirSync(join(root, 'services/web'));
    expect(scanWorkspace(root, ['packages/*', 'services/*']).map((p) => p.dir)).not.toContain('services/web');
    pkg('services/web', 'web');
    expect(scanWorkspace(root, ['packages/*', 'services/*']).map((p) => p.dir)).toContain('services/web');
    expect(needs('web')).toEqual(['web']);
  });
});

describe('inProjectSnapshot', () => {
  it('checks the workspace once for all the services it detects, and again in the next snapshot', async () => {
    const seen = await inProjectSnapshot(async () => {
      const before = needs('worker');
      // An edit during the snapshot is not looked for: the scan was checked once in it.
      pkg('services/worker', 'worker', { '@shop/db': 'workspace:*' });
      await new Promise((done) => setTimeout(done, 5));
      return { before, during: needs('worker'), api: needs('api') };
    });
    expect(seen).toEqual({ before: ['worker'], during: ['worker'], api: ['api', '@shop/db'] });
    // Outside it, and in a new snapshot, the edit is seen.
    expect(needs('worker')).toEqual(['worker', '@shop/db']);
    pkg('services/worker', 'worker');
    expect(await inProjectSnapshot(async () => needs('worker'))).toEqual(['worker']);
  });

  it('ends when its work returns or settles: a timer started inside that fires later looks at the disk again', async () => {
    let later: Promise<readonly string[] | undefined> | undefined;
    const during = inProjectSnapshot(() => {
      const first = needs('worker');
      later = new Promise((done) => setTimeout(() => done(needs('worker')), 20));
      return first;
    });
    expect(during).toEqual(['worker']);
    pkg('services/worker', 'worker', { '@shop/db': 'workspace:*' });
    expect(await later).toEqual(['worker', '@shop/db']);
    // A work that rejects: the rejection reaches the caller.
    await expect(inProjectSnapshot(async () => {
      needs('worker');
      throw new Error('target failed');
    })).rejects.toThrow('target failed');
    pkg('services/worker', 'worker');
    expect(needs('worker')).toEqual(['worker']);
  });

  it('still sees packages added before the snapshot began', () => {
    expect(needs('api')).toEqual(['api', '@shop/db']);
    pkg('packages/log', '@shop/log');
    pkg('services/api', 'api', { '@shop/db': 'workspace:*', '@shop/log': 'workspace:*' });
    expect(inProjectSnapshot(() => needs('api'))).toEqual(['api', '@shop/db', '@shop/log']);
  });

  it('never mixes a project given in memory with another at the same path', () => {
    const files = (deps: Record<string, string>) => ({
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'pnpm-workspace.yaml': 'packages:\n  - services/*\n  - packages/*\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'packages/db/package.json': JSON.stringify({ name: '@shop/db' }),
      'services/api/package.json': JSON.stringify({ name: 'api', dependencies: deps, scripts: { start: 'node server.js' } }),
    });
    const both = inProjectSnapshot(() => [
      detectNodeFiles(files({}), 'services/api').workspace?.packages.map((p) => p.name),
      detectNodeFiles(files({ '@shop/db': 'workspace:*' }), 'services/api').workspace?.packages.map((p) => p.name),
    ]);
    expect(both).toEqual([['api'], ['api', '@shop/db']]);
  });

  it('refuses work that is not a function with DW9005', () => {
    const thrown = (() => {
      try {
        inProjectSnapshot('detect' as never);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(DockwrightError);
    expect((thrown as DockwrightError).issues.map((i) => [i.code, i.message])).toEqual([['DW9005', 'inProjectSnapshot(): work must be a function, got string']]);
  });
});
