// The run on the page's own thread: the program guarded by deadline checks, so a keystroke's
// Dockerfile is painted in the keystroke's own frame. Loaded after the first Dockerfile is on the
// screen (it holds core, presets and sucrase); the run worker stays the fallback.
import { needsPolicy, runProgramGuarded, type LazyModules, type ProgramInput, type RunOutcome } from './run-program.js';

const lazy: { policy?: Record<string, unknown> } = {};
let policyLoading: Promise<unknown> | undefined;

/**
 * Runs a program here within `budgetMs`; undefined when it must run in the worker instead: it ran
 * out of time, cannot be guarded, or needs the policy, which is still loading.
 *
 * @example
 * ```ts
 * const { runHere } = await import('./run-inline.js');
 * runHere({ code: 'while (true) {}', files: {}, dir: '.' }, 30); // undefined, after 30 ms
 * ```
 */
export function runHere(input: ProgramInput, budgetMs: number): RunOutcome | undefined {
  if (lazy.policy === undefined && needsPolicy(input.code)) {
    policyLoading ??= import('@dockwright/policy/browser').then((m) => (lazy.policy = { ...m }));
    return undefined;
  }
  return runProgramGuarded(input, lazy as LazyModules, budgetMs);
}
