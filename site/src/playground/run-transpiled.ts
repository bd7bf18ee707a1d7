// Runs a transpiled playground program and renders what it exports. No transpiler here: the run
// worker's first chunk holds this, and the first example comes transpiled from the build.
import * as core from '@dockwright/core';
import type * as Presets from '@dockwright/presets/browser';

/** What the playground runs: the program, the in-page project and the program's directory in it. */
export interface ProgramInput {
  readonly code: string;
  /** The project description: `/`-separated paths to contents; what detectNode() reads. */
  readonly files: Readonly<Record<string, string>>;
  /** The program's directory in the project (`.`, `services/api`): `import.meta.dirname`. */
  readonly dir: string;
}

/** A problem as the page shows it: a code when it has one, where, and how to fix it. */
export interface ShownIssue {
  readonly code?: string;
  readonly message: string;
  readonly hint?: string;
  /** Where in the Dockerfile (`stage "app", FROM`). */
  readonly where?: string;
  /** 1-based line of the program, when known. */
  readonly line?: number;
}

export type RunOutcome =
  | { readonly kind: 'dockerfile'; readonly files: readonly { readonly path: string; readonly text: string }[]; readonly printed: string }
  | { readonly kind: 'printed'; readonly printed: string }
  | { readonly kind: 'problems'; readonly issues: readonly ShownIssue[]; readonly printed: string };

const MODULES = ['@dockwright/core', '@dockwright/presets', '@dockwright/policy'] as const;

/**
 * Modules loaded only for the programs that import them: the presets (with yaml, for lockfiles)
 * and the policy (with zod, its schema) are most of the worker, and the first example needs neither.
 */
export interface LazyModules {
  readonly presets?: typeof Presets;
  readonly policy?: Record<string, unknown>;
}

/** The lazily loaded modules a program imports (by name, as the import is written), which a run must load first. */
export function modulesNeeded(code: string): (keyof LazyModules)[] {
  return (['presets', 'policy'] as const).filter((m) => code.includes(`@dockwright/${m}`));
}

/** True when a program imports @dockwright/policy, so the worker loads it before the run. */
export const needsPolicy = (code: string): boolean => modulesNeeded(code).includes('policy');

/** `@dockwright/presets` in the page: detectNode() and detectGo() read the in-page project. */
function presetsFor(presets: typeof Presets, files: ProgramInput['files'], programDir: string): Record<string, unknown> {
  const at = (dir: unknown): string => {
    const d = dir === undefined ? programDir : String(dir).replace(/^\/+/, '').replace(/^\.\/?/, '');
    return d === '' ? '.' : d;
  };
  return { ...presets, detectNode: (dir?: unknown) => presets.detectNodeFiles(files, at(dir)), detectGo: (dir?: unknown) => presets.detectGoFiles(files, at(dir)) };
}

function requireFor(input: ProgramInput, lazy: LazyModules): (name: string) => unknown {
  // Made on the first require only: most programs import core alone.
  let presets: Record<string, unknown> | undefined;
  return (name) => {
    if (name === '@dockwright/core') return core;
    if (name === '@dockwright/presets' && lazy.presets !== undefined) return (presets ??= presetsFor(lazy.presets, input.files, input.dir));
    if (name === '@dockwright/policy' && lazy.policy !== undefined) return lazy.policy;
    if ((MODULES as readonly string[]).includes(name)) {
      // Loaded when the program's text names it; a name built at run time is not seen.
      throw new PlaygroundError(`the playground has not loaded "${name}"`, `import it by name: \`import { … } from '${name}'\``);
    }
    throw new PlaygroundError(
      `the playground has no module "${name}"`,
      name.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'process'].includes(name)
        ? `the playground runs in the browser; ${name} is for the command line (\`dockwright render\`). Describe the project in the Project files tab: detectNode() reads it`
        : `import from ${MODULES.join(', ')}`,
    );
  };
}

/** A problem of the program itself (not of the Dockerfile), with a hint. */
class PlaygroundError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isDockerfile = (v: unknown): v is core.Dockerfile => isObject(v) && v['kind'] === 'Dockerfile' && typeof v['render'] === 'function';
const isPreset = (v: unknown): v is { dockerfile: core.Dockerfile; dockerignore?: unknown } => isObject(v) && isDockerfile(v['dockerfile']);
const ignoreText = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObject(v) && typeof v['render'] === 'function' ? String((v['render'] as () => unknown)()) : undefined);

