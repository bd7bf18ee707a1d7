import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DockwrightError } from '@dockwright/core';
import { has, readText } from '../shared/read-project.js';

/** What the Go preset needs to know about a module; `detectGo()` reads it from disk. */
export interface GoProject {
  readonly module: string;
  /** The `go` directive of go.mod (`1.22`), without the patch. */
  readonly goVersion: string;
  readonly hasGoSum: boolean;
  /** Main packages, as `./cmd/<name>` paths; `.` when the module root is the main package. */
  readonly commands: readonly string[];
}

function isMain(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((f) => f.endsWith('.go') && !f.endsWith('_test.go') && /^package main\b/m.test(readFileSync(join(dir, f), 'utf8')));
}

/**
 * Reads a Go module: its path, the Go version of go.mod, whether go.sum exists, and its main
 * packages (the module root, and every `cmd/<name>`).
 *
 * @example
 * ```ts
 * detectGo('.').commands; // ['./cmd/api', './cmd/worker']
 * ```
 */
export function detectGo(dir: string): GoProject {
  const mod = readText(dir, 'go.mod');
  if (mod === undefined) throw new DockwrightError([{ code: 'DW9003', message: `no go.mod in ${dir}`, hint: 'point the preset at the module root', path: { instruction: 'detectGo()' } }]);
  const module = /^module\s+(\S+)/m.exec(mod)?.[1] ?? 'app';
  const goVersion = /^go\s+(\d+\.\d+)/m.exec(mod)?.[1] ?? '1.22';
  const commands: string[] = [];
  if (isMain(dir)) commands.push('.');
  const cmd = join(dir, 'cmd');
  if (existsSync(cmd)) {
    for (const name of readdirSync(cmd).sort()) {
      if (statSync(join(cmd, name)).isDirectory() && isMain(join(cmd, name))) commands.push(`./cmd/${name}`);
    }
  }
  return Object.freeze({ module, goVersion, hasGoSum: has(dir, 'go.sum'), commands: Object.freeze(commands) });
}
