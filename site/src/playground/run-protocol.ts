// Messages between the page and the run worker.
import type { DockerfileAnalysis } from './analyse-dockerfile.js';
import type { ProgramInput, RunOutcome } from './run-program.js';

export type RunRequest =
  | { readonly id: number; readonly type: 'program'; readonly input: ProgramInput }
  | { readonly id: number; readonly type: 'dockerfile'; readonly text: string };

export type RunResponse =
  | { readonly id: number; readonly type: 'program'; readonly outcome: RunOutcome; readonly ms: number }
  | { readonly id: number; readonly type: 'dockerfile'; readonly analysis: DockerfileAnalysis; readonly ms: number };
