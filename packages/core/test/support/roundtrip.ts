// Render-and-read-back harness for the property tests.
//
// A value is either refused (tryDockerfile returns issues, or render() throws a DockwrightError),
// always with Dockwright codes, or the rendered text (as UTF-8 bytes would hold it) is read back
// twice and the two readings must agree on structure:
//   - dockerfile-ast (an independent parser): keywords, instruction count, flag names, directives,
//     arguments with continuations joined;
//   - the BuildKit port in buildkit-lexer.ts: the same, plus heredoc bodies and value semantics.
// The arguments must be the same text in both wherever they hold no backslash (dockerfile-ast's
// escape handling is not BuildKit's); slot decoders then decode them with BuildKit's rules. Where
// dockerfile-ast is known to read Dockwright's output differently (DISAGREEMENT), BuildKit wins.
// Every rendered text must also be in the canonical format (checkCanonical).
import { DockerfileParser, type Instruction as AstInstruction } from 'dockerfile-ast';
import { expect } from 'vitest';
import { codes, isDockwrightError, tryDockerfile, type DockerfileOptions, type DockwrightIssue, type Stage } from '@dockwright/core';
import { asUtf8, goTrimSpace, parseBuildKit, parseJson, splitFlag, type BuildKitHeredoc, type BuildKitInstruction } from './buildkit-lexer.js';

/** One instruction as both parsers read it. */
export interface ReadInstruction {
  /** Uppercase keyword. */
  readonly keyword: string;
  /** BuildKit's flags, split into name and value (quotes and backslashes already stripped). */
  readonly flags: readonly { readonly name: string; readonly value: string | undefined }[];
  /** The arguments as BuildKit reads them (equal to dockerfile-ast's getArgumentsContent() where comparable). */
  readonly args: string;
  /** Heredoc bodies as BuildKit reads them (every line with its `\n`). */
  readonly heredocs: readonly BuildKitHeredoc[];
  readonly ast: AstInstruction;
  /** The text dockerfile-ast parsed to produce `ast` (ranges are relative to it). */
  readonly astSource: string;
  readonly buildkit: BuildKitInstruction;
}

export interface ReadBack {
  readonly text: string;
  readonly instructions: readonly ReadInstruction[];
  readonly directives: readonly { readonly name: string; readonly value: string }[];
  /** dockerfile-ast's comments, by content (its trimming: space, tab, CR, LF). */
  readonly comments: readonly string[];
  /** 0-based physical line numbers inside heredoc bodies (verbatim user content). */
  readonly heredocLines: ReadonlySet<number>;
  /** Known dockerfile-ast/BuildKit disagreements met in this text (BuildKit's reading is used). */
  readonly disagreements: ReadonlySet<string>;
}

export type Outcome = { readonly refused: true; readonly codes: readonly string[] } | { readonly refused: false; readonly read: ReadBack };

const KNOWN_CODES = new Set(Object.keys(codes));

/** A cheap check for the hot path: expect() (with its diff) only runs when the check fails. */
function ensure(ok: boolean, message: string): void {
  if (!ok) expect.fail(message);
}

/** Deep equality through JSON first; expect().toEqual() only to report a difference. */
function same(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, message).toEqual(expected);
}

function assertCodes(issues: readonly DockwrightIssue[]): string[] {
  ensure(issues.length > 0, 'a refusal without issues');
  for (const i of issues) ensure(KNOWN_CODES.has(i.code), `unknown code ${i.code}`);
  return issues.map((i) => i.code);
}

/**
 * Builds and renders; a refusal must come as Dockwright issues (never another exception). When it
 * renders, checks the canonical-format invariants and reads the text back with both parsers.
 */
export function renderOrRefuse(build: () => Stage<boolean>, options: DockerfileOptions = {}): Outcome {
  let result;
  try {
    result = tryDockerfile(build(), options);
  } catch (e) {
    // tryDockerfile reports problems as data; building a stage never throws.
    throw new Error(`building or tryDockerfile() threw instead of returning issues: ${String(e)}`, { cause: e });
  }
  if (!result.ok) return { refused: true, codes: assertCodes(result.issues) };
  let text: string;
  try {
    text = result.dockerfile.render();
  } catch (e) {
    if (isDockwrightError(e)) return { refused: true, codes: assertCodes(e.issues) };
    throw e;
  }
  // (That rendering is pure is checked in program.test.ts.)
  return { refused: false, read: readBack(text) };
}

