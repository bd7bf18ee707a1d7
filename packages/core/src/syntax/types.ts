/**
 * The syntax tree of a written Dockerfile, as BuildKit's parser reads it.
 *
 * The tree is lossless enough to lint, format and import a file: every instruction keeps its
 * keyword, flags, arguments, form, heredocs, leading comments, its BuildKit "original" line and
 * the exact source text, and every node carries source positions. Values are the strings BuildKit's
 * parser produces (quotes and escapes are still in them where BuildKit keeps them).
 */

import type { DockwrightCode } from '../errors/codes.js';
import type { Issue } from '../errors/issue.js';
import type { Position, Range } from '../errors/range.js';

/** A place in the source: 1-based line and 1-based column (UTF-16 code units); the `Position` of an issue's range. */
export type SourcePosition = Position;

/** A span of source: `start` is the first character, `end` the position just after the last; the `Range` of an issue. */
export type SourceRange = Range;

/** A parser directive at the top of the file: `# syntax=...`, `# escape=...` or `# check=...`. */
export interface SyntaxDirective {
  readonly kind: 'directive';
  /** Lower-case name: `syntax`, `escape` or `check`. */
  readonly name: 'syntax' | 'escape' | 'check';
  /** The value, trimmed. */
  readonly value: string;
  /** The whole line as written. */
  readonly text: string;
  readonly range: SourceRange;
}

/** A comment line. BuildKit ignores it; Dockwright keeps it for formatting and suppressions. */
export interface SyntaxComment {
  readonly kind: 'comment';
  /** The text after `#`, with the blanks around it trimmed. */
  readonly text: string;
  /** The whole line as written, leading blanks included. */
  readonly raw: string;
  /** True when the comment sits inside a continued instruction (BuildKit drops such lines). */
  readonly inContinuation: boolean;
  readonly range: SourceRange;
}

/** A leading `--name=value` word of an instruction. */
export interface SyntaxFlag {
  /** The name without dashes: `from` for `--from=build`. */
  readonly name: string;
  /** The value after `=`, unquoted; `undefined` for a bare flag such as `--link`. */
  readonly value: string | undefined;
  /**
   * The flag as BuildKit reports it, unquoted: `--from=build`. BuildKit reads flags byte by byte,
   * so non-ASCII text comes out as its UTF-8 bytes read as Latin-1 (`--chown=é` is `--chown=Ã©`).
   */
  readonly text: string;
  /** The flag as written in the logical line, quotes and escapes included. */
  readonly source: string;
  readonly range: SourceRange;
}

/** One argument of an instruction, as BuildKit's parser splits it. */
export interface SyntaxArgument {
  /** The string BuildKit's parser produces for this argument. */
  readonly value: string;
  readonly range: SourceRange;
}

/** One `key=value` (or legacy `key value`) pair of ENV or LABEL. */
export interface SyntaxPair {
  /** The key as written. */
  readonly key: string;
  /** The value as BuildKit's parser keeps it: quotes and escapes still in it. */
  readonly value: string;
  /** `'='` for `key=value`, `''` for the legacy `KEY name value` form. */
  readonly separator: '=' | '';
  readonly range: SourceRange;
}

/** A heredoc attached to RUN, COPY or ADD: `<<EOF`, `<<-EOF`, `<<'EOF'`, `3<<EOF`. */
export interface SyntaxHeredoc {
  /** The delimiter word with its quotes removed. */
  readonly name: string;
  /** False when the delimiter was quoted: the body is not expanded. */
  readonly expand: boolean;
  /** True for `<<-`: leading tabs are stripped from the body. */
  readonly chomp: boolean;
  /** The file descriptor before `<<` (0 when absent). */
  readonly fileDescriptor: number;
  /** The body: every line up to the delimiter, each ending in `\n`, exactly as written. */
  readonly content: string;
  /** From the first body line to the end of the delimiter line. */
  readonly range: SourceRange;
}

/** The instructions BuildKit knows, upper case. */
export type SyntaxKeyword =
  | 'ADD'
  | 'ARG'
  | 'CMD'
  | 'COPY'
  | 'ENTRYPOINT'
  | 'ENV'
  | 'EXPOSE'
  | 'FROM'
  | 'HEALTHCHECK'
  | 'LABEL'
  | 'MAINTAINER'
  | 'ONBUILD'
  | 'RUN'
  | 'SHELL'
  | 'STOPSIGNAL'
  | 'USER'
  | 'VOLUME'
  | 'WORKDIR';

