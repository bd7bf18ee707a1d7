// Runs programs and analyses Dockerfiles off the page's thread: a program that loops forever
// stalls this worker, which the page then replaces, never the editor.
import { analyseDockerfile } from './analyse-dockerfile.js';
import type { RunRequest, RunResponse } from './run-protocol.js';
import { needsPolicy, runProgram, type LazyModules } from './run-program.js';

declare const self: { postMessage(message: RunResponse | { type: 'loaded' } | { type: 'running'; id: number }): void; onmessage: ((event: { data: RunRequest }) => void) | null };

const lazy: { policy?: Record<string, unknown> } = {};

self.onmessage = async ({ data }) => {
  if (data.type === 'program' && lazy.policy === undefined && needsPolicy(data.input.code)) lazy.policy = { ...(await import('@dockwright/policy/browser')) };
  // The time limit starts now: loading a module is not the program's time.
  self.postMessage({ type: 'running', id: data.id });
  const t0 = performance.now();
  if (data.type === 'program') {
    const outcome = runProgram(data.input, lazy as LazyModules);
    self.postMessage({ id: data.id, type: 'program', outcome, ms: performance.now() - t0 });
  } else {
    const analysis = analyseDockerfile(data.text);
    self.postMessage({ id: data.id, type: 'dockerfile', analysis, ms: performance.now() - t0 });
  }
};

self.postMessage({ type: 'loaded' });
