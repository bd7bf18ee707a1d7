import { parseDockerfile } from './parse-dockerfile.js';
import { parseIssue } from './parse-issue.js';
import { printSyntaxInstruction } from './print-syntax-instruction.js';
import { sameMeaning } from './syntax-meaning.js';
import type { ParseIssue, SyntaxComment, SyntaxInstruction } from './types.js';

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

/** `# text`, keeping the text's own indentation after the first blank. */
function printComment(comment: SyntaxComment): string {
  const body = comment.raw.trim().slice(1).trimEnd();
  if (body === '') return '#';
  return body.startsWith(' ') ? `#${body}` : `# ${body}`;
}

/** The comments to print above an instruction: its leading ones, then those inside it. */
function commentsOf(node: SyntaxInstruction, inside: readonly SyntaxComment[]): readonly SyntaxComment[] {
  if (inside.length === 0 || node.range.end.line === node.range.start.line) return node.comments;
  return [...node.comments, ...inside.filter((c) => c.range.start.line > node.range.start.line && c.range.start.line <= node.range.end.line)];
}

/**
 * Formats a Dockerfile in Dockwright's canonical format (docs/format.md): upper-case keywords,
 * flags in a fixed order, single spaces, `&&` chains one per line, pairs one per line, one blank
 * line before each stage and none inside it, LF line ends. Comments are kept (those inside a
 * continued instruction move above it), and the meaning is unchanged: the output is parsed again
 * and compared with the input, and a difference is reported instead of written. It never throws.
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
  const inside = syntax.comments.filter((c) => c.inContinuation);
  const blank = new Set(syntax.blankLines);
  const dangling: ParseIssue[] = [];

  syntax.instructions.forEach((node, index) => {
    const comments = commentsOf(node, inside);
    if (index > 0 && node.keyword === 'FROM') out.push('');
    comments.forEach((comment, i) => {
      out.push(printComment(comment));
      // Before the first instruction, keep the blank lines that set header comments apart.
      if (index === 0 && !comment.inContinuation) {
        const next = comments[i + 1]?.range.start.line ?? node.range.start.line;
        if (next > comment.range.start.line + 1 && blank.has(comment.range.start.line + 1)) out.push('');
      }
    });
    const printed = printSyntaxInstruction(node, escape);
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
  });
  const last = syntax.instructions[syntax.instructions.length - 1];
  for (const comment of syntax.comments) {
    if (last !== undefined && comment.range.start.line > last.range.end.line) out.push(printComment(comment));
  }
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
