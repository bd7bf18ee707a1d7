import type { SourceRange, SyntaxInstruction, ParseIssue } from './types.js';
import { instructionFlags, knownKeywords } from './instruction-rules.js';
import { goDuration } from '../lexical/go-duration.js';
import { heredocOpeners } from './heredoc-words.js';
import { parseIssue } from './parse-issue.js';
import { skipSpaces, trimEnd } from './scan.js';
import { STAGE_NAME } from '../lexical/names.js';

const EXACTLY_ONE = new Set(['WORKDIR', 'USER', 'STOPSIGNAL', 'MAINTAINER']);
const AT_LEAST_ONE = new Set(['ENV', 'LABEL', 'ARG', 'EXPOSE', 'VOLUME', 'SHELL']);
const NOT_IN_ONBUILD = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);
/** Instructions whose flags BuildKit never reads, so any flag passes. */
const FLAGS_IGNORED = new Set(['ARG', 'STOPSIGNAL']);
/** Values BuildKit accepts for flags that take a fixed set. */
const FLAG_CHOICES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  RUN: { network: ['default', 'none', 'host'], security: ['sandbox', 'insecure'] },
};
const HEALTHCHECK_TIMES = new Set(['interval', 'timeout', 'start-period', 'start-interval']);

/** True when a COPY/ADD argument reads as a heredoc to BuildKit (`<<EOF`, `<<-"EOF"`). */
function isHeredocWord(word: string): boolean {
  return /^\d*<</.test(word) && heredocOpeners(word).length === 1;
}

/** Go's strings.TrimSpace(s) === ''. */
function blankAfterTrim(s: string): boolean {
  return skipSpaces(s, 0) >= trimEnd(s, 0, s.length);
}

function argumentsError(instruction: SyntaxInstruction, message: string, hint: string, range?: SourceRange): ParseIssue {
  return parseIssue('DW0005', message, hint, range ?? instruction.range);
}

/**
 * The checks BuildKit makes after parsing, when it turns a line into an instruction: known
 * keyword, known and unrepeated flags, the number and shape of arguments.
 *
 * @example
 * ```ts
 * checkInstruction(parseDockerfile('FROM a\nCOPY --form=b x y\n').syntax.instructions[1]!); // [DW0007 issue]
 * ```
 */
