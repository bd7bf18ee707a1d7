import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { DockwrightConfig } from '../config/define-config.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { displayPath } from '../files/display-path.js';
import { discoverTargets } from './discover-targets.js';
import { expandGlob, hasGlob } from './expand-glob.js';
import type { Target } from './target.js';

/** A loaded configuration: its file, its directory (paths in it are relative to that), its value. */
export interface LoadedConfig {
  readonly file: string;
  readonly dir: string;
  readonly config: DockwrightConfig;
}

function kind(path: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

const beside = (file: string): Target => ({ file, outDir: dirname(file), dockerignore: true });

function configured(loaded: LoadedConfig, cwd: string, issues: CliIssue[]): Target[] {
  const { dir, config } = loaded;
  if (config.targets === undefined) return discoverTargets(dir).map(beside);
  const name = displayPath(cwd, loaded.file);
  return config.targets.flatMap((entry, i) => {
    const spec = typeof entry === 'string' ? { file: entry } : entry;
    const files = hasGlob(spec.file) ? expandGlob(dir, spec.file).map((f) => resolve(dir, f)) : kind(resolve(dir, spec.file)) === 'file' ? [resolve(dir, spec.file)] : [];
    if (files.length === 0) {
      issues.push(cliIssue('DWC2003', `targets[${i}] in ${name} matches no file: ${spec.file}`, 'fix the path or glob (relative to the configuration file), or remove the entry'));
    }
    return files.map((file) => ({
      file,
      outDir: spec.outDir === undefined ? dirname(file) : resolve(dir, spec.outDir),
      dockerignore: spec.dockerignore ?? true,
    }));
  });
}

/**
 * The targets of a run: the configuration's (or every `*.dockerfile.ts` found), narrowed to the
 * paths given. A path that does not exist, a configured entry that matches nothing, or a run with
 * no target at all throws a UsageError (exit 2) listing every such problem.
 *
 * @example
 * ```ts
 * resolveTargets('/repo', ['services/api'], undefined); // [{ file: '/repo/services/api/service.dockerfile.ts', ... }]
 * ```
 */
export function resolveTargets(cwd: string, paths: readonly string[], config: LoadedConfig | undefined): Target[] {
  const issues: CliIssue[] = [];
  const pool = config === undefined ? undefined : configured(config, cwd, issues);
  let targets: Target[];
  if (paths.length === 0) {
    targets = pool ?? discoverTargets(cwd).map(beside);
  } else {
    targets = paths.flatMap((path) => {
      const abs = resolve(cwd, path);
      const found = kind(abs);
      if (found === undefined) {
        issues.push(cliIssue('DWC1004', `no such file or directory: ${path}`, 'check the path; it is relative to the working directory (--cwd)'));
        return [];
      }
      if (found === 'file') return [pool?.find((t) => t.file === abs) ?? beside(abs)];
      const inside = (pool ?? discoverTargets(abs).map(beside)).filter((t) => t.file.startsWith(`${abs}${sep}`));
      if (inside.length === 0) issues.push(cliIssue('DWC1005', `no targets in ${path}`, 'name target files *.dockerfile.ts, or list them in dockwright.config.ts'));
      return inside;
    });
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new UsageError([first, ...rest]);
  const unique = [...new Map(targets.map((t) => [t.file, t])).values()];
  if (unique.length === 0) {
    throw new UsageError([cliIssue('DWC1005', 'no targets found', 'name target files *.dockerfile.ts (or .mts, .js, .mjs), or list them in dockwright.config.ts')]);
  }
  return unique;
}
