// The playground page: a program and its Dockerfile, live; a Dockerfile's lint, format and import.
import { setDiagnostics } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import type { Example } from './examples.js';
import { createEditor, setText } from './editors.js';
import { parseProjectFiles } from './project-files.js';
import { RunClient, type EarlyWorker } from './run-client.js';
import type { RunOutcome } from './run-program.js';
import { showFindings, showIssues, showTypeErrors } from './show.js';
import { TsClient } from './ts-client.js';
import { decodeState, encodeState, type PlaygroundState } from './url-state.js';

declare const EXAMPLES: readonly Example[];
declare const SAMPLE_DOCKERFILE: string;

/** Timings of each render after an edit, read by the benchmark (docs/benchmarks.md). */
interface Timing {
  /** From the keystroke (or the change, for a pasted text) to the Dockerfile in the page. */
  readonly inputToShown: number;
  /** ... to the next frame after it, when the browser has painted it. */
  readonly inputToPainted: number;
  /** Time of the run (in the worker, or on the page): transpile, run, render. */
  readonly worker: number;
  /** Phases, from the keystroke: the editor's change event, the run's start and end, the answer back. */
  readonly phases?: { changed: number; workerStart: number; workerEnd: number; answered: number };
  /** Where the program ran: on the page's thread (guarded), or in the run worker. */
  readonly where: 'page' | 'worker';
}
const timings: Timing[] = [];
/** Since the navigation started: the first Dockerfile painted, the program's editor painted, the first type check answered. */
const loads: { firstDockerfile?: number; editor?: number; typesReady?: number } = {};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const first = EXAMPLES[0] as Example;
const defaults: PlaygroundState = { tab: 'program', code: first.code, files: first.files, dir: first.dir, dockerfile: SAMPLE_DOCKERFILE };
let state: PlaygroundState = (await decodeState(location.hash.slice(1), defaults)) ?? defaults;

const early = (globalThis as { dockwrightRunWorker?: EarlyWorker & { painted?: number } }).dockwrightRunWorker;
const runner = new RunClient(new URL('assets/run-worker.js', location.href).href, early);
const programPath = () => `/project/${state.dir === '.' ? '' : `${state.dir}/`}dockerfile.ts`;
const types = new TsClient(new URL('assets/ts-worker.js', location.href).href, programPath);

// The URL follows the state, a moment after the last edit.
let saveTimer: ReturnType<typeof setTimeout> | undefined;
function save(next: Partial<PlaygroundState>): void {
  state = { ...state, ...next };
  clearTimeout(saveTimer);
  saveTimer = setTimeout(async () => history.replaceState(null, '', `#${await encodeState(state)}`), 200);
}

// --- Program tab ---------------------------------------------------------------------------
let lastInput = 0;
let runSeq = 0;
const output = $('output');
const outputTabs = $('output-files');
let shownFiles: readonly { path: string; text: string }[] = [];
let shownFile = 'Dockerfile';

function showOutputFile(path: string): void {
  shownFile = path;
  output.textContent = shownFiles.find((f) => f.path === path)?.text ?? '';
  for (const b of outputTabs.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset['path'] === path));
}

function showOutcome(outcome: RunOutcome): void {
  const problems = $('problems');
  const printed = $('printed');
  printed.textContent = outcome.printed;
  printed.hidden = outcome.printed === '' || outcome.kind === 'printed';
  if (outcome.kind === 'dockerfile') {
    problems.replaceChildren();
    shownFiles = outcome.files;
    if (outputTabs.dataset['paths'] !== outcome.files.map((f) => f.path).join('\n')) {
      outputTabs.dataset['paths'] = outcome.files.map((f) => f.path).join('\n');
      outputTabs.replaceChildren(
        ...outcome.files.map((f) => {
          const b = document.createElement('button');
          b.textContent = f.path;
          b.dataset['path'] = f.path;
          b.setAttribute('role', 'tab');
          b.onclick = () => showOutputFile(f.path);
          return b;
        }),
      );
    }
    showOutputFile(outcome.files.some((f) => f.path === shownFile) ? shownFile : (outcome.files[0]?.path ?? 'Dockerfile'));
    $('output-box').classList.remove('stale');
  } else if (outcome.kind === 'printed') {
    problems.replaceChildren();
    shownFiles = [{ path: 'printed', text: outcome.printed }];
    outputTabs.dataset['paths'] = '';
    outputTabs.replaceChildren();
    showOutputFile('printed');
    $('output-box').classList.remove('stale');
  } else {
    showIssues(problems, outcome.issues);
    // The last Dockerfile stays, dimmed: the problems say why it is not current.
    $('output-box').classList.add('stale');
  }
}

