import { quoteFlag } from '../render/quote.js';
import { canSplitChain, shellTokens } from './shell-tokens.js';
import type { SyntaxFlag, SyntaxInstruction } from './types.js';

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
const DEEP_INDENT = '        ';

/** A flag as `--name=value`, quoted as the renderer quotes it; BuildKit's flag reader removes the quotes and `\` escapes again. */
function printFlag(flag: SyntaxFlag): string {
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

/**
 * Lays out a shell command word by word: a line break before each chained `&&` (when the chain
 * can be split, as the renderer does) and wherever the source broke the line between words.
 * Returns the command's lines; the caller adds the continuation characters.
 */
function layoutCommand(command: string, breaks: readonly number[], escape: number): string[][] {
  const tokens = shellTokens(command, escape);
  if (tokens.length === 0) return [[]];
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
  const lines: string[][] = [[]];
  tokens.forEach((token, i) => {
    // A continuation line starting with # is a comment to BuildKit: keep such a word on its line.
    if (i > 0 && breakBefore[i] && !token.text.startsWith('#')) lines.push([]);
    (lines[lines.length - 1] as string[]).push(token.text);
  });
  return lines;
}

/** The indent of a continuation line of a command: 4 to start a command, 8 to continue one. */
function commandIndent(line: readonly string[], previous: readonly string[] | undefined): string {
  if (previous === undefined || line[0] === '&&') return INDENT;
  const last = previous[previous.length - 1] ?? '';
  return COMMAND_ENDS.has(last) || last.endsWith(';') ? INDENT : DEEP_INDENT;
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
  const offset = node.original.length - command.length;
  const breaks = node.breaks.filter((b) => b > offset).map((b) => b - offset);
  return layoutCommand(command, breaks, escape);
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
  const escape = escapeChar.charCodeAt(0);
  const cont = ` ${escapeChar}`;
  const flags = orderedFlags(node);
  const keyword = node.keyword;

  if (keyword === 'ONBUILD' && node.trigger !== undefined) {
    const inner = printSyntaxInstruction(node.trigger, escapeChar);
    return [`ONBUILD ${inner[0]}`, ...inner.slice(1)];
  }

  // The words after the keyword and flags, as lines (the first joins the keyword line).
  let body: string[][];
  const args = node.arguments.map((a) => a.value);
  if (node.form === 'json') {
    const json = printJson(keyword === 'HEALTHCHECK' ? args.slice(1) : args);
    body = [keyword === 'HEALTHCHECK' ? [args[0] as string, json] : [json]];
  } else if (SHELL_COMMANDS.has(keyword) && args.length === 1) {
    body = commandLines(node, args[0] as string, escape);
  } else if (keyword === 'HEALTHCHECK' && args.length === 2) {
    const [type, ...rest] = commandLines(node, args[1] as string, escape);
    body = [[args[0] as string, ...(type ?? [])], ...rest];
  } else if ((keyword === 'ENV' || keyword === 'LABEL') && node.pairs.length > 0 && node.pairs[0]?.separator === '=') {
    body = node.pairs.map((p) => [`${p.key}=${p.value}`]);
  } else if (keyword === 'FROM' && args.length === 3 && args[1]?.toUpperCase() === 'AS') {
    body = [[args[0] as string, 'AS', args[2] as string]];
  } else {
    body = [args];
  }
  // A first argument that looks like a flag needs `--` before it.
  if (body[0]?.[0]?.startsWith('--')) body[0] = ['--', ...body[0]];

  if (keyword === 'RUN' && node.flags.some((f) => f.name === 'mount')) {
    // With a mount, each flag and the command go on their own lines.
    const lines = [`${keyword} ${flags[0]}`, ...flags.slice(1).map((f) => `${INDENT}${f}`)];
    const commandLines = body.map((words, i) => `${i === 0 ? INDENT : commandIndent(words, body[i - 1])}${words.join(' ')}`);
    if (body.length === 1 && body[0]?.length === 0) return joinContinued(lines, cont);
    return joinContinued([...lines, ...commandLines], cont);
  }
  const first = [keyword, ...flags, ...(body[0] ?? [])].join(' ');
  const rest = body.slice(1).map((words, i) => {
    const indent = keyword === 'ENV' || keyword === 'LABEL' ? INDENT : commandIndent(words, body[i]);
    return `${indent}${words.join(' ')}`;
  });
  return joinContinued([first, ...rest], cont);
}

function joinContinued(lines: string[], cont: string): string[] {
  // A continuation line starting with # is a comment to BuildKit: keep such text on the line before.
  const merged: string[] = [];
  for (const line of lines) {
    if (merged.length > 0 && line.trimStart().startsWith('#')) merged[merged.length - 1] += ` ${line.trimStart()}`;
    else merged.push(line);
  }
  return merged.map((line, i) => (i < merged.length - 1 ? `${line}${cont}` : line));
}
