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

function sameShell(a: string, b: string, escape: number): boolean {
  return a === b || normalizeShell(a, escape) === normalizeShell(b, escape);
}

function sameFlags(a: SyntaxInstruction, b: SyntaxInstruction): boolean {
  if (a.flags.length !== b.flags.length) return false;
  if (a.flags.every((f, i) => f.text === b.flags[i]?.text)) return true;
  const sorted = (node: SyntaxInstruction) => node.flags.map((f) => f.text).sort((x, y) => flagName(x).localeCompare(flagName(y)));
  const x = sorted(a);
  const y = sorted(b);
  return x.every((text, i) => text === y[i]);
}

function sameInstruction(a: SyntaxInstruction, b: SyntaxInstruction, escape: number): boolean {
  if (a.keyword !== b.keyword || a.form !== b.form || !sameFlags(a, b)) return false;
  if (a.arguments.length !== b.arguments.length || a.pairs.length !== b.pairs.length || a.heredocs.length !== b.heredocs.length) return false;
  const command = a.form === 'shell' && ((SHELL_COMMANDS.has(a.keyword) && a.arguments.length === 1) || (a.keyword === 'HEALTHCHECK' && a.arguments.length === 2));
  for (let i = 0; i < a.arguments.length; i++) {
    const x = (a.arguments[i] as { value: string }).value;
    const y = (b.arguments[i] as { value: string }).value;
    if (x === y) continue;
    const last = i === a.arguments.length - 1;
    if (command && last && sameShell(x, y, escape)) continue;
    if (a.keyword === 'FROM' && i === 1 && x.toUpperCase() === y.toUpperCase()) continue;
    return false;
  }
  for (let i = 0; i < a.pairs.length; i++) {
    const x = a.pairs[i];
    const y = b.pairs[i];
    if (x?.key !== y?.key || x?.value !== y?.value || x?.separator !== y?.separator) return false;
  }
  for (let i = 0; i < a.heredocs.length; i++) {
    const x = a.heredocs[i];
    const y = b.heredocs[i];
    if (x?.name !== y?.name || x?.expand !== y?.expand || x?.chomp !== y?.chomp || x?.fileDescriptor !== y?.fileDescriptor || x?.content !== y?.content) return false;
  }
  if (a.trigger === undefined || b.trigger === undefined) return a.trigger === b.trigger;
  return sameInstruction(a.trigger, b.trigger, escape);
}

/**
 * True when two parsed Dockerfiles mean the same to BuildKit: `syntaxMeaning(a)` equals
 * `syntaxMeaning(b)`, computed without building either.
 *
 * @example
 * ```ts
 * import { parseDockerfile, sameMeaning } from '@dockwright/core';
 *
 * sameMeaning(parseDockerfile('FROM a\nrun  echo hi\n').syntax, parseDockerfile('FROM a\nRUN echo hi\n').syntax); // true
 * ```
 */
export function sameMeaning(a: DockerfileSyntax, b: DockerfileSyntax): boolean {
  if (a.escape !== b.escape || a.directives.length !== b.directives.length || a.instructions.length !== b.instructions.length) return false;
  if (a.directives.some((d, i) => d.name !== b.directives[i]?.name || d.value !== b.directives[i]?.value)) return false;
  const escape = a.escape.charCodeAt(0);
  return a.instructions.every((node, i) => sameInstruction(node, b.instructions[i] as SyntaxInstruction, escape));
}
