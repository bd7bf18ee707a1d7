// The inputs on which Dockwright's parser once disagreed with BuildKit, one per class, with
// BuildKit's verdict. Shared by the unit test (parser, port, format) and the real-build test.
import { expect } from 'vitest';
import type { DockerfileSyntax, ParseIssueCode } from '@dockwright/core';
import type { BuildKitParse } from '../support/buildkit-lexer.js';

export interface BuildKitClass {
  readonly name: string;
  readonly text: string;
  readonly buildkit: 'accepts' | 'refuses';
  /** For a refusal: the code Dockwright's parser gives. */
  readonly code?: ParseIssueCode;
  /**
   * True when the Docker engine's bundled frontend (Docker 20.10, Dockerfile syntax ~1.2, no
   * heredocs) reads it as current BuildKit does, so a real build judges it; otherwise BuildKit's
   * published source and tests are the judge.
   */
  readonly engine: boolean;
  /** What BuildKit reads, checked on our tree and the port's. */
  readonly reads?: (ours: DockerfileSyntax, port: BuildKitParse) => void;
  /** What format() must write. */
  readonly formats?: (text: string) => void;
}

const run = (ours: DockerfileSyntax) => ours.instructions[1];

export const BUILDKIT_CLASSES: readonly BuildKitClass[] = [
  {
    name: 'a blank after << still opens a heredoc: RUN cat << EOF',
    text: 'FROM busybox\nRUN cat << EOF\nhello\nEOF\n',
    buildkit: 'accepts',
    engine: false,
    reads: (ours, port) => {
      expect(run(ours)?.heredocs.map((h) => [h.name, h.content])).toEqual([['EOF', 'hello\n']]);
      expect(port.instructions[1]?.heredocs.map((h) => [h.name, h.content])).toEqual([['EOF', 'hello\n']]);
    },
    formats: (text) => expect(text).toBe('FROM busybox\nRUN cat << EOF\nhello\nEOF\n'),
  },
  {
    name: 'RUN << EOF without a body is an unterminated heredoc',
    text: 'FROM busybox\nRUN << EOF\n',
    buildkit: 'refuses',
    code: 'DW0006',
    engine: false,
  },
  {
    name: 'a Unicode blank after # still makes a directive: #\\u00a0syntax=...',
    text: '#\u00a0syntax=docker/dockerfile:1.7\nFROM busybox\n',
    buildkit: 'accepts',
    engine: false,
    reads: (ours, port) => {
      expect(ours.directives.map((d) => [d.name, d.value])).toEqual([['syntax', 'docker/dockerfile:1.7']]);
      expect(port.directives).toEqual([{ name: 'syntax', value: 'docker/dockerfile:1.7' }]);
    },
    formats: (text) => expect(text).toBe('# syntax=docker/dockerfile:1.7\n\nFROM busybox\n'),
  },
  {
    name: 'a vertical tab after # too: #\\vcheck=...',
    text: '#\vcheck=skip=JSONArgsRecommended\nFROM busybox\n',
    buildkit: 'accepts',
    engine: false,
    reads: (ours, port) => {
      expect(ours.directives.map((d) => [d.name, d.value])).toEqual([['check', 'skip=JSONArgsRecommended']]);
      expect(port.directives).toEqual([{ name: 'check', value: 'skip=JSONArgsRecommended' }]);
    },
  },
  {
    name: 'flags are read byte by byte: COPY --chown=é reads as its UTF-8 bytes',
    text: 'FROM busybox\nCOPY --chown=é a /b/\n',
    buildkit: 'accepts',
    engine: false,
    reads: (ours, port) => {
      expect(run(ours)?.flags.map((f) => f.text)).toEqual(['--chown=Ã©']);
      expect(port.instructions[1]?.flags).toEqual(['--chown=Ã©']);
    },
    formats: (text) => expect(text).toContain('COPY --chown=é a /b/\n'),
  },
  {
    name: 'the HEALTHCHECK type is read byte by byte: CMD\\u00a0x is no known type',
    text: 'FROM busybox\nHEALTHCHECK CMD\u00a0true\n',
    buildkit: 'refuses',
    code: 'DW0005',
    engine: true,
  },
  {
    name: 'heredoc body lines keep a CR before the LF',
    text: 'FROM busybox\r\nRUN <<EOF\r\necho hi\r\nEOF\r\n',
    buildkit: 'accepts',
    engine: false,
    reads: (ours, port) => {
      expect(run(ours)?.heredocs[0]?.content).toBe('echo hi\r\n');
      expect(port.instructions[1]?.heredocs[0]?.content).toBe('echo hi\r\n');
    },
    formats: (text) => expect(text).toBe('FROM busybox\nRUN <<EOF\necho hi\r\nEOF\n'),
  },
  {
    name: 'ONBUILD triggers are checked only by the child build: ONBUILD arG',
    text: 'FROM busybox\nONBUILD arG\n',
    buildkit: 'accepts',
    engine: true,
    // The image stores the trigger's text, so format() keeps it as written.
    formats: (text) => expect(text).toBe('FROM busybox\nONBUILD arG\n'),
  },
  {
    name: 'ONBUILD with an unknown trigger is accepted too',
    text: 'FROM busybox\nONBUILD COPY --bogus=1 a\n',
    buildkit: 'accepts',
    engine: true,
  },
  {
    name: 'ARG and STOPSIGNAL never read their flags',
    text: 'ARG --x=1 V=2\nFROM busybox\nSTOPSIGNAL --y SIGTERM\n',
    buildkit: 'accepts',
    engine: true,
  },
  {
    name: 'HEALTHCHECK NONE never reads its flags',
    text: 'FROM busybox\nHEALTHCHECK --interval=5 NONE\n',
    buildkit: 'accepts',
    engine: true,
  },
  { name: 'LABEL =x: a blank label name', text: 'FROM busybox\nLABEL =x\n', buildkit: 'refuses', code: 'DW0005', engine: true },
  { name: 'ARG =x: a blank argument name', text: 'ARG =x\nFROM busybox\n', buildkit: 'refuses', code: 'DW0005', engine: true },
  { name: 'COPY a <<EOF: a heredoc as the destination', text: 'FROM busybox\nCOPY a <<EOF\nx\nEOF\n', buildkit: 'refuses', code: 'DW0005', engine: false },
  { name: 'FROM a AS 1bad: a stage name starting with a digit', text: 'FROM busybox AS 1bad\n', buildkit: 'refuses', code: 'DW0005', engine: true },
  { name: 'FROM a AS Build: an upper-case stage name is read lower-cased', text: 'FROM busybox AS Build\n', buildkit: 'accepts', engine: true },
  { name: 'RUN --network=bogus', text: 'FROM busybox\nRUN --network=bogus true\n', buildkit: 'refuses', code: 'DW0007', engine: true },
  { name: 'RUN --security=bogus', text: 'FROM busybox\nRUN --security=bogus true\n', buildkit: 'refuses', code: 'DW0007', engine: true },
  { name: 'HEALTHCHECK --retries=x', text: 'FROM busybox\nHEALTHCHECK --retries=x CMD true\n', buildkit: 'refuses', code: 'DW0007', engine: true },
  { name: 'HEALTHCHECK --interval=5: a duration without a unit', text: 'FROM busybox\nHEALTHCHECK --interval=5 CMD true\n', buildkit: 'refuses', code: 'DW0007', engine: true },
  { name: 'HEALTHCHECK --timeout=500us: shorter than 1ms', text: 'FROM busybox\nHEALTHCHECK --timeout=500us CMD true\n', buildkit: 'refuses', code: 'DW0007', engine: true },
  { name: 'VOLUME [""]: an empty volume path', text: 'FROM busybox\nVOLUME [""]\n', buildkit: 'refuses', code: 'DW0005', engine: true },
  {
    name: 'NBSP, U+2003, \\f and \\v inside a shell command are not blanks to the shell',
    text: 'FROM busybox\nRUN echo a\u00a0b c\u2003d e\ff g\vh \\\n    i\n',
    buildkit: 'accepts',
    engine: true,
    formats: (text) => expect(text).toBe('FROM busybox\nRUN echo a\u00a0b c\u2003d e\ff g\vh \\\n        i\n'),
  },
  {
    name: 'blanks inside ${...} belong to the expansion',
    text: 'FROM busybox\nRUN echo ${x#  }   y\n',
    buildkit: 'accepts',
    engine: true,
    formats: (text) => expect(text).toBe('FROM busybox\nRUN echo ${x#  } y\n'),
  },
];
