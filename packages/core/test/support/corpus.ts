// The shared corpus of real Dockerfiles lives beside the repository (`../shared/corpus` from its
// root). Tests that read it fail loudly when it is missing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../../../..');
export const corpusDir = join(repoRoot, '../shared/corpus');

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
  return walk(dir)
    .filter((path) => /Dockerfile/.test(path))
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      return { name: relative(dir, path), text, template: /^\{\{/m.test(text) };
    });
}
