// The differential harness: a value goes into one slot of the public API, and either the builder
// refuses it with Dockwright codes, or the rendered text, read by the BuildKit-faithful reader
// (buildkit-reader.ts), holds exactly that value in exactly that place, and nothing else changed.
// Anything else is an escape: a value that renders and reads back as another value, an
// instruction added or lost, a reader error (BuildKit would refuse the file), or a crash.
// The unit suite (property/slots.test.ts) and `pnpm fuzz` (scripts/fuzz.ts) both run it.
import type fc from 'fast-check';
import { codes, isDockwrightError, tryDockerfile, type DockerfileOptions, type Stage } from '@dockwright/core';
import { asUtf8, normalizeParts, type Lexed } from './buildkit-lexer.js';
import { readDockerfile, type ReadFile, type ReadInstruction } from './buildkit-reader.js';

/** What goes into `dockerfile()`: the final stage and the options. */
export interface Program {
  readonly stage: Stage<boolean>;
  readonly options?: DockerfileOptions;
}

/** One slot of the public API: a generator of values, how the value goes in, and where it must come back. */
export interface Slot<T = unknown> {
  /** `method(): what`, as the table lists it. */
  readonly slot: string;
  /** The builder method or public function whose argument this slot is (the coverage test reads it). */
  readonly method: string;
  readonly value: fc.Arbitrary<T>;
  /** The program with the value in the slot (building may record problems; it must not throw). */
  readonly make: (value: T) => Program | Stage<boolean>;
  /** Throws (with `differ`) unless the file holds exactly the value where the slot puts it. */
  readonly check: (file: ReadFile, value: T, text: string) => void;
}

/** A typed row of the table, widened for the list. */
export function slot<T>(row: Slot<T>): Slot {
  return row as unknown as Slot;
}

export type Verdict = { readonly kind: 'refused'; readonly codes: readonly string[] } | { readonly kind: 'read' } | { readonly kind: 'escape'; readonly reason: string; readonly text?: string };

const KNOWN = new Set(Object.keys(codes));

/** A difference between what went in and what BuildKit reads. */
export class Difference extends Error {
  override readonly name = 'Difference';
}

/** Throws a Difference unless `actual` and `expected` are the same data. */
export function differ(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Difference(`${what}: read ${a}, expected ${e}`);
}

function refusal(issues: readonly { code: string }[]): Verdict {
  const found = issues.map((i) => i.code);
  const unknown = found.filter((c) => !KNOWN.has(c));
  if (found.length === 0 || unknown.length > 0) return { kind: 'escape', reason: `refused without a known code (${found.join(', ') || 'none'})` };
  return { kind: 'refused', codes: found };
}

/** Runs one value through one slot. Never throws: an unexpected exception is an escape. */
export function runSlot<T>(row: Slot<T>, value: T): Verdict {
  let program: Program;
  try {
    const made = row.make(value);
    program = 'stage' in made && !('kind' in made) ? (made as Program) : { stage: made as Stage<boolean> };
  } catch (e) {
    // Functions that return plain values (arg, tpl, imageEnv, oci) throw their refusal at once.
    if (isDockwrightError(e)) return refusal(e.issues);
    return { kind: 'escape', reason: `building threw ${String(e)}` };
  }
  let text: string;
  try {
    const result = tryDockerfile(program.stage, program.options);
    if (!result.ok) return refusal(result.issues);
    text = result.dockerfile.render();
  } catch (e) {
    if (isDockwrightError(e)) return refusal(e.issues);
    return { kind: 'escape', reason: `tryDockerfile() or render() threw ${String(e)}` };
  }
  try {
    // BuildKit reads the UTF-8 file, where a lone surrogate would already be U+FFFD.
    const file = readDockerfile(asUtf8(text));
    row.check(file, value, text);
    return { kind: 'read' };
  } catch (e) {
    return { kind: 'escape', reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e), text };
  }
}

/** Counts of a run. */
export class Counts {
  cases = 0;
  refused = 0;
  read = 0;
  escapes = 0;

