import { tryDockerfile } from '../builder/dockerfile.js';
import { image, scratch } from '../builder/image.js';
import { bindMount, cacheMount, secretMount, sshMount, tmpfsMount } from '../builder/mounts.js';
import { stage as newStage } from '../builder/stage.js';
import type { Stage } from '../builder/stage-types.js';
import { arg, imageEnv, tpl, type Arg, type Variable } from '../builder/variables.js';
import { parseDockerfile } from '../syntax/parse-dockerfile.js';
import { commandLines, printSyntaxInstruction } from '../syntax/print-syntax-instruction.js';
import { normalizeShell } from '../syntax/shell-tokens.js';
import type { DockwrightCode } from '../errors/codes.js';
import type { ParseIssue, SyntaxComment, SyntaxInstruction } from '../syntax/types.js';
import { instructionSignature } from './instruction-signature.js';
import { lexParts, type LexPart } from './lex-parts.js';
import { mountOptions } from './mount-options.js';

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
       * Where the module's Dockerfile is not the input line for line, each with its line and why:
       * an instruction kept as raw(), a RUN written as a heredoc script, a stage name the builder
       * needed. Comments are all kept, as `//` lines.
       */
      readonly notes: readonly { readonly line: number; readonly message: string }[];
    }
  | { readonly ok: false; readonly errors: readonly ImportIssue[] };

/** Why a file could not be imported: a parse error, or a FROM the builder cannot write (no escape hatch starts a stage). */
export type ImportIssue = Omit<ParseIssue, 'code'> & { readonly code: DockwrightCode };

/** The reason every escape hatch of an imported file carries. */
export const IMPORTED_AS_IS = 'imported as is';

/** A value of the generated code: its TypeScript text and the value it evaluates to. */
class Ref {
  constructor(
    readonly code: string,
    readonly value: unknown,
  ) {}
}

type Value = string | number | boolean | Ref | readonly Value[] | { readonly [key: string]: Value | undefined };

/** One builder call: `.method(args)`, or `.onBuild((s) => s.<trigger>)`. */
interface Op {
  readonly method: string;
  readonly args: readonly Value[];
  readonly trigger?: Op;
}

const IDENTIFIERS = new Set(['arg', 'bindMount', 'cacheMount', 'secretMount', 'sshMount', 'tmpfsMount', 'dockerfile', 'image', 'imageEnv', 'scratch', 'stage', 'tpl', 'default', 'new', 'class', 'function', 'import', 'export', 'const', 'let', 'var', 'return', 'delete', 'in', 'do', 'if', 'for', 'while', 'switch', 'case', 'try', 'catch', 'this', 'void', 'with', 'yield', 'enum', 'await', 'package', 'public']);

function jsString(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function templateText(text: string): string {
  return text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
}

function codeOf(value: Value | undefined): string {
  if (value instanceof Ref) return value.code;
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(codeOf).join(', ')}]`;
  const entries = Object.entries(value ?? {}).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsString(k)}: ${codeOf(v)}`).join(', ')} }`;
}

function valueOf(value: Value | undefined): unknown {
  if (value instanceof Ref) return value.value;
  if (Array.isArray(value)) return value.map(valueOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, valueOf(v)]));
  }
  return value;
}

function callCode(op: Op): string {
  if (op.trigger !== undefined) return `.onBuild((s) => s${callCode(op.trigger)})`;
  return `.${op.method}(${op.args.map(codeOf).join(', ')})`;
}

type AnyStage = Stage<boolean>;

function applyOp(target: AnyStage, op: Op): AnyStage {
  if (op.trigger !== undefined) {
    const trigger = op.trigger;
    return target.onBuild((s) => applyOp(s, trigger));
  }
  const method = (target as unknown as Record<string, (...args: unknown[]) => AnyStage>)[op.method];
  if (typeof method !== 'function') throw new Error(`no method ${op.method}`);
  return method.apply(target, op.args.map(valueOf));
}

/** The instruction as one line, for raw(): continuation lines joined. */
function oneLine(node: SyntaxInstruction, escape: '\\' | '`'): string {
  const lines = printSyntaxInstruction(node, escape);
  return lines.map((line, i) => (i < lines.length - 1 ? line.slice(0, -2) : line).trim()).join(' ');
}

