import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, type SyntaxInstruction } from '@dockwright/core';
import { dumpInstruction } from './dump.js';

const parse = (text: string) => parseDockerfile(text);
const only = (text: string): SyntaxInstruction => {
  const result = parse(text);
  expect(result.errors).toEqual([]);
  return result.syntax.instructions.at(-1) as SyntaxInstruction;
};
const at = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
  `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

describe('parseDockerfile: lines and continuations', () => {
  it('joins continuation lines, drops comment lines inside them and keeps them as comments', () => {
    const { syntax } = parse('FROM alpine:3.20\nRUN apk add \\\n# the shell\n    bash \\\n  && echo done\n');
    const run = syntax.instructions[1] as SyntaxInstruction;
    expect(run.arguments.map((a) => a.value)).toEqual(['apk add     bash   && echo done']);
    expect(run.original).toBe('RUN apk add     bash   && echo done');
    expect(syntax.comments).toMatchObject([{ text: 'the shell', inContinuation: true, range: { start: { line: 3, column: 1 } } }]);
    expect(at(run.range)).toBe('2:1-5:15');
    expect(run.text).toBe('RUN apk add \\\n# the shell\n    bash \\\n  && echo done');
  });

  it('gives each flag and argument its line and column, across continuation lines', () => {
    const copy = only('FROM a AS b\nCOPY --from=b \\\n  --chown=1:1 /src   /dst\n');
    expect(copy.flags.map((f) => [f.name, f.value, at(f.range)])).toEqual([
      ['from', 'b', '2:6-2:14'],
      ['chown', '1:1', '3:3-3:14'],
    ]);
    expect(copy.arguments.map((a) => [a.value, at(a.range)])).toEqual([
      ['/src', '3:15-3:19'],
      ['/dst', '3:22-3:26'],
    ]);
    expect(at(copy.keywordRange)).toBe('2:1-2:5');
  });

  it('does not continue a line that ends in an escaped escape character', () => {
    const { syntax } = parse('FROM a\nENV P=C:\\\\\nENV Q=1\n');
    expect(syntax.instructions.map((i) => i.original)).toEqual(['FROM a', 'ENV P=C:\\\\', 'ENV Q=1']);
  });

  it('reads CRLF files and a byte-order mark', () => {
    const { syntax, errors } = parse('\ufeffFROM a\r\nRUN echo \\\r\n  hi\r\n');
    expect(errors).toEqual([]);
    expect(syntax.instructions.map(dumpInstruction)).toEqual(['from "a"', 'run "echo   hi"']);
    expect(syntax.instructions[0]?.range.start).toEqual({ line: 1, column: 2 });
  });

  it('warns once per instruction about empty continuation lines', () => {
    const { warnings, syntax } = parse('FROM a\nRUN a \\\n\n  b \\\n\n  c\n');
    expect(syntax.instructions[1]?.arguments[0]?.value).toBe('a   b   c');
    expect(warnings.map((w) => [w.code, w.range.start.line])).toEqual([['DW0008', 3]]);
  });

  it('keeps comments and blank lines between instructions', () => {
    const { syntax } = parse('# a\n\n# b\nFROM x\n\n# c\nRUN y\n');
    expect(syntax.instructions.map((i) => i.comments.map((c) => c.text))).toEqual([['a', 'b'], ['c']]);
    expect(syntax.blankLines).toEqual([2, 5]);
  });
});

describe('parseDockerfile: parser directives', () => {
  it('reads syntax, escape and check at the top only', () => {
    const { syntax } = parse('# syntax=docker/dockerfile:1.7\n#  ESCAPE = `\n# check=skip=all\n# escape=\\\nFROM a\n');
    expect(syntax.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1.7'],
      ['escape', '`'],
      ['check', 'skip=all'],
    ]);
    expect(syntax.escape).toBe('`');
    // The fourth line repeats escape: BuildKit refuses it.
    expect(parse('# escape=`\n# escape=\\\nFROM a\n').errors.map((e) => [e.code, e.range.start.line])).toEqual([['DW0003', 2]]);
  });

  it('stops reading directives at the first comment, blank line or instruction', () => {
    expect(parse('# hello\n# escape=`\nFROM a\n').syntax.escape).toBe('\\');
    expect(parse('\n# escape=`\nFROM a\n').syntax.directives).toEqual([]);
    expect(parse('# unknown=1\n# escape=`\nFROM a\n').syntax.escape).toBe('\\');
  });

  it('uses the backtick escape of Windows files', () => {
    const { syntax } = parse('# escape=`\nFROM windows\nCOPY C:\\src\\ `\n  C:\\dst\\\nRUN dir C:\\ `\n  && echo done\n');
    expect(syntax.instructions.map(dumpInstruction)).toEqual(['from "windows"', 'copy "C:\\\\src\\\\" "C:\\\\dst\\\\"', 'run "dir C:\\\\   && echo done"']);
  });

  it('refuses an escape directive other than \\ and `', () => {
    expect(parse('# escape=x\nFROM a\n').errors.map((e) => [e.code, e.range.start.line, e.range.start.column])).toEqual([['DW0003', 1, 1]]);
  });
});

