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

/**
 * Reads the steps of a build from BuildKit's `--progress=plain` log: each `#N [stage i/n] ...`
 * title, and whether `#N CACHED` follows. A step that appears twice (for two platforms) counts once.
 *
 * @example
 * ```ts
 * readSteps('#5 [deps 2/3] RUN npm ci\n#5 CACHED\n#6 [app 3/3] COPY . .\n#6 DONE 0.1s\n');
 * // { total: 2, cached: 1, rebuilt: ['[app 3/3] COPY . .'] }
 * ```
 */
export function readSteps(log: string): StepSummary {
  const titles = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of log.split('\n')) {
    const step = STEP.exec(line);
    if (step !== null && step[1] !== undefined && step[2] !== undefined) {
      // BuildKit's own steps, and FROM (a base resolved, not a step that runs), are not the Dockerfile's work.
      if (!step[2].startsWith('[internal]') && !/^\[[^\]]*\] (?:load|resolve|transferring|FROM)\b/.test(step[2]) && !titles.has(step[1])) titles.set(step[1], step[2]);
      continue;
    }
    const done = /^#(\d+) CACHED$/.exec(line);
    if (done?.[1] !== undefined) cached.add(done[1]);
  }
  const distinct = new Map<string, boolean>();
  for (const [id, title] of titles) distinct.set(title, (distinct.get(title) ?? true) && cached.has(id));
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
