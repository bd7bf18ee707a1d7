import { describe, expect, it } from 'vitest';
import { detectNodeFiles } from '@dockwright/presets';
import { majorForRange, majorForVersionFile, nodeImageFor, nodeReleases } from '../src/node/node-versions.js';

describe('the Node release table', () => {
  it('pins one exact version per major, newest first, every one a bookworm-slim tag', () => {
    expect(nodeReleases.map((r) => r.major)).toEqual([24, 22, 20, 18]);
    for (const r of nodeReleases) {
      expect(r.version).toMatch(new RegExp(`^${r.major}\\.\\d+\\.\\d+$`));
      expect(nodeImageFor(String(r.major))).toMatchObject({ tag: `node:${r.version}-bookworm-slim`, major: r.major });
    }
  });
});

describe('majorForRange: the newest maintained LTS the range allows', () => {
  it.each([
    ['^18 || ^20 || ^22', 22],
    ['>=18', 24],
    ['>=20.11 <23', 22],
    ['20.x', 20],
    ['^18', 18],
    ['18 - 20', 20],
    ['~22.4', 22],
    ['*', 24],
    ['>=16 <21', 20],
  ] as const)('%s -> %i', (range, major) => {
    expect(majorForRange(range)).toEqual({ major });
  });

  it('says why when the range allows no major of the table, or is no range', () => {
    expect(majorForRange('>=30')).toEqual({ problem: '">=30" allows none of Node 24, 22, 20, 18' });
    expect(majorForRange('^16 || ^19')).toHaveProperty('problem');
    expect(majorForRange('twenty')).toEqual({ problem: '"twenty" is not a semver range' });
  });
});

describe('majorForVersionFile: .nvmrc and .node-version', () => {
  it.each([
    ['lts/iron', 20],
    ['lts/jod\n', 22],
    ['lts/krypton', 24],
    ['lts/hydrogen', 18],
    ['LTS/Iron', 20],
    ['lts/*', 24],
    ['node', 24],
    ['v20.11.1', 20],
    ['22', 22],
    ['22.12', 22],
    ['>=20 <23', 22],
  ] as const)('%j -> %i', (text, major) => {
    expect(majorForVersionFile(text)).toEqual({ major });
  });

  it.each(['lts/gallium', 'lts/argon', 'lts/nope', 'v16.20.2', 'banana'])('%s: no image the preset has', (text) => {
    expect(majorForVersionFile(text)).toHaveProperty('problem');
  });
});

describe('nodeImageFor', () => {
  it('keeps an exact version as it is, and notes an end-of-life major', () => {
    expect(nodeImageFor('22.11.0')).toEqual({ tag: 'node:22.11.0-bookworm-slim', major: 22 });
    expect(nodeImageFor(undefined)).toEqual({ tag: 'node:24.21.0-bookworm-slim', major: 24 });
    expect(nodeImageFor('lts/iron')).toMatchObject({ tag: 'node:20.20.2-bookworm-slim', note: expect.stringContaining('end of life on 2026-04-30') });
    expect(nodeImageFor('19')).toHaveProperty('problem');
  });
});

describe('detection of the Node version', () => {
  const pkg = (engines?: string) => JSON.stringify({ name: 'a', scripts: { start: 'node a.js' }, ...(engines === undefined ? {} : { engines: { node: engines } }) });

  it('reads engines.node as a range, before the version files', () => {
    expect(detectNodeFiles({ 'package.json': pkg('^18 || ^20 || ^22'), '.nvmrc': 'lts/iron' }).nodeVersion).toBe('22');
  });

  it('reads LTS names and exact versions from .nvmrc and .node-version', () => {
    expect(detectNodeFiles({ 'package.json': pkg(), '.nvmrc': 'lts/iron\n' }).nodeVersion).toBe('20');
    expect(detectNodeFiles({ 'package.json': pkg(), '.nvmrc': 'lts/*' }).nodeVersion).toBe('24');
    expect(detectNodeFiles({ 'package.json': pkg(), '.node-version': 'v20.11.1\n' }).nodeVersion).toBe('20');
    expect(detectNodeFiles({ 'package.json': pkg(), '.nvmrc': 'node' }).nodeVersion).toBe('24');
  });

  it('keeps what it could not read as a problem, for the preset to report', () => {
    const project = detectNodeFiles({ 'package.json': pkg('>=30') });
    expect(project.nodeVersion).toBeUndefined();
    expect(project.nodeVersionProblem).toBe('engines.node in package.json: ">=30" allows none of Node 24, 22, 20, 18');
    expect(detectNodeFiles({ 'package.json': pkg(), '.nvmrc': 'lts/gallium' }).nodeVersionProblem).toBe('.nvmrc: lts/gallium is Node 16, which the preset has no image for');
  });
});
