// The shared corpus of real Dockerfiles: `$CORPUS_DIR`, or else `../shared/corpus` beside the
// repository. A clone has no corpus beside it: there, suites that need it are skipped with one
// line each (`skipped: corpus not found at ../shared/corpus`); with `CI` set they fail instead,
// so CI never passes without them. Any suite that reads the corpus goes through describeCorpus().
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describe, it } from 'vitest';

export const repoRoot = join(import.meta.dirname, '../../../..');

/** Where the corpus is looked for, and whether it is there. */
export interface CorpusLocation {
  /** Absolute path. */
  readonly dir: string;
  /** As a message shows it: relative to the repository root when it is outside an absolute CORPUS_DIR. */
  readonly shown: string;
  readonly found: boolean;
}

/**
 * The corpus directory: `CORPUS_DIR` (relative to the repository root, or absolute), or else
 * `../shared/corpus`. Found when it holds `official-images` and `buildkit-parser`.
 *
 * @example
 * ```ts
 * locateCorpus({ CORPUS_DIR: '/data/corpus' }).dir; // '/data/corpus'
 * ```
 */
export function locateCorpus(env: Readonly<Record<string, string | undefined>> = process.env): CorpusLocation {
  const given = env['CORPUS_DIR'];
  const dir = given === undefined || given === '' ? resolve(repoRoot, '../shared/corpus') : resolve(repoRoot, given);
  const shown = given !== undefined && given !== '' && isAbsolute(given) ? given : relative(repoRoot, dir).split('\\').join('/');
  const found = ['official-images', 'buildkit-parser'].every((sub) => existsSync(join(dir, sub)));
  return { dir, shown, found };
}

/**
 * True when `CI` says this is a CI run (`true`, `1`, anything but empty, `0` or `false`), as
 * CI services set it.
 *
 * @example
 * ```ts
 * isCi({ CI: 'true' }); // true
 * ```
 */
export function isCi(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const ci = env['CI']?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** The corpus of this run. */
export const corpus: CorpusLocation = locateCorpus();

/** What a run that needs the corpus and lacks it says. */
export function missingCorpusMessage(location: CorpusLocation = corpus): string {
  return `corpus not found at ${location.shown}`;
}

/**
 * A suite that needs the corpus: `body` gets its directory and runs only when it is there.
 * Without it, the suite is one skipped test whose note is `corpus not found at <dir>` (printed
 * by the skip-notes reporter), or, when `CI` is set, one failing test that says what is missing.
 *
 * @example
 * ```ts
 * describeCorpus('lint on the official images', (dir) => {
 *   const files = officialImages(dir);
 *   it('reads them', () => expect(files.length).toBeGreaterThan(200));
 * });
 * ```
 */
export function describeCorpus(name: string, body: (dir: string) => void, location: CorpusLocation = corpus, ci: boolean = isCi()): void {
  if (location.found) {
    describe(name, () => body(location.dir));
    return;
  }
  describe(name, () => {
    if (ci) {
      it('finds the corpus', () => {
        throw new Error(`${missingCorpusMessage(location)}: CI requires it (put the corpus at ../shared/corpus beside the repository, or set CORPUS_DIR)`);
      });
    } else {
      it('needs the corpus', (context) => context.skip(missingCorpusMessage(location)));
    }
  });
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

/** Every Dockerfile of `<corpus>/official-images`. */
export function officialImages(corpusDir: string): CorpusFile[] {
  const dir = join(corpusDir, 'official-images');
  return walk(dir)
    .filter((path) => /Dockerfile/.test(path))
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      return { name: relative(dir, path), text, template: /^\{\{/m.test(text) };
    });
}

/** Every file under a corpus directory, for the suites that walk BuildKit's cases. */
export function corpusFiles(dir: string): string[] {
  return walk(dir);
}
