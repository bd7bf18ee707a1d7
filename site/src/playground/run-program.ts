// Runs a playground program: TypeScript in, the Dockerfile (or the problems) out. Pure and
// synchronous, so a run answers within a frame; the same code runs in the unit tests.
import { guardLoops } from './guard-loops.js';
import { transpile } from './transpile.js';
import { CHECK, OutOfTime, runTranspiled, type LazyModules, type ProgramInput, type RunOutcome } from './run-transpiled.js';

export { isOutOfTime, modulesNeeded, needsPolicy, type LazyModules, type ProgramInput, type RunOutcome, type ShownIssue } from './run-transpiled.js';

/**
 * Transpiles and runs a program, then renders what it exports: a Dockerfile, a preset result, a
 * list of targets, a stage, or text. A program that exports nothing shows what it printed.
 *
 * @example
 * ```ts
 * runProgram({ code: "import { dockerfile, stage } from '@dockwright/core';\nexport default dockerfile(stage('app').from('alpine:3.20').user(1000));", files: {}, dir: '.' });
 * // { kind: 'dockerfile', files: [{ path: 'Dockerfile', text: 'FROM alpine:3.20 AS app\nUSER 1000\n' }], printed: '' }
 * ```
 */
export function runProgram(input: ProgramInput, lazy: LazyModules = {}): RunOutcome {
  return run(input, lazy) as RunOutcome;
}

/**
 * Runs a program as runProgram() does, with a deadline checked in each of its loops and
 * functions: for the page's own thread. Undefined when it ran out of `budgetMs` or cannot be
 * guarded (code made from strings); then run it in the worker, which can be stopped from outside.
 *
 * @example
 * ```ts
 * runProgramGuarded({ code: 'while (true) {}', files: {}, dir: '.' }, {}, 20); // undefined, after 20 ms
 * ```
 */
export function runProgramGuarded(input: ProgramInput, lazy: LazyModules, budgetMs: number): RunOutcome | undefined {
  const deadline = performance.now() + budgetMs;
  let tripped = false;
  let done = false;
  let calls = 0;
  const check = () => {
    // The clock is read every 256 calls: a check costs an increment, not a system call.
    if (done || tripped || ((++calls & 255) === 0 && performance.now() > deadline)) {
      tripped ||= !done;
      throw new OutOfTime('out of time');
    }
    return true;
  };
  const outcome = run(input, lazy, check);
  // After the run, a callback the program left behind (a promise's) stops at its first check.
  done = true;
  return tripped ? undefined : outcome;
}

function run(input: ProgramInput, lazy: LazyModules, check?: () => boolean): RunOutcome | undefined {
  const js = transpile(input.code);
  if (typeof js !== 'string') return js;
  if (check === undefined) return runTranspiled(input, js, lazy);
  const guarded = guardLoops(js, CHECK);
  return guarded === undefined ? undefined : runTranspiled(input, guarded, lazy, check);
}
