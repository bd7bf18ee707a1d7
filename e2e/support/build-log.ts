// Reading BuildKit's plain progress log (`--progress=plain`) in the real-build tests.

/**
 * True when BuildKit's plain log says the step whose line contains `text` was CACHED; throws when
 * no step mentions it, so a renamed step fails the test instead of passing it.
 *
 * @example
 * ```ts
 * expect(stepCached(warm.log, 'npm ci')).toBe(true);
 * ```
 */
export function stepCached(log: string, text: string): boolean {
  const step = stepTimes(log).find((s) => s.title.startsWith('[') && s.title.includes(text));
  if (step === undefined) throw new Error(`no build step mentions ${JSON.stringify(text)} in:\n${log}`);
  return step.cached;
}

// Where a build's seconds go: each step's time from its `#N DONE 1.2s` line (a `#N CACHED` step took none).

/** One step of a build: its title as BuildKit printed it, and its seconds. */
export interface StepTime {
  readonly title: string;
  readonly seconds: number;
  readonly cached: boolean;
}

/**
 * The steps of a plain progress log, in the order they started.
 *
 * @example
 * ```ts
 * stepTimes('#9 [build 3/3] RUN tsc\n#9 DONE 2.1s\n'); // [{ title: '[build 3/3] RUN tsc', seconds: 2.1, cached: false }]
 * ```
 */
export function stepTimes(log: string): StepTime[] {
  const titles = new Map<string, string>();
  const done = new Map<string, number>();
  const cached = new Set<string>();
  for (const line of log.split('\n')) {
    const m = /^(#\d+) (.*)$/.exec(line);
    if (m === null) continue;
    const [, id = '', rest = ''] = m;
    const finished = /^DONE (\d+(?:\.\d+)?)s$/.exec(rest);
    if (finished !== null) done.set(id, Number(finished[1]));
    else if (rest === 'CACHED') cached.add(id);
    // The first line of a step is its title; the rest are its output (`#9 0.512 > tsc`) or sha256/extracting lines.
    else if (!titles.has(id) && !/^\d+\.\d+ /.test(rest)) titles.set(id, rest);
  }
  return [...titles].map(([id, title]) => ({ title, seconds: done.get(id) ?? 0, cached: cached.has(id) }));
}

/**
 * The median seconds of each step over some builds of one Dockerfile, by title with the content
 * digests BuildKit prints in some titles (`sha256:...`) taken out: the steps of one round are the
 * steps of the next.
 *
 * @example
 * ```ts
 * medianSteps([stepTimes(logA), stepTimes(logB), stepTimes(logC)]);
 * ```
 */
export function medianSteps(builds: readonly (readonly StepTime[])[]): StepTime[] {
  const key = (t: string) => t.replace(/sha256:[0-9a-f]+/g, 'sha256:…');
  const by = new Map<string, { seconds: number[]; cached: boolean }>();
  for (const steps of builds) {
    for (const s of steps) {
      const k = key(s.title);
      const entry = by.get(k) ?? { seconds: [], cached: true };
      entry.seconds.push(s.seconds);
      entry.cached &&= s.cached;
      by.set(k, entry);
    }
  }
  return [...by].map(([title, { seconds, cached }]) => {
    const sorted = [...seconds].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    return { title, seconds: median, cached };
  });
}
