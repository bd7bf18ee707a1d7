import { pointRange } from '../errors/range.js';
import { checkArgument, spec, throwIfAny } from '../validate/arguments.js';
import { checkInstruction } from './check-instruction.js';
import { heredocOpeners } from './heredoc-words.js';
import { parseIssue } from './parse-issue.js';
import { readArguments } from './read-arguments.js';
import { isBlank, skipSpaces, trimEnd } from './scan.js';
import { SourceMap } from './source-map.js';
import { splitFlags } from './split-words.js';
import type {
  DockerfileSyntax,
  ParseIssue,
  ParseResult,
  SourceRange,
  SyntaxComment,
  SyntaxDirective,
  SyntaxFlag,
  SyntaxHeredoc,
  SyntaxInstruction,
} from './types.js';

/** BuildKit reads lines with a 64 KiB buffer; a longer line fails. */
const MAX_LINE_BYTES = 64 * 1024;
// TextEncoder, not Buffer: the parser runs in browsers too.
const utf8 = new TextEncoder();
// After `#` and any Unicode blanks (Go's unicode.IsSpace): RE2's `\s` is ASCII [\t\n\f\r ] only.
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** Drops every trailing CR (BuildKit's trimNewline). */
function trimCR(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Index of the escape character that continues `line`, or -1. As in BuildKit, the escape
 * character must end the line (blanks aside) and must not follow another one: `C:\\` ends a line.
 */
function continuationAt(line: string, escape: number): number {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09)) i--;
  if (i < 0 || line.charCodeAt(i) !== escape) return -1;
  return i === 0 || line.charCodeAt(i - 1) !== escape ? i : -1;
}

function lineRange(line: number, from: number, to: number): SourceRange {
  return { start: { line, column: from }, end: { line, column: to } };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An instruction as `readInstruction` builds it; the caller fills heredocs, comments, text and range. */
type Draft = Mutable<SyntaxInstruction>;

const NO_RANGE: SourceRange = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

/** Reads one logical line from `from` (BuildKit's splitCommand + the line parsers). */
function readInstruction(line: string, from: number, map: SourceMap, escape: number, problems: ParseIssue[]): Draft {
  const end = line.length;
  const start = skipSpaces(line, from, end);
  let keywordEnd = start;
  while (keywordEnd < end && !isBlank(line.charCodeAt(keywordEnd))) keywordEnd++;
  const keywordText = line.slice(start, keywordEnd);
  const keyword = keywordText.toUpperCase();
  let afterKeyword = keywordEnd;
  while (afterKeyword < end && isBlank(line.charCodeAt(afterKeyword))) afterKeyword++;
  const split = splitFlags(line, afterKeyword);
  const flags: SyntaxFlag[] = [];
  for (const word of split.flags) {
    const body = word.value.startsWith('--') ? word.value.slice(2) : word.value;
    const eq = body.indexOf('=');
    flags.push({
      name: eq < 0 ? body : body.slice(0, eq),
      value: eq < 0 ? undefined : body.slice(eq + 1),
      text: word.value,
      source: line.slice(word.start, word.end),
      range: map.range(word.start, word.end),
    });
  }
  const argStart = skipSpaces(line, split.rest, end);
  const node: Draft = {
    kind: 'instruction',
    keyword,
    keywordText,
    keywordRange: map.range(start, keywordEnd),
    flags,
    form: 'shell',
    jsonFallback: false,
    arguments: [],
    pairs: [],
    heredocs: [],
    comments: [],
    original: from === 0 ? line : line.slice(start),
    breaks: map.breaks(start),
    text: '',
    range: NO_RANGE,
  };
  if (keyword === 'ONBUILD') {
    if (argStart < end) {
      const trigger = readInstruction(line, argStart, map, escape, problems);
      trigger.text = line.slice(argStart);
      trigger.range = map.range(argStart, end);
      node.form = trigger.form;
      node.trigger = trigger;
    }
    return node;
  }
  const read = readArguments(keyword, line, argStart, end, escape);
  node.form = read.form;
  node.jsonFallback = read.jsonFallback;
  const args = read.args;
  const out = new Array<SyntaxInstruction['arguments'][number]>(args.length);
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as (typeof args)[number];
    out[i] = { value: w.value, range: map.range(w.start, w.end) };
  }
  node.arguments = out;
  if (read.pairs.length > 0) node.pairs = read.pairs.map((p) => ({ key: p.key, value: p.value, separator: p.separator, range: map.range(p.start, p.end) }));
  if (read.problem !== undefined) problems.push(parseIssue('DW0005', read.problem.message, read.problem.hint, map.range(read.problem.start, read.problem.end)));
  return node;
}