const encoder = new TextEncoder();
// Outside heredoc bodies nothing may break a line for any reader, and no tabs (canonical format).
const LINE_BREAKERS = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/u;

/** Canonical format: LF only, one final newline, no trailing blanks or tabs, lines under 64 KiB. */
export function checkCanonical(text: string, heredocLines: ReadonlySet<number>): void {
  ensure(!text.includes('\r'), 'a carriage return');
  ensure(text.endsWith('\n') && !text.endsWith('\n\n'), 'exactly one final newline');
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, n) => {
    // UTF-8 is at most 3 bytes per UTF-16 unit: only long lines need encoding.
    if (line.length * 3 >= 64 * 1024) ensure(encoder.encode(line).length < 64 * 1024, `line ${n + 1} is 64 KiB or more`);
    if (heredocLines.has(n)) return;
    ensure(!/[ \t]$/.test(line), `trailing blank on line ${n + 1}: ${JSON.stringify(line.slice(-40))}`);
    ensure(!line.includes('\t'), `tab on line ${n + 1}`);
    ensure(!LINE_BREAKERS.test(line), `control or line-breaking character on line ${n + 1}: ${JSON.stringify(line.slice(0, 80))}`);
  });
}

/**
 * Where dockerfile-ast and BuildKit disagree on text Dockwright renders. BuildKit wins: the
 * harness uses BuildKit's reading of the instruction, and where dockerfile-ast has run on past it,
 * dockerfile-ast re-reads the rest of the file from the line where BuildKit resumes. Each case is
 * pinned by a named test in property/disagreements.test.ts.
 */
export const DISAGREEMENT = {
  jsonFormHeredoc: 'dockerfile-ast reads a blank-preceded <<word inside a JSON-form COPY/ADD/RUN as a heredoc; BuildKit has no heredocs in JSON form',
  escapedBlank:
    'dockerfile-ast takes an escape character followed by blanks as escaping the next non-blank character: a line ending in `\\ \\` does not continue, and RUN arguments starting with `\\ ` lose it; BuildKit continues any line ending in the escape character, and passes `\\ x` to the shell',
  escapesInArguments: "dockerfile-ast's getArgumentsContent() is not the text BuildKit reads once a backslash appears (it drops a blank-preceded escaped character on continued lines)",
  heredocWithBackslash: "dockerfile-ast's heredoc content range is wrong when the body holds a backslash (it applies escapes inside the body); BuildKit reads the body raw",
  flagSearch:
    'dockerfile-ast keeps looking for RUN/COPY/ADD/FROM flags past any word that contains `--`, and unquotes words first (`RUN a-- --x`, `RUN \\--x`, `COPY ["a --x", "/b"]` give it a flag); BuildKit\'s flags end at the first word whose raw text does not start with `--`',
  looseDirectives:
    'dockerfile-ast takes a top comment with an = in it as a parser directive (`# "=`, `# FROM "=`) and keeps looking after it, so a later `# escape=` line changes its escape character; BuildKit accepts only `# name=value` with a [a-zA-Z][a-zA-Z0-9]* name and stops at the first other line',
  runsOnAfterEscapedBlank:
    'dockerfile-ast lets an escape character followed by blanks swallow the next non-blank character without leaving its after-continuation state, so a continued line such as `\\\\ "` ends still in that state and its line break continues the instruction into the next one; BuildKit ends any line that does not end in the escape character, and passes `\\\\ "` to the shell',
  commentAfterEscape:
    'dockerfile-ast stays in its after-continuation state across escape characters, so a continued line starting `\\\\#` opens a comment for it (and it runs on); BuildKit drops only lines whose first non-blank character is #',
} as const;

interface AstPiece {
  readonly instruction: AstInstruction;
  /** The text dockerfile-ast parsed (the whole file, or the part after a known disagreement). */
  readonly source: string;
}

const ESCAPED_BLANK_CONTINUATION = /\\[ \t]+\\[ \t]*$/;

/**
 * dockerfile-ast's processArguments() over a continued line, from its after-continuation state:
 * blanks and escape characters keep the state, an escape before blanks swallows the next
 * non-blank character without leaving it, a # in that state starts a comment, and any other
 * character leaves it. Still in that state at the line's end, it takes the line break as a
 * continuation and runs on into the next line.
 */