/** After a Dockerfile is in the page: the status line, and in the next frame what waits for it. */
function shownAfterFrame(seq: number, ms: number, painted?: (at: number) => void): void {
  $('status').textContent = `rendered in ${ms.toFixed(1)} ms`;
  requestAnimationFrame(() => {
    const at = performance.now();
    painted?.(at);
    loads.firstDockerfile ??= at;
    document.body.dataset['rendered'] = String(seq);
    // The run on the page's thread, then TypeScript (3 MB), load once the first Dockerfile is on the screen.
    loadHere();
    types.start();
  });
}

/**
 * The first Dockerfile: the run the page's inline script started before this script loaded, when
 * it ran the program the page now holds and no edit came since; otherwise a run now.
 */
async function showFirst(): Promise<void> {
  let first;
  try {
    first = await runner.first;
  } catch {
    // It did not finish in time: the run below says so, in the page's words.
  }
  if (runSeq !== 0) return; // an edit came first, and its run is on the way
  if (first === undefined || first.input.code !== state.code || first.input.files !== state.files || first.input.dir !== state.dir) {
    void runNow();
    return;
  }
  // The inline script may have painted it already; the load time is when it did.
  if (early?.painted !== undefined) loads.firstDockerfile ??= early.painted;
  showOutcome(first.outcome);
  shownAfterFrame(runSeq, first.ms);
}

// A keystroke's run happens on the page's thread, in the keystroke's own task, so its Dockerfile
// is painted in the same frame as the typed character; the worker's round trip costs a frame or
// two. The program runs there guarded (run-inline.ts): a loop that never ends throws after
// HERE_BUDGET_MS, and that program, or one that took more than a frame's share, goes to the worker
// (with its time limit) until it runs fast there again.
/** The run on the page's thread, once its module has loaded. */
let here: typeof import('./run-inline.js') | undefined;
/** How long a program may hold the page's thread before it is stopped and sent to the worker. */
const HERE_BUDGET_MS = 50;
/** A run slower than this on the page costs frames: the next runs go to the worker. */
const HERE_SLOW_MS = 25;
let hereSlow = false;
let hereLoading = false;
function loadHere(): void {
  if (hereLoading) return;
  hereLoading = true;
  const url = new URL('assets/run-inline.js', location.href).href;
  (import(/* @vite-ignore */ url) as Promise<typeof import('./run-inline.js')>).then(
    (m) => (here = m),
    () => undefined, // the worker runs everything, as before
  );
}

async function runNow(): Promise<void> {
  const seq = ++runSeq;
  const input = lastInput;
  const changed = performance.now();
  const program = { code: state.code, files: parseProjectFiles(state.files), dir: state.dir };
  if (here !== undefined && !hereSlow) {
    const t0 = performance.now();
    const outcome = here.runHere(program, HERE_BUDGET_MS);
    const t1 = performance.now();
    if (outcome !== undefined) {
      hereSlow = t1 - t0 > HERE_SLOW_MS;
      showOutcome(outcome);
      const shown = performance.now();
      shownAfterFrame(seq, t1 - t0, (painted) => {
        if (input > 0) timings.push({ where: 'page', inputToShown: shown - input, inputToPainted: painted - input, worker: t1 - t0, phases: { changed: changed - input, workerStart: t0 - input, workerEnd: t1 - input, answered: t1 - input } });
      });
      return;
    }
    // Out of time: the worker, which can be stopped, runs it (and says so). Undefined for
    // another reason (code made from strings, the policy loading) is no sign of slowness.
    hereSlow = t1 - t0 >= HERE_BUDGET_MS;
  }
  try {
    const answer = await runner.request('program', { input: program });
    const answered = performance.now();
    if (answer.ms < HERE_SLOW_MS) hereSlow = false;
    if (seq !== runSeq) return; // a newer edit is on its way
    showOutcome(answer.outcome);
    const shown = performance.now();
    const at = (t: number | undefined) => (t === undefined ? Number.NaN : t - performance.timeOrigin - input);
    shownAfterFrame(seq, answer.ms, (painted) => {
      if (input > 0) timings.push({ where: 'worker', inputToShown: shown - input, inputToPainted: painted - input, worker: answer.ms, phases: { changed: changed - input, workerStart: at(answer.startedAt), workerEnd: at(answer.endedAt), answered: answered - input } });
    });
  } catch (error) {
    if (seq !== runSeq) return;
    showIssues($('problems'), [{ message: error instanceof Error ? error.message : String(error) }]);
    $('output-box').classList.add('stale');
    types.start();
  }
}

