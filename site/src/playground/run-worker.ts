// Runs programs and analyses Dockerfiles off the page's thread: a program that loops forever
// stalls this worker, which the page then replaces, never the editor.
import { analyseDockerfile } from './analyse-dockerfile.js';
import type { RunRequest, RunResponse } from './run-protocol.js';
import { runProgram } from './run-program.js';

declare const self: { postMessage(message: RunResponse | { type: 'loaded' }): void; onmessage: ((event: { data: RunRequest }) => void) | null };

self.onmessage = ({ data }) => {
  const t0 = performance.now();
  if (data.type === 'program') {
    const outcome = runProgram(data.input);
    self.postMessage({ id: data.id, type: 'program', outcome, ms: performance.now() - t0 });
  } else {
    const analysis = analyseDockerfile(data.text);
    self.postMessage({ id: data.id, type: 'dockerfile', analysis, ms: performance.now() - t0 });
  }
};

self.postMessage({ type: 'loaded' });
