import { normalizeShell } from '../syntax/shell-tokens.js';
import type { SyntaxInstruction } from '../syntax/types.js';
import { lexLiteral } from './lex-parts.js';
import { normalizeMount } from './mount-options.js';

const SHELL_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
/** Where the form changes what runs; COPY, ADD and VOLUME pick theirs by content. */
const FORMS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);

/**
 * What an instruction does, as a string that two instructions share when BuildKit builds them
 * alike: keyword, flags as a set, and values after BuildKit's lexer (so `"a b"` and `a\ b` agree),
 * shell commands up to blanks. `stages` renames stage references (`FROM`, `--from`).
 *
 * @example
 * ```ts
 * instructionSignature(node, '\\', new Map([['builder', 'build']]));
 * ```
 */
export function instructionSignature(node: SyntaxInstruction, escape: '\\' | '`', stages: ReadonlyMap<string, string>): string {
  const lex = (value: string) => lexLiteral(value, escape) ?? value;
  const stage = (name: string) => stages.get(name.toLowerCase()) ?? name;
  const flags = node.flags
    .filter((f) => !(node.keyword === 'COPY' && f.name === 'link' && f.value === 'false'))
    .map((f) => (f.name === 'mount' && f.value !== undefined ? `--mount=${normalizeMount(f.value)}` : f.name === 'from' && f.value !== undefined ? `--from=${stage(f.value)}` : f.value === undefined ? `--${f.name}` : `--${f.name}=${lex(f.value)}`))
    .sort();
  let values: string[];
  const heredoc = node.heredocs[0];
  const script = node.keyword === 'RUN' && node.heredocs.length === 1 && heredoc !== undefined && !heredoc.expand && /^<<-?['"]\w+['"]$/.test(normalizeShell(node.arguments[0]?.value ?? '', 0x5c));
  if (script) {
    // `RUN <<'EOF'` with a one-line script runs like that line in shell form (a newline inside
    // the script separates commands, so only the last one is dropped).
    return JSON.stringify([node.keyword, flags, 'shell', [normalizeShell(heredoc.content.replace(/\n$/, ''), escape.charCodeAt(0))], []]);
  }
  if (node.trigger !== undefined) values = [instructionSignature(node.trigger, escape, stages)];
  else if (node.pairs.length > 0) values = node.pairs.flatMap((p) => [p.key, lex(p.value)]);
  else if (node.form === 'json') values = node.arguments.map((a) => a.value);
  else if (SHELL_COMMANDS.has(node.keyword)) values = node.arguments.map((a) => normalizeShell(a.value, escape.charCodeAt(0)));
  else if (node.keyword === 'HEALTHCHECK') values = node.arguments.map((a, i) => (i === 0 ? a.value.toUpperCase() : normalizeShell(a.value, escape.charCodeAt(0))));
  else if (node.keyword === 'FROM') values = [stage(lex(node.arguments[0]?.value ?? ''))];
  else if (node.keyword === 'EXPOSE') values = node.arguments.map((a) => lex(a.value).toLowerCase().replace(/\/tcp$/, ''));
  else values = node.arguments.map((a) => lex(a.value));
  return JSON.stringify([node.keyword, flags, FORMS.has(node.keyword) ? node.form : '-', values, node.heredocs.map((h) => h.content)]);
}
