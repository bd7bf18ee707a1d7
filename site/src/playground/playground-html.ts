// The playground page's markup.
import { page } from '../page.js';

/**
 * The playground page (the site's index.html).
 *
 * @example
 * ```ts
 * writeFileSync('dist/index.html', playgroundHtml());
 * ```
 */
export function playgroundHtml(): string {
  const body = `<main class="playground">
<div class="bar" role="tablist">
  <button role="tab" data-tab="program" aria-selected="true">Program</button>
  <button role="tab" data-tab="dockerfile">Dockerfile: lint · format · import</button>
  <span class="spacer"></span>
  <label>Example <select id="example"><option value="">(your program)</option></select></label>
  <button id="share" class="primary">Copy link</button>
</div>
<section id="tab-program" class="panes">
  <div class="pane">
    <div class="bar small" role="tablist">
      <button role="tab" data-source="code" aria-selected="true">dockerfile.ts</button>
      <button role="tab" data-source="files">Project files</button>
      <span class="spacer"></span>
      <label title="The program's directory in the project: what detectNode() reads by default">directory <input id="dir" size="14" spellcheck="false"></label>
    </div>
    <div id="code-editor" class="editor"></div>
    <div id="files-editor" class="editor" hidden></div>
    <div class="note" id="types-status">types: loading TypeScript…</div>
    <ol id="type-errors" class="issues" aria-label="type errors"></ol>
  </div>
  <div class="pane">
    <div class="bar small"><div id="output-files" class="files" role="tablist"></div><span class="spacer"></span><span class="note" id="status"></span></div>
    <ol id="problems" class="issues" aria-label="problems"></ol>
    <div id="output-box" class="output"><pre id="output" aria-label="rendered Dockerfile"></pre></div>
    <pre id="printed" class="printed" hidden></pre>
  </div>
</section>
<section id="tab-dockerfile" class="panes" hidden>
  <div class="pane">
    <div class="bar small"><span>Paste a Dockerfile</span></div>
    <div id="dockerfile-editor" class="editor"></div>
  </div>
  <div class="pane">
    <h2>Lint <span class="note" id="findings-status"></span></h2>
    <ol id="findings" class="issues" aria-label="lint findings"></ol>
    <h2>Format <span class="note" id="format-status"></span> <button id="apply-format">Use the formatted file</button></h2>
    <pre id="formatted" class="output"></pre>
    <h2>As builder code <span class="note" id="import-status"></span> <button id="open-import" class="primary">Open in the Program tab</button></h2>
    <pre id="imported" class="output"></pre>
  </div>
</section>
</main>`;
  // The run worker starts before the page's script has loaded, and runs the link's program at
  // once: the first Dockerfile is on the screen before the editor (the larger script) has loaded.
  // What it hears before the page's script takes over is kept on the worker (see run-client.ts).
  const early = `<script>{const w=new Worker('assets/run-worker.js',{type:'module'});w.onmessage=(e)=>{const d=e.data;if(!d)return;if(d.type==='loaded')w.loaded=true;else if(d.type==='running')w.running=true;else if(d.type==='first'){w.first=d;const o=document.getElementById('output');if(d.outcome.kind==='dockerfile'&&o&&o.textContent===''){o.textContent=d.outcome.files[0]?.text??'';requestAnimationFrame(()=>{w.painted=performance.now()})}}};w.postMessage({type:'first',id:0,hash:location.hash.slice(1)});self.dockwrightRunWorker=w}</script>`;
  return page({ title: 'Playground', root: '', body, current: 'playground', scripts: ['assets/playground.js'], head: early });
}