function astContinuedLine(line: string): 'comment' | 'runs on' | 'ends' {
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === ' ' || c === '\t') continue;
    if (c === '\\') {
      if (line[i + 1] === ' ' || line[i + 1] === '\t') {
        let j = i + 2;
        while (line[j] === ' ' || line[j] === '\t') j += 1;
        if (j >= line.length) return 'runs on';
        i = j;
      }
      continue;
    }
    return c === '#' ? 'comment' : 'ends';
  }
  return 'runs on';
}

/** A disagreement after which dockerfile-ast's instruction boundaries cannot be trusted. */
function structuralDisagreement(ast: AstInstruction, bk: BuildKitInstruction, physical: readonly string[]): string | undefined {
  const lines = physical.slice(bk.startLine - 1, bk.endLine);
  if (bk.command === 'run' && /^\\[ \t]/.test(bk.args)) return DISAGREEMENT.escapedBlank;
  if (lines.slice(0, -1).some((l) => ESCAPED_BLANK_CONTINUATION.test(l))) return DISAGREEMENT.escapedBlank;
  if (lines.slice(1).some((l) => !/^[ \t]*#/.test(l) && astContinuedLine(l) === 'comment')) return DISAGREEMENT.commentAfterEscape;
  // The last line of a continued instruction, which BuildKit ends because it does not end in the
  // escape character (bodies of heredocs aside: dockerfile-ast reads those another way).
  const last = lines[lines.length - 1] ?? '';
  if (lines.length > 1 && bk.heredocs.length === 0 && !/\\[ \t]*$/.test(last) && astContinuedLine(last) === 'runs on') return DISAGREEMENT.runsOnAfterEscapedBlank;
  if (['copy', 'add', 'run'].includes(bk.command) && bk.heredocs.length === 0 && parseJson(bk.args) !== undefined) {
    const heredocs = 'getHeredocs' in ast ? (ast as unknown as { getHeredocs(): unknown[] }).getHeredocs() : [];
    if (heredocs.length > 0) return DISAGREEMENT.jsonFormHeredoc;
  }
  return undefined;
}

/** Reads rendered text with both parsers, checks they agree on structure, and checks the format. */
export function readBack(text: string): ReadBack {
  // Both parsers read the file as it is on disk: UTF-8, where a lone surrogate has become U+FFFD.
  const disk = asUtf8(text);
  const bk = parseBuildKit(disk);
  const disagreements = new Set<string>();
  let df = DockerfileParser.parse(disk);
  let astText = disk;
  const directivesOf = (d: typeof df) => d.getDirectives().map((x) => ({ name: x.getName(), value: x.getValue() }));
  const firstAstDirective = directivesOf(df)[0];
  if (bk.directives.length === 0 && firstAstDirective !== undefined) {
    // BuildKit (whose directives the properties check) has none here; dockerfile-ast re-reads the
    // file below a blank line, which ends its directive block too.
    disagreements.add(DISAGREEMENT.looseDirectives);
    astText = `\n${disk}`;
    df = DockerfileParser.parse(astText);
  }
  same(directivesOf(df), bk.directives, 'dockerfile-ast and BuildKit see the same parser directives');

  // Pair the instructions, re-reading with dockerfile-ast after a known structural disagreement.
  const physical = disk.split('\n');
  let source = astText;
  let astList = df.getInstructions();
  let next = 0;
  const pieces: (AstPiece & { structural: string | undefined })[] = [];
  for (const b of bk.instructions) {
    const a = astList[next];
    if (a?.getKeyword() !== b.command.toUpperCase()) {
      expect(a?.getKeyword(), `dockerfile-ast and BuildKit see the same instructions (${bk.instructions.map((i) => i.command).join(', ')})`).toBe(b.command.toUpperCase());
    }
    const structural = structuralDisagreement(a as AstInstruction, b, physical);
    pieces.push({ instruction: a as AstInstruction, source, structural });
    next += 1;
    if (structural !== undefined) {
      disagreements.add(structural);
      source = physical.slice(b.endLine).join('\n');
      astList = DockerfileParser.parse(source).getInstructions();
      next = 0;
    }
  }
  ensure(astList.length === next, `dockerfile-ast sees ${astList.length - next} more instructions than BuildKit`);

  const heredocLines = new Set<number>();
  const instructions = bk.instructions.map((b, n): ReadInstruction => {
    const { instruction: ast, source: astSource, structural } = pieces[n] as AstPiece & { structural: string | undefined };
    const flags = b.flags.map(splitFlag);
    const lost = structural === DISAGREEMENT.escapedBlank || structural === DISAGREEMENT.commentAfterEscape || structural === DISAGREEMENT.runsOnAfterEscapedBlank;
    let extraAstFlags = false;
    if (!lost) {
      const astFlags = 'getFlags' in ast ? (ast as unknown as { getFlags(): { getName(): string }[] }).getFlags().map((f) => f.getName()) : [];
      extraAstFlags = ['run', 'copy', 'add', 'from'].includes(b.command) && astFlags.length > flags.length && b.args.includes('--');
      if (extraAstFlags) disagreements.add(DISAGREEMENT.flagSearch);
      same(extraAstFlags ? astFlags.slice(0, flags.length) : astFlags, flags.map((f) => f.name), `flags of ${b.command.toUpperCase()}`);
    }
    // dockerfile-ast's arguments run on into heredoc bodies (and past a JSON-form "heredoc");
    // BuildKit's stop at the end of the instruction's line.
    const astArgs = lost ? '' : goTrimSpace(b.heredocs.length > 0 || structural === DISAGREEMENT.jsonFormHeredoc ? (ast.getArgumentsContent() ?? '').split('\n')[0] ?? '' : (ast.getArgumentsContent() ?? ''));
    if (lost || extraAstFlags) {
      // Not comparable: dockerfile-ast ended the instruction, or its flags, elsewhere.
    } else if (b.heredocs.some((h) => h.content.includes('\\'))) {
      if (astArgs !== b.args) disagreements.add(DISAGREEMENT.heredocWithBackslash);
    } else if (b.args.includes('\\')) {
      if (astArgs !== b.args) disagreements.add(DISAGREEMENT.escapesInArguments);
    } else {
      if (astArgs !== b.args) expect(astArgs, `arguments of ${b.command.toUpperCase()}`).toBe(b.args);
    }
    const bodyLines = b.heredocs.reduce((sum, h) => sum + h.content.split('\n').length - 1 + 1, 0);
    for (let line = b.endLine - bodyLines; line < b.endLine; line += 1) heredocLines.add(line);
    return { keyword: b.command.toUpperCase(), flags, args: b.args, heredocs: b.heredocs, ast, astSource, buildkit: b };
  });
  checkCanonical(text, heredocLines);
  return { text, instructions, directives: bk.directives, comments: df.getComments().map((c) => c.getContent()), heredocLines, disagreements };
}

/** dockerfile-ast's heredoc contents of an instruction (it leaves out each body's final newline). */
export function astHeredocContents(instruction: ReadInstruction): (string | null)[] {
  const ast = instruction.ast as unknown as { getHeredocs?(): { getContentRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null }[] };
  const lines = instruction.astSource.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return (ast.getHeredocs?.() ?? []).map((h) => {
    const range = h.getContentRange();
    return range === null ? null : instruction.astSource.slice(offset(range.start), offset(range.end));
  });
}

/** The instruction keywords, in order. */
export function keywordsOf(read: ReadBack): string[] {
  return read.instructions.map((i) => i.keyword);
}

/** The one instruction with this keyword (fails when there is not exactly one). */
export function only(read: ReadBack, keyword: string): ReadInstruction {
  const found = read.instructions.filter((i) => i.keyword === keyword);
  ensure(found.length === 1, `${found.length} ${keyword} instructions, expected 1`);
  return found[0] as ReadInstruction;
}

/** The value of a flag (fails when the flag is not there exactly once). */
export function flag(instruction: ReadInstruction, name: string): string {
  const found = instruction.flags.filter((f) => f.name === name);
  ensure(found.length === 1, `${found.length} --${name} flags, expected 1`);
  const value = found[0]?.value;
  ensure(typeof value === 'string', `--${name} has no value`);
  return value as string;
}

/** Counts outcomes, so a property can show it did not refuse (or render) everything. */
export class Tally {
  rendered = 0;
  refused = 0;

  count(outcome: Outcome): Outcome {
    if (outcome.refused) this.refused += 1;
    else this.rendered += 1;
    return outcome;
  }

  toString(): string {
    return `${this.rendered} rendered, ${this.refused} refused`;
  }
}
