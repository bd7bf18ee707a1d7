import { normalizeShell } from './shell-tokens.js';
import type { DockerfileSyntax, SyntaxInstruction } from './types.js';

const SHELL_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** The instruction as BuildKit would build it: positions, layout and comments left out. */
function instructionMeaning(node: SyntaxInstruction, escape: number): unknown {
  // Flags are a set, except that repeated flags (--mount, --exclude) keep their order.
  const flags = node.flags.map((f) => f.text).sort((a, b) => flagName(a).localeCompare(flagName(b)));
  let args = node.arguments.map((a) => a.value);
  if (node.form === 'shell' && SHELL_COMMANDS.has(node.keyword) && args.length === 1) args = [normalizeShell(args[0] as string, escape)];
  if (node.form === 'shell' && node.keyword === 'HEALTHCHECK' && args.length === 2) args = [args[0] as string, normalizeShell(args[1] as string, escape)];
  if (node.keyword === 'FROM' && args.length === 3) args = [args[0] as string, (args[1] as string).toUpperCase(), args[2] as string];
  return {
    keyword: node.keyword,
    flags,
    form: node.form,
    args,
    pairs: node.pairs.map((p) => [p.key, p.value, p.separator]),
    heredocs: node.heredocs.map((h) => [h.name, h.expand, h.chomp, h.fileDescriptor, h.content]),
    trigger: node.trigger === undefined ? undefined : instructionMeaning(node.trigger, escape),
  };
}

function flagName(text: string): string {
  const eq = text.indexOf('=');
  return eq < 0 ? text : text.slice(0, eq);
}

/**
 * What a parsed Dockerfile means to BuildKit, as plain data: directives and instructions with
 * their flags, arguments and heredocs. Positions, comments and layout are left out, flags are
 * compared as a set, and shell commands up to blanks outside quotes (which the shell ignores).
 * Two files with equal meanings build the same image.
 *
 * @example
 * ```ts
 * import { parseDockerfile, syntaxMeaning } from '@dockwright/core';
 *
 * const a = syntaxMeaning(parseDockerfile('FROM a\nrun   echo  hi\n').syntax);
 * const b = syntaxMeaning(parseDockerfile('FROM a\nRUN echo hi\n').syntax);
 * JSON.stringify(a) === JSON.stringify(b); // true
 * ```
 */
export function syntaxMeaning(syntax: DockerfileSyntax): unknown {
  const escape = syntax.escape.charCodeAt(0);
  return {
    directives: syntax.directives.map((d) => [d.name, d.value]),
    instructions: syntax.instructions.map((node) => instructionMeaning(node, escape)),
  };
}
