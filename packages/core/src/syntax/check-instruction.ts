import type { SourceRange, SyntaxInstruction, ParseIssue } from './types.js';
import { instructionFlags, knownKeywords } from './instruction-rules.js';
import { parseIssue } from './parse-issue.js';

const EXACTLY_ONE = new Set(['WORKDIR', 'USER', 'STOPSIGNAL', 'MAINTAINER']);
const AT_LEAST_ONE = new Set(['ENV', 'LABEL', 'ARG', 'EXPOSE', 'VOLUME', 'SHELL']);
const NOT_IN_ONBUILD = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

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
  if (!knownKeywords.has(keyword)) {
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
  if (inOnbuild && NOT_IN_ONBUILD.has(keyword)) {
    issues.push(argumentsError(instruction, `${keyword} is not allowed as an ONBUILD trigger`, 'write the instruction without ONBUILD', instruction.keywordRange));
  }
  const allowed = instructionFlags[keyword] ?? {};
  const seen = instruction.flags.length > 1 ? new Set<string>() : undefined;
  for (const flag of instruction.flags) {
    const kind = allowed[flag.name];
    const fail = (message: string, hint: string) => issues.push(parseIssue('DW0007', message, hint, flag.range));
    if (flag.name === '') fail(`missing a flag name in "${flag.text}"`, 'write --name=value');
    else if (kind === undefined) {
      const names = Object.keys(allowed);
      fail(`unknown flag --${flag.name} on ${keyword}`, names.length === 0 ? `${keyword} takes no flags` : `${keyword} takes ${names.map((n) => `--${n}`).join(', ')}`);
    } else if (kind !== 'repeat' && seen?.has(flag.name) === true) fail(`duplicate flag --${flag.name}`, 'give the flag once');
    else if (kind === 'bool' && flag.value !== undefined && !/^(true|false)$/i.test(flag.value)) fail(`--${flag.name} takes true or false, not "${flag.value}"`, `write --${flag.name}`);
    else if (kind !== 'bool' && flag.value === undefined) fail(`missing a value on flag --${flag.name}`, `write --${flag.name}=value`);
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
    }
  } else if (keyword === 'COPY' || keyword === 'ADD') {
    if (count < 2) issues.push(argumentsError(instruction, `${keyword} requires at least two arguments: sources and a destination`, `write ${keyword} source /destination`));
  } else if (EXACTLY_ONE.has(keyword)) {
    if (count === 0) issues.push(argumentsError(instruction, `${keyword} requires exactly one argument`, `write ${keyword} value`));
  } else if (AT_LEAST_ONE.has(keyword)) {
    if (count === 0) issues.push(argumentsError(instruction, `${keyword} requires at least one argument`, `write ${keyword} value`));
    else if (keyword === 'SHELL' && instruction.form !== 'json') {
      issues.push(argumentsError(instruction, 'SHELL requires the arguments in JSON form', 'write SHELL ["/bin/sh", "-c"]'));
    }
  } else if (keyword === 'HEALTHCHECK') {
    const type = args[0]?.value.toUpperCase();
    if (type === undefined) issues.push(argumentsError(instruction, 'HEALTHCHECK requires CMD or NONE', 'write HEALTHCHECK CMD ["command"] or HEALTHCHECK NONE'));
    else if (type === 'NONE') {
      if (count > 1 || instruction.flags.length > 0) issues.push(argumentsError(instruction, 'HEALTHCHECK NONE takes no other arguments or flags', 'write HEALTHCHECK NONE'));
    } else if (type !== 'CMD') issues.push(argumentsError(instruction, `unknown HEALTHCHECK type ${args[0]?.value}`, 'write HEALTHCHECK CMD ["command"] or HEALTHCHECK NONE', args[0]?.range));
    else if (count === 1) issues.push(argumentsError(instruction, 'missing command after HEALTHCHECK CMD', 'write HEALTHCHECK CMD ["command"]'));
  }
  return issues;
}
