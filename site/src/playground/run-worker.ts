// Runs programs and analyses Dockerfiles off the page's thread: a program that loops forever
// stalls this worker, which the page then replaces, never the editor.
import { analyseDockerfile } from './analyse-dockerfile.js';
import { parseProjectFiles } from './project-files.js';
import type { FirstInput, RunNotice, RunRequest, RunResponse } from './run-protocol.js';
import { needsPolicy, runProgram, type LazyModules } from './run-program.js';
import { decodeState } from './url-state.js';

declare const self: { postMessage(message: RunResponse | RunNotice): void; onmessage: ((event: { data: RunRequest }) => void) | null };
/** The page's first example: what the first run runs when the link holds no program. */
declare const FIRST_EXAMPLE: FirstInput;

const lazy: { policy?: Record<string, unknown> } = {};

self.onmessage = async ({ data }) => {
  // The first run decodes the link here, so the Dockerfile does not wait for the editor's script.
  let first: FirstInput | undefined;
  if (data.type === 'first') {
    const state = await decodeState(data.hash, { tab: 'program', ...FIRST_EXAMPLE, dockerfile: '' });
    first = state === undefined ? FIRST_EXAMPLE : { code: state.code, files: state.files, dir: state.dir };
  }
  const code = data.type === 'program' ? data.input.code : first?.code;
  if (code !== undefined && lazy.policy === undefined && needsPolicy(code)) {
    lazy.policy = { ...(await import('@dockwright/policy/browser')) };
    // The time limit starts again now: loading a module is not the program's time. (Said only
    // then: a message per keystroke is one more task on the page's busy thread.)
    self.postMessage({ type: 'running', id: data.id });
  } else if (first !== undefined) self.postMessage({ type: 'running', id: data.id });
  const t0 = performance.now();
  if (data.type === 'program') {
    const outcome = runProgram(data.input, lazy as LazyModules);
    const t1 = performance.now();
    self.postMessage({ id: data.id, type: 'program', outcome, ms: t1 - t0, startedAt: performance.timeOrigin + t0, endedAt: performance.timeOrigin + t1 });
  } else if (first !== undefined) {
    const outcome = runProgram({ code: first.code, files: parseProjectFiles(first.files), dir: first.dir }, lazy as LazyModules);
    self.postMessage({ id: data.id, type: 'first', outcome, input: first, ms: performance.now() - t0 });
  } else if (data.type === 'dockerfile') {
    const analysis = analyseDockerfile(data.text);
    self.postMessage({ id: data.id, type: 'dockerfile', analysis, ms: performance.now() - t0 });
  }
};

self.postMessage({ type: 'loaded' });
