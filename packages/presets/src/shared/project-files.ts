import { DockwrightError } from '@dockwright/core';

/** An entry of a directory of the project. */
export interface ProjectEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}

/**
 * How detection reads a project: from the disk (`detectNode`) or from file contents in memory
 * (`detectNodeFiles`). The path operations belong to the source, so the disk keeps the platform's
 * paths and memory uses `/`-separated ones on every platform.
 */
export interface ProjectFiles {
  /** A file's text, or undefined when there is no such file. */
  read(path: string): string | undefined;
  exists(path: string): boolean;
  /** A directory's entries, or undefined when it is not a directory. */
  list(dir: string): readonly ProjectEntry[] | undefined;
  /** A value that changes when the file or directory does; `-` when it does not exist. */
  stamp(path: string): string;
  join(...parts: string[]): string;
  dirname(path: string): string;
  relative(from: string, to: string): string;
  resolve(...parts: string[]): string;
  readonly sep: string;
}

let current: ProjectFiles | undefined;

/** Runs a synchronous detection with `files` as the project's file source. */
export function withProjectFiles<T>(files: ProjectFiles, detect: () => T): T {
  const outer = current;
  current = files;
  try {
    return detect();
  } finally {
    current = outer;
  }
}

/** The file source of the detection under way. */
export function projectFiles(): ProjectFiles {
  if (current !== undefined) return current;
  throw new DockwrightError([
    { code: 'DW9003', message: 'a project was read outside of a detection', hint: 'call detectNode(dir) or detectNodeFiles(files)', path: { instruction: 'detect' } },
  ]);
}
