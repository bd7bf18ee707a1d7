// Runs the real `dockwright` binary: the CLI is built with the package's own tsup options (minus
// declarations) into a temporary directory, and each test spawns `node dist/cli.js`, as users do.
// Building per test file keeps the developer's dist/ untouched and the files independent.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { options } from '../../tsup.config.js';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = join(packageDir, '..', '..');

const cleanups: string[] = [];

/** Builds `dist/cli.js` into a temporary package directory and returns its path. */
export async function buildCli(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dockwright-cli-build-'));
  cleanups.push(dir);
  await build({
    ...options,
    entry: [join(packageDir, 'src/cli.ts'), join(packageDir, 'src/index.ts')],
    outDir: join(dir, 'dist'),
    dts: false,
    sourcemap: false,
    silent: true,
    config: false,
  });
  // The built files read ../package.json and import their dependencies from ../node_modules.
  copyFileSync(join(packageDir, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(packageDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'dist', 'cli.js');
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
 * node_modules linking @dockwright/core, @dockwright/presets and dockwright to this repository,
 * as `pnpm install` would.
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
  symlinkSync(join(repoRoot, 'packages', 'core'), join(dir, 'node_modules', '@dockwright', 'core'), 'dir');
  symlinkSync(join(repoRoot, 'packages', 'presets'), join(dir, 'node_modules', '@dockwright', 'presets'), 'dir');
  symlinkSync(packageDir, join(dir, 'node_modules', 'dockwright'), 'dir');
  return dir;
}

/** Removes every directory made by buildCli() and makeProject(). */
export function cleanup(): void {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
}
