import { DockwrightError } from '@dockwright/core';
import { has, join, listEntries, readText } from '../shared/read-project.js';
import { tomlString, tomlTableArray, tomlTables } from '../shared/read-toml.js';

/** What the Rust preset needs to know about a crate; `detectRust()` reads it from disk, `detectRustFiles()` from file contents. */
export interface RustProject {
  /** `[package] name`. */
  readonly name: string;
  readonly hasCargoLock: boolean;
  /** The toolchain `rust-toolchain.toml` (or `rust-toolchain`) pins, else `[package] rust-version`; undefined when neither says. */
  readonly rustVersion: string | undefined;
  /** The binaries: `[[bin]]` names, `src/main.rs` (the package name) and `src/bin/<name>.rs`. */
  readonly binaries: readonly string[];
}

/** Reads a Rust crate through the file source of the detection under way (`detectRust`, `detectRustFiles`). */
export function readRustProject(dir: string): RustProject {
  const manifest = readText(dir, 'Cargo.toml');
  const fail = (message: string, hint: string): never => {
    throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'detectRust()' } }]);
  };
  if (manifest === undefined) return fail(`no Cargo.toml in ${dir}`, 'point the preset at the crate root');
  const tables = tomlTables(manifest);
  const pkg = tables.get('package');
  if (pkg === undefined) return fail(`Cargo.toml in ${dir} has no [package]: a workspace root`, 'point the preset at the member crate that has the binary');
  const name = tomlString(pkg, 'name') ?? 'app';
  const binaries: string[] = [];
  for (const bin of tomlTableArray(tables, 'bin')) {
    const n = tomlString(bin, 'name');
    if (n !== undefined) binaries.push(n);
  }
  if (tomlString(pkg, 'autobins') !== 'false') {
    if (has(dir, 'src/main.rs')) binaries.push(name);
    for (const e of listEntries(join(dir, 'src', 'bin')) ?? []) {
      if (e.name.endsWith('.rs')) binaries.push(e.name.slice(0, -3));
      else if (has(join(dir, 'src', 'bin', e.name), 'main.rs')) binaries.push(e.name);
    }
  }
  const toolchainToml = readText(dir, 'rust-toolchain.toml');
  const channel = toolchainToml === undefined ? readText(dir, 'rust-toolchain')?.trim() : tomlString(tomlTables(toolchainToml).get('toolchain'), 'channel');
  const version = [channel, tomlString(pkg, 'rust-version')].find((v) => v !== undefined && /^\d+\.\d+(\.\d+)?$/.test(v));
  return Object.freeze({ name, hasCargoLock: has(dir, 'Cargo.lock'), rustVersion: version, binaries: Object.freeze([...new Set(binaries)].sort()) });
}
