import type { DockerfileSyntax, SyntaxInstruction } from '../syntax/types.js';
import type { LintFile, LintInstruction, LintPair, LintStage } from '../rules/lint-file.js';

/**
 * Removes shell quoting from a word the way BuildKit's word expansion would, keeping `$`
 * references as written: `"a b"` reads `a b`, `'x'` reads `x`, `a\ b` reads `a b`.
 *
 * @example
 * ```ts
 * unquote('"/app/my dir/"'); // '/app/my dir/'
 * ```
 */
export function unquote(word: string, escape = '\\'): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < word.length; i += 1) {
    const c = word[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
    } else if (c === escape && i + 1 < word.length) {
      const next = word[i + 1] as string;
      if (quote === '"' && next !== '"' && next !== escape && next !== '$') out += c;
      out += next;
      i += 1;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else out += c;
  }
  return out;
}

function pairsOf(node: SyntaxInstruction, escape: string): LintPair[] {
  if (node.keyword === 'ARG') {
    return node.arguments.map((a) => {
      const eq = a.value.indexOf('=');
      return eq < 0 ? { key: a.value } : { key: a.value.slice(0, eq), value: unquote(a.value.slice(eq + 1), escape) };
    });
  }
  return node.pairs.map((p) => {
    // Single quotes keep `$` literal: mark the value so rules see no variables in it.
    const single = /^'.*'$/s.test(p.value);
    const value = unquote(p.value, escape);
    return { key: unquote(p.key, escape), value: single ? value.replace(/\$/g, '\\$') : value, ...(p.separator === '' ? { legacy: true } : {}) };
  });
}

function readInstruction(node: SyntaxInstruction, stage: number, escape: string): LintInstruction {
  const raw = node.arguments.map((a) => a.value);
  const json = node.form === 'json';
  const single = ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL'].includes(node.keyword) && !json;
  let args: string[];
  let text: string;
  if (node.keyword === 'HEALTHCHECK') {
    // The type (CMD or NONE) first, then the command.
    args = raw.slice(1);
    text = raw[0]?.toUpperCase() === 'NONE' ? 'NONE' : args.join(' ');
  } else if (single) {
    text = raw.join(' ');
    args = text.split(/\s+/).filter((w) => w !== '');
  } else if (json) {
    args = raw;
    text = raw.join(' ');
  } else {
    args = raw.map((w) => unquote(w, escape));
    text = raw.join(' ');
  }
  return {
    keyword: node.keyword,
    keywordText: node.keywordText,
    position: { line: node.range.start.line, column: node.range.start.column, endLine: node.range.end.line, endColumn: node.range.end.column },
    flags: node.flags.map((f) => (f.value === undefined ? { name: f.name } : { name: f.name, value: f.value })),
    json,
    args,
    text,
    heredocs: node.heredocs.map((h) => ({ name: h.name, content: h.content })),
    pairs: pairsOf(node, escape),
    ...(node.trigger === undefined ? {} : { trigger: readInstruction(node.trigger, stage, escape) }),
    stage,
    source: node.text,
  };
}

/**
 * The rules' view of a parsed Dockerfile: stages, global ARGs, comments and directives, with
 * arguments unquoted where BuildKit would expand them.
 *
 * @example
 * ```ts
 * readSyntax(parseDockerfile('FROM debian:12 AS base\nRUN true\n').syntax).stages[0]?.name; // 'base'
 * ```
 */
export function readSyntax(tree: DockerfileSyntax): LintFile {
  const instructions: LintInstruction[] = [];
  const globals: LintInstruction[] = [];
  const stages: { index: number; name?: string; base: string; from: LintInstruction; instructions: LintInstruction[] }[] = [];
  for (const node of tree.instructions) {
    const isFrom = node.keyword === 'FROM';
    const index = isFrom ? stages.length : stages.length - 1;
    const i = readInstruction(node, index, tree.escape);
    instructions.push(i);
    if (isFrom) {
      const words = i.args;
      const name = words[1]?.toLowerCase() === 'as' ? words[2] : undefined;
      stages.push({ index, ...(name === undefined ? {} : { name }), base: words[0] ?? '', from: i, instructions: [] });
    } else if (index < 0) globals.push(i);
    else stages[index]?.instructions.push(i);
  }
  return {
    directives: tree.directives.map((d) => ({ name: d.name, value: d.value, position: { line: d.range.start.line, column: d.range.start.column } })),
    comments: tree.comments.filter((c) => !c.inContinuation).map((c) => ({ text: c.text, position: { line: c.range.start.line, column: c.range.start.column, endLine: c.range.end.line, endColumn: c.range.end.column } })),
    instructions,
    globals,
    stages: stages as LintStage[],
  };
}
