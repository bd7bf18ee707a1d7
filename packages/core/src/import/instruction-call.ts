import { image, type Image } from '../builder/image.js';
import type { MountValue } from '../builder/mounts.js';
import type { StageSource } from '../builder/stage-source.js';
import type { AddUrlOptions, CopyOptions, HealthcheckOptions, RunInput, RunOptions } from '../builder/stage-types.js';
import type { Duration, PortSpec } from '../builder/type-checks.js';
import type { TemplateWithVars } from '../builder/variables.js';
import { commandLines } from '../syntax/print-syntax-instruction.js';
import { normalizeShell } from '../syntax/shell-tokens.js';
import type { SyntaxInstruction, SyntaxKeyword } from '../syntax/types.js';
import { argumentsCode, builderCall, type BuilderCall, type StageVariable } from './builder-call.js';
import { jsString, list, literal, options, record, type Code } from './code.js';
import type { ImportNames } from './import-names.js';
import { lexLiteral, lexParts } from './lex-parts.js';
import { mountCall } from './mount-call.js';

/** The builder call of one instruction, or why no builder call writes it as it is. */
export type InstructionCall = { readonly ok: true; readonly call: BuilderCall } | { readonly ok: false; readonly reason: string; readonly hint?: string };

/** What the calls of one file share: its escape character, ARG handles and stage variables. */
export interface CallContext {
  readonly escape: '\\' | '`';
  readonly names: ImportNames;
  /** Stages by their name in the file, lower case. */
  readonly stages: ReadonlyMap<string, StageVariable>;
  /** Stages by their index, for `--from=0`. */
  readonly stageList: readonly StageVariable[];
}

type Argv = readonly [string, ...string[]];

const KEYWORDS: readonly SyntaxKeyword[] = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
const isKeyword = (k: string): k is SyntaxKeyword => (KEYWORDS as readonly string[]).includes(k);
const isArgv = (a: readonly string[]): a is Argv => a.length > 0;
const isDuration = (v: string): v is Duration => /^(?:\d+(?:\.\d+)?(?:ns|us|ms|s|m|h)){1,3}$/.test(v);
const isPort = (v: string): v is PortSpec & string => /^\d+(?:\/(?:tcp|udp|sctp))?$/.test(v);
const isHttp = (v: string): v is `https://${string}` | `http://${string}` => /^https?:\/\//.test(v);
const NETWORKS = ['default', 'none', 'host'] as const;
const SECURITY = ['sandbox', 'insecure'] as const;
const oneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

const no = (reason: string, hint?: string): InstructionCall => (hint === undefined ? { ok: false, reason } : { ok: false, reason, hint });
const yes = (call: BuilderCall): InstructionCall => ({ ok: true, call });

/** A stage variable that is built, as the value a call takes. */
function built(variable: StageVariable | undefined): Code<StageSource> | undefined {
  const stage = variable?.value;
  return variable === undefined || stage === undefined ? undefined : { code: variable.code, value: stage };
}

/** What `--from=` names: a stage of the file (by name or index), or an image. */
function fromSource(name: string, context: CallContext): Code<StageSource | Image> | undefined {
  const variable = context.stages.get(name.toLowerCase()) ?? (/^\d+$/.test(name) ? context.stageList[Number(name)] : undefined);
  if (variable !== undefined) return built(variable);
  if (name.includes('$')) return undefined;
  return { code: `image(${jsString(name)})`, value: image(name) };
}

/**
 * The builder call that writes one instruction of a stage, or why none writes it as it is. An
 * exhaustive switch over the instruction kinds: a new kind does not compile until it is handled.
 *
 * @example
 * ```ts
 * const call = instructionCall(node, { escape: '\\', names: new ImportNames(), stages: new Map(), stageList: [] });
 * if (call.ok) call.call.code; // ".workdir('/app')"
 * ```
 */
