import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ProjectFiles } from './project-files.js';

/** The project on disk, with the platform's paths. */
export const diskFiles: ProjectFiles = Object.freeze({
  read: (path: string) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined),
  exists: (path: string) => existsSync(path),
  list: (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() }));
    } catch {
      return undefined;
    }
  },
  stamp: (path: string) => {
    try {
      const s = statSync(path, { bigint: true, throwIfNoEntry: false });
      return s === undefined ? '-' : `${s.size}:${s.mtimeNs}`;
    } catch {
      return '-'; // ENOTDIR: a file where a directory would be
    }
  },
  join,
  dirname,
  relative,
  resolve,
  sep,
});
