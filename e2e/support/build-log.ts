// Reading BuildKit's plain progress log (`--progress=plain`) in the real-build tests, through the
// CLI's one reader of it (`dockwright build` counts cached steps with the same function).
import { stepTimes, type StepTime } from '../../packages/cli/src/build/build-log.js';

export { stepTimes, type StepTime };

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
