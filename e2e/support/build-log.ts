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
  const lines = log.split('\n');
  const step = lines.find((l) => /^#\d+ \[/.test(l) && l.includes(text));
  if (step === undefined) throw new Error(`no build step mentions ${JSON.stringify(text)} in:\n${log}`);
  return lines.includes(`${step.split(' ')[0]} CACHED`);
}
