import { tryDockerfile } from '../builder/dockerfile.js';
import { image, scratch, type Image } from '../builder/image.js';
import { stage as newStage } from '../builder/stage.js';
import type { DockwrightCode } from '../errors/codes.js';
import { parseDockerfile } from '../syntax/parse-dockerfile.js';
import { printSyntaxInstruction } from '../syntax/print-syntax-instruction.js';
import type { ParseIssue, SyntaxComment, SyntaxInstruction } from '../syntax/types.js';
import { StageVariable, type AnyStage, type BuilderCall } from './builder-call.js';
import { jsString, type Code } from './code.js';
import { ImportNames } from './import-names.js';
import { instructionCall, type CallContext } from './instruction-call.js';
import { instructionSignature } from './instruction-signature.js';
import { lexLiteral, lexParts } from './lex-parts.js';
import { importIssue, type ImportIssue } from './import-issue.js';

/** What `importDockerfile` returns: the TypeScript module, or the parse errors of the input. */
export type ImportResult =
  | {
      readonly ok: true;
      /** A `*.dockerfile.ts` module whose default export renders the same instructions. */
      readonly source: string;
      /** How many instructions were kept as `raw(..., 'imported as is')`. */
      readonly raw: number;
      /** Instructions that could not be imported at all, each with its line (also written as comments in `source`). */
      readonly skipped: readonly { readonly line: number; readonly text: string }[];
      /**
       * Every instruction the module does not write as a builder call, with its place and why:
       * DW0011 for one kept as `raw()`, DW0012 for one left out. Warnings: the module is written.
       */
      readonly issues: readonly ImportIssue[];
      /**
       * Other places where the module's Dockerfile is not the input line for line, each with its
       * line and why: a RUN written as a heredoc script, a stage name the builder needed.
       * Comments are all kept, as `//` lines.
       */
      readonly notes: readonly { readonly line: number; readonly message: string }[];
    }
  | { readonly ok: false; readonly errors: readonly ImportIssue[] };

export type { ImportIssue } from './import-issue.js';

/** The reason every escape hatch of an imported file carries. */
export const IMPORTED_AS_IS = 'imported as is';

/** What a stage starts from. */
type Base =
  | { readonly kind: 'image'; readonly image: Code<Image> }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'scratch' }
  | { readonly kind: 'stage'; readonly stage: StageVariable };

/** Per instruction: the call the module makes, and why it is raw() when it is; null when not even raw() writes it. */
interface Chosen {
  readonly call: BuilderCall;
  readonly why?: { readonly message: string; readonly hint: string };
}

interface StagePlan {
  readonly name: string;
  readonly from: SyntaxInstruction;
  readonly base: Base;
  readonly nodes: readonly SyntaxInstruction[];
  readonly chosen: (Chosen | null)[];
  readonly variable: StageVariable;
}

/** The instruction as one line, for raw(): continuation lines joined. */
function oneLine(node: SyntaxInstruction, escape: '\\' | '`'): string {
  const lines = printSyntaxInstruction(node, escape);
  return lines.map((line, i) => (i < lines.length - 1 ? line.slice(0, -2) : line).trim()).join(' ');
}

function rawCall(line: string): BuilderCall {
  return { code: `.raw(${jsString(line)}, ${jsString(IMPORTED_AS_IS)})`, apply: (s) => s.raw(line, IMPORTED_AS_IS), raw: true };
}

function baseCode(base: Base): string {
  switch (base.kind) {
    case 'image':
      return base.image.code;
    case 'name':
      return jsString(base.name);
    case 'scratch':
      return 'scratch';
    case 'stage':
      return base.stage.code;
  }
}

/** A stage started from its base; a stage base not built yet stands as scratch (its FROM is checked once it is). */
function startOf(plan: StagePlan): AnyStage {
  const started = newStage(plan.name);
  const base = plan.base;
  switch (base.kind) {
    case 'image':
      return started.from(base.image.value);
    case 'name':
      return started.from(base.name);
    case 'scratch':
      return started.from(scratch);
    case 'stage':
      return base.stage.value === undefined ? started.from(scratch) : started.from(base.stage.value);
  }
}

const ignoredIssues = new Set(['DW3001']);
const problemsOf = (result: ReturnType<typeof tryDockerfile>) => (result.ok ? [] : result.issues.filter((i) => !ignoredIssues.has(i.code)));
const keyOf = (i: { code: string; message: string }) => `${i.code} ${i.message}`;

