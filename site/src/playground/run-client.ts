// The page's side of the run worker: the newest request wins, and a worker that does not answer
// in time (a program that loops forever) is replaced.
import type { RunRequest, RunResponse } from './run-protocol.js';

type Body<T extends RunRequest['type']> = Omit<Extract<RunRequest, { type: T }>, 'id' | 'type'>;
type Answer<T extends RunRequest['type']> = Extract<RunResponse, { type: T }>;

/** How long a program may run before its worker is replaced. */
export const RUN_TIMEOUT_MS = 2000;

export class RunClient {
  #worker!: Worker;
  /** Resolves when the worker has loaded (its first message); the time limit starts after that. */
  #ready!: Promise<void>;
  #next = 0;
  #pending = new Map<number, { resolve: (r: RunResponse) => void; reject: (e: Error) => void; timer?: ReturnType<typeof setTimeout> }>();

  /** `early`: a worker the page started before this script loaded (see playground-html.ts). */
  constructor(private readonly url: string, early?: Worker) {
    this.#spawn(early);
  }

  #spawn(early?: Worker): void {
    const worker = early ?? new Worker(this.url, { type: 'module' });
    let loaded!: () => void;
    this.#ready = new Promise((resolve) => (loaded = resolve));
    const onMessage = ({ data }: MessageEvent<RunResponse | { type: 'loaded' } | { type: 'running'; id: number }>) => {
      if (data.type === 'loaded') {
        loaded();
        return;
      }
      if (data.type === 'running') {
        const waiting = this.#pending.get(data.id);
        if (waiting !== undefined) waiting.timer = setTimeout(() => this.#stop(), RUN_TIMEOUT_MS);
        return;
      }
      const waiting = this.#pending.get(data.id);
      if (waiting === undefined) return;
      clearTimeout(waiting.timer);
      this.#pending.delete(data.id);
      waiting.resolve(data);
    };
    worker.onmessage = onMessage;
    // An early worker may have loaded before this client existed; the page kept its first message.
    const kept = (worker as Worker & { loaded?: boolean }).loaded;
    if (kept === true) loaded();
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
  async request<T extends RunRequest['type']>(type: T, body: Body<T>): Promise<Answer<T>> {
    const id = ++this.#next;
    await this.#ready;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (r: RunResponse) => void, reject });
      this.#worker.postMessage({ ...body, type, id } as unknown as RunRequest);
    });
  }
}
