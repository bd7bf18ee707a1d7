// Named examples of the escaping bugs the properties found, and of the ones still open.
// Fixed ones: each was a value that rendered and read back differently, or injected an instruction.
import { describe, expect, it } from 'vitest';
import { arg, image, imageEnv, isDockwrightError, stage, tpl, tryDockerfile, type DockerfileOptions, type Stage } from '@dockwright/core';
import { lexWord, parseBuildKit, parseJson, parseMaybeJsonToList } from '../support/buildkit-lexer.js';
import { readBack } from '../support/roundtrip.js';

const app = () => stage('app').from('debian:12.8-slim');

/** The codes a stage is refused with (by tryDockerfile, or by render()), or the rendered text. */
function outcome(s: Stage<boolean>, options: DockerfileOptions = {}): { codes: string[] } | { text: string } {
  const result = tryDockerfile(s, options);
  if (!result.ok) return { codes: result.issues.map((i) => i.code) };
  try {
    return { text: result.dockerfile.render() };
  } catch (e) {
    if (isDockwrightError(e)) return { codes: e.issues.map((i) => i.code) };
    throw e;
  }
}

const rendered = (s: Stage<boolean>, options: DockerfileOptions = {}) => {
  const o = outcome(s, options);
  if ('codes' in o) throw new Error(`refused: ${o.codes.join(', ')}`);
  return o.text;
};

describe('fixed: variable names are written only when $NAME reads back as NAME', () => {
  it('an imageEnv name with a line feed no longer injects an instruction', () => {
    // Was: ENV P=/x:$X}\nRUN evil
    expect(outcome(app().env({ P: tpl`/x:${imageEnv('X}\nRUN evil')}` }).user('10001'))).toEqual({ codes: ['DW6009'] });
  });

  it('an ARG name used in an image tag no longer injects an instruction', () => {
    // Was: ARG X\nRUN evil=1 ... FROM node:$X\nRUN evil AS app
    const version = arg('X\nRUN evil', { default: '1' });
    expect(outcome(stage('app').from(image(tpl`node:${version}`)).user('10001'))).toEqual({ codes: ['DW6009'] });
  });

  it('an empty variable name is refused (was: a literal $)', () => {
    expect(outcome(app().env({ A: tpl`${imageEnv('')}` }).user('10001'))).toEqual({ codes: ['DW6009'] });
  });

  it('a variable followed by a non-ASCII letter is written ${NAME}: BuildKit reads $_À as the name _À', () => {
    const t = rendered(app().env({ A: tpl`${imageEnv('_')}À` }).user('10001'));
    expect(t).toContain('ENV A="${_}À"');
    expect(lexWord('"${_}À"')).toEqual([{ kind: 'VarRef', name: '_' }, 'À']);
  });
});

describe('fixed: one-line values reaching the renderer unchecked', () => {
  it('an ARG default used in FROM --platform with a line feed no longer injects an instruction', () => {
    // Was: ARG P="\nRUN evil"
    const p = arg('P', { default: '\nRUN evil' });
    expect(outcome(app().platform(tpl`${p}`).user('10001'))).toEqual({ codes: ['DW7001'] });
  });

  it('a lone surrogate is refused in one-line slots (the UTF-8 file would hold U+FFFD)', () => {
    const refused = outcome(app().env({ A: 'x\uD800' }).user('10001'));
    expect(refused).toEqual({ codes: ['DW7001'] });
    const result = tryDockerfile(app().label({ a: '\uDFFF' }).user('10001'));
    expect(!result.ok && result.issues[0]?.message).toContain('lone surrogate');
  });

  it('a lone surrogate is refused in exec form (Go decodes "\\ud800" to U+FFFD)', () => {
    expect(outcome(app().cmd(['x\uD800']).user('10001'))).toEqual({ codes: ['DW7001'] });
  });
});

describe('fixed: JSON forms', () => {
  it('a BOM starting a JSON-form COPY element is escaped: Go text/scanner drops it from the start of a word', () => {
    const t = rendered(app().copy('\uFEFFa b', '/x').user('10001'));
    const args = parseBuildKit(t).instructions[1]?.args ?? '';
    expect(parseMaybeJsonToList(args).words.map(lexWord)).toEqual([['\uFEFFa b'], ['/x']]);
  });

  it('NEL, DEL and the other C1 controls are escaped in exec-form JSON, like U+2028 and U+2029', () => {
    const t = rendered(app().cmd(['a\u0085b\u007f\u009b\u2028']).user('10001'));
    expect(t).toContain('CMD ["a\\u0085b\\u007f\\u009b\\u2028"]');
    expect(parseJson(parseBuildKit(t).instructions[1]?.args ?? '')).toEqual(['a\u0085b\u007f\u009b\u2028']);
  });
});

describe('fixed: shell-form RUN that BuildKit would read as something else', () => {
  it('a command starting with -- is refused (was: a RUN flag, e.g. --network=host)', () => {
    expect(outcome(app().run('--network=host echo hi').user('10001'))).toEqual({ codes: ['DW7003'] });
  });

  it('a command that is a JSON array is refused (was: the exec form)', () => {
    expect(outcome(app().run('["echo", "hi"]').user('10001'))).toEqual({ codes: ['DW7003'] });
    // `[ -f x ]` is not JSON: it stays a shell command.
    expect(rendered(app().run('[ -f x ] && echo').user('10001'))).toContain('RUN [ -f x ] \\\n    && echo\n');
  });

  it('a template command is checked as a literal one: trailing backslash, <<, leading #, empty', () => {
    const x = imageEnv('X');
    expect(outcome(app().run(tpl`echo ${x} \\`).user('10001'))).toEqual({ codes: ['DW7003'] });
    expect(outcome(app().run(tpl`cat <<${x}`).user('10001'))).toEqual({ codes: ['DW5004'] });
    expect(outcome(app().run(tpl`# ${x}`).user('10001'))).toEqual({ codes: ['DW7003'] });
    expect(outcome(app().run(tpl``).user('10001'))).toEqual({ codes: ['DW5007'] });
    expect(outcome(app().run(tpl`   `).user('10001'))).toEqual({ codes: ['DW5007'] });
  });

  it('a template command is trimmed like a literal one (was: a trailing blank on the line)', () => {
    const t = rendered(app().run(tpl`  echo ${imageEnv('X')}  `).user('10001'));
    expect(t).toContain('RUN echo $X\n');
  });
});

describe('fixed after review', () => {
  it('a lone surrogate in a heredoc script is refused (was: the file held U+FFFD)', () => {
    expect(outcome(app().run('echo \uD800\ntrue').user('10001'))).toEqual({ codes: ['DW7001'] });
  });

  it('a header line with trailing blanks renders without them', () => {
    const o = outcome(app().user('10001'), { header: ['generated  '] });
    expect('text' in o && o.text.split('\n').some((l) => / $/.test(l))).toBe(false);
    expect('text' in o && o.text.includes('# generated\n')).toBe(true);
  });

  it('a non-ASCII --exclude pattern is refused (BuildKit reads flag values as bytes)', () => {
    expect(outcome(app().copy('.', '/app/', { exclude: ['é*'] }).user('10001'), { syntax: 'none' })).toEqual({ codes: ['DW6014'] });
  });
});
