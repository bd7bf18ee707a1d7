import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * A private copy of `e2e/fixtures/<name>` in a new temporary directory, so a test can change its
 * sources; the directory is pushed to `work` for the caller's afterAll to remove.
 *
 * @example
 * ```ts
 * const dir = await copyFixture('python-stdlib', work);
 * ```
 */
export async function copyFixture(name: string, work: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dockwright-${name}-`));
  work.push(dir);
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
