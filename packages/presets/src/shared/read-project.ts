import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockwrightError } from '@dockwright/core';

/** Reads a text file of the project, or undefined when it does not exist. */
export function readText(dir: string, file: string): string | undefined {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
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
  return existsSync(join(dir, file));
}
