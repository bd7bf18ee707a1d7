import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * A private copy of `e2e/fixtures/<name>` in a new temporary directory, so a test can change its
 * sources; the directory is pushed to `work` for the caller's afterAll to remove. `leaveOut` names
 * folders not copied wherever they are (`node_modules`, build output), as a user's checkout is.
 *
 * @example
 * ```ts
 * const dir = await copyFixture('python-stdlib', work);
 * const app = await copyFixture('node-npm', work, ['node_modules', 'dist']);
 * ```
 */
export async function copyFixture(name: string, work: string[], leaveOut: readonly string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dockwright-${name}-`));
  work.push(dir);
  const src = join(FIXTURES, name);
  await cp(src, dir, { recursive: true, filter: (p) => !leaveOut.includes(basename(p)) || p === src });
  return dir;
}
