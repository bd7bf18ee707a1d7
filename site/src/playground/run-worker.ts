// Runs programs and analyses Dockerfiles off the page's thread: a program that loops forever
// stalls this worker, which the page then replaces, never the editor.
import * as core from '@dockwright/core';
import { analyseDockerfile } from './analyse-dockerfile.js';
import { CORE_GLOBAL } from './core-global.js';
import { parseProjectFiles } from './project-files.js';
import type { FirstInput, RunNotice, RunRequest, RunResponse } from './run-protocol.js';
import { modulesNeeded, runTranspiled, type LazyModules, type ProgramInput, type RunOutcome } from './run-transpiled.js';
import { decodeState } from './url-state.js';

declare const self: { postMessage(message: RunResponse | RunNotice): void; onmessage: ((event: { data: RunRequest }) => void) | null };
/** The page's first example: what the first run runs when the link holds no program. */
declare const FIRST_EXAMPLE: FirstInput;
/** The first example transpiled at build time (by transpile()), so its run needs no transpiler. */
declare const FIRST_EXAMPLE_JS: string;

// The modules loaded later take core from here (built so by site/build.ts): one instance, one request.
(globalThis as Record<string, unknown>)[CORE_GLOBAL] = core;

const lazy: { -readonly [K in keyof LazyModules]: LazyModules[K] } = {};
/** Each lazily loaded module, imported once: by the first program that needs it, or when idle. */
const loading: { -readonly [K in keyof LazyModules]?: Promise<unknown> } = {};
/** The transpiler (sucrase), loaded for the first program that is not the first example, or when idle. */
let transpile: ((code: string) => string | RunOutcome) | undefined;
let transpiler: Promise<unknown> | undefined;
function loadTranspiler(): Promise<unknown> {
  return (transpiler ??= import('./transpile.js').then(
    (m) => (transpile = m.transpile),
    (error: unknown) => {
      // As a module: a load that failed is tried again by the next program.
      transpiler = undefined;
      throw error;
    },
  ));
}

function load(name: keyof LazyModules): Promise<unknown> {
  return (loading[name] ??= (name === 'presets' ? import('@dockwright/presets/browser').then((m) => (lazy.presets = m)) : import('@dockwright/policy/browser').then((m) => (lazy.policy = { ...m }))).catch(
    (error: unknown) => {
      // A load that failed (the network) is tried again by the next program that needs it.
      delete loading[name];
      throw error;
    },
  ));
}

/**
 * Runs a program after loading the modules it imports (a module that cannot load is a problem to
 * show); `started` is when the run itself began, after the loads.
 */
async function runLoaded(input: ProgramInput, id: number, first: boolean): Promise<{ outcome: RunOutcome; started: number }> {
  const missing = modulesNeeded(input.code).filter((m) => lazy[m] === undefined);
  // The first example comes transpiled from the build: the first run does not wait for sucrase.
  const prebuilt = input.code === FIRST_EXAMPLE.code;
  const needsTranspiler = !prebuilt && transpile === undefined;
  if (missing.length > 0 || needsTranspiler) {
    try {
      await Promise.all([...(needsTranspiler ? [loadTranspiler()] : []), ...missing.map(load)]);
    } catch (error) {
      const names = [...(needsTranspiler ? ['its transpiler'] : []), ...missing.map((m) => `@dockwright/${m}`)];
      const message = `the playground could not load ${names.join(', ')}: ${error instanceof Error ? error.message : String(error)}`;
      return { outcome: { kind: 'problems', issues: [{ message, hint: 'reload the page' }], printed: '' }, started: performance.now() };
    }
    // The time limit starts again now: loading a module is not the program's time. (Said only
    // then: a message per keystroke is one more task on the page's busy thread.)
    self.postMessage({ type: 'running', id });
  } else if (first) self.postMessage({ type: 'running', id });
  const started = performance.now();
  const js = prebuilt ? FIRST_EXAMPLE_JS : (transpile?.(input.code) ?? { kind: 'problems', issues: [{ message: 'the playground has not loaded its transpiler', hint: 'reload the page' }], printed: '' });
  return { outcome: typeof js === 'string' ? (runTranspiled(input, js, lazy) as RunOutcome) : js, started };
}

self.onmessage = async ({ data }) => {
  if (data.type === 'program') {
    const { outcome, started } = await runLoaded(data.input, data.id, false);
    const ended = performance.now();
    self.postMessage({ id: data.id, type: 'program', outcome, ms: ended - started, startedAt: performance.timeOrigin + started, endedAt: performance.timeOrigin + ended });
  } else if (data.type === 'first') {
    // The first run decodes the link here, so the Dockerfile does not wait for the editor's script.
    const state = await decodeState(data.hash, { tab: 'program', ...FIRST_EXAMPLE, dockerfile: '' });
    const first: FirstInput = state === undefined ? FIRST_EXAMPLE : { code: state.code, files: state.files, dir: state.dir };
    const { outcome, started } = await runLoaded({ code: first.code, files: parseProjectFiles(first.files), dir: first.dir }, data.id, true);
    self.postMessage({ id: data.id, type: 'first', outcome, input: first, ms: performance.now() - started });
    // Then the transpiler and the presets, while the page is idle, so a later program does not wait.
    void loadTranspiler().catch(() => undefined);
    void load('presets').catch(() => undefined);
  } else {
    const t0 = performance.now();
    const analysis = analyseDockerfile(data.text);
    self.postMessage({ id: data.id, type: 'dockerfile', analysis, ms: performance.now() - t0 });
  }
};

self.postMessage({ type: 'loaded' });