const RAW_HINT = 'write it with a builder call, then drop the raw()';

/**
 * Turns a written Dockerfile into a TypeScript module that builds it with Dockwright's typed
 * builder. Each instruction becomes a builder call when the builder can write it with the same
 * meaning and without breaking a rule; otherwise it stays as it was, through
 * `raw(line, 'imported as is')`, and the result says so with a DW0011 issue at its place, so the
 * reviewer sees what to fix. The module is checked before it is returned: the same calls are
 * made here and their rendered instructions compared with the input's. Never throws: a file that
 * does not parse, or whose FROM the builder refuses (an image without a tag, or named only by a
 * variable), returns its errors with their places.
 *
 * @example
 * ```ts
 * import { importDockerfile } from '@dockwright/core';
 *
 * const result = importDockerfile('FROM debian:12.8-slim\nRUN apt-get update\nUSER 1000\n');
 * if (result.ok) console.log(result.source, result.issues);
 * ```
 */
export function importDockerfile(text: string): ImportResult {
  const parsed = parseDockerfile(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { syntax } = parsed;
  const escape = syntax.escape;
  const names = new ImportNames();
  const skipped: { line: number; text: string }[] = [];
  const issues: ImportIssue[] = [];
  const notes: { line: number; message: string }[] = [];
  const leftOut = (node: SyntaxInstruction, why: string, hint = 'write it again in the module by hand, or leave it out; a comment marks its place') => {
    const line = oneLine(node, escape);
    skipped.push({ line: node.range.start.line, text: line });
    issues.push(importIssue('DW0012', 'warning', `${line} is not imported: ${why}`, hint, node.range));
  };

  // Global ARGs (before the first FROM) become handles used in FROM lines.
  let index = 0;
  const instructions = syntax.instructions;
  for (; index < instructions.length && instructions[index]?.keyword !== 'FROM'; index++) {
    const node = instructions[index] as SyntaxInstruction;
    if (node.keyword !== 'ARG') continue;
    for (const word of node.arguments.map((a) => a.value)) {
      const eq = word.indexOf('=');
      const value = eq < 0 ? undefined : lexLiteral(word.slice(eq + 1), escape);
      if (eq >= 0 && value === undefined) leftOut(node, 'the default of a global ARG refers to a variable');
      else names.arg(eq < 0 ? word : word.slice(0, eq), value);
    }
  }

  // Stages: one per FROM, named as in the file (or stage-N), with a variable each.
  const plans: StagePlan[] = [];
  const byName = new Map<string, StageVariable>();
  const byIndex: StageVariable[] = [];
  const renamed = new Map<string, string>();
  for (; index < instructions.length; index++) {
    const node = instructions[index] as SyntaxInstruction;
    if (node.keyword !== 'FROM') {
      (plans[plans.length - 1]?.nodes as SyntaxInstruction[]).push(node);
      continue;
    }
    const given = node.arguments[2]?.value;
    let name = (given ?? `stage-${plans.length + 1}`).toLowerCase().replace(/[^a-z0-9-_.]/g, '-');
    if (given === undefined) notes.push({ line: node.range.start.line, message: `the stage has no name; the builder names every stage, so it is written AS ${name} (refer to it as --target ${name})` });
    if (!/^[a-z]/.test(name)) name = `s${name}`;
    if (name === 'scratch' || name === 'context') name = `${name}-stage`;
    while (plans.some((p) => p.name === name)) name = `${name}-2`;
    const variable = new StageVariable(names.identifier(name, 'Stage'));
    const image0 = node.arguments[0]?.value ?? '';
    const earlier = byName.get(image0.toLowerCase());
    let base: Base;
    if (earlier !== undefined) base = { kind: 'stage', stage: earlier };
    else if (image0.toLowerCase() === 'scratch') base = { kind: 'scratch' };
    else {
      const parts = lexParts(image0, escape) ?? [image0];
      if (parts.every((p) => typeof p === 'string')) base = { kind: 'name', name: parts.join('') };
      else {
        const template = names.template(parts);
        base = { kind: 'image', image: { code: `image(${template.code})`, value: image(template.value) } };
      }
    }
    plans.push({ name, from: node, base, nodes: [], chosen: [], variable });
    if (given !== undefined) byName.set(given.toLowerCase(), variable);
    byIndex.push(variable);
    if (given !== undefined) renamed.set(given.toLowerCase(), name);
    renamed.set(String(plans.length - 1), name);
  }
  // BuildKit reads only ARG before the first FROM, and builds nothing without one (DW2006).
  const first = instructions.findIndex((n) => n.keyword === 'FROM');
  const early = (first < 0 ? instructions : instructions.slice(0, first)).filter((n) => n.keyword !== 'ARG');
  if (plans.length === 0 || early.length > 0) {
    const place = plans.length === 0 ? instructions.slice(0, 1) : early;
    return {
      ok: false,
      errors: place.map((n) =>
        importIssue(
          'DW2006',
          'error',
          plans.length === 0 ? 'the file has no FROM, so it has no stage to import' : `${n.keyword} before the first FROM, which BuildKit refuses`,
          'start the file with FROM image:tag; only ARG may come before it',
          n.range,
        ),
      ),
    };
  }

  // A stage must start with from(); there is no escape hatch for a FROM the builder refuses.
  const refused: ImportIssue[] = [];
  for (const plan of plans) {
    let problem: { code: DockwrightCode; message: string; hint: string } | undefined;
    try {
      const result = tryDockerfile(startOf(plan));
      if (!result.ok) problem = result.issues.find((i) => i.path.instruction === 'FROM');
    } catch (error) {
      problem = { code: 'DW1003', message: error instanceof Error ? error.message : String(error), hint: 'write FROM name:tag' };
    }
    if (problem !== undefined) {
      refused.push(importIssue(problem.code, 'error', `FROM ${plan.from.arguments[0]?.value ?? ''} cannot be imported: ${problem.message}`, problem.hint, plan.from.range));
    }
  }
  if (refused.length > 0) return { ok: false, errors: refused };

  const context: CallContext = { escape, names, stages: byName, stageList: byIndex };
  const forced = new Set<SyntaxInstruction>();
  const refusals = new Map<SyntaxInstruction, string>();
  const leftOutWhy = new Map<SyntaxInstruction, { message: string; hint: string }>();
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const plan of plans) plan.variable.set(undefined);
    // Build each stage call by call; a call that adds a problem is replaced by raw().
    for (const plan of plans) {
      let current = startOf(plan);
      plan.chosen.length = 0;
      for (const node of plan.nodes) {
        const before = new Set(problemsOf(tryDockerfile(current)).map(keyOf));
        const mapped = forced.has(node) ? undefined : instructionCall(node, context);
        let why: { message: string; hint: string } = mapped === undefined ? { message: 'its builder call renders an instruction BuildKit reads differently', hint: RAW_HINT } : mapped.ok ? { message: 'its builder call is refused', hint: RAW_HINT } : { message: mapped.reason, hint: mapped.hint ?? RAW_HINT };
        let chosen: Chosen | null = null;
        for (const call of [mapped?.ok === true ? mapped.call : undefined, rawCall(oneLine(node, escape))]) {
          if (call === undefined) continue;
          let refusal: { message: string; hint: string };
          try {
            const next = call.apply(current);
            const added = problemsOf(tryDockerfile(next)).find((i) => !before.has(keyOf(i)));
            if (added === undefined) {
              current = next;
              chosen = call.raw ? { call, why } : { call };
              break;
            }
            refusal = { message: `${added.code}: ${added.message}`, hint: added.hint };
          } catch (error) {
            // The builder threw on this call: try the next candidate.
            refusal = { message: error instanceof Error ? error.message : String(error), hint: RAW_HINT };
          }
          if (call.raw) refusals.set(node, `raw() refuses it too (${refusal.message})`);
          else why = { message: `its builder call would add ${refusal.message}`, hint: refusal.hint };
        }
        if (chosen === null) leftOutWhy.set(node, why);
        plan.chosen.push(chosen);
      }
      plan.variable.set(current);
    }
    // Render what the calls build, and compare each instruction with the input's.
    const final = (plans[plans.length - 1] as StagePlan).variable.value as AnyStage;
    const rendered = tryDockerfile(final.allowRoot(IMPORTED_AS_IS), { syntax: 'none' });
    if (!rendered.ok) break;
    const back = parseDockerfile(rendered.dockerfile.render()).syntax.instructions;
    let mismatch = false;
    for (const plan of plans) {
      const at = back.findIndex((n) => n.keyword === 'FROM' && n.arguments[2]?.value === plan.name);
      if (at < 0) continue;
      const theirs: SyntaxInstruction[] = [];
      for (let i = at + 1; i < back.length && back[i]?.keyword !== 'FROM'; i++) theirs.push(back[i] as SyntaxInstruction);
      const ours = plan.nodes.filter((_, i) => plan.chosen[i] !== null);
      ours.forEach((node, i) => {
        const other = theirs[i];
        if (other === undefined || forced.has(node)) return;
        if (instructionSignature(node, escape, renamed) !== instructionSignature(other, '\\', renamed)) {
          forced.add(node);
          mismatch = true;
        }
      });
    }
    if (!mismatch) break;
  }

  // The module text.
  const final = plans[plans.length - 1] as StagePlan;
  const check = tryDockerfile(final.variable.value as AnyStage);
  const needsRoot = !check.ok && check.issues.some((i) => i.code === 'DW3001');
  let rawCount = 0;
  const body: string[] = [];
  for (const plan of plans) {
    const lines = [...plan.from.comments.map((c) => `// ${c.text}`), `const ${plan.variable.code} = stage(${jsString(plan.name)})`, `  .from(${baseCode(plan.base)})`];
    plan.nodes.forEach((node, i) => {
      for (const comment of node.comments) lines.push(`  // ${comment.text}`);
      // Comment lines inside a continued instruction (BuildKit skips them) are kept above its call.
      for (const comment of insideComments(node)) lines.push(`  // ${comment.text}`);
      const chosen = plan.chosen[i];
      if (chosen === null || chosen === undefined) {
        const why = leftOutWhy.get(node);
        leftOut(node, `${why?.message ?? 'no builder call writes it'}, and ${refusals.get(node) ?? 'raw() refuses it too'}`, why === undefined || why.hint === RAW_HINT ? undefined : why.hint);
        lines.push(`  // not imported (line ${node.range.start.line}): ${oneLine(node, escape)}`);
        return;
      }
      if (chosen.why !== undefined) {
        rawCount++;
        issues.push(importIssue('DW0011', 'warning', `${oneLine(node, escape)} is kept as raw(): ${chosen.why.message}`, chosen.why.hint, node.range));
      }
      if (chosen.call.note !== undefined) notes.push({ line: node.range.start.line, message: chosen.call.note });
      lines.push(`  ${chosen.call.code}`);
    });
    if (plan === final && needsRoot) lines.push(`  .allowRoot(${jsString(IMPORTED_AS_IS)})`);
    body.push(`${lines.join('\n')};`);
  }
  const syntaxDirective = syntax.directives.find((d) => d.name === 'syntax')?.value;
  const options = syntaxDirective === undefined ? '' : `, { syntax: ${jsString(syntaxDirective)} }`;
  const code = [...names.declarations, ...body, `export default dockerfile(${final.variable.code}${options});`].join('\n\n');
  const used = ['arg', 'bindMount', 'cacheMount', 'dockerfile', 'image', 'imageEnv', 'scratch', 'secretMount', 'sshMount', 'stage', 'tmpfsMount', 'tpl'].filter((name) => new RegExp(`\\b${name}[(\`]|\\b${name}\\b(?=[),])`).test(code));
  // Comments after the last instruction close the module.
  const lastLine = instructions[instructions.length - 1]?.range.end.line ?? 0;
  const trailing = syntax.comments.filter((c) => c.range.start.line > lastLine).map((c) => `// ${c.text}`);
  const source = `import { ${used.join(', ')} } from '@dockwright/core';\n\n${code}\n${trailing.length > 0 ? `\n${trailing.join('\n')}\n` : ''}`;
  const byPlace = (a: { range: ParseIssue['range'] }, b: { range: ParseIssue['range'] }) => a.range.start.line - b.range.start.line;
  return { ok: true, source, raw: rawCount, skipped: skipped.sort((a, b) => a.line - b.line), issues: issues.sort(byPlace), notes: notes.sort((a, b) => a.line - b.line) };

  function insideComments(node: SyntaxInstruction): SyntaxComment[] {
    const next = instructions[instructions.indexOf(node) + 1]?.range.start.line ?? Number.POSITIVE_INFINITY;
    return syntax.comments.filter((c) => c.inContinuation && c.range.start.line > node.range.start.line && c.range.start.line < next);
  }
}