/** Makes the generated code's variables and the values they stand for. */
class Names {
  private readonly used = new Set<string>(IDENTIFIERS);
  readonly declarations: string[] = [];
  private readonly args = new Map<string, { ref: Ref; default: string | undefined }>();

  identifier(name: string, suffix: string): string {
    const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
    let base = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('') || suffix.toLowerCase();
    if (/^[0-9]/.test(base)) base = `${suffix.toLowerCase()}${base}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = n === 2 && !this.used.has(`${base}${suffix}`) ? `${base}${suffix}` : `${base}${n}`;
    this.used.add(id);
    return id;
  }

  /** The handle of an ARG; one per name and default, declared at the top of the module. */
  arg(name: string, defaultValue: string | undefined): Ref {
    const key = `${name}\u0000${defaultValue ?? ''}\u0000${defaultValue === undefined}`;
    const known = this.args.get(key);
    if (known !== undefined) return known.ref;
    const id = this.identifier(name, 'Arg');
    const value = arg(name, defaultValue === undefined ? {} : { default: defaultValue });
    this.declarations.push(`const ${id} = arg(${jsString(name)}${defaultValue === undefined ? '' : `, { default: ${jsString(defaultValue)} }`});`);
    const ref = new Ref(id, value);
    this.args.set(key, { ref, default: defaultValue });
    return ref;
  }

  /** The handle of a declared ARG by name (the latest declaration), if any. */
  argNamed(name: string): Ref | undefined {
    let found: Ref | undefined;
    for (const [key, entry] of this.args) if (key.startsWith(`${name}\u0000`)) found = entry.ref;
    return found;
  }
}

/** A text with variables as a `tpl` template (ARG handles, or the base image's environment). */
function textValue(parts: readonly LexPart[], names: Names): Value {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  const strings: string[] = [''];
  const values: Variable[] = [];
  const codes: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') strings[strings.length - 1] += part;
    else {
      const handle = names.argNamed(part.variable);
      values.push((handle?.value as Arg | undefined) ?? imageEnv(part.variable));
      codes.push(handle?.code ?? `imageEnv(${jsString(part.variable)})`);
      strings.push('');
    }
  }
  const raw = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
  const code = `tpl\`${strings.map((s, i) => `${templateText(s)}${i < codes.length ? `\${${codes[i]}}` : ''}`).join('')}\``;
  return new Ref(code, tpl(raw, ...values));
}

function literal(word: string, escape: '\\' | '`'): string | undefined {
  const parts = lexParts(word, escape);
  return parts?.every((p) => typeof p === 'string') === true ? parts.join('') : undefined;
}

const raw = (node: SyntaxInstruction, escape: '\\' | '`'): Op => ({ method: 'raw', args: [oneLine(node, escape), IMPORTED_AS_IS] });

/** The command of a RUN (shell, exec or a one-heredoc script), without its flags. */
function runPlain(node: SyntaxInstruction, args: readonly string[], escape: '\\' | '`'): Op | undefined {
  if (node.heredocs.length > 0) {
    const heredoc = node.heredocs[0];
    if (node.heredocs.length !== 1 || heredoc === undefined || heredoc.chomp || heredoc.content === '' || !/^<<'?"?\w+"?'?$/.test(normalizeShell(args[0] ?? '', 0x5c))) return undefined;
    return { method: 'run', args: [heredoc.content] };
  }
  if (node.form === 'json') return args.length > 0 ? { method: 'run', args: [args] } : undefined;
  // A tab inside quotes cannot go on a RUN line; as a heredoc script it runs the same.
  const oneLineCommand = normalizeShell(args[0] ?? '', escape.charCodeAt(0));
  const script = oneLineCommand.includes('\t') ? '\n' : '';
  const command = oneLineCommand + script;
  const lines = commandLines(node, args[0] ?? '', escape.charCodeAt(0)).map((words) => words.join(' '));
  if (script !== '') lines[lines.length - 1] += '\n';
  if (lines.length < 2) return { method: 'run', args: [command] };
  // A long command keeps its lines in the code: string pieces joined with +.
  const code = `\n    ${lines.map((line, i) => jsString(i < lines.length - 1 ? `${line} ` : line)).join(' +\n    ')},\n  `;
  return { method: 'run', args: [new Ref(code, command)] };
}

/** `--mount=...` as a mount helper call, or undefined when the helpers cannot say it. */
function mountCall(value: string, stages: ReadonlyMap<string, Ref>, stageList: readonly Ref[]): Ref | undefined {
  const options = mountOptions(value);
  if (options === undefined) return undefined;
  const take = (key: string): string | undefined => {
    const v = options.get(key);
    options.delete(key);
    return typeof v === 'string' ? v : undefined;
  };
  const flag = (key: string): boolean | undefined => {
    const v = options.get(key);
    options.delete(key);
    return v === undefined ? undefined : v === true || v === 'true';
  };
  const type = take('type');
  const target = take('target');
  const rest: Record<string, Value> = {};
  const put = (key: string, v: Value | undefined) => {
    if (v !== undefined) rest[key] = v;
  };
  const number = (key: string) => {
    const v = take(key);
    return v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  const from = take('from');
  let fromRef: Ref | undefined;
  if (from !== undefined) {
    fromRef = stages.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? stageList[Number(from)] : undefined) ?? (from.includes('$') ? undefined : new Ref(`image(${jsString(from)})`, image(from)));
    if (fromRef === undefined) return undefined;
  }
  let call: { name: string; args: Value[] };
  if (type === 'cache' && target !== undefined) {
    put('id', take('id'));
    put('sharing', take('sharing'));
    put('from', fromRef);
    put('source', take('source'));
    put('mode', take('mode'));
    put('uid', number('uid'));
    put('gid', number('gid'));
    put('readonly', flag('readonly'));
    call = { name: 'cacheMount', args: [target] };
  } else if (type === 'bind' && target !== undefined) {
    put('source', take('source'));
    put('from', fromRef);
    put('readwrite', flag('readwrite'));
    call = { name: 'bindMount', args: [target] };
  } else if (type === 'secret' && options.has('id')) {
    const id = take('id') as string;
    put('target', target);
    put('env', take('env'));
    put('required', flag('required'));
    put('mode', take('mode'));
    put('uid', number('uid'));
    put('gid', number('gid'));
    call = { name: 'secretMount', args: [id] };
  } else if (type === 'ssh') {
    put('id', take('id'));
    put('target', target);
    put('required', flag('required'));
    put('mode', take('mode'));
    put('uid', number('uid'));
    put('gid', number('gid'));
    call = { name: 'sshMount', args: [] };
  } else if (type === 'tmpfs' && target !== undefined) {
    put('size', number('size'));
    call = { name: 'tmpfsMount', args: [target] };
  } else return undefined;
  // An option the helper does not take, or a number that is not one: keep the line raw.
  if (options.size > 0 || Object.values(rest).some((v) => typeof v === 'number' && Number.isNaN(v))) return undefined;
  const args: Value[] = [...call.args, ...(Object.keys(rest).length > 0 ? [rest] : [])];
  const helpers: Record<string, (...a: never[]) => unknown> = { cacheMount, bindMount, secretMount, sshMount, tmpfsMount };
  const helper = helpers[call.name] as (...a: unknown[]) => unknown;
  return new Ref(`${call.name}(${args.map(codeOf).join(', ')})`, helper(...args.map(valueOf)));
}

/** The builder call for one instruction, or undefined when only raw() can write it. */
function opFor(node: SyntaxInstruction, escape: '\\' | '`', names: Names, stages: ReadonlyMap<string, Ref>, stageList: readonly Ref[]): Op | undefined {
  const args = node.arguments.map((a) => a.value);
  const flags = new Map(node.flags.map((f) => [f.name, f.value]));
  // A flag given twice is refused by BuildKit, except the repeatable --mount and --exclude.
  if (node.flags.filter((f) => f.name !== 'mount' && f.name !== 'exclude').length !== new Set(node.flags.filter((f) => f.name !== 'mount' && f.name !== 'exclude').map((f) => f.name)).size) return undefined;
  const only = (...allowed: string[]) => node.flags.every((f) => allowed.includes(f.name));
  switch (node.keyword) {
    case 'RUN': {
      if (!only('mount', 'network', 'security')) return undefined;
      const runOptions: Record<string, Value> = {};
      const mounts: Value[] = [];
      for (const flag of node.flags) {
        if (flag.value === undefined) return undefined;
        if (flag.name === 'mount') {
          const mount = mountCall(flag.value, stages, stageList);
          if (mount === undefined) return undefined;
          mounts.push(mount);
        } else runOptions[flag.name] = flag.value;
      }
      if (mounts.length > 0) runOptions['mounts'] = mounts;
      const withOptions = (op: Op): Op => (Object.keys(runOptions).length > 0 ? { method: op.method, args: [...op.args, runOptions] } : op);
      const plain = runPlain(node, args, escape);
      return plain === undefined ? undefined : withOptions(plain);
    }
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      if (node.form !== 'json' || args.length === 0 || node.flags.length > 0) return undefined;
      return { method: node.keyword === 'CMD' ? 'cmd' : node.keyword === 'SHELL' ? 'shell' : 'entrypoint', args: [args] };
    case 'ENV':
    case 'LABEL': {
      const record: Record<string, Value> = {};
      for (const pair of node.pairs) {
        const parts = lexParts(pair.value, escape);
        if (parts === undefined || pair.key in record) return undefined;
        record[pair.key] = textValue(parts, names);
      }
      return node.pairs.length > 0 ? { method: node.keyword === 'ENV' ? 'env' : 'label', args: [record] } : undefined;
    }
    case 'ARG': {
      if (args.length !== 1) return undefined;
      const word = args[0] as string;
      const eq = word.indexOf('=');
      const defaultValue = eq < 0 ? undefined : literal(word.slice(eq + 1), escape);
      if (eq >= 0 && defaultValue === undefined) return undefined;
      return { method: 'arg', args: [names.arg(eq < 0 ? word : word.slice(0, eq), defaultValue)] };
    }
    case 'WORKDIR': {
      const parts = lexParts(args[0] ?? '', escape);
      return parts === undefined ? undefined : { method: 'workdir', args: [textValue(parts, names)] };
    }
    case 'USER': {
      const value = literal(args[0] ?? '', escape);
      if (value === undefined) return undefined;
      return { method: 'user', args: [/^\d+$/.test(value) ? Number(value) : value] };
    }
    case 'STOPSIGNAL': {
      const value = literal(args[0] ?? '', escape);
      return value === undefined ? undefined : { method: 'stopSignal', args: [value] };
    }
    case 'EXPOSE': {
      const ports: Value[] = [];
      for (const word of args) {
        const value = literal(word, escape)?.toLowerCase().replace(/\/tcp$/, '');
        if (value === undefined) return undefined;
        ports.push(/^\d+$/.test(value) ? Number(value) : value);
      }
      return ports.length > 0 ? { method: 'expose', args: ports } : undefined;
    }
    case 'VOLUME': {
      const paths = args.map((a) => (node.form === 'json' ? a : literal(a, escape)));
      if (paths.length === 0 || paths.some((p) => p === undefined)) return undefined;
      return { method: 'volume', args: paths as string[] };
    }
    case 'COPY': {
      if (!only('from', 'chown', 'chmod', 'link', 'parents', 'exclude') || node.heredocs.length > 0 || args.length < 2) return undefined;
      const paths = args.map((a) => literal(a, escape));
      if (paths.some((p) => p === undefined)) return undefined;
      const options: Record<string, Value | undefined> = {};
      for (const flag of node.flags) {
        const value = flag.value === undefined ? undefined : literal(flag.value, escape);
        if (flag.name === 'from') continue;
        if (flag.name === 'link' || flag.name === 'parents') {
          if (flag.value !== undefined) return undefined;
          options[flag.name] = true;
        } else if (flag.name === 'exclude') return undefined;
        else if (value === undefined) return undefined;
        else options[flag.name] = value;
      }
      const sources = paths.slice(0, -1) as string[];
      const source: Value = sources.length === 1 ? (sources[0] as string) : sources;
      const tail: Value[] = [source, paths[paths.length - 1] as string, ...(Object.keys(options).length > 0 ? [options] : [])];
      const from = flags.get('from');
      if (from === undefined) return { method: 'copy', args: tail };
      const byName = stages.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? stageList[Number(from)] : undefined);
      if (byName !== undefined) return { method: 'copy', args: [byName, ...tail] };
      if (from.includes('$')) return undefined;
      return { method: 'copy', args: [new Ref(`image(${jsString(from)})`, image(from)), ...tail] };
    }
    case 'HEALTHCHECK': {
      const type = args[0]?.toUpperCase();
      if (type === 'NONE' && node.flags.length === 0 && args.length === 1) return { method: 'healthcheck', args: ['none'] };
      if (type !== 'CMD' || node.form !== 'json' || args.length < 2) return undefined;
      const options: Record<string, Value> = {};
      const keys: Record<string, string> = { interval: 'interval', timeout: 'timeout', 'start-period': 'startPeriod', 'start-interval': 'startInterval', retries: 'retries' };
      for (const flag of node.flags) {
        const key = keys[flag.name];
        if (key === undefined || flag.value === undefined) return undefined;
        options[key] = key === 'retries' ? Number(flag.value) : flag.value;
      }
      return { method: 'healthcheck', args: [args.slice(1), ...(node.flags.length > 0 ? [options] : [])] };
    }
    case 'ONBUILD': {
      if (node.trigger === undefined) return undefined;
      const trigger = opFor(node.trigger, escape, names, stages, stageList);
      return trigger === undefined ? undefined : { method: 'onBuild', args: [], trigger };
    }
    case 'ADD': {
      // A remote file with its checksum, or a local archive to unpack; other ADDs stay raw (COPY's job).
      if (!only('chown', 'chmod', 'link', 'checksum') || args.length !== 2 || node.heredocs.length > 0) return undefined;
      const [source, dest] = args.map((a) => literal(a, escape));
      if (source === undefined || dest === undefined) return undefined;
      const options: Record<string, Value> = {};
      for (const flag of node.flags) {
        if (flag.name === 'link') {
          if (flag.value !== undefined) return undefined;
          options['link'] = true;
        } else if (flag.value === undefined) return undefined;
        else options[flag.name] = flag.value;
      }
      if (/^https?:\/\//.test(source)) return options['checksum'] === undefined ? undefined : { method: 'addUrl', args: [source, dest, options] };
      if (options['checksum'] !== undefined || options['link'] !== undefined || !/\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/.test(source)) return undefined;
      return { method: 'addArchive', args: [source, dest, ...(Object.keys(options).length > 0 ? [options] : [])] };
    }
    default:
      // MAINTAINER (deprecated: a label says it), and anything else: only raw().
      return undefined;
  }
}

interface StagePlan {
  readonly name: string;
  readonly id: string;
  readonly from: SyntaxInstruction;
  readonly base: Ref | string;
  readonly nodes: readonly SyntaxInstruction[];
  /** Per node: its call, a raw() call, or null when even raw() cannot write it. */
  readonly ops: (Op | null)[];
  value: AnyStage;
}

const ignoredIssues = new Set(['DW3001']);
const issueKeys = (result: ReturnType<typeof tryDockerfile>): Set<string> =>
  new Set(result.ok ? [] : result.issues.filter((i) => !ignoredIssues.has(i.code)).map((i) => `${i.code} ${i.message}`));

/**
 * Turns a written Dockerfile into a TypeScript module that builds it with Dockwright's typed
 * builder. Each instruction becomes a builder call when the builder can write it with the same
 * meaning and without breaking a rule; otherwise it stays as it was, through
 * `raw(line, 'imported as is')`, so the reviewer sees what to fix. The module is checked before it
 * is returned: the same calls are made here and their rendered instructions compared with the
 * input's. Never throws: a file that does not parse, or whose FROM the builder refuses (an image
 * without a tag, or named only by a variable), returns its errors with their places.
 *
 * @example
 * ```ts
 * import { importDockerfile } from '@dockwright/core';
 *
 * const result = importDockerfile('FROM debian:12.8-slim\nRUN apt-get update\nUSER 1000\n');
 * if (result.ok) console.log(result.source);
 * ```
 */
export function importDockerfile(text: string): ImportResult {
  const parsed = parseDockerfile(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { syntax } = parsed;
  const escape = syntax.escape;
  const names = new Names();
  const skipped: { line: number; text: string }[] = [];
  const notes: { line: number; message: string }[] = [];

  // Global ARGs (before the first FROM) become handles used in FROM lines.
  let index = 0;
  const instructions = syntax.instructions;
  for (; index < instructions.length && instructions[index]?.keyword !== 'FROM'; index++) {
    const node = instructions[index] as SyntaxInstruction;
    for (const word of node.arguments.map((a) => a.value)) {
      const eq = word.indexOf('=');
      const value = eq < 0 ? undefined : literal(word.slice(eq + 1), escape);
      if (eq >= 0 && value === undefined) skipped.push({ line: node.range.start.line, text: oneLine(node, escape) });
      else names.arg(eq < 0 ? word : word.slice(0, eq), value);
    }
  }

  // Stages: one per FROM, named as in the file (or stage-N), with a variable each.
  const plans: StagePlan[] = [];
  const byName = new Map<string, Ref>();
  const byIndex: Ref[] = [];
  const renamed = new Map<string, string>();
  for (; index < instructions.length; index++) {
    const node = instructions[index] as SyntaxInstruction;
    if (node.keyword === 'FROM') {
      const given = node.arguments[2]?.value;
      let name = (given ?? `stage-${plans.length + 1}`).toLowerCase().replace(/[^a-z0-9-_.]/g, '-');
      if (given === undefined) notes.push({ line: node.range.start.line, message: `the stage has no name; the builder names every stage, so it is written AS ${name} (refer to it as --target ${name})` });
      if (!/^[a-z]/.test(name)) name = `s${name}`;
      if (name === 'scratch' || name === 'context') name = `${name}-stage`;
      while (plans.some((p) => p.name === name)) name = `${name}-2`;
      const id = names.identifier(name, 'Stage');
      const image0 = node.arguments[0]?.value ?? '';
      let base: Ref | string;
      const earlier = byName.get(image0.toLowerCase());
      if (earlier !== undefined) base = earlier;
      else if (image0.toLowerCase() === 'scratch') base = new Ref('scratch', scratch);
      else {
        const parts = lexParts(image0, escape) ?? [image0];
        const value = textValue(parts, names);
        base = value instanceof Ref ? new Ref(`image(${value.code})`, image(value.value as never)) : (value as string);
      }
      const plan: StagePlan = { name, id, from: node, base, nodes: [], ops: [], value: undefined as unknown as AnyStage };
      plans.push(plan);
      const ref = new Ref(id, undefined);
      Object.defineProperty(ref, 'value', { get: () => plan.value });
      if (given !== undefined) byName.set(given.toLowerCase(), ref);
      byIndex.push(ref);
      if (given !== undefined) renamed.set(given.toLowerCase(), name);
      renamed.set(String(plans.length - 1), name);
    } else (plans[plans.length - 1]?.nodes as SyntaxInstruction[]).push(node);
  }
  if (plans.length === 0) return { ok: false, errors: parsed.errors };

  const startOf = (plan: StagePlan): AnyStage => {
    const started = newStage(plan.name as 'x') as unknown as { from(base: unknown): AnyStage };
    return started.from(plan.base instanceof Ref ? plan.base.value : plan.base);
  };
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
      refused.push({ code: problem.code, severity: 'error', message: `FROM ${plan.from.arguments[0]?.value ?? ''} cannot be imported: ${problem.message}`, hint: problem.hint, range: plan.from.range });
    }
  }
  if (refused.length > 0) return { ok: false, errors: refused };

