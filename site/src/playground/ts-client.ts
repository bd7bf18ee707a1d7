// The page's side of the TypeScript worker, as CodeMirror extensions: completion, type errors
// (as lint diagnostics) and hover information.
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { hoverTooltip, type EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import type { TsDiagnostic, TsRequest, TsResponse } from './ts-protocol.js';

type Body<T extends TsRequest['type']> = Omit<Extract<TsRequest, { type: T }>, 'id' | 'type'>;
type Answer<T extends TsRequest['type']> = Extract<TsResponse, { type: T }>;

export class TsClient {
  #worker: Worker | undefined;
  /** Resolves when start() was called: the page starts the checker after its first Dockerfile. */
  #started: Promise<void>;
  #startResolve!: () => void;
  #next = 0;
  #pending = new Map<number, (r: TsResponse) => void>();
  /** Resolves when the checker first answered (the libs and sources are loaded). */
  readonly ready: Promise<void>;
  #readyResolve!: () => void;
  /** Called with each new set of type errors. */
  onDiagnostics: (diagnostics: readonly TsDiagnostic[], ms: number) => void = () => {};

  constructor(private readonly url: string, private path: () => string) {
    this.ready = new Promise((r) => (this.#readyResolve = r));
    this.#started = new Promise((r) => (this.#startResolve = r));
  }

  /** Loads TypeScript in its worker; requests made before wait for it. */
  start(): void {
    if (this.#worker !== undefined) return;
    this.#worker = new Worker(this.url);
    this.#worker.onmessage = ({ data }: MessageEvent<TsResponse>) => {
      this.#readyResolve();
      this.#pending.get(data.id)?.(data);
      this.#pending.delete(data.id);
    };
    this.#startResolve();
  }

  async request<T extends TsRequest['type']>(type: T, body: Body<T>): Promise<Answer<T>> {
    const id = ++this.#next;
    await this.#started;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve as (r: TsResponse) => void);
      this.#worker?.postMessage({ ...body, type, id } as unknown as TsRequest);
    });
  }

  /** Gives the checker the program's newest text; every later request sees it. */
  update(code: string): void {
    void this.request('update', { code, path: this.path() });
  }

  async #complete(context: CompletionContext): Promise<CompletionResult | null> {
    const word = context.matchBefore(/[\w$]*/);
    const before = context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos);
    if (!context.explicit && (word === null || word.from === word.to) && !['.', "'", '"', '/', '@'].includes(before)) return null;
    // Typing inside a string or a comment (a RUN command, say) asks nothing of the checker unless
    // asked (Ctrl+Space): each keystroke there re-renders the Dockerfile, and that comes first.
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (!context.explicit && /String|Comment/.test(node.name) && !/^['"]?@/.test(context.state.sliceDoc(node.from, context.pos).replace(/^['"]/, ''))) return null;
    this.update(context.state.doc.toString());
    const answer = await this.request('completions', { pos: context.pos });
    if (answer.type !== 'completions' || context.aborted) return null;
    const options: Completion[] = answer.entries.map((e) => ({
      label: e.name,
      type: kindOf(e.kind),
      boost: -Number.parseInt(e.sortText, 10) || 0,
      ...(e.insertText === undefined ? {} : { apply: e.insertText }),
      info: async () => {
        const d = await this.request('details', { pos: context.pos, name: e.name });
        const box = document.createElement('div');
        box.className = 'ts-info';
        box.textContent = d.type === 'details' ? [d.detail, d.documentation].filter(Boolean).join('\n\n') : '';
        return box;
      },
    }));
    return { from: answer.from, options, validFor: /^[\w$]*$/ };
  }

  /** Completion, type errors and hover for the program's editor. */
  extensions(): Extension[] {
    return [
      autocompletion({ override: [(c) => this.#complete(c)], activateOnTyping: true }),
      linter(
        async (view: EditorView): Promise<Diagnostic[]> => {
          this.update(view.state.doc.toString());
          const answer = await this.request('diagnostics', {});
          if (answer.type !== 'diagnostics') return [];
          this.onDiagnostics(answer.diagnostics, answer.ms);
          const length = view.state.doc.length;
          return answer.diagnostics.map((d) => ({ from: Math.min(d.from, length), to: Math.min(Math.max(d.to, d.from), length), severity: d.severity, message: d.message, source: `ts(${d.code})` }));
        },
        // Type errors a moment after typing stops, as editors show them.
        { delay: 400 },
      ),
      hoverTooltip(async (view, pos) => {
        this.update(view.state.doc.toString());
        const answer = await this.request('quickinfo', { pos });
        if (answer.type !== 'quickinfo' || answer.info === undefined) return null;
        const info = answer.info;
        return {
          pos: info.from,
          end: info.to,
          create: () => {
            const dom = document.createElement('div');
            dom.className = 'ts-info';
            dom.textContent = [info.text, info.documentation].filter(Boolean).join('\n\n');
            return { dom };
          },
        };
      }),
    ];
  }
}

function kindOf(kind: string): string {
  switch (kind) {
    case 'method':
    case 'function':
      return 'function';
    case 'property':
      return 'property';
    case 'const':
    case 'let':
    case 'var':
      return 'variable';
    case 'class':
      return 'class';
    case 'interface':
    case 'type':
      return 'type';
    case 'keyword':
      return 'keyword';
    default:
      return 'text';
  }
}
