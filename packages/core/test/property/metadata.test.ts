// Injection-proof rendering of the metadata slots: every value is either refused with Dockwright
// codes, or it renders to text that dockerfile-ast reads as the expected instructions and BuildKit's
// rules decode to exactly the value that went in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arg, image, stage, tpl, type PortSpec, type UserSpec } from '@dockwright/core';
import { hostile, makeTemplate, printable, templateParts, varName, withPrefix } from '../support/arbitraries.js';
import { lexLiteral, lexWord, parseKeyValues, parseWords, splitWhitespace, type Lexed } from '../support/buildkit-lexer.js';
import { forAll } from '../support/property.js';
import { flag, keywordsOf, only, renderOrRefuse } from '../support/roundtrip.js';

const app = () => stage('app').from('debian:12.8-slim');

/** A literal value, or a template of literal parts and image variables. */
const valueOrTemplate = fc.oneof(
  { arbitrary: hostile().map((v) => ({ input: v as string | ReturnType<typeof makeTemplate>['template'], expected: [v] as Lexed })), weight: 4 },
  { arbitrary: templateParts().map((spec) => makeTemplate(spec)).map((t) => ({ input: t.template, expected: t.expected })), weight: 1 },
);

const expectLexed = (word: string, expected: Lexed) => expect(lexWord(word)).toEqual(expected.filter((p) => p !== ''));

describe('ENV', () => {
  it('keys and values (literal or template) are refused, or read back as the same pairs', () => {
    const pairs = fc.uniqueArray(fc.tuple(varName(), valueOrTemplate), { minLength: 1, maxLength: 3, selector: ([k]) => k });
    forAll(pairs, (entries) => {
      const variables = Object.fromEntries(entries.map(([k, v]) => [k, v.input]));
      const outcome = renderOrRefuse(() => app().env(variables).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'ENV', 'USER']);
      const read = parseKeyValues(only(outcome.read, 'ENV').args);
      expect(read.map((kv) => lexLiteral(kv.key))).toEqual(Object.keys(variables));
      read.forEach((kv, n) => expectLexed(kv.value, entries.find(([k]) => k === Object.keys(variables)[n])?.[1].expected ?? []));
      return outcome;
    });
  });
});

describe('LABEL', () => {
  it('keys and values are refused, or read back as the same pairs', () => {
    // Valid keys as hadolint's DL3048 reads them: a letter first, no `..` or `--`.
    const key = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:[.-][a-z0-9]{1,6}){0,3}$/), weight: 3 }, { arbitrary: hostile(12), weight: 1 });
    const pairs = fc.uniqueArray(fc.tuple(key, valueOrTemplate), { minLength: 1, maxLength: 3, selector: ([k]) => k });
    forAll(pairs, (entries) => {
      const labels = Object.fromEntries(entries.map(([k, v]) => [k, v.input]));
      const outcome = renderOrRefuse(() => app().label(labels).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'LABEL', 'USER']);
      const read = parseKeyValues(only(outcome.read, 'LABEL').args);
      expect(read.map((kv) => lexLiteral(kv.key))).toEqual(Object.keys(labels));
      read.forEach((kv, n) => expectLexed(kv.value, entries.find(([k]) => k === Object.keys(labels)[n])?.[1].expected ?? []));
      return outcome;
    });
  });
});

/** `ARG NAME` or `ARG NAME=default`, decoded. */
function readArg(args: string): { name: string; default?: string } {
  const words = parseWords(args);
  expect(words).toHaveLength(1);
  const word = words[0] ?? '';
  const at = word.indexOf('=');
  return at < 0 ? { name: lexLiteral(word) } : { name: lexLiteral(word.slice(0, at)), default: lexLiteral(word.slice(at + 1)) };
}

const argHandle = fc.tuple(varName(), fc.option(hostile(), { nil: undefined })).map(([name, def]) => (def === undefined ? arg(name) : arg(name, { default: def })));
const expectedArg = (a: ReturnType<typeof arg>) => (a.default === undefined ? { name: a.name } : { name: a.name, default: a.default });

