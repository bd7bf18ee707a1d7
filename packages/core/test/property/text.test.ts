// Injection-proof rendering of comments, header lines, --mount option values and image
// references. Refused with Dockwright codes, or read back exactly, with no injected instruction
// and no parser directive other than the `# syntax` Dockwright writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindMount, cacheMount, image, secretMount, sshMount, stage, tmpfsMount, type MountValue } from '@dockwright/core';
import { hostile, printable, withPrefix } from '../support/arbitraries.js';
import { lexLiteral, parseMount, splitWhitespace, type Lexed } from '../support/buildkit-lexer.js';
import { forAll } from '../support/property.js';
import { flag, keywordsOf, only, renderOrRefuse } from '../support/roundtrip.js';

const app = () => stage('app').from('debian:12.8-slim');
/** dockerfile-ast's comment content: trimmed of space, tab, CR and LF only. */
const astTrim = (s: string) => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

describe('comments', () => {
  it('a comment is refused, or is one comment line with the same text (trailing blanks trimmed)', () => {
    forAll(hostile(), (text) => {
      const outcome = renderOrRefuse(() => app().comment(text).user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'USER']);
      expect(outcome.read.directives).toEqual([]);
      const lines = outcome.read.text.split('\n');
      expect(lines).toHaveLength(4);
      // Intended normalisation: trailing blanks are trimmed (canonical format).
      const kept = text.trimEnd();
      expect(lines[1]).toBe(kept === '' ? '#' : `# ${kept}`);
      expect(outcome.read.comments).toEqual([astTrim(kept)]);
      return outcome;
    });
  });
});

describe('header lines', () => {
  // Trailing blanks are left out here: a known format bug outside quote.ts (regressions.test.ts).
  const line = hostile(30).map((l) => l.split('\n').map((part) => part.trimEnd()).join('\n'));
  const directiveLike = fc.constantFrom('syntax=evil/frontend', 'escape=`', 'check=skip=all', ' escape = `', 'ESCAPE=\\');
  const header = fc.array(fc.oneof({ arbitrary: line, weight: 4 }, { arbitrary: directiveLike, weight: 1 }), { minLength: 1, maxLength: 3 });
  const syntax = fc.constantFrom<'none' | '1.4' | 'auto'>('none', '1.4', 'auto');

  it('header lines are refused, or are comment lines above the first instruction and never a directive', () => {
    forAll(fc.tuple(header, syntax, fc.boolean()), ([lines, version, asString]) => {
      const outcome = renderOrRefuse(() => app().user('10001'), { header: asString ? lines.join('\n') : lines, syntax: version });
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'USER']);
      expect(outcome.read.directives).toEqual(version === '1.4' ? [{ name: 'syntax', value: 'docker/dockerfile:1.4' }] : []);
      const physical = outcome.read.text.split('\n');
      let top = physical.slice(0, physical.findIndex((l) => l.startsWith('FROM ')));
      if (version === '1.4') {
        expect(top[0]).toBe('# syntax=docker/dockerfile:1.4');
        top = top.slice(1);
      }
      const comments = top.filter((l) => l !== '');
      // A header string is split on LF by design; an array's elements are single lines.
      const expected = asString ? lines.join('\n').split('\n') : lines;
      expect(comments).toEqual(expected.map((l) => (l === '' ? '#' : `# ${l}`)));
      return outcome;
    });
  });
});

/** The `--mount` option values as BuildKit reads them (CSV fields, each value lexed). */
function mountOptions(value: string): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const [key, v] of parseMount(value)) out[key] = v === true ? true : (v as Lexed).join('');
  return out;
}

