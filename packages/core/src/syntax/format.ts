import { parseDockerfile } from './parse-dockerfile.js';
import { parseIssue } from './parse-issue.js';
import { printComment, printWithComments } from './print-syntax-instruction.js';
import { sameMeaning } from './syntax-meaning.js';
import type { ParseIssue } from './types.js';

/** What `format` returns: the formatted text, or the problems that stop formatting. */
export type FormatResult =
  | {
      readonly ok: true;
      /** The file in the canonical format. */
      readonly text: string;
      /** True when `text` differs from the input. */
      readonly changed: boolean;
      /** Warnings of the parse (the formatted text no longer has the empty continuation lines). */
      readonly warnings: readonly ParseIssue[];
    }
  | { readonly ok: false; readonly errors: readonly ParseIssue[] };

const LOOKS_LIKE_DIRECTIVE = /^#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;

/**
 * Formats a Dockerfile in Dockwright's canonical format (docs/format.md): upper-case keywords,
 * flags in a fixed order, single spaces, `&&` chains one per line, pairs one per line, one blank
 * line before each stage and one wherever the source set groups apart with blank lines, LF line
 * ends. Comments stay beside the lines they describe (a comment inside a continued shell command
 * stays at its line), and the meaning is unchanged: the output is parsed again and compared with
 * the input, and a difference is reported instead of written. It never throws.
 *
 * @example
 * ```ts
 * import { format } from '@dockwright/core';
 *
 * const result = format('from alpine:3.20 as base\nrun apk add curl &&   rm -rf /tmp/*\n');
 * if (result.ok) console.log(result.text);
 * // FROM alpine:3.20 AS base
 * // RUN apk add curl \
 * //     && rm -rf /tmp/*
 * ```
 */
export function format(text: string): FormatResult {
  const parsed = parseDockerfile(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { syntax } = parsed;
  const escape = syntax.escape;
  const out: string[] = [];
  for (const d of syntax.directives) out.push(`# ${d.name}=${d.value}`);
  if (out.length > 0) out.push('');
  const blank = new Set(syntax.blankLines);
  const outside = new Map(syntax.comments.filter((c) => !c.inContinuation).map((c) => [c.range.start.line, c]));
  const dangling: ParseIssue[] = [];
  const pushBlank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  // The comments and blank lines between two instructions, in source order; runs of blank lines become one.
  const between = (from: number, to: number) => {
    for (let line = from; line < to; line++) {
      const comment = outside.get(line);
      if (comment !== undefined) out.push(printComment(comment));
      else if (blank.has(line)) pushBlank();
    }
  };

  let previousEnd = syntax.directives.reduce((end, d) => Math.max(end, d.range.start.line), 0);
  syntax.instructions.forEach((node, index) => {
    const nextStart = syntax.instructions[index + 1]?.range.start.line ?? Number.POSITIVE_INFINITY;
    const continued = syntax.comments.filter((c) => c.inContinuation && c.range.start.line > node.range.start.line && c.range.start.line < nextStart);
    const inside = continued.filter((c) => c.range.start.line <= node.range.end.line);
    // One blank line before each stage, and where the source had blank lines inside a stage.
    if (index > 0 && node.keyword === 'FROM') pushBlank();
    between(previousEnd + 1, node.range.start.line);
    const { lines: printed, above } = printWithComments(node, escape, inside);
    for (const comment of above) out.push(printComment(comment));
    const last = (printed[printed.length - 1] ?? '').replace(/[ \t]+$/, '');
    // A last line ending in a lone escape character would continue into the next line.
    if (last.endsWith(escape) && !last.endsWith(escape + escape)) {
      dangling.push(parseIssue('DW0010', `${node.keyword} on line ${node.range.start.line} ends in the escape character ${escape}, which would join the next line once formatted`, `quote the value, e.g. "C:${escape}${escape}", or end it differently`, node.range));
    }
    out.push(...printed);
    for (const heredoc of node.heredocs) {
      if (heredoc.content !== '') out.push(heredoc.content.slice(0, -1));
      out.push(heredoc.name);
    }
    // Comment lines that ended a continued instruction follow it.
    for (const comment of continued) if (comment.range.start.line > node.range.end.line) out.push(printComment(comment));
    previousEnd = node.range.end.line;
  });
  between(previousEnd + 1, syntax.lineCount + 1);
  while (out[out.length - 1] === '') out.pop();
  // Without directives, a first comment that reads like one must not become one.
  if (syntax.directives.length === 0 && LOOKS_LIKE_DIRECTIVE.test(out[0] ?? '')) out.unshift('');

  if (dangling.length > 0) return { ok: false, errors: dangling };
  const formatted = `${out.join('\n')}\n`;
  const again = parseDockerfile(formatted);
  if (!again.ok || !sameMeaning(again.syntax, syntax)) {
    const where = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return { ok: false, errors: [parseIssue('DW0009', 'formatting this file would change its meaning, so it was left as it is', 'report the file as a bug; the file itself may be fine', where)] };
  }
  return { ok: true, text: formatted, changed: formatted !== text, warnings: parsed.warnings };
}
