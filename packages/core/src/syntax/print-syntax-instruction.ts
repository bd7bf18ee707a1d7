import { quoteFlag } from '../lexical/quote.js';
import { canSplitChain, shellTokens } from './shell-tokens.js';
import { skipSpaces } from './scan.js';
import type { SyntaxComment, SyntaxFlag, SyntaxInstruction } from './types.js';

/** Canonical flag order per instruction (docs/format.md); flags not listed keep their order after these. */
const FLAG_ORDER: Readonly<Record<string, readonly string[]>> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['checksum', 'keep-git-dir', 'chown', 'chmod', 'link', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const SHELL_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
/** A line ending in one of these ends a command, so the next line starts a command (indent 4). */
const COMMAND_ENDS = new Set(['&&', '||', '|', '&', ';', ';;', 'then', 'do', 'else', '{', '(']);
const INDENT = '    ';

/**
 * A flag as `--name=value`, quoted as the renderer quotes it; BuildKit's flag reader removes the
 * quotes and `\` escapes again. A flag with non-ASCII text is kept as written: BuildKit reads
 * flags byte by byte, and only the same bytes read back the same.
 */
function printFlag(flag: SyntaxFlag): string {
  if (/[^\x00-\x7f]/.test(flag.source)) return flag.source;
  if (flag.value === undefined) return `--${flag.name}`;
  return `--${flag.name}=${quoteFlag(flag.value)}`;
}

function orderedFlags(node: SyntaxInstruction): string[] {
  const order = FLAG_ORDER[node.keyword] ?? [];
  const rank = (f: SyntaxFlag) => {
    const i = order.indexOf(f.name);
    return i < 0 ? order.length : i;
  };
  return [...node.flags].sort((a, b) => rank(a) - rank(b)).map(printFlag);
}

/** JSON form: `["a", "b"]`, with U+2028 and U+2029 escaped as the renderer does. */
function printJson(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')).join(', ')}]`;
}

/** A laid-out line: its words and the offset in the command where its first word starts. */
interface CommandLine {
  readonly words: string[];
  readonly start: number;
}

/**
 * Lays out a shell command word by word: a line break before each chained `&&` (when the chain
 * can be split, as the renderer does) and wherever the source broke the line between words.
 * Returns the command's lines; the caller adds the continuation characters.
 */
function layoutCommand(command: string, breaks: readonly number[], escape: number): CommandLine[] {
  const tokens = shellTokens(command, escape);
  if (tokens.length === 0) return [{ words: [], start: 0 }];
  const breakBefore = new Array<boolean>(tokens.length).fill(false);
  let t = 0;
  for (const at of breaks) {
    while (t < tokens.length && (tokens[t] as { start: number }).start < at) t++;
    if (t > 0 && t < tokens.length && (tokens[t - 1] as { end: number }).end <= at) breakBefore[t] = true;
  }
  if (canSplitChain(command, escape)) {
    for (let i = 1; i < tokens.length; i++) {
      if ((tokens[i] as { text: string }).text !== '&&') continue;
      breakBefore[i] = true;
      if (i + 1 < tokens.length) breakBefore[i + 1] = false;
    }
  }
  const lines: CommandLine[] = [{ words: [], start: 0 }];
  tokens.forEach((token, i) => {
    // A continuation line starting with # is a comment to BuildKit: keep such a word on its line.
    if (i > 0 && breakBefore[i] && !token.text.startsWith('#')) lines.push({ words: [], start: token.start });
    (lines[lines.length - 1] as CommandLine).words.push(token.text);
  });
  return lines;
}

const CASE_ARM_END = new Set([';;', ';&', ';;&']);
const endsArm = (word: string) => CASE_ARM_END.has(word) || word.endsWith(';;');
const isEsac = (word: string | undefined) => word !== undefined && /^esac[;&|)]*$/.test(word);

/**
 * The indent of each line of a command: 4 to start a command, 8 to continue one. Inside
 * `case ... in ... esac`, each pattern line sits one step (4) past the `case` line, the arm's
 * commands two steps, and `esac` with `case`, so all arms line up whatever the source did.
 */
