// The layers of docs/architecture.md, checked against the imports the code really has: a new
// arrow the table does not allow fails, and so does an allowlisted one that has gone (the list of
// known violations only shrinks: delete its line when you remove one).
import { describe, expect, it } from 'vitest';
import { cycles, layerArrows } from './import-graph.js';

// What each layer may import. Leaves first; a layer never imports one listed after it.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  ast: [],
  errors: [],
  // The one shell reader (splitShell, programOf, packageInstalls).
  shell: [],
  // How the words of a Dockerfile are written and read: quoting, names, Go durations.
  lexical: ['ast', 'errors'],
  validate: ['ast', 'errors', 'lexical'],
  images: ['ast', 'errors', 'lexical', 'validate'],
  dockerignore: ['errors', 'lexical', 'validate'],
  syntax: ['ast', 'errors', 'lexical', 'validate'],
  render: ['ast', 'errors', 'lexical', 'validate', 'images'],
  lock: ['ast', 'errors', 'lexical', 'validate', 'images'],
  rules: ['ast', 'errors', 'lexical', 'validate', 'images', 'shell', 'syntax', 'dockerignore'],
  lint: ['ast', 'errors', 'lexical', 'validate', 'images', 'shell', 'syntax', 'rules'],
  builder: ['ast', 'errors', 'lexical', 'validate', 'images', 'rules', 'render', 'lock'],
  import: ['ast', 'errors', 'lexical', 'validate', 'syntax', 'builder'],
  // core's entry (src/index.ts): the public API, which the other packages import as `core`.
  index: ['ast', 'errors', 'shell', 'lexical', 'validate', 'images', 'dockerignore', 'syntax', 'render', 'lock', 'rules', 'lint', 'builder', 'import'],
  policy: ['core'],
  presets: ['core'],
  cli: ['core', 'policy', 'presets'],
};

// Known violations, each with why it is there (none today). Remove a line when its arrow goes.
const KNOWN: Readonly<Record<string, string>> = {};

const arrows = layerArrows();
const key = (a: { from: string; to: string }) => `${a.from} -> ${a.to}`;

describe('layer arrows', () => {
  it('finds the imports it checks (the reader is not blind)', () => {
    expect(arrows.map(key)).toEqual(expect.arrayContaining(['builder -> ast', 'lint -> rules', 'cli -> core', 'policy -> core']));
  });

  it('maps every file to a known layer', () => {
    const unknown = [...new Set(arrows.flatMap((a) => [a.from, a.to]))].filter((l) => ALLOWED[l] === undefined && l !== 'core');
    expect(unknown, 'a new folder is a new layer: add it to ALLOWED and docs/architecture.md').toEqual([]);
  });

  it('the allowed table itself has no cycle', () => {
    expect(cycles(Object.entries(ALLOWED).flatMap(([from, tos]) => tos.map((to) => [from, to] as const)))).toEqual([]);
  });

  it('has no arrow the table forbids, except the known ones', () => {
    const forbidden = arrows.filter((a) => !(ALLOWED[a.from] ?? []).includes(a.to) && KNOWN[key(a)] === undefined);
    expect(forbidden.map((a) => `${key(a)} (${a.example})`)).toEqual([]);
  });

  it('every known violation is still there (the list only shrinks)', () => {
    const present = new Set(arrows.map(key));
    const gone = Object.keys(KNOWN).filter((k) => !present.has(k) || (ALLOWED[k.split(' -> ')[0] ?? ''] ?? []).includes(k.split(' -> ')[1] ?? ''));
    expect(gone, 'remove these lines from KNOWN').toEqual([]);
  });

  it('has no cycle between layers once the known violations are left out', () => {
    expect(cycles(arrows.filter((a) => KNOWN[key(a)] === undefined).map((a) => [a.from, a.to] as const))).toEqual([]);
  });
});
