/** What BuildKit's plain progress log says of the steps of one build. */
export interface StepSummary {
  /** Steps of the Dockerfile (`[stage n/m] INSTRUCTION`), not BuildKit's own (`[internal] ...`) nor FROM. */
  readonly total: number;
  /** Of those, the ones BuildKit found in its cache. */
  readonly cached: number;
  /** The titles of the steps that ran, in the order they started (`[deps 3/4] RUN npm ci`). */
  readonly rebuilt: readonly string[];
}

const STEP = /^#(\d+) (\[[^\]]+\] .*)$/;

/** One step of a build: its title as BuildKit printed it, its seconds, and whether it was cached. */
export interface StepTime {
  readonly title: string;
  readonly seconds: number;
  readonly cached: boolean;
}

/**
 * Every step of BuildKit's `--progress=plain` log, in the order they started: its title (the
 * step's first line), the seconds of its `#N DONE 1.2s` line, and whether `#N CACHED` follows
 * (a cached step took none). The one reader of the plain log; `readSteps()` counts from it.
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
 * Reads the steps of a build from BuildKit's `--progress=plain` log: each `[stage i/n] ...` step
 * of `stepTimes()`, and whether it was cached. A step that appears twice (for two platforms) counts once.
 *
 * @example
 * ```ts
 * readSteps('#5 [deps 2/3] RUN npm ci\n#5 CACHED\n#6 [app 3/3] COPY . .\n#6 DONE 0.1s\n');
 * // { total: 2, cached: 1, rebuilt: ['[app 3/3] COPY . .'] }
 * ```
 */
export function readSteps(log: string): StepSummary {
  const distinct = new Map<string, boolean>();
  for (const { title, cached } of stepTimes(log)) {
    // BuildKit's own steps, and FROM (a base resolved, not a step that runs), are not the Dockerfile's work.
    if (!/^\[[^\]]+\] /.test(title) || title.startsWith('[internal]') || /^\[[^\]]*\] (?:load|resolve|transferring|FROM)\b/.test(title)) continue;
    distinct.set(title, (distinct.get(title) ?? true) && cached);
  }
  const rebuilt = [...distinct].filter(([, c]) => !c).map(([title]) => title);
  return { total: distinct.size, cached: distinct.size - rebuilt.length, rebuilt };
}

/**
 * The step a build is at, from one line of its log: the title of a step that starts, for a
 * progress line; undefined for any other line.
 *
 * @example
 * ```ts
 * stepTitle('#8 [build 4/6] RUN pnpm run build'); // '[build 4/6] RUN pnpm run build'
 * ```
 */
export function stepTitle(line: string): string | undefined {
  return STEP.exec(line)?.[2];
}

/**
 * The engine's own words for why a build failed: the last `ERROR:` line of the log (BuildKit's
 * `failed to solve: ...`, or `error: ...` of the client), without the step number.
 *
 * @example
 * ```ts
 * failureLine('#9 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1\n');
 * // 'process "/bin/sh -c npm ci" did not complete successfully: exit code: 1'
 * ```
 */
export function failureLine(log: string): string | undefined {
  const lines = log.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const found = [...lines].reverse().find((l) => /^(?:#\d+ )?(?:ERROR|error)\b:?/.test(l) || /failed to (?:solve|compute|build)/i.test(l));
  return found?.replace(/^#\d+ /, '').replace(/^(?:ERROR|error):?\s*/, '');
}