  add(v: Verdict): void {
    this.cases += 1;
    if (v.kind === 'refused') this.refused += 1;
    else if (v.kind === 'read') this.read += 1;
    else this.escapes += 1;
  }

  toString(): string {
    return `cases ${this.cases} · refused ${this.refused} · read back ${this.read} · escapes ${this.escapes}`;
  }
}

// ---- helpers for the checks -------------------------------------------------------------------

/** What a literal value lexes back to: itself, or nothing for ''. */
export function lit(value: string): Lexed {
  return value === '' ? [] : [value];
}

/** Literal parts and variables, merged as the lexer returns them. */
export const parts = normalizeParts;

/** The keywords of the file's instructions, in order. */
export function keywords(file: ReadFile): string[] {
  return file.instructions.map((i) => i.keyword);
}

/** The file has exactly these instructions; returns them. */
export function shape(file: ReadFile, expected: readonly string[]): readonly ReadInstruction[] {
  differ(keywords(file), expected, 'instructions');
  return file.instructions;
}

/** The one instruction at `index`, which must have this keyword. */
export function at<K extends ReadInstruction['keyword']>(file: ReadFile, index: number, keyword: K): InstructionOf<K> {
  const i = file.instructions[index];
  if (i?.keyword !== keyword) throw new Difference(`instruction ${index + 1} is ${i?.keyword ?? 'missing'}, expected ${keyword}`);
  return i as InstructionOf<K>;
}

/** The read instructions whose keyword can be K (ENV and LABEL share a shape). */
export type InstructionOf<K extends string> = ReadInstruction extends infer R ? (R extends { readonly keyword: infer W } ? (K extends W ? R : never) : never) : never;

/** An instruction's meaning alone, without its flags and lines (for comparing with expected data). */
export function meaning(i: ReadInstruction | undefined): unknown {
  if (i === undefined) return undefined;
  const { flags: _flags, startLine: _start, endLine: _end, ...rest } = i;
  return rest;
}

/** A flag's values as data: `[{ value: [...] }]`, `[{ bool: true }]`... */
export function flags(i: ReadInstruction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, values] of i.flags) out[name] = values.map((v) => ('mount' in v ? Object.fromEntries(v.mount) : v));
  return out;
}

/**
 * The commands and words a POSIX shell reads from a command the builder generated (useradd,
 * adduser, package lists): blanks split words, an unquoted `&&` splits commands, '...' is
 * literal, `\x` is x. Throws on any other character a generated command must not hold unquoted
 * (`$`, a backquote, a glob, an operator): it would mean something to the shell.
 */
export function shellCommands(command: string): string[][] {
  const commands: string[][] = [[]];
  let word = '';
  let inWord = false;
  const end = () => {
    if (inWord) (commands[commands.length - 1] as string[]).push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i] as string;
    if (c === ' ' || c === '\t') {
      end();
      continue;
    }
    if (c === '&' && command[i + 1] === '&' && !inWord) {
      commands.push([]);
      i += 1;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) throw new Difference(`unterminated ' in ${JSON.stringify(command)}`);
      word += command.slice(i + 1, close);
      i = close;
    } else if (c === '\\') {
      word += command[i + 1] ?? '';
      i += 1;
    } else if (/[$`"*?[\]{}|&;<>()!]/.test(c) || (word === '' && (c === '#' || c === '~'))) {
      throw new Difference(`unquoted ${JSON.stringify(c)} in generated command ${JSON.stringify(command)}`);
    } else {
      word += c;
    }
  }
  end();
  return commands;
}

/** The words of one generated command (see `shellCommands`). */
export function shellWords(command: string): string[] {
  const [only, ...more] = shellCommands(command);
  if (more.length > 0) throw new Difference(`more than one command in ${JSON.stringify(command)}`);
  return only ?? [];
}

/** The text BuildKit sees for a JS string (a lone surrogate becomes U+FFFD). */
export { asUtf8 };
