// Whole stages built from random sequences of instructions with hostile values: whatever renders
// has exactly the instructions that were asked for (nothing injected, nothing swallowed), both
// parsers agree on them, and rendering is deterministic byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arg, stage, tryDockerfile, type Stage } from '@dockwright/core';
import { argv, hostile, printable, varName, withPrefix } from '../support/arbitraries.js';
import { forAll } from '../support/property.js';
import { keywordsOf, renderOrRefuse } from '../support/roundtrip.js';

type Step = { readonly keyword: string | undefined; readonly apply: (s: Stage<boolean>) => Stage<boolean>; readonly label: string };

const step = (keyword: string | undefined, label: string, apply: Step['apply']): Step => ({ keyword, apply, label });
const oneLine = hostile(20).filter((t) => !t.includes('\n'));

const steps: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(varName(), hostile()).map(([k, v]) => step('ENV', `env ${k}`, (s) => s.env({ [k]: v }))),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}[a-z0-9]$/), hostile()).map(([k, v]) => step('LABEL', `label ${k}`, (s) => s.label({ [k]: v }))),
  withPrefix('/').map((p) => step('WORKDIR', 'workdir', (s) => s.workdir(p))),
  fc.tuple(hostile(), withPrefix('/')).map(([a, b]) => step('COPY', 'copy', (s) => s.copy(a, b))),
  withPrefix('/').map((p) => step('VOLUME', 'volume', (s) => s.volume(p))),
  oneLine.map((t) => step('RUN', 'run', (s) => s.run(t))),
  argv().map((a) => step('RUN', 'run argv', (s) => s.run(a))),
  fc.tuple(printable(20), printable(20)).map(([a, b]) => step('RUN', 'run script', (s) => s.run(`${a}\n${b}`))),
  argv().map((a) => step('ENTRYPOINT', 'entrypoint', (s) => s.entrypoint(a))),
  hostile().map((t) => step(undefined, 'comment', (s) => s.comment(t))),
  fc.tuple(varName(), fc.option(hostile(), { nil: undefined })).map(([n, d]) => step('ARG', 'arg', (s) => s.arg(d === undefined ? arg(n) : arg(n, { default: d })))),
  fc.oneof(fc.constant('SIGTERM'), hostile(8)).map((sig) => step('STOPSIGNAL', 'stopsignal', (s) => s.stopSignal(sig))),
);

describe('programs', () => {
  it('a stage of random instructions is refused, or renders exactly those instructions', () => {
    forAll(
      fc.array(steps, { minLength: 1, maxLength: 8 }),
      (program) => {
        const build = () => program.reduce((s, st) => st.apply(s), stage('app').from('debian:12.8-slim') as Stage<boolean>).user('10001');
        const outcome = renderOrRefuse(build);
        if (outcome.refused) return outcome;
        const expected = ['FROM', ...program.flatMap((st) => (st.keyword === undefined ? [] : [st.keyword])), 'USER'];
        expect(keywordsOf(outcome.read), program.map((st) => st.label).join(', ')).toEqual(expected);
        return outcome;
      },
      { runs: 600, minRendered: 0.05 },
    );
  });

  it('rendering is deterministic: one Dockerfile renders the same bytes twice, and so does an equal one built again', () => {
    forAll(
      fc.array(steps, { minLength: 1, maxLength: 6 }),
      (program) => {
        const build = () => program.reduce((s, st) => st.apply(s), stage('app').from('debian:12.8-slim') as Stage<boolean>).user('10001');
        const first = tryDockerfile(build());
        const second = tryDockerfile(build());
        expect(first.ok).toBe(second.ok);
        if (!first.ok || !second.ok) return { refused: true, codes: [] };
        let text: string;
        try {
          text = first.dockerfile.render();
        } catch {
          expect(() => second.dockerfile.render()).toThrow();
          return { refused: true, codes: [] };
        }
        expect(first.dockerfile.render()).toBe(text);
        expect(String(first.dockerfile)).toBe(text);
        expect(second.dockerfile.render()).toBe(text);
        return renderOrRefuse(build);
      },
      { runs: 300, minRendered: 0.05 },
    );
  });
});
