// The shared corpus of real Dockerfiles lives beside the repository (`../shared/corpus` from its
// root, or CORPUS_DIR). Without it, the suites that read it say `skipped: corpus not found`; in CI
// (CI=true) they fail instead, so a run that lost the corpus cannot pass by skipping.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'vitest';

export const repoRoot = join(import.meta.dirname, '../../../..');
export const corpusDir = process.env['CORPUS_DIR'] ? resolve(process.env['CORPUS_DIR']) : join(repoRoot, '../shared/corpus');
/** True when the corpus is there. */
export const corpusFound = existsSync(join(corpusDir, 'official-images')) && existsSync(join(corpusDir, 'buildkit-parser'));

/**
 * A describe() of tests that read the corpus: run when it is there; without it, one skipped test
 * named `skipped: corpus not found`, or, with CI=true, one failing test that says where it looked.
 */
export function corpusSuite(name: string, body: () => void): void {
  if (corpusFound) describe(name, body);
  else if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('needs the corpus', () => {
        throw new Error(`corpus not found at ${corpusDir}: CI runs with ../shared beside the clone (or CORPUS_DIR)`);
      });
    });
  } else describe(name, () => it.skip('skipped: corpus not found', () => undefined));
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** One Dockerfile of the official-images corpus. */
export interface CorpusFile {
  /** Path relative to the corpus directory, for test names. */
  readonly name: string;
  readonly text: string;
  /** A docker-library template (`{{ ... }}` placeholders), not a Dockerfile BuildKit can read. */
  readonly template: boolean;
}

/** Every Dockerfile of `../shared/corpus/official-images`. */
export function officialImages(): CorpusFile[] {
  const dir = join(corpusDir, 'official-images');
  if (!corpusFound) return [];
  return walk(dir)
    .filter((path) => /Dockerfile/.test(path))
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      return { name: relative(dir, path), text, template: /^\{\{/m.test(text) };
    });
}

/** The names of the directories under `buildkit-parser/<kind>`, sorted; none without the corpus. */
export function buildkitCases(kind: 'testfiles' | 'testfiles-negative'): string[] {
  return corpusFound ? readdirSync(join(corpusDir, 'buildkit-parser', kind)).sort() : [];
}
