import { DockwrightError } from '@dockwright/core';
import { projectFiles, type ProjectEntry } from './project-files.js';

// Detection reads the project only through these functions, so the same code runs on the disk and
// on file contents in memory (see project-files.ts).

/** Reads a text file of the project, or undefined when it does not exist. */
export function readText(dir: string, file: string): string | undefined {
  const files = projectFiles();
  return files.read(files.join(dir, file));
}

/** Reads and parses a JSON file of the project, with a clear error when it is malformed. */
export function readJson(dir: string, file: string): Record<string, unknown> | undefined {
  const text = readText(dir, file);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new DockwrightError([
    { code: 'DW9001', message: `${file} in ${dir} is not a JSON object`, hint: `fix ${file}, or pass the detected values as options`, path: { instruction: 'detect' } },
  ]);
}

/** True when the project has this file. */
export function has(dir: string, file: string): boolean {
  const files = projectFiles();
  return files.exists(files.join(dir, file));
}

/** True when the path exists. */
export function exists(path: string): boolean {
  return projectFiles().exists(path);
}

/** A directory's entries, or undefined when it is not a directory. */
export function listEntries(dir: string): readonly ProjectEntry[] | undefined {
  return projectFiles().list(dir);
}

/** A value that changes when the path does; `-` when it does not exist. */
export function stamp(path: string): string {
  return projectFiles().stamp(path);
}

export const join = (...parts: string[]): string => projectFiles().join(...parts);
export const dirname = (path: string): string => projectFiles().dirname(path);
export const relative = (from: string, to: string): string => projectFiles().relative(from, to);
export const resolve = (...parts: string[]): string => projectFiles().resolve(...parts);
/** The separator of the paths `relative` returns. */
export const pathSep = (): string => projectFiles().sep;
