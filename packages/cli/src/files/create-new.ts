import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { temporaryPath } from './write-atomic.js';

/**
 * Writes a new file whole, never over an existing one: the text goes to a temporary file in the
 * same directory, which is then hard-linked to its name (which fails if the name exists, even
 * when another process made it a moment ago), and the temporary name is removed. Returns false,
 * writing nothing, when the file exists.
 *
 * @example
 * ```ts
 * await createNew('/repo/services/api/service.dockerfile.ts', text); // false if it was there
 * ```
 */
export async function createNew(path: string, content: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}