describe('parseDockerfile: forms and arguments', () => {
  it('reads JSON form, and falls back to shell form silently like BuildKit', () => {
    expect(only('FROM a\nCMD ["a", "b c"]\n')).toMatchObject({ form: 'json', jsonFallback: false, arguments: [{ value: 'a' }, { value: 'b c' }] });
    expect(only("FROM a\nCMD ['a']\n")).toMatchObject({ form: 'shell', jsonFallback: true, arguments: [{ value: "['a']" }] });
    expect(only('FROM a\nCMD ["a"] b\n')).toMatchObject({ form: 'shell', jsonFallback: true });
    expect(only('FROM a\nRUN echo [x]\n')).toMatchObject({ form: 'shell', jsonFallback: false });
    const json = only('FROM a\nENTRYPOINT [ "x", \n');
    expect(json.form).toBe('shell');
  });

  it('gives JSON elements their places', () => {
    const cmd = only('FROM a\nCMD ["a", "b\\"c"]\n');
    expect(cmd.arguments.map((a) => [a.value, at(a.range)])).toEqual([
      ['a', '2:6-2:9'],
      ['b"c', '2:11-2:17'],
    ]);
  });

  it('reads ENV and LABEL pairs, quotes kept, and the legacy form', () => {
    const env = only('FROM a\nENV A=1 B="two words" C=x\\ y\n');
    expect(env.pairs.map((p) => [p.key, p.value, p.separator])).toEqual([
      ['A', '1', '='],
      ['B', '"two words"', '='],
      ['C', 'x\\ y', '='],
    ]);
    expect(at(env.pairs[1]?.range as never)).toBe('2:9-2:22');
    expect(only('FROM a\nENV PATH /usr/bin:/bin\n').pairs).toMatchObject([{ key: 'PATH', value: '/usr/bin:/bin', separator: '' }]);
    expect(only('FROM a\nLABEL a.b="x y" c=d\n').pairs.map((p) => p.key)).toEqual(['a.b', 'c']);
  });

  it('refuses ENV words without =, and blank names', () => {
    expect(parse('FROM a\nENV A=1 B\n').errors.map((e) => [e.code, at(e.range)])).toEqual([['DW0005', '2:9-2:10']]);
    expect(parse('FROM a\nENV =1\n').errors.map((e) => e.message)).toEqual(['ENV names can not be blank']);
  });

  it('reads ARG words, FROM words and the ONBUILD trigger', () => {
    expect(only('ARG A=1 B\nFROM a\n').keyword).toBe('FROM');
    expect(parse('ARG A=1 B\nFROM a\n').syntax.instructions[0]?.arguments.map((a) => a.value)).toEqual(['A=1', 'B']);
    expect(only('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n').arguments.map((a) => a.value)).toEqual(['golang:1.23', 'AS', 'build']);
    const onbuild = only('FROM a\nONBUILD COPY --from=x . /app\n');
    expect(onbuild.trigger).toMatchObject({ keyword: 'COPY', flags: [{ name: 'from', value: 'x' }], arguments: [{ value: '.' }, { value: '/app' }] });
    expect(at(onbuild.trigger?.keywordRange as never)).toBe('2:9-2:13');
  });

  it('ends flags at --, and reads keywords in any case', () => {
    const copy = only('FROM a\ncopy --link -- --weird /b\n');
    expect(copy).toMatchObject({ keyword: 'COPY', keywordText: 'copy', flags: [{ name: 'link', value: undefined }] });
    expect(copy.arguments.map((a) => a.value)).toEqual(['--weird', '/b']);
  });
});

