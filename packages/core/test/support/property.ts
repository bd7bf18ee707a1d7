// The shape every slot property shares: run an arbitrary through a check, count what rendered,
// and fail if (nearly) everything was refused, which would make the property vacuous.
import fc from 'fast-check';
import { expect } from 'vitest';
import { params } from './arbitraries.js';
import { Tally, type Outcome } from './roundtrip.js';

export interface SlotOptions {
  /** fast-check runs (before DOCKWRIGHT_FC_RUNS). */
  readonly runs?: number;
  /** The share of cases that must render, so the property exercises the renderer. */
  readonly minRendered?: number;
}

/** Asserts `check` for every generated value; `check` returns the outcome it saw. */
export function forAll<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Outcome, options: SlotOptions = {}): Tally {
  const tally = new Tally();
  fc.assert(
    fc.property(arbitrary, (value) => {
      tally.count(check(value));
    }),
    params(options.runs ?? 1000),
  );
  const total = tally.rendered + tally.refused;
  if (process.env.DOCKWRIGHT_FC_VERBOSE) console.log(`${expect.getState().currentTestName}: ${tally}`);
  expect(tally.rendered / total, `share rendered (${tally})`).toBeGreaterThanOrEqual(options.minRendered ?? 0.1);
  return tally;
}
