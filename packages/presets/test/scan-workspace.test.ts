import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectNode } from '@dockwright/presets';
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
