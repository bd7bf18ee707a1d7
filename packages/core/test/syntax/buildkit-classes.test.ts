// The classes of input where Dockwright's parser once read a Dockerfile differently from BuildKit.
// Each case says what BuildKit does with it: accept (and then what it reads) or refuse. The
// verdicts come from BuildKit's published parser, instruction layer and tests (moby/buildkit
// frontend/dockerfile/parser, instructions, shell/lex.go); those the Docker engine's bundled
// frontend can judge are also built for real in e2e/buildkit-classes.e2e.test.ts. The parser, the
// test-only port of BuildKit (support/buildkit-lexer.ts) and format() must all agree with it.
import { describe, expect, it } from 'vitest';
import { format, parseDockerfile } from '@dockwright/core';
import { instructionError, LexError, parseBuildKit, type BuildKitParse } from '../support/buildkit-lexer.js';
import { BUILDKIT_CLASSES, type BuildKitClass } from './buildkit-classes.js';

/** The port's verdict: what it reads, or the message BuildKit refuses the file with. */
function port(text: string): { ok: true; parse: BuildKitParse } | { ok: false; message: string } {
  let parse: BuildKitParse;
  try {
    parse = parseBuildKit(text);
  } catch (error) {
    if (error instanceof LexError) return { ok: false, message: error.message };
    throw error;
  }
  for (const ins of parse.instructions) {
    const message = instructionError(ins);
    if (message !== undefined) return { ok: false, message };
  }
  return { ok: true, parse };
}

/** What BuildKit reads from a file it accepts, as the port reports it; shell text up to sh's blanks. */
function reading(parse: BuildKitParse): unknown {
  return {
    directives: parse.directives,
    instructions: parse.instructions.map((i) => ({
      command: i.command,
      flags: i.flags,
      args: i.command === 'run' || i.command === 'cmd' ? i.args.split(/[ \t]+/) : i.args,
      heredocs: i.heredocs,
    })),
  };
}

function check(c: BuildKitClass): void {
  const ours = parseDockerfile(c.text);
  const theirs = port(c.text);
  if (c.buildkit === 'refuses') {
    expect(ours.ok, 'parser').toBe(false);
    expect(ours.errors.map((e) => e.code)).toContain(c.code);
    expect(theirs.ok, 'port').toBe(false);
    expect(format(c.text).ok, 'format').toBe(false);
    return;
  }
  expect(ours.errors, 'parser').toEqual([]);
  if (!theirs.ok) throw new Error(`the port refuses it: ${theirs.message}`);
  c.reads?.(ours.syntax, theirs.parse);
  const once = format(c.text);
  if (!once.ok) throw new Error(`format refuses it: ${once.errors.map((e) => e.message).join('; ')}`);
  // Formatting never changes what BuildKit reads, and is idempotent.
  const after = port(once.text);
  if (!after.ok) throw new Error(`the port refuses the formatted text: ${after.message}`);
  expect(reading(after.parse), once.text).toEqual(reading(theirs.parse));
  const twice = format(once.text);
  expect(twice.ok && twice.text).toBe(once.text);
  c.formats?.(once.text);
}

describe('where BuildKit reads differently: parser, port and format() agree with it', () => {
  for (const c of BUILDKIT_CLASSES) it(`${c.name} (${c.buildkit === 'accepts' ? 'BuildKit accepts' : 'BuildKit refuses'})`, () => check(c));
});
