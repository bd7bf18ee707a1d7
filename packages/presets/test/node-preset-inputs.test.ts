// What the Node preset does with the projects users really have: no lockfile, no dependencies,
// a version range, a wrong option; and that its default image is always an exact version.
import { describe, expect, it } from 'vitest';
import { isDockwrightError, type DockwrightIssue } from '@dockwright/core';
import { detectNodeFiles, nodePreset, type NodePresetOptions, type NodeProject } from '@dockwright/presets';

const manifest = (extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'shop', scripts: { start: 'node server.js' }, dependencies: { zod: '3.23.8' }, ...extra });

function issuesOf(run: () => unknown): DockwrightIssue[] {
  try {
    run();
  } catch (error) {
    if (isDockwrightError(error)) return [...error.issues];
    throw error;
  }
  throw new Error('expected a DockwrightError');
}

const fromRuns = (text: string) => text.split('\n').filter((l) => /^FROM /.test(l));

describe('nodePreset without a lockfile', () => {
  it('npm: installs with npm install (both installs), copies only package.json, and says so in its notes', () => {
    const project = detectNodeFiles({ 'package.json': manifest({ scripts: { build: 'tsc', start: 'node dist/server.js' } }) });
    expect(project.lockfile).toBeUndefined();
    const result = nodePreset(project);
    const text = result.dockerfile.render();
    expect(text).not.toContain('npm ci');
    expect(text).toMatch(/\n {4}npm install\n/);
    expect(text).toContain('npm install --omit=dev');
    expect(text).toContain('COPY package.json ./');
    expect(result.notes).toEqual([expect.stringContaining('commit package-lock.json')]);
  });

  it('with a lockfile: npm ci, and no notes', () => {
    const result = nodePreset(detectNodeFiles({ 'package.json': manifest(), 'package-lock.json': '{}' }));
    expect(result.dockerfile.render()).toContain('npm ci --omit=dev');
    expect(result.notes).toBeUndefined();
  });

  it.each([
    ['pnpm@10.34.8', 'pnpm-lock.yaml', 'run `pnpm install` and commit pnpm-lock.yaml'],
    ['yarn@1.22.22', 'yarn.lock', 'run `yarn install` and commit yarn.lock'],
    ['yarn@4.5.3', 'yarn.lock', 'run `yarn install` and commit yarn.lock'],
    ['bun@1.1.38', 'bun.lock', 'run `bun install` and commit bun.lock'],
  ])('%s refuses with DW9003, naming the file to commit and the option', (packageManager, lockfile, fix) => {
    const project = detectNodeFiles({ 'package.json': manifest({ packageManager }) });
    const [issue] = issuesOf(() => nodePreset(project, { packageManagerSetup: 'preinstalled' }));
    expect(issue?.code).toBe('DW9003');
    expect(issue?.message).toContain(`no ${lockfile} beside package.json`);
    expect(issue?.hint).toContain(fix);
    expect(issue?.hint).toContain("packageManager: 'npm'");
  });
});

describe('nodePreset without dependencies', () => {
  it('has no prod-deps stage and copies no node_modules', () => {
    const project = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'tiny', scripts: { start: 'node server.js' }, devDependencies: { typescript: '5.9.3' } }), 'package-lock.json': '{}' });
    expect(project.hasDependencies).toBe(false);
    const text = nodePreset(project).dockerfile.render();
    expect(text).not.toContain('prod-deps');
    expect(text).not.toContain('node_modules');
    expect(fromRuns(text)).toEqual(['FROM node:24.21.0-bookworm-slim AS runtime']);
  });

  it('with a build, keeps the install for the build and still copies no node_modules', () => {
    const project = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'tiny', scripts: { build: 'tsc', start: 'node dist/a.js' } }), 'package-lock.json': '{}' });
    const text = nodePreset(project).dockerfile.render();
    expect(fromRuns(text)).toEqual(['FROM node:24.21.0-bookworm-slim AS deps', 'FROM deps AS build', 'FROM node:24.21.0-bookworm-slim AS runtime']);
    expect(text).toContain('COPY --from=build /app/dist ./dist');
    expect(text).not.toContain('/app/node_modules');
  });

  it('optionalDependencies count as dependencies', () => {
    expect(detectNodeFiles({ 'package.json': JSON.stringify({ name: 'a', optionalDependencies: { fsevents: '2.3.3' } }) }).hasDependencies).toBeUndefined();
  });
});

