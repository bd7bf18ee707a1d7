// The run on the page's own thread: the program guarded by deadline checks, so a keystroke's
// Dockerfile is painted in the keystroke's own frame. Loaded after the first Dockerfile is on the
// screen (it holds core, presets and sucrase); the run worker stays the fallback.
import * as presets from '@dockwright/presets/browser';
import { isOutOfTime, needsPolicy, runProgramGuarded, type LazyModules, type ProgramInput, type RunOutcome } from './run-program.js';

const lazy: { -readonly [K in keyof LazyModules]: LazyModules[K] } = { presets };
let policyLoading: Promise<unknown> | undefined;

// A callback a program left behind (a promise's, a timer's) runs after its run is over, and its
// first check throws: that stop is not an error of the page. Any other error still is one.
addEventListener('unhandledrejection', (e) => isOutOfTime(e.reason) && e.preventDefault());
addEventListener('error', (e) => isOutOfTime(e.error) && e.preventDefault());

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
    // A load that failed is tried again by the next keystroke; the worker runs this one.
    policyLoading ??= import('@dockwright/policy/browser').then(
      (m) => (lazy.policy = { ...m }),
      () => (policyLoading = undefined),
    );
    return undefined;
  }
  return runProgramGuarded(input, lazy, budgetMs);
}
