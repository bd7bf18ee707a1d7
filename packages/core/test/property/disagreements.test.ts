// Where dockerfile-ast and BuildKit read Dockwright's output differently. BuildKit wins: the
// properties take values (and, in these cases, structure) from the BuildKit port. Each case here
// is text Dockwright renders today, read both ways.
import { DockerfileParser, type Env, type JSONInstruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { cacheMount, dockerfile, stage, tryDockerfile, type DockerfileOptions, type Stage } from '@dockwright/core';
import { lexLiteral, parseBuildKit, parseJson, parseKeyValues } from '../support/buildkit-lexer.js';
import { astHeredocContents, DISAGREEMENT, readBack } from '../support/roundtrip.js';

const app = () => stage('app').from('debian:12.8-slim');
const text = (s: Stage<boolean>, options: DockerfileOptions = {}) => {
  const result = tryDockerfile(s, options);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.dockerfile.render();
};
const astKeywords = (t: string) => DockerfileParser.parse(t).getInstructions().map((i) => i.getKeyword());
const bkKeywords = (t: string) => parseBuildKit(t).instructions.map((i) => i.command.toUpperCase());

describe('dockerfile-ast value accessors (brief)', () => {
  it('dockerfile-ast keeps \\$ inside quotes; BuildKit unescapes it', () => {
    const t = text(app().env({ A: 'x$y "q" \\z' }).user('10001'));
    expect(t).toContain('ENV A="x\\$y \\"q\\" \\\\z"');
    const env = DockerfileParser.parse(t).getENVs()[0] as Env;
    expect(env.getProperties()[0]?.getValue()).toBe('x\\$y "q" \\z');
    const [pair] = parseKeyValues(parseBuildKit(t).instructions[1]?.args ?? '');
    expect(lexLiteral(pair?.value ?? '')).toBe('x$y "q" \\z');
  });

  it("dockerfile-ast's getUnescapedValue() returns the raw text, quotes and escapes included", () => {
    const t = text(app().env({ A: 'x$y' }).user('10001'));
    const env = DockerfileParser.parse(t).getENVs()[0] as Env;
    expect(env.getProperties()[0]?.getUnescapedValue()).toBe('"x\\$y"');
  });

  it('dockerfile-ast getJSONStrings() drops spaces and \\u escapes; BuildKit decodes the JSON', () => {
    const argv: [string, ...string[]] = ['a b', 'é\u2028', 'x\ny'];
    const t = text(app().cmd(argv).user('10001'));
    expect(t).toContain('CMD ["a b", "é\\u2028", "x\\ny"]');
    const cmd = DockerfileParser.parse(t).getCMDs()[0] as unknown as JSONInstruction;
    expect(cmd.getJSONStrings().map((s) => s.getValue())).toEqual(['"ab"', '"é2028"', '"xy"']);
    expect(parseJson(parseBuildKit(t).instructions[1]?.args ?? '')).toEqual(argv);
  });
});

describe('structure', () => {
  it(`${DISAGREEMENT.jsonFormHeredoc}`, () => {
    const t = text(app().copy(['a <<b'], '/x/').user('10001'));
    expect(t).toContain('COPY ["a <<b", "/x/"]');
    expect(astKeywords(t)).toEqual(['FROM', 'COPY']);
    expect(bkKeywords(t)).toEqual(['FROM', 'COPY', 'USER']);
    expect(readBack(t).disagreements).toEqual(new Set([DISAGREEMENT.jsonFormHeredoc]));
  });

  it(`${DISAGREEMENT.escapedBlank} (a chained step ending in \\)`, () => {
    // `a\ && b`: the shell's `a\ ` (an escaped blank) then `&& b`; the renderer puts `&& b` on a new line.
    const t = text(app().run('a\\ && b').user('10001'));
    expect(t).toContain('RUN a\\ \\\n    && b\n');
    expect(astKeywords(t)).toEqual(['FROM', 'RUN', '&&', 'USER']);
    expect(parseBuildKit(t).instructions[1]?.args).toBe('a\\     && b');
    expect(readBack(t).disagreements).toEqual(new Set([DISAGREEMENT.escapedBlank]));
  });

  it(`${DISAGREEMENT.escapedBlank} (leading escaped blank)`, () => {
    const t = text(app().run('\\ x').user('10001'));
    expect(DockerfileParser.parse(t).getInstructions()[1]?.getArgumentsContent()).toBe('x');
    expect(parseBuildKit(t).instructions[1]?.args).toBe('\\ x');
  });

  it(DISAGREEMENT.commentAfterEscape, () => {
    const t = text(app().run('\\\\#x', { mounts: [cacheMount('/c')] }).user('10001'));
    expect(t).toContain('    \\\\#x\n');
    expect(astKeywords(t)).toEqual(['FROM', 'RUN']);
    expect(bkKeywords(t)).toEqual(['FROM', 'RUN', 'USER']);
    expect(parseBuildKit(t).instructions[1]?.args).toBe('\\\\#x');
  });

  it(DISAGREEMENT.runsOnAfterEscapedBlank, () => {
    // The shell gets `\\ "` (and would report the open quote); BuildKit reads the RUN, then the USER.
    for (const command of ['\\\\ "', "\\\\ '", '\\\\ x']) {
      const t = text(app().run(command, { mounts: [cacheMount('/c')] }).user('10001'));
      expect(t).toContain(`    ${command}\nUSER 10001\n`);
      expect(astKeywords(t)).toEqual(['FROM', 'RUN']);
      expect(bkKeywords(t)).toEqual(['FROM', 'RUN', 'USER']);
      expect(parseBuildKit(t).instructions[1]?.args).toBe(command);
      expect(readBack(t).disagreements).toEqual(new Set([DISAGREEMENT.runsOnAfterEscapedBlank]));
    }
  });

  it(DISAGREEMENT.flagSearch, () => {
    const run = text(app().run('a-- --network=host').user('10001'));
    const ast = DockerfileParser.parse(run).getInstructions()[1] as unknown as { getFlags(): { getName(): string }[] };
    expect(ast.getFlags().map((f) => f.getName())).toEqual(['network']);
    expect(parseBuildKit(run).instructions[1]).toMatchObject({ flags: [], args: 'a-- --network=host' });

    const copy = text(app().copy(['a-- --x'], '/b/').user('10001'));
    expect(copy).toContain('COPY ["a-- --x", "/b/"]');
    const astCopy = DockerfileParser.parse(copy).getInstructions()[1] as unknown as { getFlags(): { getName(): string }[] };
    expect(astCopy.getFlags().map((f) => f.getName())).toEqual(['x",']);
    expect(parseBuildKit(copy).instructions[1]?.flags).toEqual([]);
  });

  it(DISAGREEMENT.looseDirectives, () => {
    const t = text(app().user('10001'), { header: ['"=', 'escape=`'], syntax: 'none' });
    expect(t.startsWith('# "=\n# escape=`\n\nFROM ')).toBe(true);
    const df = DockerfileParser.parse(t);
    expect(df.getDirectives().map((d) => d.getName())).toEqual(['"', 'escape']);
    expect(df.getEscapeCharacter()).toBe('`');
    expect(parseBuildKit(t).directives).toEqual([]);
  });
});

describe('values', () => {
  it(DISAGREEMENT.escapesInArguments, () => {
    const t = text(app().run('a && \\x').user('10001'));
    expect(DockerfileParser.parse(t).getInstructions()[1]?.getArgumentsContent()).toBe('a     && ');
    expect(parseBuildKit(t).instructions[1]?.args).toBe('a     && \\x');
  });

  it(DISAGREEMENT.heredocWithBackslash, () => {
    const contents = (script: string) => {
      const run = readBack(text(app().run(script).user('10001'))).instructions[1];
      return { buildkit: run?.heredocs.map((h) => h.content), ast: astHeredocContents(run as NonNullable<typeof run>) };
    };
    // A last body line with a backslash: dockerfile-ast runs the body on into the delimiter.
    expect(contents('ab\\x\n')).toEqual({ buildkit: ['ab\\x\n'], ast: ['ab\\x\nEOF'] });
    // A body line starting with a backslash: dockerfile-ast ends or starts the body early.
    expect(contents('x\n\\y')).toEqual({ buildkit: ['x\n\\y\n'], ast: ['x'] });
    expect(contents('\\\\"\n')).toEqual({ buildkit: ['\\\\"\n'], ast: ['"'] });
  });
});
