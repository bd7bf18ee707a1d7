import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file atomically: the text goes to a temporary file in the same directory, which is
 * then renamed over the target, so a reader sees the old file or the new one, never half of
 * one. The temporary file is removed if anything fails; an existing file's mode is kept.
 *
 * @example
 * ```ts
 * await writeAtomic('/repo/api/Dockerfile', text);
 * ```
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    const mode = await stat(path).then((s) => s.mode & 0o7777, () => undefined);
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A name for a temporary file beside `path`, no other process's: `.<name>.<pid>.<random>.tmp`.
 *
 * @example
 * ```ts
 * temporaryPath('/repo/api/Dockerfile'); // '/repo/api/.Dockerfile.4242.9f3a1c2e.tmp'
 * ```
 */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