export function instructionCall(node: SyntaxInstruction, context: CallContext): InstructionCall {
  const { escape, names } = context;
  const keyword = node.keyword;
  if (!isKeyword(keyword)) return no(`${keyword} is not an instruction`);
  const args = node.arguments.map((a) => a.value);
  const flags = new Map(node.flags.map((f) => [f.name, f.value]));
  // A flag given twice is refused by BuildKit, except the repeatable --mount and --exclude.
  const single = node.flags.filter((f) => f.name !== 'mount' && f.name !== 'exclude');
  if (single.length !== new Set(single.map((f) => f.name)).size) return no('a flag is given twice');
  const other = node.flags.find((f) => !allowedFlags(keyword).includes(f.name));
  if (other !== undefined) return no(`the builder's ${keyword.toLowerCase()} call has no --${other.name}`);
  const lit = (word: string) => lexLiteral(word, escape);
  switch (keyword) {
    case 'RUN':
      return runCall(node, args, context);
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      if (node.form !== 'json') return no(`${keyword} in shell form: the builder writes exec form only`, `write the command as an argv, e.g. .${keyword === 'CMD' ? 'cmd' : keyword === 'SHELL' ? 'shell' : 'entrypoint'}(['node', 'server.js']); a shell is ['sh', '-c', '...']`);
      if (!isArgv(args)) return no(`${keyword} with an empty array`);
      const argv = literal(args);
      if (keyword === 'CMD') return yes(builderCall(`.cmd(${argv.code})`, (s) => s.cmd(argv.value)));
      if (keyword === 'SHELL') return yes(builderCall(`.shell(${argv.code})`, (s) => s.shell(argv.value)));
      return yes(builderCall(`.entrypoint(${argv.code})`, (s) => s.entrypoint(argv.value)));
    }
    case 'ENV':
    case 'LABEL': {
      const entries: [string, Code<string | TemplateWithVars>][] = [];
      for (const pair of node.pairs) {
        const parts = lexParts(pair.value, escape);
        if (parts === undefined) return no(`the value of ${pair.key} uses a variable form the builder cannot write (such as \${NAME:-default})`);
        if (entries.some(([key]) => key === pair.key)) return no(`${pair.key} is set twice in one instruction`);
        entries.push([pair.key, names.text(parts)]);
      }
      if (entries.length === 0) return no(`${keyword} without a value`);
      const values = record(entries);
      if (keyword === 'ENV') return yes(builderCall(`.env(${values.code})`, (s) => s.env(values.value)));
      return yes(builderCall(`.label(${values.code})`, (s) => s.label(values.value)));
    }
    case 'ARG': {
      if (args.length !== 1) return no('an ARG of several names: the builder declares one handle per call');
      const word = args[0] as string;
      const eq = word.indexOf('=');
      const defaultValue = eq < 0 ? undefined : lit(word.slice(eq + 1));
      if (eq >= 0 && defaultValue === undefined) return no('the default refers to a variable');
      const handle = names.arg(eq < 0 ? word : word.slice(0, eq), defaultValue);
      return yes(builderCall(`.arg(${handle.code})`, (s) => s.arg(handle.value)));
    }
    case 'WORKDIR': {
      const parts = lexParts(args[0] ?? '', escape);
      if (parts === undefined) return no('the path uses a variable form the builder cannot write');
      const path = names.text(parts);
      return yes(builderCall(`.workdir(${path.code})`, (s) => s.workdir(path.value)));
    }
    case 'USER': {
      const value = lit(args[0] ?? '');
      if (value === undefined) return no('the user is named by a variable');
      const user = literal(/^\d+$/.test(value) ? Number(value) : value);
      return yes(builderCall(`.user(${user.code})`, (s) => s.user(user.value)));
    }
    case 'STOPSIGNAL': {
      const value = lit(args[0] ?? '');
      if (value === undefined) return no('the signal is named by a variable');
      const signal = literal(value);
      return yes(builderCall(`.stopSignal(${signal.code})`, (s) => s.stopSignal(signal.value)));
    }
    case 'EXPOSE': {
      const ports: Code<PortSpec>[] = [];
      for (const word of args) {
        const value = lit(word)?.toLowerCase().replace(/\/tcp$/, '');
        if (value === undefined || !isPort(value)) return no(`port ${word} is not a number or number/protocol, which expose() takes`);
        ports.push(/^\d+$/.test(value) ? literal(Number(value)) : literal(value));
      }
      const [first, ...rest] = ports;
      if (first === undefined) return no('EXPOSE without a port');
      return yes(builderCall(`.expose(${ports.map((p) => p.code).join(', ')})`, (s) => s.expose(first.value, ...rest.map((p) => p.value))));
    }
    case 'VOLUME': {
      const paths: string[] = [];
      for (const a of args) {
        const path = node.form === 'json' ? a : lit(a);
        if (path === undefined) return no('a path is named by a variable');
        paths.push(path);
      }
      const [first, ...rest] = paths;
      if (first === undefined) return no('VOLUME without a path');
      return yes(builderCall(`.volume(${paths.map(jsString).join(', ')})`, (s) => s.volume(first, ...rest)));
    }
    case 'COPY':
      return copyCall(node, args, flags.get('from'), context);
    case 'ADD':
      return addCall(node, args, context);
    case 'HEALTHCHECK': {
      const type = args[0]?.toUpperCase();
      if (type === 'NONE' && node.flags.length === 0 && args.length === 1) return yes(builderCall(`.healthcheck('none')`, (s) => s.healthcheck('none')));
      const command = args.slice(1);
      if (node.flags.some((f) => f.value === undefined)) return no('a flag without its value');
      if (type !== 'CMD' || node.form !== 'json' || !isArgv(command)) return no('HEALTHCHECK CMD in shell form: the builder writes exec form only', "write the command as an argv: .healthcheck(['curl', '-f', 'http://localhost/'])");
      const duration = (name: string): Code<Duration> | undefined | false => {
        const v = flags.get(name);
        return v === undefined ? undefined : isDuration(v) ? literal(v) : false;
      };
      const fields = { interval: duration('interval'), timeout: duration('timeout'), startPeriod: duration('start-period'), startInterval: duration('start-interval') };
      const wrong = Object.entries(fields).find(([, v]) => v === false);
      if (wrong !== undefined) return no(`--${wrong[0]} is not a duration such as 30s or 1m30s`);
      const retries = flags.get('retries');
      const opts = options<HealthcheckOptions>({
        interval: fields.interval || undefined,
        timeout: fields.timeout || undefined,
        startPeriod: fields.startPeriod || undefined,
        startInterval: fields.startInterval || undefined,
        retries: retries === undefined ? undefined : literal(Number(retries)),
      });
      const argv = literal(command);
      return yes(builderCall(`.healthcheck(${argumentsCode(argv, opts)})`, (s) => s.healthcheck(argv.value, opts?.value)));
    }
    case 'ONBUILD': {
      if (node.trigger === undefined) return no('ONBUILD without an instruction');
      const trigger = instructionCall(node.trigger, context);
      if (!trigger.ok) return no(`its trigger cannot be written: ${trigger.reason}`);
      const recorded = trigger.call;
      return yes(builderCall(`.onBuild((s) => s${recorded.code})`, (s) => s.onBuild((t) => recorded.apply(t))));
    }
    case 'MAINTAINER':
      return no('MAINTAINER is deprecated', "say it with a label: .label({ 'org.opencontainers.image.authors': '...' })");
    case 'FROM':
      return no('FROM starts a stage: stage(name).from(...)');
  }
}

