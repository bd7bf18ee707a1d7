import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { resolveTargets } from '../targets/resolve-targets.js';
import { lockfilePath, readLockfile } from '../lock/read-lockfile.js';
import { loadConfig } from './load-config.js';
import { loadPolicies } from '../policy/load-policies.js';
import { planTarget } from './plan-target.js';
import type { Phase } from './planned-file.js';

/** The options of `dockwright print`. */
export interface PrintOptions {
  readonly cwd: string;
  readonly file: string;
  /** For a target that exports a list: the entry's path. */
  readonly path?: string;
  readonly dockerignore: boolean;
}

/** What `print` prints, or why the target failed. */
export type PrintResult =
  | { readonly ok: true; readonly file: string; readonly path: string; readonly kind: 'dockerfile' | 'dockerignore'; readonly content: string; readonly policy?: string; readonly warnings: readonly CliIssue[] }
  | { readonly ok: false; readonly file: string; readonly phase: Phase; readonly issues: readonly CliIssue[]; readonly policy?: string; readonly warnings: readonly CliIssue[] };

/**
 * `dockwright print <file>`: renders one target exactly as `render` would write it (header
 * included, its policy applied) and returns the text, without writing anything. A target with several Dockerfiles
 * needs `path`; asking for a file it does not have throws a UsageError (exit 2).
 *
 * @example
 * ```ts
 * const result = await runPrint({ cwd: '/repo', file: 'api/service.dockerfile.ts', dockerignore: false });
 * if (result.ok) process.stdout.write(result.content);
 * ```
 */
export async function runPrint(options: PrintOptions): Promise<PrintResult> {
  const { cwd } = options;
  const abs = resolve(cwd, options.file);
  let isFile = false;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    throw new UsageError([cliIssue('DWC1004', `no such file: ${options.file}`, 'give the path of a target module, relative to the working directory')]);
  }
  if (!isFile) throw new UsageError([cliIssue('DWC1003', `${options.file} is a directory`, 'print takes one target file; `dockwright render --check` covers a directory')]);
  const config = await loadConfig(cwd, undefined);
  const [target] = resolveTargets(cwd, [options.file], config);
  const file = displayPath(cwd, abs);
  if (target === undefined) throw new UsageError([cliIssue('DWC1005', `no target ${options.file}`, 'give the path of a target module')]);
  const { lockfile } = await readLockfile(lockfilePath(cwd, config), cwd);
  const policies = await loadPolicies([target], cwd);
  const outcome = await planTarget(target, cwd, policies.get(target.file), lockfile);
  const policy = { ...(outcome.policy === undefined ? {} : { policy: outcome.policy }), warnings: outcome.warnings ?? [] };
  if (outcome.failure !== undefined) return { ok: false, file, phase: outcome.failure.phase, issues: outcome.failure.issues, ...policy };

  const dockerfiles = outcome.files.filter((f) => f.kind === 'dockerfile');
  const name = (path: string) => displayPath(target.outDir, path);
  const names = dockerfiles.map((f) => name(f.path));
  let chosen = dockerfiles[0];
  if (options.path !== undefined) {
    const wanted = options.path.split(sep).join('/').replace(/^\.\//, '');
    chosen = dockerfiles.find((f) => name(f.path) === wanted);
    if (chosen === undefined) throw new UsageError([cliIssue('DWC1003', `${file} has no entry ${options.path}`, `pick one of ${names.join(', ')}`)]);
  } else if (dockerfiles.length > 1) {
    throw new UsageError([cliIssue('DWC1003', `${file} exports ${dockerfiles.length} Dockerfiles: ${names.join(', ')}`, `pick one with --path, e.g. --path ${names[0] ?? 'Dockerfile'}`)]);
  }
  if (chosen === undefined) throw new UsageError([cliIssue('DWC1003', `${file} exports no Dockerfile`, 'export a Dockerfile')]);
  let printed = chosen;
  if (options.dockerignore) {
    const index = outcome.files.indexOf(chosen);
    const ignore = outcome.files[index + 1];
    if (ignore?.kind !== 'dockerignore') throw new UsageError([cliIssue('DWC1003', `${file} exports no .dockerignore for ${name(chosen.path)}`, 'print the Dockerfile instead (leave out --dockerignore)')]);
    printed = ignore;
  }
  return { ok: true, file, path: displayPath(cwd, printed.path), kind: printed.kind, content: printed.content, ...policy };
}
