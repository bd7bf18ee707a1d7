import { isDockwrightError } from '@dockwright/core';
import { describeThrown } from '../errors/describe-thrown.js';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import { displayPath } from '../files/display-path.js';
import { importDefault } from './module-loader.js';
import { readExport } from './read-export.js';
import type { TargetEntry } from './target-export.js';
import type { Target } from './target.js';

/** A target's entries, or the phase it failed in and why. */
export type LoadedTarget =
  | { readonly ok: true; readonly entries: readonly TargetEntry[] }
  | { readonly ok: false; readonly phase: 'load' | 'build' | 'export'; readonly issues: readonly [CliIssue, ...CliIssue[]] };

/**
 * Imports a target module and reads its default export into entries. A module that fails to load
 * or throws, or exports something else than a Dockerfile, is returned as data, never thrown.
 *
 * @example
 * ```ts
 * const loaded = await loadTarget({ file: '/repo/api/service.dockerfile.ts', outDir: '/repo/api', dockerignore: true }, '/repo');
 * if (loaded.ok) for (const e of loaded.entries) console.log(e.path);
 * ```
 */
export async function loadTarget(target: Target, cwd: string): Promise<LoadedTarget> {
  let loaded: { hasDefault: boolean; value: unknown };
  try {
    loaded = await importDefault(target.file);
  } catch (thrown) {
    if (isDockwrightError(thrown)) {
      const [first, ...rest] = thrown.issues;
      if (first !== undefined) return { ok: false, phase: 'build', issues: [first, ...rest] };
    }
    const { message, location, syntax } = describeThrown(thrown, cwd, target.file);
    const code = (thrown as { code?: unknown } | undefined)?.code;
    const hint =
      code === 'ERR_MODULE_NOT_FOUND'
        ? 'install the missing package, or fix the import path'
        : syntax
          ? 'fix the syntax error'
          : `fix what the module throws; \`npx tsx ${displayPath(cwd, target.file)}\` shows the whole stack trace`;
    return { ok: false, phase: 'load', issues: [cliIssue('DWC3001', message, hint, {}, location)] };
  }
  const read = readExport(loaded.value, loaded.hasDefault);
  return read.ok ? { ok: true, entries: read.entries } : { ok: false, phase: read.phase, issues: read.issues };
}
