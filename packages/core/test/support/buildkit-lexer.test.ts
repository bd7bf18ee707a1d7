// Unit tests of the BuildKit port itself, against behaviours BuildKit documents or tests
// (shell/envVarTest, parser testfiles). With the corpus (see corpus.ts), the port's parse of every
// buildkit-parser/testfiles case is compared with BuildKit's own dump.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  extractBuilderFlags,
  goTrimSpace,
  LexError,
  lexLiteral,
  lexWord,
  parseBuildKit,
  parseCsvRecord,
  parseHealthConfig,
  parseJson,
  parseKeyValues,
  parseMaybeJson,
  parseMaybeJsonToList,
  parseMount,
  parseWords,
  splitCommand,
  splitWhitespace,
  type BuildKitInstruction,
  type Lexed,
} from './buildkit-lexer.js';
import { describeCorpus } from './corpus.js';

const v = (name: string) => ({ kind: 'VarRef' as const, name });

describe('lexWord (shell/lex.go ProcessWord)', () => {
  it.each<[string, Lexed]>([
    // The cases the brief names.
    ['"a\\b"', ['a\\b']],
    ['a\\ b', ['a b']],
    ["'a\\b'", ['a\\b']],
    // shell/envVarTest (A = all platforms).
    ['hello', ['hello']],
    ["he'll'o", ['hello']],
    ["he\\'llo", ["he'llo"]],
    ['abc\\tdef', ['abctdef']],
    ['"abc\\tdef"', ['abc\\tdef']],
    ['"abc\\\\tdef"', ['abc\\tdef']],
    ["'abc\\tdef'", ['abc\\tdef']],
    ['hello\\', ['hello']],
    ['hello\\\\', ['hello\\']],
    ['"hel\'lo"', ["hel'lo"]],
    ["'hello\\'", ['hello\\']],
    ["'hello\\there'", ['hello\\there']],
    ['"\'\'"', ["''"]],
    ['$.', ['$.']],
    ['he$.x', ['he$.x']],
    ['he\\$PWD', ['he$PWD']],
    ['"he\\$PWD"', ['he$PWD']],
    ["'he\\$PWD'", ['he\\$PWD']],
    ['he\\${}', ['he${}']],
    ['he$PWD', ['he', v('PWD')]],
    ['he${PWD}x', ['he', v('PWD'), 'x']],
    ['he\\\\$PWD', ['he\\', v('PWD')]],
    ['he$1x', ['he', v('1'), 'x']],
    ['"a$B c"', ['a', v('B'), ' c']],
    ['$é', [v('é')]],
    // Inside double quotes a backslash before anything but " $ \ stays.
    ['"a\\\'b\\`c"', ["a\\'b\\`c"]],
    // text/scanner skips a BOM as the very first character of a word, and only there.
    ['\uFEFFa', ['a']],
    ['a\uFEFF', ['a\uFEFF']],
    ['\\\uFEFFa', ['\uFEFFa']],
    ['""', []],
  ])('%j', (word, expected) => {
    expect(lexWord(word)).toEqual(expected);
  });

  it.each(["he'llo", "he\\\\'llo", '"hello', '"hello\\"', "'hello", 'he${}', 'he${', 'he${PWD', '"a\\'])('refuses %j as BuildKit does', (word) => {
    expect(() => lexWord(word)).toThrow(LexError);
  });

  it('refuses the variable modifiers it does not model, rather than guess', () => {
    expect(() => lexWord('${A:-x}')).toThrow(/not modelled/);
    expect(() => lexWord('${A#x}')).toThrow(/not modelled/);
  });

  it('lexLiteral refuses variable references', () => {
    expect(lexLiteral('a\\$b')).toBe('a$b');
    expect(() => lexLiteral('a$b')).toThrow(LexError);
  });
});

