// Prints a syntax tree the way BuildKit's Node.Dump does, so parses compare with the `result`
// files of BuildKit's parser test cases.
import type { DockerfileSyntax, SyntaxInstruction } from '@dockwright/core';

/** Go's strconv.Quote for the characters Dockerfiles hold. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\u0007') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** One instruction as Node.Dump prints it, without the surrounding parentheses. */
export function dumpInstruction(node: SyntaxInstruction): string {
  let out = node.keyword.toLowerCase();
  if (node.flags.length > 0) out += ` [${node.flags.map((f) => goQuote(f.text)).join(' ')}]`;
  if (node.trigger !== undefined) return `${out} (${dumpInstruction(node.trigger)})`;
  if (node.pairs.length > 0) {
    for (const pair of node.pairs) out += ` ${goQuote(pair.key)} ${goQuote(pair.value)} ${goQuote(pair.separator)}`;
    return out;
  }
  for (const arg of node.arguments) out += ` ${goQuote(arg.value)}`;
  return out;
}

/** The whole file as BuildKit's parser test prints it: one `(instruction ...)` per line. */
export function dumpSyntax(syntax: DockerfileSyntax): string {
  return syntax.instructions.map((node) => `(${dumpInstruction(node)})\n`).join('');
}
