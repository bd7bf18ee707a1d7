// Messages between the page and the run worker.
import type { DockerfileAnalysis } from './analyse-dockerfile.js';
import type { ProgramInput, RunOutcome } from './run-program.js';

export type RunRequest =
  | { readonly id: number; readonly type: 'program'; readonly input: ProgramInput }
  | { readonly id: number; readonly type: 'dockerfile'; readonly text: string }
  /** Sent by the page's first inline script: run the program of the link (or the first example) before the editor has loaded. */
  | { readonly id: number; readonly type: 'first'; readonly hash: string };

/** The program the first run ran, in the form the page's state holds it. */
export interface FirstInput {
  readonly code: string;
  readonly files: string;
  readonly dir: string;
}

export type RunResponse =
  | { readonly id: number; readonly type: 'program'; readonly outcome: RunOutcome; readonly ms: number; readonly startedAt?: number; readonly endedAt?: number }
  | { readonly id: number; readonly type: 'dockerfile'; readonly analysis: DockerfileAnalysis; readonly ms: number }
  | { readonly id: number; readonly type: 'first'; readonly outcome: RunOutcome; readonly input: FirstInput; readonly ms: number };

/** What the worker says besides answers: it has loaded; it starts a request (after loading what the request needs). */
export type RunNotice = { readonly type: 'loaded' } | { readonly type: 'running'; readonly id: number };

/** The id of the first run, which the page's inline script sends. */
export const FIRST_RUN_ID = 0;
