// The differential property suite: for every slot of the public API (support/slot-table.ts, one
// row per slot), generated values are refused with a Dockwright code or read back exactly by the
// BuildKit-faithful reader. 0 escapes. `pnpm fuzz` runs the same table for a million cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '@dockwright/core';
import { params } from '../support/arbitraries.js';
import { Counts, runSlot } from '../support/slot-runner.js';
import { slots } from '../support/slot-table.js';

// About 55,000 cases in all (DOCKWRIGHT_FC_RUNS changes the count per slot).
const PER_SLOT = 1000;

/**
 * Exported functions that are not slots of the builder: they read or write other things (written
 * Dockerfiles, lockfiles, ASTs, issues), each tested where it lives. A new export must be added to
 * the table or here, with its reason.
 */
const NOT_SLOTS: Readonly<Record<string, string>> = {
  isStage: 'a type guard',
  isImage: 'a type guard',
  isDockwrightError: 'a type guard',
  DockwrightError: 'the error class',
  tryDockerfile: "dockerfile()'s twin: the same slots, problems as data",
  render: 'renders an AST that dockerfile() built (every row renders through it)',
  requiredFeatures: 'reads an AST',
  lowestVersion: 'reads feature lists',
  frontendImage: 'formats a version',
  emptyLockfile: 'makes an empty lockfile',
  lockfileJsonSchema: 'returns the JSON Schema of the lockfile (schema-agreement.test.ts)',
  formatLockfile: 'writes a lockfile (lock.test.ts)',
  parseLockfile: 'reads a lockfile (lock.test.ts)',
  validateLockfile: "checks a lockfile (the locked() row's lockfile goes through it)",
  lockedImages: 'reads an AST',
  resolveLocks: "fills digests from a lockfile (the locked() row's path)",
  unresolvedLocks: 'reads an AST',
  lockKey: 'formats a lockfile key',
  normalizeImageName: 'normalises a name',
  parseLockKey: 'reads a lockfile key',
  formatIssues: 'formats issues',
  formatIssue: 'formats an issue (errors/issue-shape.test.ts)',
  asIssue: 'reads a problem as the one Issue shape (errors/issue-shape.test.ts)',
  severityOf: 'reads a level word (errors/issue-shape.test.ts)',
  pointRange: 'makes the range of one place (errors/issue-shape.test.ts)',
  formatPath: 'formats a path',
  looksLikeSecret: 'a predicate on names',
  parseDockerfile: 'reads a written Dockerfile (syntax tests)',
  format: 'formats a written Dockerfile (syntax tests)',
  sameMeaning: 'compares written Dockerfiles',
  syntaxMeaning: 'reads a written Dockerfile',
  importDockerfile: 'reads a written Dockerfile (import tests)',
  lint: 'reads a written Dockerfile (lint tests)',
  lintDockerfile: 'reads a written Dockerfile (lint tests)',
  lintFindings: 'reads a written Dockerfile (lint/lint-findings.test.ts)',
  compileLint: 'works out lint options once (lint/lint-findings.test.ts)',
  formatDiagnostics: 'formats lint findings',
  imageRefs: 'reads an AST',
  instructionsWithPaths: 'reads an AST',
  mapImageRefs: 'maps an AST',
  fullImageName: 'normalises a name',
  isAllowedImage: 'a predicate on names',
  isRegistryEntry: 'a predicate on policy entries',
  registryAllowed: 'a rule check on names',
  baseDigest: 'a rule check on names',
  syntaxPinned: 'a rule check on a # syntax frontend',
  splitImageRef: 'reads an image reference',
  isImageName: 'a predicate on names',
  isTag: 'a predicate on tags',
  isDigest: 'a predicate on digests',
  splitShell: 'reads shell text (lint/shell.test.ts)',
  registryHost: 'normalises a registry host',
  editDistance: 'compares two words',
  suggest: 'picks the nearest known word',
  readDockerignore: 'reads a written .dockerignore (dockerignore tests)',
  ignoredCopies: 'reads an AST against a .dockerignore (copy-ignored tests)',
};

describe('every slot of the public API', () => {
  it('has a row: each stage method, and each exported function that makes builder values', () => {
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(core.stage('x'))).filter((m) => !['constructor', 'name', 'state', 'toAst', 'kind'].includes(m));
    const exported = Object.entries(core)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .filter((k) => !(k in NOT_SLOTS));
    const covered = new Set(slots.map((s) => s.method));
    expect(methods.length).toBeGreaterThan(25);
    expect([...methods, ...exported].filter((m) => !covered.has(m))).toEqual([]);
    // The table names no method that does not exist.
    expect([...covered].filter((m) => !methods.includes(m) && !exported.includes(m))).toEqual([]);
  });

  for (const row of slots) {
    it(`${row.slot}: refused with a code, or read back exactly`, () => {
      const counts = new Counts();
      fc.assert(
        fc.property(row.value, (value) => {
          const verdict = runSlot(row, value);
          counts.add(verdict);
          if (verdict.kind === 'escape') throw new Error(`escape: ${verdict.reason}${verdict.text === undefined ? '' : `\n${verdict.text}`}`);
        }),
        params(PER_SLOT),
      );
      expect(counts.escapes).toBe(0);
      // A row that refuses (nearly) everything proves nothing about reading back.
      expect(counts.read / counts.cases, `${row.slot}: ${counts}`).toBeGreaterThan(0.05);
    });
  }
});