function commandIndents(lines: readonly (readonly string[])[]): string[] {
  // Open cases, innermost last: the indent of the `case` line and whether a pattern comes next.
  const cases: { indent: number; pattern: boolean }[] = [];
  return lines.map((line, i) => {
    const previous = lines[i - 1];
    const last = previous?.[previous.length - 1] ?? '';
    const open = cases[cases.length - 1];
    let width: number;
    if (previous === undefined) width = 0;
    else if (open !== undefined && isEsac(line[0])) width = Math.max(open.indent, 4);
    else if (open !== undefined && open.pattern) width = open.indent + 4;
    else if (open !== undefined) width = open.indent + (COMMAND_ENDS.has(last) || last.endsWith(';') || last.endsWith(')') ? 8 : 12);
    else width = line[0] === '&&' || COMMAND_ENDS.has(last) || last.endsWith(';') ? 4 : 8;
    line.forEach((word, w) => {
      const top = cases[cases.length - 1];
      if (word === 'case' && (w === 0 || COMMAND_ENDS.has(line[w - 1] as string) || (line[w - 1] as string).endsWith(';'))) cases.push({ indent: width, pattern: false });
      else if (top === undefined) return;
      else if (word === 'in' && line.slice(0, w).includes('case')) top.pattern = true;
      else if (isEsac(word)) cases.pop();
      else if (top.pattern && word.endsWith(')')) top.pattern = false;
      else if (!top.pattern && endsArm(word)) top.pattern = true;
    });
    return ' '.repeat(width);
  });
}

/**
 * The words of the shell-form command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD, line by line
 * as `format` lays them out (`command` is the instruction's last argument).
 *
 * @example
 * ```ts
 * commandLines(run, run.arguments[0]!.value, 0x5c); // [['apt-get', 'update'], ['&&', 'make']]
 * ```
 */
export function commandLines(node: SyntaxInstruction, command: string, escape: number): string[][] {
  return commandLayout(node, command, escape).map((l) => l.words);
}

function commandLayout(node: SyntaxInstruction, command: string, escape: number): CommandLine[] {
  const offset = node.original.length - command.length;
  const breaks = node.breaks.filter((b) => b > offset).map((b) => b - offset);
  return layoutCommand(command, breaks, escape).map((l) => ({ words: l.words, start: l.start + offset }));
}

/** A printed line before the continuation characters: its text and where it starts in `original`. */
interface Printed {
  readonly text: string;
  /** Offset in the instruction's `original` of the line's first word; undefined when not known. */
  readonly start: number | undefined;
}

function layout(node: SyntaxInstruction, escapeChar: '\\' | '`'): Printed[] {
  const escape = escapeChar.charCodeAt(0);
  const flags = orderedFlags(node);
  const keyword = node.keyword;

  // The image stores a trigger's text as written (its OnBuild list), so it is kept, on one line.
  if (keyword === 'ONBUILD' && node.trigger !== undefined) return [{ text: `ONBUILD ${node.trigger.text}`, start: undefined }];

  // The words after the keyword and flags, as lines (the first joins the keyword line).
  let body: CommandLine[];
  let shellCommand = false;
  const args = node.arguments.map((a) => a.value);
  const plain = (lines: string[][]): CommandLine[] => lines.map((words) => ({ words, start: -1 }));
  if (node.form === 'json') {
    const json = printJson(keyword === 'HEALTHCHECK' ? args.slice(1) : args);
    body = plain([keyword === 'HEALTHCHECK' ? [args[0] as string, json] : [json]]);
  } else if (SHELL_COMMANDS.has(keyword) && args.length === 1) {
    body = commandLayout(node, args[0] as string, escape);
    shellCommand = true;
  } else if (keyword === 'HEALTHCHECK' && args.length === 2) {
    const [type, ...rest] = commandLayout(node, args[1] as string, escape);
    body = [{ words: [args[0] as string, ...(type?.words ?? [])], start: -1 }, ...rest];
    shellCommand = true;
  } else if ((keyword === 'ENV' || keyword === 'LABEL') && node.pairs.length > 0 && node.pairs[0]?.separator === '=') {
    body = plain(node.pairs.map((p) => [`${p.key}=${p.value}`]));
  } else if (keyword === 'FROM' && args.length === 3 && args[1]?.toUpperCase() === 'AS') {
    body = plain([[args[0] as string, 'AS', args[2] as string]]);
  } else {
    body = plain([args]);
  }
  // A first argument that looks like a flag needs `--` before it.
  if (body[0]?.words[0]?.startsWith('--') === true) body[0] = { ...body[0], words: ['--', ...body[0].words] };
  const at = (line: CommandLine) => (line.start < 0 ? undefined : line.start);
  const indents = shellCommand ? commandIndents(body.map((l) => l.words)) : body.map(() => INDENT);

  if (keyword === 'RUN' && node.flags.some((f) => f.name === 'mount')) {
    // With a mount, each flag and the command go on their own lines.
    const lines: Printed[] = [{ text: `${keyword} ${flags[0]}`, start: undefined }, ...flags.slice(1).map((f) => ({ text: `${INDENT}${f}`, start: undefined }))];
    if (body.length === 1 && body[0]?.words.length === 0) return lines;
    return [...lines, ...body.map((line, i) => ({ text: `${i === 0 ? INDENT : indents[i]}${line.words.join(' ')}`, start: at(line) }))];
  }
  const first = { text: [keyword, ...flags, ...(body[0]?.words ?? [])].join(' '), start: undefined };
  return [first, ...body.slice(1).map((line, i) => ({ text: `${indents[i + 1]}${line.words.join(' ')}`, start: at(line) }))];
}