describe('line parsers (parser/line_parsers.go)', () => {
  it('parseWords keeps quotes and escapes, splits on unicode spaces outside quotes', () => {
    expect(parseWords('a="x y" b=\\"c d\u00a0e')).toEqual(['a="x y"', 'b=\\"c', 'd', 'e']);
    expect(parseWords('a="x\\" y" b')).toEqual(['a="x\\" y"', 'b']);
    expect(parseWords("a='x\\' b")).toEqual(["a='x\\'", 'b']);
    expect(parseWords('a=""')).toEqual(['a=""']);
  });

  it('parseKeyValues splits each word on its first =', () => {
    expect(parseKeyValues('A="x=y" B=')).toEqual([
      { key: 'A', value: '"x=y"' },
      { key: 'B', value: '' },
    ]);
    expect(() => parseKeyValues('A b')).toThrow(/legacy/);
    expect(() => parseKeyValues('A=1 b')).toThrow(/can't find =/);
  });

  it('splitWhitespace splits on ASCII blanks only', () => {
    expect(splitWhitespace('a  b\tc\u00a0d')).toEqual(['a', 'b', 'c\u00a0d']);
  });

  it('parseJson: only a JSON array of strings after unicode spaces; else shell form', () => {
    expect(parseJson('\u00a0["a", "b c"]')).toEqual(['a', 'b c']);
    expect(parseJson("['a']")).toBeUndefined();
    expect(parseJson('["a"] x')).toBeUndefined();
    expect(parseJson('["\\ud800"]')).toEqual(['\uFFFD']);
    expect(() => parseJson('[1]')).toThrow(/strings only/);
    expect(parseMaybeJson('[ -f x ]')).toEqual({ json: false, text: '[ -f x ]' });
    expect(parseMaybeJsonToList('a  "b c"')).toEqual({ json: false, words: ['a', '"b', 'c"'] });
  });

  it('parseHealthConfig: the type word, then the command', () => {
    expect(parseHealthConfig('CMD ["a"]')).toEqual({ type: 'CMD', command: { json: true, argv: ['a'] } });
  });
});

describe('flags (parser/split_command.go)', () => {
  it('extractBuilderFlags takes leading --words, strips quotes and backslashes', () => {
    expect(extractBuilderFlags('--a=1 --b="x y" rest --c')).toEqual({ rest: 'rest --c', flags: ['--a=1', '--b=x y'] });
    expect(extractBuilderFlags('--a=\\$x -- --b')).toEqual({ rest: ' --b', flags: ['--a=$x'] });
    expect(extractBuilderFlags('-a b')).toEqual({ rest: '-a b', flags: [] });
  });

  it('extractBuilderFlags reads bytes, so non-ASCII comes out as Latin-1 mojibake', () => {
    expect(extractBuilderFlags('--x=é y').flags).toEqual(['--x=Ã©']);
    // U+00E0 is C3 A0 in UTF-8, and A0 is NBSP as a rune: the flag word ends in the middle.
    expect(extractBuilderFlags('--x=à y').flags).toEqual(['--x=Ã']);
  });

  it('splitCommand lowercases the keyword and trims unicode spaces', () => {
    expect(splitCommand('  COPY --from=a  x y\u3000')).toEqual({ command: 'copy', flags: ['--from=a'], args: 'x y' });
    expect(goTrimSpace('\u00a0a\uFEFF ')).toBe('a\uFEFF');
  });

  it('parseMount reads CSV fields and lexes each value', () => {
    expect(parseCsvRecord('a=1,"b=x,y",c')).toEqual(['a=1', 'b=x,y', 'c']);
    expect(() => parseCsvRecord('a="b"')).toThrow(/bare "/);
    const m = parseMount('type=cache,target=/x,ReadOnly');
    expect(m.get('target')).toEqual(['/x']);
    expect(m.get('readonly')).toBe(true);
  });
});

describe('parseBuildKit (parser/parser.go)', () => {
  it('joins continuations, drops comment lines inside them, keeps heredoc bodies raw', () => {
    const text = ['# syntax=docker/dockerfile:1.4', '', 'FROM a', 'RUN x \\', '# gone', '    && y', "RUN <<'EOF'", 'b \\', '  EOF', 'EOF', 'USER 1', ''].join('\n');
    const parsed = parseBuildKit(text);
    expect(parsed.directives).toEqual([{ name: 'syntax', value: 'docker/dockerfile:1.4' }]);
    expect(parsed.instructions.map((i) => i.command)).toEqual(['from', 'run', 'run', 'user']);
    expect(parsed.instructions[1]?.args).toBe('x     && y');
    expect(parsed.instructions[2]?.heredocs).toEqual([{ name: 'EOF', expand: false, chomp: false, content: 'b \\\n  EOF\n' }]);
  });

  it('a line ending in an escaped backslash is not a continuation (BuildKit 0.12+)', () => {
    const parsed = parseBuildKit('FROM a\nENV C=x\\\\\nENV D=y\n');
    expect(parsed.instructions.map((i) => i.args)).toEqual(['a', 'C=x\\\\', 'D=y']);
  });

  it('refuses a physical line of 64 KiB or more', () => {
    expect(() => parseBuildKit(`FROM a\nLABEL a=${'x'.repeat(65536)}\n`)).toThrow(/max allowed size/);
    expect(parseBuildKit(`FROM a\nLABEL a=${'x'.repeat(65535 - 8)}\n`).instructions).toHaveLength(2);
  });

  it('a directive-like comment counts only at the very top', () => {
    expect(parseBuildKit('# check=skip=all\nFROM a\n').directives).toEqual([{ name: 'check', value: 'skip=all' }]);
    expect(parseBuildKit('\n# check=skip=all\nFROM a\n').directives).toEqual([]);
    expect(parseBuildKit('# x\n# syntax=y\nFROM a\n').directives).toEqual([]);
  });
});

// ---- the BuildKit parser corpus as the oracle ----------------------------------------

/** Go's strconv.Quote, for the characters the corpus holds. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x22: '\\"', 0x5c: '\\\\' };
    const n = named[cp];
    if (n !== undefined) out += n;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The values BuildKit's per-keyword line parser puts after the keyword in Node.Dump(). */
function nodeValues(i: BuildKitInstruction): string[] | { sub: BuildKitInstruction } {
  const rest = i.args;
  switch (i.command) {
    case 'env':
    case 'label': {
      const words = parseWords(rest);
      if (words.length === 0) return [];
      if (!(words[0] ?? '').includes('=')) {
        const m = /^(.*?)[\t\v\f\r ]+([\s\S]*)$/.exec(rest);
        return m === null ? [rest] : [m[1] ?? '', m[2] ?? '', ''];
      }
      return parseKeyValues(rest).flatMap((kv) => [kv.key, kv.value, '=']);
    }
    case 'arg':
      return parseWords(rest);
    case 'from':
    case 'expose':
      return splitWhitespace(rest);
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell': {
      if (rest === '') return [];
      const r = parseMaybeJson(rest);
      return r.json ? r.argv : [r.text];
    }
    case 'copy':
    case 'add':
    case 'volume':
      return parseMaybeJsonToList(rest).words;
    case 'healthcheck': {
      if (rest === '') return [];
      const h = parseHealthConfig(rest);
      const cmd = h.command.json ? h.command.argv : h.command.text === '' ? [] : [h.command.text];
      return [h.type, ...cmd];
    }
    case 'onbuild': {
      const sub = splitCommand(rest);
      return { sub: { ...i, ...sub } };
    }
    default:
      return rest === '' ? [] : [rest];
  }
}

function dump(i: BuildKitInstruction): string {
  const flags = i.flags.length > 0 ? ` [${i.flags.map(goQuote).join(' ')}]` : '';
  const values = nodeValues(i);
  const tail = Array.isArray(values) ? values.map((x) => ` ${goQuote(x)}`).join('') : ` ${dump(values.sub)}`;
  return `(${i.command}${flags}${tail})`;
}

describeCorpus('parseBuildKit against the buildkit-parser corpus', (corpusDir) => {
  const dir = join(corpusDir, 'buildkit-parser', 'testfiles');
  const cases = readdirSync(dir).sort();
  const source = (name: string) => readFileSync(join(dir, name, 'Dockerfile'), 'utf8');
  // The port models the default escape token only.
  const escaped = (name: string) => {
    try {
      parseBuildKit(source(name));
      return false;
    } catch (e) {
      return e instanceof LexError && /escape token/.test(e.message);
    }
  };
  it.each(cases.filter((c) => !escaped(c)))('%s', (name) => {
    const expected = readFileSync(join(dir, name, 'result'), 'utf8').trimEnd();
    expect(parseBuildKit(source(name)).instructions.map(dump).join('\n')).toBe(expected);
  });
  // The cases the port refuses are exactly those that set another escape token, and it says so.
  it('refuses exactly the cases with an `# escape=` directive, naming the escape token', () => {
    // Directives are the leading `# key=value` lines only: one after a comment is a comment.
    const directives = (text: string) => {
      const lines = text.split('\n');
      const end = lines.findIndex((l) => !/^#\s*[a-z]+\s*=/i.test(l));
      return lines.slice(0, end === -1 ? lines.length : end);
    };
    const withDirective = cases.filter((c) => directives(source(c)).some((l) => /^#\s*escape\s*=\s*`/i.test(l)));
    expect(withDirective.length).toBeGreaterThan(0);
    expect(cases.filter(escaped)).toEqual(withDirective);
  });
});
