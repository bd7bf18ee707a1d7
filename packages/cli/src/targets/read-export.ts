import { isAbsolute, normalize, sep } from 'node:path';
import type { Dockerfile, DockwrightIssue } from '@dockwright/core';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import type { DockerignoreSource, TargetEntry } from './target-export.js';

/** What a target's default export says to write, or why it cannot be used. */
export type ReadExport =
  | { readonly ok: true; readonly entries: readonly TargetEntry[] }
  | { readonly ok: false; readonly phase: 'export' | 'build'; readonly issues: readonly [CliIssue, ...CliIssue[]] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * True for a built Dockerfile from any copy of `@dockwright/core`: `kind: 'Dockerfile'`, its AST and
 * `render()`. Checked by shape, never `instanceof`, since the target may load its own copy.
 *
 * @example
 * ```ts
 * isDockerfile(dockerfile(app)); // true
 * ```
 */
export function isDockerfile(value: unknown): value is Dockerfile {
  if (!isRecord(value) || value['kind'] !== 'Dockerfile' || typeof value['render'] !== 'function') return false;
  const ast = value['ast'];
  return isRecord(ast) && ast['kind'] === 'Dockerfile' && Array.isArray(ast['stages']) && Array.isArray(ast['header']);
}

const SHAPES = 'a Dockerfile (`export default dockerfile(finalStage)`), a preset result (`export default nodePreset(...)`) or a list of { path, dockerfile }';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) {
    if (typeof value['toAst'] === 'function') return 'a stage';
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''}`;
  }
  return `${typeof value} ${String(value)}`;
}

function hintFor(value: unknown): string {
  if (typeof value === 'string') return 'export the Dockerfile value itself, `export default dockerfile(app)`; the CLI renders it and adds the header';
  if (typeof value === 'function') return 'call it and export its result';
  if (isRecord(value) && typeof value['toAst'] === 'function') return 'build it: `export default dockerfile(stage)`';
  return `export ${SHAPES}`;
}

function dockerignoreOk(value: unknown): value is DockerignoreSource | undefined {
  return value === undefined || typeof value === 'string' || (isRecord(value) && typeof value['render'] === 'function');
}

function entryPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.trim() === '') return 'has no path';
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return `has an absolute path ${path}`;
  if (normalize(path).split(sep).includes('..')) return `has a path outside its directory: ${path}`;
  return undefined;
}

/** `{ dockerfile, dockerignore?, context?, notes? }`: a preset result, or a list entry without its path. */
function fromPresetLike(value: Record<string, unknown>, where: string, issues: CliIssue[]): Omit<TargetEntry, 'path'> | undefined {
  if (!isDockerfile(value['dockerfile'])) {
    issues.push(cliIssue('DWC3002', `${where}'s dockerfile is ${describe(value['dockerfile'])}, not a Dockerfile`, 'pass the value dockerfile(finalStage) returns'));
    return undefined;
  }
  if (!dockerignoreOk(value['dockerignore'])) {
    issues.push(cliIssue('DWC3002', `${where}'s dockerignore is ${describe(value['dockerignore'])}`, 'pass a string, or the dockerignore a preset returns'));
    return undefined;
  }
  if (value['context'] !== undefined && typeof value['context'] !== 'string') {
    issues.push(cliIssue('DWC3002', `${where}'s context is ${describe(value['context'])}`, "pass the build context as a path, such as '.'"));
    return undefined;
  }
  const notes = value['notes'];
  if (notes !== undefined && !(Array.isArray(notes) && notes.every((n) => typeof n === 'string'))) {
    issues.push(cliIssue('DWC3002', `${where}'s notes are ${describe(notes)}, not a list of strings`, 'pass the notes a preset returns, or leave them out'));
    return undefined;
  }
  return {
    dockerfile: value['dockerfile'],
    ...(value['dockerignore'] === undefined ? {} : { dockerignore: value['dockerignore'] }),
    ...(value['context'] === undefined ? {} : { context: value['context'] as string }),
    ...(notes === undefined || notes.length === 0 ? {} : { notes: Object.freeze([...(notes as string[])]) }),
  };
}

/**
 * Reads a target's default export: a Dockerfile, a preset result `{ dockerfile, dockerignore,
 * context }`, or a list of `{ path, dockerfile, dockerignore?, context? }`. Anything else is
 * reported (DWC3002) with what it is and what to export instead; a failed `tryDockerfile()`
 * result is reported with its own issues.
 *
 * @example
 * ```ts
 * readExport(dockerfile(app), true); // { ok: true, entries: [{ path: 'Dockerfile', dockerfile }] }
 * ```
 */
export function readExport(value: unknown, hasDefault: boolean): ReadExport {
  const fail = (issue: CliIssue): ReadExport => ({ ok: false, phase: 'export', issues: [issue] });
  if (!hasDefault) return fail(cliIssue('DWC3002', 'the module has no default export', `export ${SHAPES}`));
  if (isDockerfile(value)) return { ok: true, entries: [{ path: 'Dockerfile', dockerfile: value }] };
  if (Array.isArray(value)) {
    if (value.length === 0) return fail(cliIssue('DWC3002', 'the module exports an empty list', 'list at least one { path, dockerfile }'));
    const issues: CliIssue[] = [];
    const entries: TargetEntry[] = [];
    const seen = new Set<string>();
    value.forEach((item: unknown, i) => {
      const where = `entry #${i + 1}`;
      if (!isRecord(item)) {
        issues.push(cliIssue('DWC3002', `${where} of the list is ${describe(item)}`, 'write { path, dockerfile }'));
        return;
      }
      const problem = entryPathProblem(item['path']);
      if (problem !== undefined) {
        issues.push(cliIssue('DWC3002', `${where} of the list ${problem}`, "give it a relative path such as 'Dockerfile.dev'"));
        return;
      }
      const path = normalize(item['path'] as string).split(sep).join('/');
      if (seen.has(path)) {
        issues.push(cliIssue('DWC3002', `${where} of the list repeats the path ${path}`, 'give each entry its own path'));
        return;
      }
      seen.add(path);
      const rest = fromPresetLike(item, `${where} (${path})`, issues);
      if (rest !== undefined) entries.push({ path, ...rest });
    });
    const [first, ...more] = issues;
    return first === undefined ? { ok: true, entries } : { ok: false, phase: 'export', issues: [first, ...more] };
  }
  if (isRecord(value) && value['ok'] === false && Array.isArray(value['issues']) && value['issues'].length > 0) {
    // A failed tryDockerfile() result: its issues are the rule failures.
    const [first, ...more] = value['issues'] as DockwrightIssue[];
    if (first !== undefined) return { ok: false, phase: 'build', issues: [first, ...more] };
  }
  if (isRecord(value) && 'dockerfile' in value) {
    const issues: CliIssue[] = [];
    const entry = fromPresetLike(value, 'the export', issues);
    const [first, ...more] = issues;
    if (entry !== undefined) return { ok: true, entries: [{ path: 'Dockerfile', ...entry }] };
    if (first !== undefined) return { ok: false, phase: 'export', issues: [first, ...more] };
  }
  return fail(cliIssue('DWC3002', `the module exports ${value === undefined ? 'undefined' : describe(value)}, not a Dockerfile`, hintFor(value)));
}