describe('--mount option values', () => {
  const value = fc.oneof({ arbitrary: withPrefix('/', printable(10)), weight: 2 }, { arbitrary: hostile(16), weight: 2 }, { arbitrary: fc.stringMatching(/^\/?[A-Za-z0-9_.\/@:+~%-]{1,20}$/), weight: 2 });
  const mount = fc.oneof(
    fc.tuple(value, fc.option(value, { nil: undefined })).map(([target, id]) => ({
      make: (): MountValue => cacheMount(target, id === undefined ? {} : { id }),
      expected: { type: 'cache', ...(id === undefined ? {} : { id }), target },
    })),
    fc.tuple(value, fc.option(value, { nil: undefined }), fc.option(fc.oneof(value, fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/)), { nil: undefined })).map(([id, target, env]) => ({
      make: (): MountValue => secretMount(id, { ...(target === undefined ? {} : { target }), ...(env === undefined ? {} : { env }) }),
      expected: { type: 'secret', id, ...(target === undefined ? {} : { target }), ...(env === undefined ? {} : { env }) },
    })),
    fc.tuple(value, fc.option(value, { nil: undefined })).map(([target, source]) => ({
      make: (): MountValue => bindMount(target, source === undefined ? {} : { source }),
      expected: { type: 'bind', target, ...(source === undefined ? {} : { source }) },
    })),
    value.map((target) => ({ make: (): MountValue => tmpfsMount(target), expected: { type: 'tmpfs', target } })),
    fc.tuple(fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined })).map(([id, target]) => ({
      make: (): MountValue => sshMount({ ...(id === undefined ? {} : { id }), ...(target === undefined ? {} : { target }) }),
      expected: { type: 'ssh', ...(id === undefined ? {} : { id }), ...(target === undefined ? {} : { target }) },
    })),
  );

  it('mount option values are refused, or read back as the same options', () => {
    forAll(
      mount,
      ({ make, expected }) => {
        const outcome = renderOrRefuse(() => app().run('true').withMounts(make()).user('10001'), { syntax: 'none' });
        if (outcome.refused) return outcome;
        expect(keywordsOf(outcome.read)).toEqual(['FROM', 'RUN', 'USER']);
        const run = only(outcome.read, 'RUN');
        expect(run.flags.map((f) => f.name)).toEqual(['mount']);
        expect(mountOptions(flag(run, 'mount'))).toEqual(expected);
        expect(run.args).toBe('true');
        return outcome;
      },
    );
  });
});

describe('image references', () => {
  const host = fc.constantFrom('', 'ghcr.io/', 'localhost:5000/', '[::1]:5000/', 'registry-1.docker.io/', 'a.b-c.example:443/');
  const path = fc.stringMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:__[a-z0-9]+)?)?$/);
  const tag = fc.oneof({ arbitrary: fc.stringMatching(/^[\w][\w.-]{0,30}$/), weight: 3 }, { arbitrary: printable(8), weight: 1 });
  const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}`);
  const valid = fc.tuple(host, path, tag, fc.option(digest, { nil: undefined })).map(([h, p, t, d]) => `${h}${p}:${t}${d === undefined ? '' : `@${d}`}`);
  const reference = fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostile(24), weight: 1 }, { arbitrary: fc.tuple(valid, hostile(6)).map(([v, h]) => v + h), weight: 1 });

  it('FROM: a reference is refused, or read back the same', () => {
    forAll(reference, (ref) => {
      const outcome = renderOrRefuse(() => stage('app').from(ref as 'a:b').user('10001'));
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'USER']);
      const words = splitWhitespace(only(outcome.read, 'FROM').args);
      expect(words.map(lexLiteral)).toEqual([ref, 'AS', 'app']);
      return outcome;
    });
  });

  it('FROM ... pinDigest(): a digest is refused, or read back after the reference', () => {
    const pin = fc.oneof(digest, hostile(20), printable(10).map((t) => `sha256:${t}`));
    forAll(fc.tuple(valid.filter((v) => !v.includes('@')), pin), ([ref, d]) => {
      const outcome = renderOrRefuse(() => stage('app').from(ref as 'a:b').pinDigest(d as 'sha256:x').user('10001'));
      if (outcome.refused) return outcome;
      expect(splitWhitespace(only(outcome.read, 'FROM').args).map(lexLiteral)).toEqual([`${ref}@${d}`, 'AS', 'app']);
      return outcome;
    });
  });

  it('a cache mount from an image: the reference is refused, or read back in from=', () => {
    forAll(reference, (ref) => {
      const outcome = renderOrRefuse(() => app().run('true').withMounts(cacheMount('/c', { from: image(ref as 'a:b') })).user('10001'), { syntax: 'none' });
      if (outcome.refused) return outcome;
      expect(mountOptions(flag(only(outcome.read, 'RUN'), 'mount'))).toEqual({ type: 'cache', target: '/c', from: ref });
      return outcome;
    });
  });
});

describe('stage names', () => {
  it('a stage name is refused, or read back in FROM ... AS and COPY --from', () => {
    const name = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}$/), weight: 2 }, { arbitrary: hostile(12), weight: 1 });
    forAll(name, (n) => {
      const outcome = renderOrRefuse(() => {
        const build = stage(n as 'build').from('debian:12.8-slim');
        return app().copy(build, '/out', '/out').user('10001');
      });
      if (outcome.refused) return outcome;
      expect(keywordsOf(outcome.read)).toEqual(['FROM', 'FROM', 'COPY', 'USER']);
      const from = splitWhitespace(outcome.read.instructions[0]?.args ?? '').map(lexLiteral);
      expect(from).toEqual(['debian:12.8-slim', 'AS', n]);
      expect(lexLiteral(flag(only(outcome.read, 'COPY'), 'from'))).toBe(n);
      return outcome;
    });
  });
});
