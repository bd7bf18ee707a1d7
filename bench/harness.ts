// A small benchmark harness: warm-up, then timed samples of a calibrated batch of calls.
// Timing single calls of a few microseconds would mostly measure the clock, so each sample times
// a batch and divides; the median and p95 are taken over those per-sample means.
// The garbage collector is left alone: forcing a collection between samples (node --expose-gc)
// shrinks the young generation and made the allocating cases up to twice as slow afterwards.
// (tinybench is only a transitive dependency here, through vitest, so it is not used.)
import { performance } from 'node:perf_hooks';

export interface MeasureOptions {
  /** How long to run the function before timing, so the JIT has compiled it. */
  readonly warmupMs: number;
  /** How many timed samples. */
  readonly samples: number;
  /** About how long one sample runs; the batch size is chosen to fill it. */
  readonly sampleMs: number;
}

export interface Measurement {
  /** Calls per timed sample. */
  readonly batch: number;
  readonly samples: number;
  /** Median over samples of the mean time of one call, in nanoseconds. */
  readonly medianNs: number;
  /** 95th percentile over samples of the mean time of one call, in nanoseconds. */
  readonly p95Ns: number;
  readonly minNs: number;
  /** 1e9 / median. */
  readonly opsPerSec: number;
}

/**
 * Keeps results alive so no call can be optimised away. A string is read in its middle: V8 builds
 * a concatenation as a rope and flattens it on first read, as writing it to a file would, so every
 * tool pays for a finished string.
 */
let sink = 0;
function consume(value: unknown): void {
  sink += typeof value === 'string' ? value.charCodeAt(value.length >> 1) : value === undefined ? 0 : 1;
}
/** Exported, so the sink stays observable and no result is dead code. */
export function sinkValue(): number {
  return sink;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((x, y) => x - y), 0.5);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs `fn` `count` times and returns the elapsed milliseconds; awaits each call when it returns a promise. */
async function runBatch(fn: () => unknown, count: number, async: boolean): Promise<number> {
  if (async) {
    const start = performance.now();
    for (let i = 0; i < count; i++) consume(await fn());
    return performance.now() - start;
  }
  const start = performance.now();
  for (let i = 0; i < count; i++) consume(fn());
  return performance.now() - start;
}

export interface Calibrated {
  readonly fn: () => unknown;
  readonly async: boolean;
  /** Calls per timed sample. */
  readonly batch: number;
}

/** Warms `fn` up (sync, or async: then every call is awaited before the next) and sizes its batch. */
export async function calibrate(fn: () => unknown, options: MeasureOptions): Promise<Calibrated> {
  const first = fn();
  const async = isThenable(first);
  consume(async ? await first : first);
  let calls = 0;
  let elapsed = 0;
  let step = 1;
  while (elapsed < options.warmupMs) {
    elapsed += await runBatch(fn, step, async);
    calls += step;
    step = Math.min(step * 2, 10_000);
  }
  return { fn, async, batch: Math.max(1, Math.round((calls / elapsed) * options.sampleMs)) };
}

/** One timed sample: the mean time of one call over a batch, in nanoseconds. */
export async function sample(c: Calibrated): Promise<number> {
  const ms = await runBatch(c.fn, c.batch, c.async);
  return (ms * 1e6) / c.batch;
}

export function summarize(c: Calibrated, perCall: readonly number[]): Measurement {
  const sorted = [...perCall].sort((x, y) => x - y);
  const medianNs = quantile(sorted, 0.5);
  return { batch: c.batch, samples: sorted.length, medianNs, p95Ns: quantile(sorted, 0.95), minNs: sorted[0] ?? Number.NaN, opsPerSec: 1e9 / medianNs };
}

/**
 * Measures several functions side by side: each is warmed up and sized, then the samples are
 * taken in rounds, a few of each function per round, so a burst of load on the machine falls on
 * all of them alike instead of on whichever ran at that moment.
 */
export async function measureAll(fns: readonly (() => unknown)[], options: MeasureOptions & { readonly rounds: number }, onRound?: (round: number) => void): Promise<Measurement[]> {
  const calibrated: Calibrated[] = [];
  for (const fn of fns) calibrated.push(await calibrate(fn, options));
  const perCall: number[][] = fns.map(() => []);
  const perRound = Math.max(1, Math.round(options.samples / options.rounds));
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, c] of calibrated.entries()) {
      for (let s = 0; s < perRound; s++) perCall[i]?.push(await sample(c));
    }
    onRound?.(round + 1);
  }
  return calibrated.map((c, i) => summarize(c, perCall[i] ?? []));
}

/**
 * `--name N` of the command line, a positive integer, or the default when it is not given.
 *
 * @example
 * ```ts
 * const rounds = intArg('rounds', 3); // `pnpm bench:build --rounds 5` gives 5
 * ```
 */
export function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive integer`);
  return n;
}
