// The corpus suites in a clone without ../shared: outside CI one line each and a passing run;
// with CI set, a failing run that says what is missing. Run through vitest itself, as users do.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCi, locateCorpus, repoRoot } from './corpus.js';

describe('locateCorpus', () => {
  it('is ../shared/corpus beside the repository, or CORPUS_DIR', () => {
    expect(locateCorpus({})).toMatchObject({ dir: join(repoRoot, '../shared/corpus'), shown: '../shared/corpus' });
    expect(locateCorpus({ CORPUS_DIR: '/nowhere/corpus' })).toEqual({ dir: '/nowhere/corpus', shown: '/nowhere/corpus', found: false });
    expect(locateCorpus({ CORPUS_DIR: 'packages' })).toMatchObject({ dir: join(repoRoot, 'packages'), shown: 'packages', found: false });
  });

  it.each([
    [{}, false],
    [{ CI: '' }, false],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
  ])('isCi(%o) is %s', (env, expected) => {
    expect(isCi(env)).toBe(expected);
  });
});

describe('a suite that needs the corpus, without it', () => {
  const dir = join(repoRoot, 'packages/core/test/.tmp', `corpus-${process.pid}`);
  const file = join(dir, 'needs-corpus.test.ts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    `import { expect, it } from 'vitest';
import { describeCorpus, officialImages } from '../../support/corpus.js';
describeCorpus('reads the official images', (corpusDir) => {
  const files = officialImages(corpusDir);
  it('has them', () => expect(files.length).toBeGreaterThan(0));
});
`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const vitest = (env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const base = { ...process.env };
      delete base['CI'];
      delete base['VITEST'];
      const child = spawn(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', file], { cwd: repoRoot, env: { ...base, CORPUS_DIR: '/nowhere/corpus', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });

  it('is skipped with one line naming it outside CI, and fails loudly with CI=true', async () => {
    const [local, ci] = await Promise.all([vitest({}), vitest({ CI: 'true' })]);
    expect(local.code, local.out).toBe(0);
    expect(local.out.split('\n').filter((l) => l.includes('corpus not found'))).toEqual([
      expect.stringMatching(/^↓ packages\/core\/test\/\.tmp\/corpus-\d+\/needs-corpus\.test\.ts > reads the official images: skipped: corpus not found at \/nowhere\/corpus$/),
    ]);
    expect(ci.code, ci.out).toBe(1);
    expect(ci.out).toContain('corpus not found at /nowhere/corpus: CI requires it');
    expect(ci.out).not.toContain('skipped:');
  });
});