export function checkInstruction(instruction: SyntaxInstruction, inOnbuild = false): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const { keyword } = instruction;
  if (!knownKeywords.has(keyword) && !inOnbuild) {
    issues.push(
      parseIssue(
        'DW0004',
        `unknown instruction: ${instruction.keywordText}`,
        'write a Dockerfile instruction (FROM, RUN, COPY, ...), or end the previous line with the escape character to continue it',
        instruction.keywordRange,
      ),
    );
    return issues;
  }
  if (inOnbuild) {
    // BuildKit checks only the trigger's keyword here; the rest is checked by the build that inherits it.
    if (NOT_IN_ONBUILD.has(keyword)) issues.push(argumentsError(instruction, `${keyword} is not allowed as an ONBUILD trigger`, 'write the instruction without ONBUILD', instruction.keywordRange));
    return issues;
  }
  const allowed = instructionFlags[keyword] ?? {};
  const seen = instruction.flags.length > 1 ? new Set<string>() : undefined;
  const healthNone = keyword === 'HEALTHCHECK' && instruction.arguments[0]?.value.toUpperCase() === 'NONE';
  const flagsRead = !FLAGS_IGNORED.has(keyword) && !healthNone;
  for (const flag of flagsRead ? instruction.flags : []) {
    const kind = allowed[flag.name];
    const fail = (message: string, hint: string) => issues.push(parseIssue('DW0007', message, hint, flag.range));
    if (flag.name === '') fail(`missing a flag name in "${flag.text}"`, 'write --name=value');
    else if (kind === undefined) {
      const names = Object.keys(allowed);
      fail(`unknown flag --${flag.name} on ${keyword}`, names.length === 0 ? `${keyword} takes no flags` : `${keyword} takes ${names.map((n) => `--${n}`).join(', ')}`);
    } else if (kind !== 'repeat' && seen?.has(flag.name) === true) fail(`duplicate flag --${flag.name}`, 'give the flag once');
    else if (kind === 'bool' && flag.value !== undefined && !/^(true|false)$/i.test(flag.value)) fail(`--${flag.name} takes true or false, not "${flag.value}"`, `write --${flag.name}`);
    else if (kind !== 'bool' && flag.value === undefined) fail(`missing a value on flag --${flag.name}`, `write --${flag.name}=value`);
    else if (flag.value !== undefined && FLAG_CHOICES[keyword]?.[flag.name] !== undefined && !FLAG_CHOICES[keyword]?.[flag.name]?.includes(flag.value)) {
      fail(`--${flag.name}=${flag.value} is not one of ${FLAG_CHOICES[keyword]?.[flag.name]?.join(', ')}`, `write --${flag.name}=${FLAG_CHOICES[keyword]?.[flag.name]?.[0]}`);
    } else if (keyword === 'HEALTHCHECK' && flag.value !== undefined && flag.value !== '' && HEALTHCHECK_TIMES.has(flag.name)) {
      const ns = goDuration(flag.value);
      if (ns === undefined) fail(`--${flag.name}=${flag.value} is not a duration`, `write a Go duration with a unit, e.g. --${flag.name}=30s`);
      else if (ns !== 0 && ns < 1e6) fail(`--${flag.name}=${flag.value} is shorter than 1ms`, `write 0 or at least 1ms, e.g. --${flag.name}=30s`);
    } else if (keyword === 'HEALTHCHECK' && flag.name === 'retries' && flag.value !== undefined && flag.value !== '') {
      const n = /^[+-]?\d+$/.test(flag.value) ? Number(flag.value) : Number.NaN;
      if (!Number.isSafeInteger(n) || n > 2 ** 31 - 1 || n < -(2 ** 31)) fail(`--retries=${flag.value} is not a whole number`, 'write --retries=3');
      else if (n < 0) fail(`--retries=${flag.value} is negative`, 'write --retries=3');
    }
    seen?.add(flag.name);
  }
  const args = instruction.arguments;
  const count = args.length;
  if (keyword === 'ONBUILD') {
    if (instruction.trigger === undefined) issues.push(argumentsError(instruction, 'ONBUILD requires an instruction', 'write ONBUILD RUN ... or remove the line'));
    else issues.push(...checkInstruction(instruction.trigger, true));
  } else if (keyword === 'FROM') {
    if (!(count === 1 || (count === 3 && (args[1] as { value: string }).value.toUpperCase() === 'AS'))) {
      issues.push(argumentsError(instruction, 'FROM requires either one or three arguments', 'write FROM image or FROM image AS name'));
    } else if (count === 3 && !STAGE_NAME.test((args[2] as { value: string }).value.toLowerCase())) {
      issues.push(argumentsError(instruction, `invalid stage name "${args[2]?.value}": it must start with a letter and hold only letters, digits, -, _ and .`, 'rename the stage, e.g. AS build', args[2]?.range));
    }
  } else if (keyword === 'COPY' || keyword === 'ADD') {
    if (count < 2) issues.push(argumentsError(instruction, `${keyword} requires at least two arguments: sources and a destination`, `write ${keyword} source /destination`));
    else if (isHeredocWord((args[count - 1] as { value: string }).value)) {
      issues.push(argumentsError(instruction, `${keyword} cannot take a heredoc as its destination`, `write ${keyword} <<EOF /destination`, args[count - 1]?.range));
    }
  } else if (EXACTLY_ONE.has(keyword)) {
    if (count === 0) issues.push(argumentsError(instruction, `${keyword} requires exactly one argument`, `write ${keyword} value`));
  } else if (AT_LEAST_ONE.has(keyword)) {
    if (count === 0) issues.push(argumentsError(instruction, `${keyword} requires at least one argument`, `write ${keyword} value`));
    else if (keyword === 'SHELL' && instruction.form !== 'json') {
      issues.push(argumentsError(instruction, 'SHELL requires the arguments in JSON form', 'write SHELL ["/bin/sh", "-c"]'));
    } else if (keyword === 'VOLUME') {
      const empty = args.find((a) => blankAfterTrim(a.value));
      if (empty !== undefined) issues.push(argumentsError(instruction, 'VOLUME cannot be an empty path', 'write VOLUME /data', empty.range));
    } else if (keyword === 'ARG' || keyword === 'LABEL') {
      const blank = keyword === 'ARG' ? args.find((a) => a.value.startsWith('=')) : instruction.pairs.find((p) => p.key === '');
      if (blank !== undefined) issues.push(argumentsError(instruction, `${keyword} names can not be blank`, `write ${keyword} NAME=value`, blank.range));
    }
  } else if (keyword === 'HEALTHCHECK') {
    const type = args[0]?.value.toUpperCase();
    if (type === undefined) issues.push(argumentsError(instruction, 'HEALTHCHECK requires CMD or NONE', 'write HEALTHCHECK CMD ["command"] or HEALTHCHECK NONE'));
    else if (type === 'NONE') {
      // BuildKit never reads the flags of HEALTHCHECK NONE.
      if (count > 1) issues.push(argumentsError(instruction, 'HEALTHCHECK NONE takes no other arguments', 'write HEALTHCHECK NONE'));
    } else if (type !== 'CMD') issues.push(argumentsError(instruction, `unknown HEALTHCHECK type ${args[0]?.value}`, 'write HEALTHCHECK CMD ["command"] or HEALTHCHECK NONE', args[0]?.range));
    else if (count === 1) issues.push(argumentsError(instruction, 'missing command after HEALTHCHECK CMD', 'write HEALTHCHECK CMD ["command"]'));
  }
  return issues;
}