  const forced = new Set<SyntaxInstruction>();
  const rawReasons = new Map<SyntaxInstruction, string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    // Build each stage call by call; a call that adds a problem is replaced by raw().
    for (const plan of plans) {
      let current = startOf(plan);
      plan.ops.length = 0;
      for (const node of plan.nodes) {
        const before = issueKeys(tryDockerfile(current));
        const call = forced.has(node) ? undefined : opFor(node, escape, names, byName, byIndex);
        const candidates = [call, raw(node, escape)];
        rawReasons.set(node, forced.has(node) ? 'its builder call renders an instruction BuildKit reads differently' : call === undefined ? 'no builder call writes it as it is' : 'its builder call would add a problem the file does not have');
        let chosen: Op | null = null;
        for (const op of candidates) {
          if (op === undefined) continue;
          try {
            const next = applyOp(current, op);
            const after = issueKeys(tryDockerfile(next));
            if ([...after].some((key) => !before.has(key))) continue;
            current = next;
            chosen = op;
            break;
          } catch {
            // The builder threw on this call: try the next candidate.
          }
        }
        plan.ops.push(chosen);
      }
      plan.value = current;
    }
    // Render what the calls build, and compare each instruction with the input's.
    const final = plans[plans.length - 1] as StagePlan;
    const rendered = tryDockerfile(final.value.allowRoot(IMPORTED_AS_IS), { syntax: 'none' });
    if (!rendered.ok) break;
    const back = parseDockerfile(rendered.dockerfile.render()).syntax.instructions;
    let mismatch = false;
    for (const plan of plans) {
      const at = back.findIndex((n) => n.keyword === 'FROM' && n.arguments[2]?.value === plan.name);
      if (at < 0) continue;
      const theirs: SyntaxInstruction[] = [];
      for (let i = at + 1; i < back.length && back[i]?.keyword !== 'FROM'; i++) theirs.push(back[i] as SyntaxInstruction);
      const ours = plan.nodes.filter((_, i) => plan.ops[i] !== null);
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
  const check = tryDockerfile(final.value);
  const needsRoot = !check.ok && check.issues.some((i) => i.code === 'DW3001');
  let rawCount = 0;
  const body: string[] = [];
  for (const plan of plans) {
    const lines = [
      ...plan.from.comments.map((c) => `// ${c.text}`),
      `const ${plan.id} = stage(${jsString(plan.name)})`,
      `  .from(${plan.base instanceof Ref ? plan.base.code : jsString(plan.base)})`,
    ];
    plan.nodes.forEach((node, i) => {
      for (const comment of node.comments) lines.push(`  // ${comment.text}`);
      // Comment lines inside a continued instruction (BuildKit skips them) are kept above its call.
      for (const comment of insideComments(node)) lines.push(`  // ${comment.text}`);
      const op = plan.ops[i];
      if (op === null || op === undefined) {
        skipped.push({ line: node.range.start.line, text: oneLine(node, escape) });
        lines.push(`  // not imported (line ${node.range.start.line}): ${oneLine(node, escape)}`);
        return;
      }
      if (op.method === 'raw') {
        rawCount++;
        notes.push({ line: node.range.start.line, message: `kept as raw(): ${rawReasons.get(node) ?? 'no builder call writes it as it is'}` });
      } else if (op.method === 'run' && node.heredocs.length === 0 && String(op.args[0] instanceof Ref ? (op.args[0] as Ref).value : op.args[0]).endsWith('\n')) {
        notes.push({ line: node.range.start.line, message: 'a tab inside quotes cannot stand on a RUN line, so the command is written as a heredoc script (Dockerfile syntax 1.4)' });
      }
      lines.push(`  ${callCode(op)}`);
    });
    if (plan === final && needsRoot) lines.push(`  .allowRoot(${jsString(IMPORTED_AS_IS)})`);
    body.push(`${lines.join('\n')};`);
  }
  const syntaxDirective = syntax.directives.find((d) => d.name === 'syntax')?.value;
  const options = syntaxDirective === undefined ? '' : `, { syntax: ${jsString(syntaxDirective)} }`;
  const code = [...names.declarations, ...body, `export default dockerfile(${final.id}${options});`].join('\n\n');
  const used = ['arg', 'bindMount', 'cacheMount', 'dockerfile', 'image', 'imageEnv', 'scratch', 'secretMount', 'sshMount', 'stage', 'tmpfsMount', 'tpl'].filter((name) => new RegExp(`\\b${name}[(\`]|\\b${name}\\b(?=[),])`).test(code));
  // Comments after the last instruction close the module.
  const lastLine = instructions[instructions.length - 1]?.range.end.line ?? 0;
  const trailing = syntax.comments.filter((c) => c.range.start.line > lastLine).map((c) => `// ${c.text}`);
  const source = `import { ${used.join(', ')} } from '@dockwright/core';\n\n${code}\n${trailing.length > 0 ? `\n${trailing.join('\n')}\n` : ''}`;
  return { ok: true, source, raw: rawCount, skipped, notes: notes.sort((a, b) => a.line - b.line) };

  function insideComments(node: SyntaxInstruction): SyntaxComment[] {
    const next = instructions[instructions.indexOf(node) + 1]?.range.start.line ?? Number.POSITIVE_INFINITY;
    return syntax.comments.filter((c) => c.inContinuation && c.range.start.line > node.range.start.line && c.range.start.line < next);
  }
}
