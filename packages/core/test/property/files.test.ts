// Injection-proof rendering of paths and owners: COPY sources and destination (from the context,
// a stage or an image), --chown and VOLUME. Refused with Dockwright codes, or read back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { image, stage } from '@dockwright/core';
import { hostile, makeTemplate, printable, templateParts, withPrefix } from '../support/arbitraries.js';
import { lexLiteral, lexWord, parseMaybeJsonToList, type Lexed } from '../support/buildkit-lexer.js';
import { forAll } from '../support/property.js';
import { flag, keywordsOf, only, renderOrRefuse, type ReadInstruction } from '../support/roundtrip.js';

const base = 'debian:12.8-slim';
const app = () => stage('app').from(base).workdir('/w');

/** COPY/ADD/VOLUME words, decoded as BuildKit does: JSON or whitespace words, then each one lexed. */
function paths(instruction: ReadInstruction): Lexed[] {
  return parseMaybeJsonToList(instruction.args).words.map(lexWord);
}

type Path = { input: string | ReturnType<typeof makeTemplate>['template']; expected: Lexed };
const literalPath = (text: fc.Arbitrary<string>) => text.map((p): Path => ({ input: p, expected: p === '' ? [] : [p] }));
const templatePath = templateParts().map((spec) => makeTemplate(spec)).map((t): Path => ({ input: t.template, expected: t.expected }));
const path = fc.oneof({ arbitrary: literalPath(hostile()), weight: 5 }, { arbitrary: literalPath(printable(6)), weight: 2 }, { arbitrary: templatePath, weight: 1 });
const dest = fc.oneof({ arbitrary: literalPath(withPrefix('/')), weight: 4 }, { arbitrary: literalPath(withPrefix('/', printable(6)).map((p) => `${p}/`)), weight: 1 }, { arbitrary: templatePath, weight: 1 });
const sources = fc.array(path, { minLength: 1, maxLength: 3 });

describe('COPY from the context', () => {
  it('sources and destination are refused, or read back the same (a leading - gets ./)', () => {
    forAll(fc.tuple(sources, dest), ([srcs, to]) => {
      const outcome = renderOrRefuse(() =>
        app()
          .copy(
            srcs.map((s) => s.input),
            to.input,
          )
          .user('10001'),
      );
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'WORKDIR', 'COPY', 'USER']);
      const copy = only(outcome.read, 'COPY');
      expect(copy.flags).toEqual([]);
      // Intended rewrite: a literal context source starting with `-` is written `./-...`.
      const expected = srcs.map((s) => (typeof s.input === 'string' && s.input.startsWith('-') ? [`./${s.input}`] : s.expected));
      expect(paths(copy)).toEqual([...expected, to.expected]);
      return outcome;
    });
  });
});

describe('COPY --from', () => {
  it('from a stage: sources and destination are refused, or read back the same', () => {
    forAll(fc.tuple(sources, dest), ([srcs, to]) => {
      const build = stage('build').from(base);
      const outcome = renderOrRefuse(() =>
        app()
          .copy(
            build,
            srcs.map((s) => s.input),
            to.input,
          )
          .user('10001'),
      );
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'FROM', 'WORKDIR', 'COPY', 'USER']);
      const copy = only(outcome.read, 'COPY');
      expect(copy.flags.map((f) => f.name)).toEqual(['from']);
      expect(lexLiteral(flag(copy, 'from'))).toBe('build');
      expect(paths(copy)).toEqual([...srcs.map((s) => s.expected), to.expected]);
      return outcome;
    });
  });

  it('from an image reference: the reference is refused, or read back the same', () => {
    const ref = fc.oneof(
      { arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9]{1,8})?:[\w][\w.-]{0,10}$/), weight: 3 },
      { arbitrary: hostile(16), weight: 2 },
      { arbitrary: printable(8).map((t) => `busybox:${t}`), weight: 2 },
    );
    forAll(fc.tuple(ref, path), ([reference, src]) => {
      const outcome = renderOrRefuse(() => app().copy(image(reference as 'a:b'), src.input, '/x').user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'WORKDIR', 'COPY', 'USER']);
      const copy = only(outcome.read, 'COPY');
      expect(lexLiteral(flag(copy, 'from'))).toBe(reference);
      expect(paths(copy)).toEqual([src.expected, ['/x']]);
      return outcome;
    });
  });
});

describe('COPY --chown', () => {
  it('an owner is refused, or read back the same', () => {
    const owner = fc.oneof(
      hostile(12),
      fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}(:[a-z_0-9][a-z0-9_-]{0,8})?$/),
      fc.integer({ min: -1, max: 4_000_000_000 }),
      fc.tuple(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 70000 })).map(([u, g]) => `${u}:${g}`),
    );
    forAll(owner, (chown) => {
      const outcome = renderOrRefuse(() => app().copy('a', '/b', { chown }).user('10001'));
      if (outcome.refused) return outcome;
      const copy = only(outcome.read, 'COPY');
      expect(copy.flags.map((f) => f.name)).toEqual(['chown']);
      expect(lexLiteral(flag(copy, 'chown'))).toBe(String(chown));
      expect(paths(copy)).toEqual([['a'], ['/b']]);
      return outcome;
    });
  });
});

describe('VOLUME', () => {
  it('paths are refused, or read back the same', () => {
    forAll(fc.array(withPrefix('/'), { minLength: 1, maxLength: 3 }), (volumes) => {
      const [first, ...rest] = volumes as [string, ...string[]];
      const outcome = renderOrRefuse(() => app().volume(first, ...rest).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'WORKDIR', 'VOLUME', 'USER']);
      expect(paths(only(outcome.read, 'VOLUME'))).toEqual(volumes.map((v) => [v]));
      return outcome;
    });
  });
});