/**
 * Parses a Dockerfile the way BuildKit does, keeping comments and source positions. It never
 * throws on user input: problems come back as data with a line and column.
 *
 * @example
 * ```ts
 * import { parseDockerfile } from '@dockwright/core';
 *
 * const { syntax, errors } = parseDockerfile('FROM alpine:3.20\nRUN echo hi\n');
 * syntax.instructions[1]?.arguments[0]?.value; // 'echo hi'
 * errors.length; // 0
 * ```
 */
export function parseDockerfile(text: string): ParseResult {
  throwIfAny([checkArgument('parseDockerfile()', 'the text', text, spec.string, {}, "pass the file's contents: parseDockerfile(readFileSync('Dockerfile', 'utf8'))")]);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const lineCount = lines.length;
  // Start offset of each line in `text`, so an instruction's text is an exact slice.
  const starts = new Array<number>(lineCount);
  for (let i = 0, offset = 0; i < lineCount; i++) {
    starts[i] = offset;
    offset += (lines[i] as string).length + 1;
  }
  const bom = lineCount > 0 && (lines[0] as string).charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom === 1) lines[0] = (lines[0] as string).slice(1);

  const directives: SyntaxDirective[] = [];
  const comments: SyntaxComment[] = [];
  const instructions: SyntaxInstruction[] = [];
  const blankLines: number[] = [];
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];
  let escape = 0x5c;
  let directivesDone = false;
  const seenDirectives = new Set<string>();
  let pending: SyntaxComment[] = [];
  let fatal = false;

  const column = (index: number, col: number) => (index === 0 ? col + bom : col);
  const tooLong = (index: number): boolean => {
    const raw = lines[index] as string;
    if (raw.length * 3 < MAX_LINE_BYTES) return false;
    const bytes = utf8.encode(raw).length;
    if (bytes < MAX_LINE_BYTES) return false;
    errors.push(parseIssue('DW0002', `line ${index + 1} is ${bytes} bytes; BuildKit reads lines shorter than 64 KiB`, 'split the line with continuation lines, or move the data into a file', pointRange(index + 1, 1)));
    fatal = true;
    return true;
  };
  const comment = (index: number, body: string, lead: number, inContinuation: boolean): SyntaxComment => {
    const raw = trimCR(lines[index] as string);
    const item: SyntaxComment = {
      kind: 'comment',
      text: body.slice(1).trim(),
      raw,
      inContinuation,
      range: lineRange(index + 1, column(index, lead + 1), column(index, raw.length + 1)),
    };
    comments.push(item);
    return item;
  };

  for (let i = 0; i < lineCount && !fatal; i++) {
    if (tooLong(i)) break;
    const content = trimCR(lines[i] as string);
    const lead = skipSpaces(content, 0);
    const body = lead === 0 ? content : content.slice(lead);
    const first = body.charCodeAt(0);

    if (!directivesDone) {
      const match = first === 0x23 ? DIRECTIVE.exec(body.slice(skipSpaces(body, 1))) : null;
      const name = match?.[1]?.toLowerCase();
      if (match !== null && (name === 'syntax' || name === 'escape' || name === 'check')) {
        const value = match[2] as string;
        const range = lineRange(i + 1, column(i, lead + 1), column(i, content.length + 1));
        if (seenDirectives.has(name)) {
          errors.push(parseIssue('DW0003', `only one ${name} parser directive can be used`, `remove the second # ${name}= line`, range));
        } else if (name === 'escape' && value !== '\\' && value !== '`') {
          errors.push(parseIssue('DW0003', `invalid escape character "${value}"; it must be \\ or \``, 'write # escape=\\ or # escape=`', range));
        } else {
          if (name === 'escape') escape = value.charCodeAt(0);
          directives.push({ kind: 'directive', name, value, text: content, range });
        }
        seenDirectives.add(name);
        continue;
      }
      directivesDone = true;
    }

    if (first === 0x23) {
      pending.push(comment(i, body, lead, false));
      continue;
    }
    if (body.length === 0) {
      blankLines.push(i + 1);
      continue;
    }

    // An instruction: join continuation lines into one logical line.
    const map = new SourceMap();
    map.add(0, i + 1, column(i, lead + 1));
    const firstLine = i;
    let lastLine = i;
    let logical: string;
    const cont = continuationAt(body, escape);
    if (cont < 0) logical = body;
    else {
      logical = body.slice(0, cont);
      let warned = false;
      for (let j = i + 1; j < lineCount; j++) {
        if (tooLong(j)) break;
        i = j;
        const next = trimCR(lines[j] as string);
        const nextLead = skipSpaces(next, 0);
        if (nextLead < next.length && next.charCodeAt(nextLead) === 0x23) {
          comment(j, next.slice(nextLead), nextLead, true);
          continue;
        }
        if (nextLead === next.length) {
          if (!warned) {
            warnings.push(parseIssue('DW0008', `empty line ${j + 1} inside a continued instruction`, 'remove the empty line; BuildKit may refuse it in a future release', pointRange(j + 1, 1)));
            warned = true;
          }
          continue;
        }
        lastLine = j;
        map.add(logical.length, j + 1, 1);
        const at = continuationAt(next, escape);
        if (at < 0) {
          logical += next;
          break;
        }
        logical += next.slice(0, at);
      }
      if (fatal) break;
    }
    logical = logical.slice(0, trimEnd(logical, 0, logical.length));

    const node = readInstruction(logical, 0, map, escape, errors);

    // Heredocs: the lines after the instruction, up to each delimiter.
    const heredocs: SyntaxHeredoc[] = [];
    const target = node.keyword === 'ONBUILD' ? node.trigger : node;
    if (target !== undefined && HEREDOC_KEYWORDS.has(target.keyword) && target.form === 'shell' && logical.includes('<<')) {
      for (const opener of heredocOpeners(logical)) {
        let content = '';
        let terminated = false;
        const bodyStart = i + 1;
        for (let j = i + 1; j < lineCount; j++) {
          i = j;
          // Body lines are kept byte for byte, a CR before the LF included, as BuildKit keeps them.
          const raw = lines[j] as string;
          let candidate = trimCR(raw);
          if (opener.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === opener.name) {
            terminated = true;
            break;
          }
          content += `${raw}\n`;
        }
        if (!terminated) {
          errors.push(parseIssue('DW0006', `heredoc <<${opener.name} is never closed`, `end the heredoc with a line holding only ${opener.name}`, map.range(0, logical.length)));
          fatal = true;
          break;
        }
        lastLine = i;
        const endColumn = trimCR(lines[i] as string).length + 1;
        heredocs.push({ ...opener, content, range: { start: { line: Math.min(bodyStart, i) + 1, column: 1 }, end: { line: i + 1, column: endColumn } } });
      }
    }

    const lastText = lines[lastLine] as string;
    const textEnd = (starts[lastLine] as number) + bom * (lastLine === 0 ? 1 : 0) + trimCR(lastText).length;
    const range: SourceRange = {
      start: map.position(0),
      end: { line: lastLine + 1, column: column(lastLine, trimCR(lastText).length + 1) },
    };
    if (node.trigger !== undefined) (node.trigger as Draft).heredocs = heredocs;
    node.heredocs = heredocs;
    node.comments = pending;
    node.text = text.slice((starts[firstLine] as number) + (firstLine === 0 ? bom : 0), textEnd);
    node.range = range;
    const instruction: SyntaxInstruction = node;
    pending = [];
    instructions.push(instruction);
    errors.push(...checkInstruction(instruction));
  }

  if (instructions.length === 0 && !fatal) {
    errors.push(parseIssue('DW0001', 'the file has no instructions', 'start the file with FROM image', pointRange(Math.max(lineCount, 1), 1)));
  }
  errors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  const syntax: DockerfileSyntax = {
    kind: 'dockerfile',
    directives,
    escape: escape === 0x60 ? '`' : '\\',
    instructions,
    comments,
    blankLines,
    lineCount,
  };
  return { syntax, errors, warnings, ok: errors.length === 0 };
}
