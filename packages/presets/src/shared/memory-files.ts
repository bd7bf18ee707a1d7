import { DockwrightError } from '@dockwright/core';
import type { ProjectEntry, ProjectFiles } from './project-files.js';

/** A project as file contents: `/`-separated paths relative to its root, each with its text. */
export type FileContents = Readonly<Record<string, string>>;

/** `a/./b//c/../d` -> `a/b/d`; keeps a leading `/`; `..` above the root stays at the root. */
function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out.at(-1) !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

const resolvePath = (...parts: string[]): string => normalize(parts.reduce((acc, p) => (p.startsWith('/') ? p : `${acc}/${p}`), '/'));

function relativePath(from: string, to: string): string {
  const a = resolvePath(from).split('/').filter(Boolean);
  const b = resolvePath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'detectNodeFiles()' } }]);
}

/** Checks file contents from plain JavaScript, JSON or a URL: an object of relative paths to text. */
export function checkFileContents(files: unknown): FileContents {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    fail(`the project files are ${files === null ? 'null' : Array.isArray(files) ? 'an array' : typeof files}, not an object of paths to contents`, "pass an object such as { 'package.json': '{\"name\":\"api\"}' }");
  }
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (typeof text !== 'string') fail(`the contents of "${path}" are ${typeof text}, not text`, 'give every file its text as a string');
    const clean = normalize(path);
    if (path === '' || path.startsWith('/') || path.includes('\\') || clean === '.' || clean === '..' || clean.startsWith('../')) {
      fail(`"${path}" is not a path inside the project`, "use '/'-separated paths relative to the project root, such as 'services/api/package.json'");
    }
    out[clean] = text;
  }
  return Object.freeze(out);
}

let sources = 0;

/**
 * A project held in memory, rooted at `/`: every directory a path names exists.
 *
 * @example
 * ```ts
 * memoryFiles({ 'package.json': '{}' }).read('/package.json'); // '{}'
 * ```
 */
export function memoryFiles(contents: FileContents): ProjectFiles {
  const files = new Map<string, string>();
  const dirs = new Map<string, Map<string, ProjectEntry>>([['/', new Map()]]);
  for (const [path, text] of Object.entries(checkFileContents(contents))) {
    const parts = path.split('/');
    files.set(`/${path}`, text);
    for (let i = 0; i < parts.length; i++) {
      const parent = `/${parts.slice(0, i).join('/')}`;
      const name = parts[i] as string;
      const isFile = i === parts.length - 1;
      let entries = dirs.get(parent);
      if (entries === undefined) dirs.set(parent, (entries = new Map()));
      if (!entries.has(name)) entries.set(name, { name, isFile, isDirectory: !isFile });
      if (!isFile && !dirs.has(`/${parts.slice(0, i + 1).join('/')}`)) dirs.set(`/${parts.slice(0, i + 1).join('/')}`, new Map());
    }
  }
  // A source's stamps never match another's, so a cache keyed by path cannot mix two projects.
  const id = ++sources;
  return Object.freeze({
    read: (path: string) => files.get(resolvePath(path)),
    exists: (path: string) => files.has(resolvePath(path)) || dirs.has(resolvePath(path)),
    list: (dir: string) => {
      const entries = dirs.get(resolvePath(dir));
      return entries === undefined ? undefined : [...entries.values()];
    },
    stamp: (path: string) => {
      const p = resolvePath(path);
      return files.has(p) || dirs.has(p) ? `memory:${id}` : '-';
    },
    join: (...parts: string[]) => normalize(parts.join('/')),
    dirname: (path: string) => {
      const p = normalize(path);
      const cut = p.lastIndexOf('/');
      return cut < 0 ? '.' : cut === 0 ? '/' : p.slice(0, cut);
    },
    relative: relativePath,
    resolve: resolvePath,
    sep: '/',
  });
}