// The first Dockerfile may already be on its way from the worker: show it before the editors,
// whose creation is the longest step of this script, and let its answer in before them.
void showFirst();
await new Promise((resolve) => setTimeout(resolve, 0));

const codeHost = $('code-editor');
codeHost.addEventListener('keydown', (e) => (lastInput = e.timeStamp), true);
codeHost.addEventListener('paste', (e) => (lastInput = e.timeStamp), true);
const codeEditor = createEditor(codeHost, {
  text: state.code,
  language: 'typescript',
  label: 'program',
  extensions: types.extensions(),
  onChange: (code) => {
    save({ code });
    void runNow();
  },
});
requestAnimationFrame(() => (loads.editor ??= performance.now()));

/**
 * An editor of a hidden pane, made when the pane is first shown: the page's start (and the first
 * Dockerfile, whose answer waits for the page's thread) does not pay for what is not on the screen.
 * Until then the state holds its text.
 */
function lazyEditor(make: () => EditorView): { readonly view: () => EditorView; readonly made: () => boolean } {
  let view: EditorView | undefined;
  return { view: () => (view ??= make()), made: () => view !== undefined };
}
const filesEditor = lazyEditor(() =>
  createEditor($('files-editor'), {
    text: state.files,
    language: 'text',
    label: 'project files',
    onChange: (files) => {
      save({ files });
      void runNow();
    },
  }),
);
const dirInput = $<HTMLInputElement>('dir');
dirInput.value = state.dir;
dirInput.oninput = () => {
  save({ dir: dirInput.value.trim() === '' ? '.' : dirInput.value.trim() });
  types.update(codeEditor.state.doc.toString());
  void runNow();
};

const lineAt = (pos: number) => codeEditor.state.doc.lineAt(Math.min(pos, codeEditor.state.doc.length)).number;
types.onDiagnostics = (diagnostics, ms) => {
  loads.typesReady ??= performance.now();
  showTypeErrors($('type-errors'), diagnostics, lineAt);
  $('types-status').textContent = `types checked in ${ms.toFixed(0)} ms: ${diagnostics.length === 0 ? 'no errors' : `${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}`}`;
};
types.update(state.code);
void types.request('diagnostics', {}).then((answer) => {
  if (answer.type === 'diagnostics') types.onDiagnostics(answer.diagnostics, answer.ms);
});

for (const b of document.querySelectorAll<HTMLButtonElement>('[data-source]')) {
  b.onclick = () => {
    const files = b.dataset['source'] === 'files';
    if (files) filesEditor.view();
    $('code-editor').hidden = files;
    $('files-editor').hidden = !files;
    for (const other of document.querySelectorAll('[data-source]')) other.setAttribute('aria-selected', String(other === b));
  };
}

const exampleSelect = $<HTMLSelectElement>('example');
for (const e of EXAMPLES) exampleSelect.add(new Option(e.title, e.id));
exampleSelect.value = EXAMPLES.find((e) => e.code === state.code)?.id ?? '';
exampleSelect.onchange = () => {
  const e = EXAMPLES.find((x) => x.id === exampleSelect.value);
  if (e === undefined) return;
  dirInput.value = e.dir;
  save({ dir: e.dir, files: e.files });
  if (filesEditor.made()) setText(filesEditor.view(), e.files);
  setText(codeEditor, e.code);
};

