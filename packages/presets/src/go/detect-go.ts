import { DockwrightError } from '@dockwright/core';
import { exists, has, join, listEntries, readText } from '../shared/read-project.js';

/** What the Go preset needs to know about a module; `detectGo()` reads it from disk, `detectGoFiles()` from file contents. */
export interface GoProject {
  readonly module: string;
  /** The `go` directive of go.mod (`1.22`), without the patch. */
  readonly goVersion: string;
  readonly hasGoSum: boolean;
  /** Main packages, as `./cmd/<name>` paths; `.` when the module root is the main package. */
  readonly commands: readonly string[];
}

function isMain(dir: string): boolean {
  if (!exists(dir)) return false;
  return (listEntries(dir) ?? []).some((e) => e.name.endsWith('.go') && !e.name.endsWith('_test.go') && /^package main\b/m.test(readText(dir, e.name) ?? ''));
}

/** Reads a Go module through the file source of the detection under way (`detectGo`, `detectGoFiles`). */
export function readGoProject(dir: string): GoProject {
  const mod = readText(dir, 'go.mod');
  if (mod === undefined) throw new DockwrightError([{ code: 'DW9003', message: `no go.mod in ${dir}`, hint: 'point the preset at the module root', path: { instruction: 'detectGo()' } }]);
  const module = /^module\s+(\S+)/m.exec(mod)?.[1] ?? 'app';
  const goVersion = /^go\s+(\d+\.\d+)/m.exec(mod)?.[1] ?? '1.22';
  const commands: string[] = [];
  if (isMain(dir)) commands.push('.');
  const cmd = join(dir, 'cmd');
  for (const name of (listEntries(cmd) ?? []).map((e) => e.name).sort()) {
    // A directory, or a link to one: it lists.
    if (listEntries(join(cmd, name)) !== undefined && isMain(join(cmd, name))) commands.push(`./cmd/${name}`);
  }
  return Object.freeze({ module, goVersion, hasGoSum: has(dir, 'go.sum'), commands: Object.freeze(commands) });
}