describe('the default base image is an exact version', () => {
  const project = (files: Record<string, string>): NodeProject => detectNodeFiles({ 'package.json': manifest(), 'package-lock.json': '{}', ...files });

  it.each([
    [{}, undefined, 'node:24.21.0-bookworm-slim'],
    [{ 'package.json': manifest({ engines: { node: '^18 || ^20 || ^22' } }) }, undefined, 'node:22.23.3-bookworm-slim'],
    [{ '.nvmrc': 'lts/iron' }, undefined, 'node:20.20.2-bookworm-slim'],
    [{ '.nvmrc': 'lts/iron' }, '22', 'node:22.23.3-bookworm-slim'],
    [{}, '22.11.0', 'node:22.11.0-bookworm-slim'],
    [{}, 'lts/jod', 'node:22.23.3-bookworm-slim'],
  ] as const)('%j with nodeVersion %s: %s', (files, nodeVersion, tag) => {
    const text = nodePreset(project(files), nodeVersion === undefined ? {} : { nodeVersion }).dockerfile.render();
    for (const line of fromRuns(text)) expect(line).toMatch(new RegExp(`^FROM (${tag.replace(/\./g, '\\.')}|deps|base) AS `));
  });

  it('notes an end-of-life Node', () => {
    expect(nodePreset(project({ '.nvmrc': 'lts/hydrogen' })).notes).toEqual([expect.stringContaining('Node 18 reached its end of life on 2025-04-30')]);
  });

  it('refuses what no table entry fits, naming nodeVersion', () => {
    const [fromRange] = issuesOf(() => nodePreset(project({ 'package.json': manifest({ engines: { node: '>=30' } }) })));
    expect(fromRange).toMatchObject({ code: 'DW9003', message: expect.stringContaining('engines.node in package.json: ">=30"'), hint: expect.stringContaining("nodeVersion: '24', '22', '20', '18'") });
    // An override wins over what the project says.
    expect(nodePreset(project({ 'package.json': manifest({ engines: { node: '>=30' } }) }), { nodeVersion: '24' }).dockerfile.render()).toContain('FROM node:24.21.0-bookworm-slim');
    const [fromOption] = issuesOf(() => nodePreset(project({}), { nodeVersion: '19' }));
    expect(fromOption).toMatchObject({ code: 'DW9003', message: 'nodeVersion: Node 19 is not a line the preset has an image for' });
  });
});

describe('fix hints name the preset option, not a builder call', () => {
  const project = detectNodeFiles({ 'package.json': manifest(), 'package-lock.json': '{}' });

  it.each([
    [{ port: 70000 }, 'DW6007', 'EXPOSE', 'pass port: 3000'],
    [{ healthcheck: { path: '/health', interval: 'soon' as `${number}s` } }, 'DW6012', 'HEALTHCHECK', "pass healthcheck: { path: '/health', interval: '30s' }"],
    [{ user: { uid: -1 } }, 'DW3002', 'USER', 'pass user: { uid: 10001 }'],
    [{ labels: { '': 'x' } }, 'DW6010', 'LABEL', "pass labels: { 'org.opencontainers.image.source'"],
  ] as [NodePresetOptions, string, string, string][])('%j', (options, code, instruction, hint) => {
    const [issue] = issuesOf(() => nodePreset(project, options));
    expect(issue).toMatchObject({ code, path: { stage: 'runtime', instruction } });
    expect(issue?.hint.startsWith(hint)).toBe(true);
    expect(issue?.hint).toContain('to nodePreset()');
    expect(issue?.hint).not.toMatch(/\.\w+\(/);
  });

  it('checks healthcheck paths and writable directories itself', () => {
    expect(issuesOf(() => nodePreset(project, { healthcheck: { path: 'health' } }))[0]).toMatchObject({ code: 'DW9003', hint: "pass healthcheck: { path: '/health' } (a path starting with /)" });
    expect(issuesOf(() => nodePreset(project, { writable: ['data; rm -rf /'] }))[0]).toMatchObject({ code: 'DW9003', hint: expect.stringContaining("pass writable: ['data'") });
    expect(issuesOf(() => nodePreset(project, { writable: ['../etc'] }))[0]?.code).toBe('DW9003');
  });

  it('keeps the builder hints of an organisation runtimeSteps, which are builder calls', () => {
    const [issue] = issuesOf(() => nodePreset(project, { runtimeSteps: (s) => s.expose(70000) }));
    expect(issue?.code).toBe('DW6007');
    expect(issue?.hint).not.toContain('nodePreset()');
  });
});