describe('ARG', () => {
  it('a stage ARG name and default are refused, or read back the same', () => {
    forAll(argHandle, (handle) => {
      const outcome = renderOrRefuse(() => app().arg(handle).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'ARG', 'USER']);
      expect(readArg(only(outcome.read, 'ARG').args)).toEqual(expectedArg(handle));
      return outcome;
    });
  });

  it('a global ARG from an image tag template is refused, or read back in ARG and FROM', () => {
    const tagDefault = fc.oneof({ arbitrary: fc.stringMatching(/^[\w][\w.-]{0,20}$/), weight: 3 }, { arbitrary: hostile(), weight: 1 });
    forAll(fc.tuple(varName(), tagDefault), ([name, def]) => {
      const version = arg(name, { default: def });
      const outcome = renderOrRefuse(() => stage('app').from(image(tpl`node:${version}`)).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['ARG', 'FROM', 'USER']);
      expect(readArg(only(outcome.read, 'ARG').args)).toEqual({ name, default: def });
      const from = splitWhitespace(only(outcome.read, 'FROM').args);
      expect(from).toHaveLength(3);
      expect(lexWord(from[0] ?? '')).toEqual(['node:', { kind: 'VarRef', name }]);
      return outcome;
    });
  });

  it('a global ARG used in FROM --platform is refused, or read back in ARG and the flag', () => {
    forAll(argHandle, (handle) => {
      const outcome = renderOrRefuse(() => app().platform(tpl`${handle}`).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['ARG', 'FROM', 'USER']);
      expect(readArg(only(outcome.read, 'ARG').args)).toEqual(expectedArg(handle));
      expect(lexWord(flag(only(outcome.read, 'FROM'), 'platform'))).toEqual([{ kind: 'VarRef', name: handle.name }]);
      return outcome;
    });
  });
});

describe('WORKDIR', () => {
  it('a path (literal or template) is refused, or read back the same', () => {
    const path = fc.oneof(
      { arbitrary: withPrefix('/').map((p) => ({ input: p as string | ReturnType<typeof makeTemplate>['template'], expected: [p] as Lexed })), weight: 4 },
      { arbitrary: templateParts().map((spec) => makeTemplate([{ literal: '/' }, ...spec])).map((t) => ({ input: t.template, expected: t.expected })), weight: 1 },
    );
    forAll(path, ({ input, expected }) => {
      const outcome = renderOrRefuse(() => app().workdir(input).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'WORKDIR', 'USER']);
      expectLexed(only(outcome.read, 'WORKDIR').args, expected);
      return outcome;
    });
  });
});

describe('USER', () => {
  it('a user spec is refused, or read back the same', () => {
    const spec: fc.Arbitrary<UserSpec> = fc.oneof(
      hostile(),
      fc.stringMatching(/^[a-z_][a-z0-9_-]{0,10}(:[a-z_][a-z0-9_-]{0,10})?$/),
      fc.integer({ min: -1, max: 4_000_000_000 }),
      fc.record({ uid: fc.integer({ min: 0, max: 70000 }), gid: fc.integer({ min: 0, max: 70000 }) }),
    );
    forAll(spec, (user) => {
      const outcome = renderOrRefuse(() => app().user(user));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'USER']);
      const text = typeof user === 'object' ? `${user.uid}:${user.gid}` : String(user);
      expect(lexLiteral(only(outcome.read, 'USER').args)).toBe(text);
      return outcome;
    });
  });
});

describe('EXPOSE', () => {
  it('ports are refused, or read back as the same ports (tcp written bare)', () => {
    const port = fc.oneof(
      fc.integer({ min: -2, max: 70000 }),
      fc.stringMatching(/^\d{1,5}(\/(tcp|udp|sctp|TCP))?$/),
      hostile(8),
    ) as fc.Arbitrary<PortSpec>;
    forAll(fc.array(port, { minLength: 1, maxLength: 3 }), (ports) => {
      const [first, ...rest] = ports as [PortSpec, ...PortSpec[]];
      const outcome = renderOrRefuse(() => app().expose(first, ...rest).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'EXPOSE', 'USER']);
      // Intended normalisation: the number without leading zeros, and /tcp (the default) left out.
      const expected = ports.map((p) => {
        const [n = '', proto = 'tcp'] = String(p).split('/');
        return proto === 'tcp' ? `${Number(n)}` : `${Number(n)}/${proto}`;
      });
      expect(splitWhitespace(only(outcome.read, 'EXPOSE').args).map(lexLiteral)).toEqual(expected);
      return outcome;
    });
  });
});

describe('STOPSIGNAL', () => {
  it('a signal is refused, or read back the same', () => {
    const signal = fc.oneof(hostile(12), fc.stringMatching(/^SIG[A-Z0-9]{1,8}([+-]\d{1,2})?$/), fc.integer({ min: -1, max: 200 }), printable(6));
    forAll(signal, (sig) => {
      const outcome = renderOrRefuse(() => app().stopSignal(sig).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'STOPSIGNAL', 'USER']);
      expect(lexLiteral(only(outcome.read, 'STOPSIGNAL').args)).toBe(String(sig));
      return outcome;
    });
  });
});