/** The files a target's export renders to, as `dockwright render` would write them. */
function filesOf(value: unknown): { path: string; text: string }[] | undefined {
  if (typeof value === 'string') return [{ path: 'Dockerfile', text: value }];
  if (isDockerfile(value)) return [{ path: 'Dockerfile', text: value.render() }];
  if (core.isStage(value)) return [{ path: 'Dockerfile', text: core.dockerfile(value as never).render() }];
  if (isPreset(value)) {
    const ignore = ignoreText(value.dockerignore);
    return [{ path: 'Dockerfile', text: value.dockerfile.render() }, ...(ignore === undefined ? [] : [{ path: '.dockerignore', text: ignore }])];
  }
  if (Array.isArray(value) && value.length > 0 && value.every((e) => isPreset(e) && typeof (e as { path?: unknown }).path === 'string')) {
    return value.flatMap((e) => {
      const entry = e as { path: string; dockerfile: core.Dockerfile; dockerignore?: unknown };
      const ignore = ignoreText(entry.dockerignore);
      return [{ path: entry.path, text: entry.dockerfile.render() }, ...(ignore === undefined ? [] : [{ path: `${entry.path}.dockerignore`, text: ignore }])];
    });
  }
  return undefined;
}

/** The program line of an error thrown by code run through `new Function` (two lines of header). */
function lineOf(error: unknown): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const m = /<anonymous>:(\d+):\d+/.exec(stack);
  return m === null ? undefined : Number(m[1]) - 2;
}

function problems(error: unknown, printed: string): RunOutcome {
  if (core.isDockwrightError(error)) {
    const issues = error.issues.map((i) => {
      const where = core.formatPath(i.path);
      return { code: i.code, message: i.message, hint: i.hint, ...(where === '' ? {} : { where }) };
    });
    return { kind: 'problems', issues, printed };
  }
  if (error instanceof PlaygroundError) return { kind: 'problems', issues: [{ message: error.message, hint: error.hint }], printed };
  const line = lineOf(error);
  return { kind: 'problems', issues: [{ message: show(error), ...(line === undefined ? {} : { line }) }], printed };
}

/** The check a guarded program calls in its loops and functions (a name no program uses). */
export const CHECK = '__dockwrightCheck';
/** Names a program on the page's thread sees as undefined, as it would in the worker. */
const PAGE_ONLY = ['window', 'document', 'localStorage', 'sessionStorage', 'alert', 'confirm', 'prompt', 'parent', 'top', 'opener', 'frames', 'history'];

/** Thrown into a guarded program whose time is up; it keeps being thrown, so a `catch` cannot go on. */
export class OutOfTime extends Error {}

/**
 * True for what a guarded program's check throws: in a callback the program left behind (a
 * promise's, a timer's) it is the check stopping it, not an error of the page.
 *
 * @example
 * ```ts
 * addEventListener('unhandledrejection', (e) => isOutOfTime(e.reason) && e.preventDefault());
 * ```
 */
export const isOutOfTime = (error: unknown): boolean => error instanceof OutOfTime;

/**
 * Runs a program already transpiled by transpile() (at build time for the first example, so the
 * first run needs no transpiler), then renders what it exports, as runProgram() does. With
 * `check`, the program must have been guarded with it (guardLoops) under the name `CHECK`.
 *
 * @example
 * ```ts
 * const js = transpile(code); // in the worker: the first example's comes from the build
 * const outcome = typeof js === 'string' ? runTranspiled(input, js, {}) : js;
 * ```
 */
export function runTranspiled(input: ProgramInput, js: string, lazy: LazyModules, check?: () => boolean): RunOutcome | undefined {
  let printed = '';
  const print = (...args: unknown[]) => {
    printed += `${args.map(show).join(' ')}\n`;
  };
  const shimConsole = { log: print, info: print, warn: print, error: print, debug: print };
  const shimProcess = { stdout: { write: (s: unknown) => ((printed += String(s)), true) }, stderr: { write: (s: unknown) => ((printed += String(s)), true) }, env: {}, exitCode: undefined, cwd: () => `/${input.dir === '.' ? '' : input.dir}` };
  const module = { exports: {} as Record<string, unknown> };
  try {
    const params = ['require', 'module', 'exports', 'console', 'process', '__importMeta', ...(check === undefined ? [] : [CHECK, ...PAGE_ONLY])];
    const program = new Function(...params, js) as (...args: unknown[]) => void;
    program(requireFor(input, lazy), module, module.exports, shimConsole, shimProcess, { dirname: input.dir, filename: `${input.dir}/dockerfile.ts`, url: `file:///${input.dir}/dockerfile.ts` }, check);
  } catch (error) {
    if (error instanceof OutOfTime) return undefined;
    return problems(error, printed);
  }
  const exported = module.exports;
  try {
    const candidates = 'default' in exported ? [exported['default']] : Object.values(exported);
    for (const value of candidates) {
      const files = filesOf(value);
      if (files !== undefined) return { kind: 'dockerfile', files, printed };
    }
  } catch (error) {
    if (error instanceof OutOfTime) return undefined;
    return problems(error, printed);
  }
  if (printed !== '') return { kind: 'printed', printed };
  return {
    kind: 'problems',
    issues: [{ message: 'the program exports no Dockerfile', hint: 'end it with `export default dockerfile(finalStage)`, or export what a preset returns' }],
    printed,
  };
}