/** The flags each builder call takes. */
function allowedFlags(keyword: SyntaxKeyword): readonly string[] {
  switch (keyword) {
    case 'RUN':
      return ['mount', 'network', 'security'];
    case 'COPY':
      return ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'];
    case 'ADD':
      return ['chown', 'chmod', 'link', 'checksum'];
    case 'HEALTHCHECK':
      return ['interval', 'timeout', 'start-period', 'start-interval', 'retries'];
    case 'ARG':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'ENV':
    case 'EXPOSE':
    case 'FROM':
    case 'LABEL':
    case 'MAINTAINER':
    case 'ONBUILD':
    case 'SHELL':
    case 'STOPSIGNAL':
    case 'USER':
    case 'VOLUME':
    case 'WORKDIR':
      return [];
  }
}

/** RUN: the command (shell, exec or a one-heredoc script) and its flags. */
function runCall(node: SyntaxInstruction, args: readonly string[], context: CallContext): InstructionCall {
  const mounts: Code<MountValue>[] = [];
  let network: Code<RunOptions['network'] & string> | undefined;
  let security: Code<RunOptions['security'] & string> | undefined;
  for (const flag of node.flags) {
    const value = flag.value;
    if (value === undefined) return no(`--${flag.name} without a value`);
    if (flag.name === 'mount') {
      const mount = mountCall(value, (name) => fromSource(name, context));
      if (!mount.ok) return no(mount.reason);
      mounts.push(mount.mount);
    } else if (flag.name === 'network') {
      if (!oneOf(NETWORKS, value)) return no(`--network=${value} is not default, none or host`);
      network = literal(value);
    } else if (!oneOf(SECURITY, value)) return no(`--security=${value} is not sandbox or insecure`);
    else security = literal(value);
  }
  const command = runCommand(node, args, context.escape);
  if (!command.ok) return no(command.reason);
  const opts = options<RunOptions>({ network, security, mounts: mounts.length > 0 ? list(mounts) : undefined });
  const input = command.input;
  return yes(builderCall(`.run(${argumentsCode(input, opts)})`, (s) => s.run(input.value, opts?.value), command.note));
}