// --- Dockerfile tab ------------------------------------------------------------------------
let analyseSeq = 0;
let lastImport = '';
let lastFormatted = '';
async function analyseNow(view: EditorView): Promise<void> {
  const seq = ++analyseSeq;
  let answer;
  try {
    answer = await runner.request('dockerfile', { text: state.dockerfile });
  } catch (error) {
    $('findings-status').textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  if (seq !== analyseSeq) return;
  const { findings, formatted, imported } = answer.analysis;
  showFindings($('findings'), findings);
  $('findings-status').textContent = `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${answer.ms.toFixed(1)} ms`;
  const doc = view.state.doc;
  const pos = (line: number, column: number) => {
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    return Math.min(l.from + Math.max(column - 1, 0), l.to);
  };
  view.dispatch(
    setDiagnostics(
      view.state,
      findings.map((f) => ({ from: pos(f.line, f.column), to: doc.line(Math.min(Math.max(f.endLine ?? f.line, 1), doc.lines)).to, severity: f.severity, message: `${f.rule} ${f.message}\n→ ${f.hint}`, source: f.rule })),
    ),
  );
  lastFormatted = formatted.ok ? formatted.text : '';
  $('formatted').textContent = formatted.ok ? formatted.text : formatted.errors.join('\n');
  $('format-status').textContent = formatted.ok ? (formatted.changed ? 'the canonical format differs:' : 'already in the canonical format') : 'cannot be formatted:';
  lastImport = imported.ok ? imported.source : '';
  $('imported').textContent = imported.ok ? imported.source : imported.errors.join('\n');
  $('import-status').textContent = imported.ok ? (imported.raw === 0 ? 'every instruction became a builder call' : `${imported.raw} instruction${imported.raw === 1 ? '' : 's'} kept as raw(): the builder refuses them as written`) : 'cannot be imported:';
}

const dockerfileEditor = lazyEditor(() =>
  createEditor($('dockerfile-editor'), {
    text: state.dockerfile,
    language: 'dockerfile',
    label: 'Dockerfile',
    onChange: (dockerfile) => {
      save({ dockerfile });
      void analyseNow(dockerfileEditor.view());
    },
  }),
);
$('apply-format').onclick = () => lastFormatted !== '' && setText(dockerfileEditor.view(), lastFormatted);
$('open-import').onclick = () => {
  if (lastImport === '') return;
  exampleSelect.value = '';
  selectTab('program');
  setText(codeEditor, lastImport);
};

// --- Tabs, links ---------------------------------------------------------------------------
/** The Dockerfile tab is analysed when it is first shown, not while the page loads. */
let analysed = false;
function selectTab(tab: PlaygroundState['tab']): void {
  save({ tab });
  if (tab === 'dockerfile' && !analysed) {
    analysed = true;
    void analyseNow(dockerfileEditor.view());
  }
  $('tab-program').hidden = tab !== 'program';
  $('tab-dockerfile').hidden = tab !== 'dockerfile';
  for (const b of document.querySelectorAll('[data-tab]')) b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === tab));
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-tab]')) b.onclick = () => selectTab(b.dataset['tab'] as PlaygroundState['tab']);

$('share').onclick = async () => {
  // A pending save would write an older state over the link.
  clearTimeout(saveTimer);
  const url = `${location.href.split('#')[0]}#${await encodeState(state)}`;
  history.replaceState(null, '', url);
  await navigator.clipboard?.writeText(url).catch(() => undefined);
  $('share').textContent = 'Link copied';
  setTimeout(() => ($('share').textContent = 'Copy link'), 1500);
};

// A link opened in this page (the back button, a pasted URL) brings its state.
addEventListener('hashchange', async () => {
  const next = await decodeState(location.hash.slice(1), defaults);
  if (next === undefined || JSON.stringify(next) === JSON.stringify(state)) return;
  state = next;
  dirInput.value = next.dir;
  if (filesEditor.made()) setText(filesEditor.view(), next.files);
  setText(codeEditor, next.code);
  if (dockerfileEditor.made()) setText(dockerfileEditor.view(), next.dockerfile);
  selectTab(next.tab);
});

// What the browser tests and the benchmark read: each editor's text and the render timings.
const editors = { program: { view: () => codeEditor, made: () => true }, files: filesEditor, dockerfile: dockerfileEditor };
const stateOf = { program: 'code', files: 'files', dockerfile: 'dockerfile' } as const;
(globalThis as { dockwright?: unknown }).dockwright = {
  timings,
  loads,
  /** An editor's text; the state's, for an editor not made yet (its pane never shown). */
  text: (editor: keyof typeof editors) => (editors[editor].made() ? editors[editor].view().state.doc.toString() : state[stateOf[editor]]),
  /** Puts the cursor right after the first `after` in the editor, and focuses it. */
  cursorAfter: (editor: keyof typeof editors, after: string) => {
    const view = editors[editor].view();
    const at = view.state.doc.toString().indexOf(after);
    view.dispatch({ selection: { anchor: at < 0 ? view.state.doc.length : at + after.length } });
    view.focus();
  },
};

selectTab(state.tab);
