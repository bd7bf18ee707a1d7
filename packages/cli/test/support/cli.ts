// Runs the real `dockwright` binary: the CLI and the packages are built once per run, with the
// packages' own tsup options, into a node_modules of their own (global-setup.ts), and each test
// spawns `node dist/cli.js`, as users do, on a project linked to those builds. The developer's
// dist/ is never touched.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { buildModules } from './global-setup.js';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = join(packageDir, '..', '..');

const cleanups: string[] = [];
const removals: (() => void)[] = [];

let modules: string | undefined;

/** The node_modules holding the built packages: the run's (global-setup.ts), or else built now. */
async function builtModulesDir(): Promise<string> {
  if (modules !== undefined) return modules;
  let provided: string | undefined;
  try {
    provided = inject('dockwrightModules');
  } catch {
    provided = undefined;
  }
  if (provided === undefined) {
    // The real-build suite and the benchmarks have no such setup: build once for this process.
    const built = await buildModules();
    removals.push(built.remove);
    provided = built.modules;
  }
  modules = provided;
  return provided;
}

const builtModules = (): string => {
  if (modules === undefined) throw new Error('call buildCli() before makeProject()');
  return modules;
};

/**
 * The built `dist/cli.js`.
 *
 * @example
 * ```ts
 * const cli = await buildCli();
 * ```
 */
export async function buildCli(): Promise<string> {
  return join(await builtModulesDir(), 'dockwright', 'dist', 'cli.js');
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns `node <cli> ...args` in `cwd`, without colour unless `env` asks for it. */
export function runCli(cli: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const base = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'DOCKWRIGHT_DEBUG']) delete base[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A temporary project: the given files, a package.json of type module (unless given), and
 * node_modules linking @dockwright/core, @dockwright/presets and dockwright to their builds, as
 * an install would.
 */
export function makeProject(files: Readonly<Record<string, string>>, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockwright-cli-project-'));
  cleanups.push(dir);
  if (from !== undefined) cpSync(from, dir, { recursive: true, filter: (src) => !src.includes(`${'/'}node_modules`) });
  const all = from === undefined && files['package.json'] === undefined ? { 'package.json': '{ "type": "module" }\n', ...files } : files;
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'node_modules', '@dockwright'), { recursive: true });
  const built = builtModules();
  symlinkSync(join(built, '@dockwright', 'core'), join(dir, 'node_modules', '@dockwright', 'core'), 'dir');
  symlinkSync(join(built, '@dockwright', 'presets'), join(dir, 'node_modules', '@dockwright', 'presets'), 'dir');
  symlinkSync(join(built, 'dockwright'), join(dir, 'node_modules', 'dockwright'), 'dir');
  return dir;
}

/** Has cleanup() remove a directory a test support module made (a stand-in docker client's, say). */
export function removeOnCleanup(dir: string): void {
  cleanups.push(dir);
}

/** Removes every directory made by makeProject() (and by buildCli(), where it built). */
export function cleanup(): void {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
  // A build of this process's own goes with it; the run's build is removed by the global setup.
  if (removals.length > 0) modules = undefined;
  for (const remove of removals.splice(0)) remove();
}