type RunCommand = { readonly ok: true; readonly input: Code<RunInput>; readonly note?: string } | { readonly ok: false; readonly reason: string };

/** The command of a RUN, without its flags. */
function runCommand(node: SyntaxInstruction, args: readonly string[], escape: '\\' | '`'): RunCommand {
  if (node.heredocs.length > 0) {
    const heredoc = node.heredocs[0];
    if (node.heredocs.length !== 1 || heredoc === undefined || heredoc.chomp || heredoc.content === '' || !/^<<'?"?\w+"?'?$/.test(normalizeShell(args[0] ?? '', 0x5c))) {
      return { ok: false, reason: 'a heredoc other than one script (several, <<-, empty, or with words after it)' };
    }
    return { ok: true, input: literal(heredoc.content) };
  }
  if (node.form === 'json') return isArgv(args) ? { ok: true, input: literal(args) } : { ok: false, reason: 'RUN with an empty array' };
  // A tab inside quotes cannot go on a RUN line; as a heredoc script it runs the same.
  const oneLineCommand = normalizeShell(args[0] ?? '', escape.charCodeAt(0));
  const script = oneLineCommand.includes('\t') ? '\n' : '';
  const command = oneLineCommand + script;
  const note = script === '' ? undefined : 'a tab inside quotes cannot stand on a RUN line, so the command is written as a heredoc script (Dockerfile syntax 1.4)';
  const lines = commandLines(node, args[0] ?? '', escape.charCodeAt(0)).map((words) => words.join(' '));
  if (script !== '') lines[lines.length - 1] += '\n';
  const withNote = (input: Code<RunInput>): RunCommand => (note === undefined ? { ok: true, input } : { ok: true, input, note });
  if (lines.length < 2) return withNote(literal(command));
  // A long command keeps its lines in the code: string pieces joined with +.
  const code = `\n    ${lines.map((line, i) => jsString(i < lines.length - 1 ? `${line} ` : line)).join(' +\n    ')},\n  `;
  return withNote({ code, value: command });
}