/** One instruction: a logical line (continuations joined) plus its heredoc bodies. */
export interface SyntaxInstruction {
  readonly kind: 'instruction';
  /** Upper-case keyword. Unknown keywords are kept as written, upper-cased, with an error. */
  readonly keyword: SyntaxKeyword | (string & {});
  /** The keyword as written (`run`, `Run`, `RUN`). */
  readonly keywordText: string;
  readonly keywordRange: SourceRange;
  readonly flags: readonly SyntaxFlag[];
  /**
   * `'json'` when the arguments were a valid JSON array of strings (exec form for RUN, CMD,
   * ENTRYPOINT, SHELL, HEALTHCHECK CMD; JSON form for ADD, COPY, VOLUME), else `'shell'`.
   */
  readonly form: 'json' | 'shell';
  /**
   * True when the arguments start with `[` but are not a JSON array of strings, so BuildKit
   * silently reads them as shell form (`CMD ['a']` runs `/bin/sh -c "['a']"`).
   */
  readonly jsonFallback: boolean;
  /**
   * The arguments as BuildKit's parser splits them: one string for shell-form RUN/CMD/ENTRYPOINT/
   * SHELL and single-value instructions, words for FROM/EXPOSE/ARG/ADD/COPY/VOLUME, array
   * elements for JSON form, the type (`CMD`, `NONE`) then the command for HEALTHCHECK, the words
   * for ENV/LABEL (see `pairs`). Empty for ONBUILD (see `trigger`).
   */
  readonly arguments: readonly SyntaxArgument[];
  /** ENV and LABEL pairs; empty for other instructions. */
  readonly pairs: readonly SyntaxPair[];
  /** The heredocs of RUN, COPY or ADD (and of an ONBUILD trigger), in order. */
  readonly heredocs: readonly SyntaxHeredoc[];
  /** For ONBUILD: the instruction it records. */
  readonly trigger?: SyntaxInstruction;
  /** The comment lines between the previous instruction (or the directives) and this one. */
  readonly comments: readonly SyntaxComment[];
  /** BuildKit's "original": the logical line, continuations joined, comment lines dropped. */
  readonly original: string;
  /** Offsets in `original` where each continuation line begins (empty for a one-line instruction). */
  readonly breaks: readonly number[];
  /** The exact source text: every physical line of the instruction and its heredocs. */
  readonly text: string;
  /** From the keyword to the end of the last line (heredoc delimiter included). */
  readonly range: SourceRange;
}

/** Codes of problems found while parsing (`DW0xxx`, listed in `codes`). */
export type ParseIssueCode = Extract<DockwrightCode, `DW0${string}`>;

/** A problem found while parsing, as data: an `Issue` whose `where.range` is also kept as `range`. */
export interface ParseIssue extends Issue<ParseIssueCode> {
  /** `'error'`: BuildKit refuses the file; `'warning'`: BuildKit reads it but warns. */
  readonly severity: 'error' | 'warning';
  /** How to fix it. */
  readonly hint: string;
  readonly range: SourceRange;
  readonly where: { readonly range: SourceRange };
}

/** A parsed Dockerfile. */
export interface DockerfileSyntax {
  readonly kind: 'dockerfile';
  readonly directives: readonly SyntaxDirective[];
  /** The escape character in effect: `\` or `` ` `` (from `# escape=`). */
  readonly escape: '\\' | '`';
  readonly instructions: readonly SyntaxInstruction[];
  /** Every comment of the file in source order, those inside continuations included. */
  readonly comments: readonly SyntaxComment[];
  /** 1-based numbers of the blank lines outside instructions and heredocs. */
  readonly blankLines: readonly number[];
  /** Number of physical lines in the source. */
  readonly lineCount: number;
}

/** What `parseDockerfile` returns: the tree and the problems, never an exception. */
export interface ParseResult {
  readonly syntax: DockerfileSyntax;
  /** Problems BuildKit refuses (the tree holds everything that could be read). */
  readonly errors: readonly ParseIssue[];
  /** Problems BuildKit reads past with a warning. */
  readonly warnings: readonly ParseIssue[];
  /** True when there are no errors. */
  readonly ok: boolean;
}
