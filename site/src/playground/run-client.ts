// The page's side of the run worker: the newest request wins, and a worker that does not answer
// in time (a program that loops forever) is replaced.
import { FIRST_RUN_ID, type RunNotice, type RunRequest, type RunResponse } from './run-protocol.js';

type Body<T extends RunRequest['type']> = Omit<Extract<RunRequest, { type: T }>, 'id' | 'type'>;
type Answer<T extends RunResponse['type']> = Extract<RunResponse, { type: T }>;
type FirstAnswer = Answer<'first'>;

/** How long a program may run before its worker is replaced. */
export const RUN_TIMEOUT_MS = 2000;

/**
 * A worker the page's inline script started before the page's script loaded, with what it has
 * heard so far (see playground-html.ts): loaded, the first run started, its answer.
 */
export interface EarlyWorker extends Worker {
  loaded?: boolean;
  running?: boolean;
  first?: FirstAnswer;
}

interface Pending {
  resolve: (r: RunResponse) => void;
  reject: (e: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export class RunClient {
  #worker!: Worker;
  /** Resolves when the worker has loaded (its first message); the time limit starts after that. */
  #ready!: Promise<void>;
  #isReady = false;
  #next = FIRST_RUN_ID;
  #pending = new Map<number, Pending>();
  /**
   * The answer of the first run the inline script asked for, before this script loaded; undefined
   * when there was none, and a rejection when it did not finish in time.
   */
  readonly first: Promise<FirstAnswer | undefined>;

  /** `early`: a worker the page started before this script loaded. */
  constructor(private readonly url: string, early?: EarlyWorker) {
    this.#spawn(early);
    if (early === undefined) this.first = Promise.resolve(undefined);
    else if (early.first !== undefined) this.first = Promise.resolve(early.first);
    else {
      this.first = new Promise((resolve, reject) => {
        const pending: Pending = { resolve: (r) => resolve(r as FirstAnswer), reject };
        this.#pending.set(FIRST_RUN_ID, pending);
        // It may have started before this client could hear it say so.
        if (early.running === true) pending.timer = setTimeout(() => this.#stop(), RUN_TIMEOUT_MS);
      });
    }
  }

  #spawn(early?: EarlyWorker): void {
    const worker = early ?? new Worker(this.url, { type: 'module' });
    let loaded!: () => void;
    this.#isReady = false;
    this.#ready = new Promise((resolve) => {
      loaded = () => {
        this.#isReady = true;
        resolve();
      };
    });
    worker.onmessage = ({ data }: MessageEvent<RunResponse | RunNotice>) => {
      if (data.type === 'loaded') {
        loaded();
        return;
      }
      const waiting = this.#pending.get(data.id);
      if (waiting === undefined) return;
      if (data.type === 'running') {
        clearTimeout(waiting.timer);
        waiting.timer = setTimeout(() => this.#stop(), RUN_TIMEOUT_MS);
        return;
      }
      clearTimeout(waiting.timer);
      this.#pending.delete(data.id);
      waiting.resolve(data);
    };
    // An early worker may have loaded before this client existed; the page kept its first message.
    if (early?.loaded === true) loaded();
    this.#worker = worker;
  }

  /** Replaces a worker that ran past the time limit; what waited on it is rejected. */
  #stop(): void {
    this.#worker.terminate();
    for (const [, p] of this.#pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`the program did not finish within ${RUN_TIMEOUT_MS / 1000} s (a loop that never ends?); it was stopped`));
    }
    this.#pending.clear();
    this.#spawn();
  }

  /** Sends a request; rejects when the worker had to be replaced. */
  async request<T extends 'program' | 'dockerfile'>(type: T, body: Body<T>): Promise<Answer<T>> {
    const id = ++this.#next;
    // Sent at once when the worker is up: a keystroke's run starts before the editor redraws.
    if (!this.#isReady) await this.#ready;
    return new Promise((resolve, reject) => {
      // The limit runs from the send; the worker restarts it after loading a module the program needs.
      this.#pending.set(id, { resolve: resolve as (r: RunResponse) => void, reject, timer: setTimeout(() => this.#stop(), RUN_TIMEOUT_MS) });
      this.#worker.postMessage({ ...body, type, id } as unknown as RunRequest);
    });
  }
}