/** COPY from the context, a stage or an image. */
function copyCall(node: SyntaxInstruction, args: readonly string[], from: string | undefined, context: CallContext): InstructionCall {
  if (node.heredocs.length > 0) return no('COPY of a heredoc: the builder copies files only');
  if (args.length < 2) return no('COPY without a source and a destination');
  const paths: string[] = [];
  for (const a of args) {
    const path = lexLiteral(a, context.escape);
    if (path === undefined) return no(`the path ${a} refers to a variable`);
    paths.push(path);
  }
  const flag = (name: string): Code<string> | undefined | false => {
    const f = node.flags.find((x) => x.name === name);
    if (f === undefined) return undefined;
    const value = f.value === undefined ? undefined : lexLiteral(f.value, context.escape);
    return value === undefined ? false : literal(value);
  };
  const bare = (name: 'link' | 'parents'): Code<true> | undefined | false => {
    const f = node.flags.find((x) => x.name === name);
    return f === undefined ? undefined : f.value === undefined ? literal(true) : false;
  };
  if (node.flags.some((f) => f.name === 'exclude')) return no('COPY --exclude: the module would need syntax 1.19 said in its options');
  const fields = { chown: flag('chown'), chmod: flag('chmod'), link: bare('link'), parents: bare('parents') };
  const wrong = Object.entries(fields).find(([, v]) => v === false);
  if (wrong !== undefined) return no(`--${wrong[0]} with a value the builder cannot write as it is`);
  const opts = options<CopyOptions>({ chown: fields.chown || undefined, chmod: fields.chmod || undefined, link: fields.link || undefined, parents: fields.parents || undefined, exclude: undefined });
  const sources = paths.slice(0, -1);
  const source: Code<string | readonly string[]> = sources.length === 1 ? literal(sources[0] as string) : literal(sources);
  const dest = literal(paths[paths.length - 1] as string);
  if (from === undefined) return yes(builderCall(`.copy(${argumentsCode(source, dest, opts)})`, (s) => s.copy(source.value, dest.value, opts?.value)));
  const stage = fromSource(from, context);
  if (stage === undefined && context.stages.has(from.toLowerCase())) return no(`--from=${from} names this stage or one written after it: a stage can copy only from stages before it`);
  if (stage === undefined) return no(`--from=${from} names no stage or image the builder can refer to`);
  return yes(builderCall(`.copy(${argumentsCode(stage, source, dest, opts)})`, (s) => s.copy(stage.value, source.value, dest.value, opts?.value)));
}

/** ADD of a remote file with its checksum, or of a local archive to unpack; other ADDs are COPY's job. */
function addCall(node: SyntaxInstruction, args: readonly string[], context: CallContext): InstructionCall {
  if (args.length !== 2 || node.heredocs.length > 0) return no('ADD of several sources or a heredoc');
  const [source, dest] = args.map((a) => lexLiteral(a, context.escape));
  if (source === undefined || dest === undefined) return no('a path refers to a variable');
  const value = (name: string): Code<string> | undefined => {
    const v = node.flags.find((f) => f.name === name)?.value;
    return v === undefined ? undefined : literal(v);
  };
  const linkFlag = node.flags.find((f) => f.name === 'link');
  if (linkFlag?.value !== undefined) return no('--link with a value');
  if (node.flags.some((f) => f.name !== 'link' && f.value === undefined)) return no('a flag without its value');
  const link = linkFlag === undefined ? undefined : literal(true);
  const checksum = value('checksum');
  const to = literal(dest);
  if (isHttp(source)) {
    if (checksum === undefined) return no('ADD of a URL without --checksum', "give the download's digest: .addUrl(url, dest, { checksum: 'sha256:...' })");
    const url = literal(source);
    const opts = options<AddUrlOptions>({ chown: value('chown'), chmod: value('chmod'), link, checksum });
    if (opts === undefined) return no('ADD of a URL without --checksum');
    return yes(builderCall(`.addUrl(${argumentsCode(url, to, opts)})`, (s) => s.addUrl(url.value, to.value, opts.value)));
  }
  if (checksum !== undefined || link !== undefined || !/\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/.test(source)) {
    return no('ADD of a local file that is not an archive', 'copy it with .copy(source, dest): ADD is for archives to unpack and checked downloads');
  }
  const path = literal(source);
  const opts = options<{ readonly chown?: string | number; readonly chmod?: string | number }>({ chown: value('chown'), chmod: value('chmod') });
  return yes(builderCall(`.addArchive(${argumentsCode(path, to, opts)})`, (s) => s.addArchive(path.value, to.value, opts?.value)));
}