describe('parseDockerfile: heredocs', () => {
  it('reads several heredocs on one line, in order', () => {
    const run = only("FROM a\nRUN <<EOF1 cat >/a && <<-'EOF2' cat >/b\necho 1\nEOF1\n\techo 2\n\tEOF2\nUSER x\n".replace('USER x\n', ''));
    expect(run.heredocs.map((h) => [h.name, h.expand, h.chomp, h.content, at(h.range)])).toEqual([
      ['EOF1', true, false, 'echo 1\n', '3:1-4:5'],
      ['EOF2', false, true, '\techo 2\n', '5:1-6:6'],
    ]);
    expect(at(run.range)).toBe('2:1-6:6');
  });

  it('reads quoted delimiters and file descriptors, COPY heredocs, and what follows them', () => {
    const { syntax, errors } = parse('FROM a\nCOPY <<"END" 3<<X /dst/\n$HOME\nEND\nX\nUSER 1\n');
    expect(errors).toEqual([]);
    expect(syntax.instructions[1]?.heredocs.map((h) => [h.name, h.expand, h.fileDescriptor, h.content])).toEqual([
      ['END', false, 0, '$HOME\n'],
      ['X', true, 3, ''],
    ]);
    expect(syntax.instructions[2]?.original).toBe('USER 1');
  });

  it('ignores << inside quotes, in exec form and in other instructions', () => {
    expect(only('FROM a\nRUN echo "<<EOF"\n').heredocs).toEqual([]);
    expect(only('FROM a\nRUN ["cat", "<<EOF"]\n').heredocs).toEqual([]);
    expect(only('FROM a\nENV A=<<EOF\n').heredocs).toEqual([]);
  });

  it('attaches heredocs of an ONBUILD trigger', () => {
    const onbuild = only('FROM a\nONBUILD RUN <<EOF\nls\nEOF\n');
    expect(onbuild.heredocs.map((h) => h.content)).toEqual(['ls\n']);
    expect(onbuild.trigger?.heredocs.map((h) => h.name)).toEqual(['EOF']);
  });

  it('refuses an unterminated heredoc at its instruction', () => {
    expect(parse('FROM a\nRUN <<EOF\necho\n').errors.map((e) => [e.code, at(e.range)])).toEqual([['DW0006', '2:1-2:10']]);
  });
});

describe('parseDockerfile: errors as data', () => {
  it('reports unknown instructions, flags and argument counts with their places', () => {
    const { errors, ok } = parse('FROM a b\nFORM x\nCOPY --form=b x y\nCOPY x\nWORKDIR\nONBUILD FROM b\nCOPY --link=maybe a b\nRUN --mount=a --mount=b --network=none --network=host x\n');
    expect(ok).toBe(false);
    expect(errors.map((e) => `${e.code}@${e.range.start.line}:${e.range.start.column}`)).toEqual([
      'DW0005@1:1',
      'DW0004@2:1',
      'DW0007@3:6',
      'DW0005@4:1',
      'DW0005@5:1',
      'DW0005@6:9',
      'DW0007@7:6',
      'DW0007@8:40',
    ]);
    for (const e of errors) expect(e.hint.length).toBeGreaterThan(5);
  });

  it('refuses a line of 64 KiB or more, as BuildKit does', () => {
    const long = `FROM a\nRUN echo ${'x'.repeat(64 * 1024)}\n`;
    expect(parse(long).errors.map((e) => [e.code, e.range.start.line])).toEqual([['DW0002', 2]]);
    expect(parse(`FROM a\nRUN ${'x'.repeat(65535 - 4)}\n`).errors).toEqual([]);
  });

  it('never throws, whatever the input', () => {
    const piece = fc.constantFrom('FROM a', 'RUN ', 'COPY ', 'ENV ', 'ONBUILD ', 'HEALTHCHECK ', '<<EOF', '<<-"E"', 'EOF', 'E', '\\', '`', '\n', '\r\n', '#', '# escape=`', '"', "'", '[', ']', '["a"', '=', '--', '--x=', ' ', '\t', '$', '{');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (pieces) => {
        const result = parseDockerfile(pieces.join(''));
        expect(result.ok).toBe(result.errors.length === 0);
        for (const issue of [...result.errors, ...result.warnings]) {
          expect(issue.range.start.line).toBeGreaterThan(0);
          expect(issue.range.start.column).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