/**
 * Prints one parsed instruction in the canonical format: upper-case keyword, flags in a fixed
 * order, single spaces, and continuation lines indented 4 (8 inside a command).
 *
 * @example
 * ```ts
 * printSyntaxInstruction(parseDockerfile('FROM a\nrun  echo   hi\n').syntax.instructions[1]!, '\\'); // ['RUN echo hi']
 * ```
 */
export function printSyntaxInstruction(node: SyntaxInstruction, escapeChar: '\\' | '`'): string[] {
  return joinContinued(layout(node, escapeChar).map((l) => l.text), ` ${escapeChar}`, new Set());
}

/** Where each comment line inside a continued instruction sits: the offset in `original` of the line after it. */
function commentOffsets(node: SyntaxInstruction, comments: readonly SyntaxComment[]): Map<SyntaxComment, number> {
  const out = new Map<SyntaxComment, number>();
  const physical = node.text.split('\n');
  let contributing = 0;
  const lineOf = new Map<number, number>();
  for (let j = 0; j < physical.length; j++) {
    const body = (physical[j] as string).replace(/\r+$/, '');
    const lead = skipSpaces(body, 0);
    if (lead === body.length || body.charCodeAt(lead) === 0x23) continue;
    lineOf.set(node.range.start.line + j, contributing++);
  }
  for (const comment of comments) {
    let next = comment.range.start.line + 1;
    while (next <= node.range.end.line && !lineOf.has(next)) next++;
    const index = lineOf.get(next);
    if (index !== undefined && index > 0 && index - 1 < node.breaks.length) out.set(comment, node.breaks[index - 1] as number);
  }
  return out;
}

/**
 * Prints an instruction with the comment lines that sat inside it (BuildKit drops them) kept
 * beside the line they describe, at that line's indent. Comments that have no such line (the
 * instruction is no shell command, or its line was joined to another) come back in `above`.
 *
 * @example
 * ```ts
 * printWithComments(run, '\\', comments).lines; // ['RUN apt-get update \\', '    # tools', '    && apt-get install -y curl']
 * ```
 */
export function printWithComments(node: SyntaxInstruction, escapeChar: '\\' | '`', comments: readonly SyntaxComment[]): { lines: string[]; above: SyntaxComment[] } {
  const printed = layout(node, escapeChar);
  const offsets = commentOffsets(node, comments);
  const above: SyntaxComment[] = [];
  const before = new Map<number, SyntaxComment[]>();
  for (const comment of comments) {
    const offset = offsets.get(comment);
    const slot = offset === undefined ? -1 : printed.findIndex((line, i) => i > 0 && line.start !== undefined && line.start >= offset);
    if (slot < 0) above.push(comment);
    else before.set(slot, [...(before.get(slot) ?? []), comment]);
  }
  const lines: string[] = [];
  const raw = new Set<number>();
  printed.forEach((line, i) => {
    for (const comment of before.get(i) ?? []) {
      raw.add(lines.length);
      lines.push(`${/^ */.exec(line.text)?.[0] ?? ''}${printComment(comment)}`);
    }
    lines.push(line.text);
  });
  return { lines: joinContinued(lines, ` ${escapeChar}`, raw), above };
}

/** `# text`, keeping the text's own indentation after the first blank. */
export function printComment(comment: SyntaxComment): string {
  const body = comment.raw.trim().slice(1).trimEnd();
  if (body === '') return '#';
  return body.startsWith(' ') ? `#${body}` : `# ${body}`;
}

function joinContinued(lines: string[], cont: string, comments: ReadonlySet<number>): string[] {
  // A continuation line starting with # is a comment to BuildKit: keep such text on the line before.
  const merged: string[] = [];
  const isComment: boolean[] = [];
  lines.forEach((line, i) => {
    if (comments.has(i)) {
      merged.push(line);
      isComment.push(true);
    } else if (merged.length > 0 && !isComment[isComment.length - 1] && line.trimStart().startsWith('#')) merged[merged.length - 1] += ` ${line.trimStart()}`;
    else {
      merged.push(line);
      isComment.push(false);
    }
  });
  // Every line but the last continues; a comment line is skipped by BuildKit and takes none.
  let last = merged.length - 1;
  while (last > 0 && isComment[last]) last--;
  return merged.map((line, i) => (i < last && !isComment[i] ? `${line}${cont}` : line));
}
