// The reader's instruction semantics, on cases whose BuildKit behaviour is documented or pinned by
// BuildKit's own tests (instructions/parse_test.go, parse_heredoc_test.go, dispatchers).
import { describe, expect, it } from 'vitest';
import { readDockerfile, ReadError } from './buildkit-reader.js';

const read = (text: string) => readDockerfile(text).instructions;
const v = (name: string) => ({ kind: 'VarRef' as const, name });

describe('readDockerfile', () => {
  it('ENV and LABEL pairs: keys literal, values lexed', () => {
    expect(read('FROM a\nENV A="x y" B=$C\n')[1]).toMatchObject({ keyword: 'ENV', pairs: [{ key: 'A', value: ['x y'] }, { key: 'B', value: [v('C')] }] });
  });

  it('a COPY source matching ^\\d*<< is an inline file, in JSON form too; an escaped one is a path', () => {
    expect(read('FROM a\nCOPY ["<<x", "/d/"]\n')[1]).toMatchObject({ sources: [{ heredoc: 'x', content: '' }] });
    expect(read('FROM a\nCOPY ["\\\\<<x", "/d/"]\n')[1]).toMatchObject({ sources: [{ path: ['<<x'] }] });
    expect(read('FROM a\nCOPY <<EOF /d/f\nhello\nEOF\n')[1]).toMatchObject({ sources: [{ heredoc: 'EOF', content: 'hello\n' }] });
    expect(() => read('FROM a\nCOPY ["x", "<<d"]\n')).toThrow(ReadError);
  });

  it('flag values: quotes and backslashes removed by the flag reader, then lexed', () => {
    expect([...(read('FROM --platform="$P\\\\\\"" a\n')[0]?.flags ?? [])]).toEqual([['platform', [{ value: [v('P'), '"'] }]]]);
    expect(() => read('FROM a\nCOPY --form=x a b\n')).toThrow('unknown flag --form');
    expect(() => read('FROM a\nCOPY --chown=1 --chown=2 a b\n')).toThrow('duplicate flag --chown');
  });

  it('VOLUME trims each path (and refuses an empty one); WORKDIR and USER are one word', () => {
    expect(read('FROM a\nVOLUME [" /v "]\n')[1]).toMatchObject({ values: [['/v']] });
    expect(() => read('FROM a\nVOLUME [" "]\n')).toThrow('can not be an empty string');
    expect(read('FROM a\nWORKDIR "/a b"\nUSER 1:2\n').slice(1)).toMatchObject([{ value: ['/a b'] }, { value: ['1:2'] }]);
  });

  it('RUN, CMD: exec form as argv, shell form as text, heredoc bodies raw', () => {
    expect(read('FROM a\nCMD ["a", "$B"]\n')[1]).toMatchObject({ command: { exec: ['a', '$B'] } });
    expect(read("FROM a\nRUN <<'EOF'\necho $X\nEOF\n")[1]).toMatchObject({ command: { shell: "<<'EOF'", heredocs: [{ content: 'echo $X\n', expand: false }] } });
    expect(read('FROM a\nRUN --mount=type=cache,target=/c,uid=0 true\n')[1]?.flags.get('mount')).toEqual([{ mount: new Map([['type', ['cache']], ['target', ['/c']], ['uid', ['0']]]) }]);
  });

  it('ONBUILD reads its trigger; ONBUILD FROM is refused', () => {
    expect(read('FROM a\nONBUILD COPY x /y\n')[1]).toMatchObject({ keyword: 'ONBUILD', trigger: { keyword: 'COPY', sources: [{ path: ['x'] }] } });
    expect(() => read('FROM a\nONBUILD FROM b\n')).toThrow(ReadError);
  });
});
