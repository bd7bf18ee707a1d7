// What BuildKit makes of each instruction, for tests only: the lexer port (buildkit-lexer.ts) gives
// the lines, flags and words; this reads them with the semantics of moby/buildkit's
//   - frontend/dockerfile/parser/line_parsers.go   (which line parser each keyword uses)
//   - frontend/dockerfile/instructions/parse.go    (parseSourcesAndDest: a source matching
//     `^\d*<<` is a heredoc, in JSON form too; parseVolume trims; parseHealthcheck; parseFrom)
//   - frontend/dockerfile/instructions/bflag.go    (flags: known names, no repeats but --mount
//     and --exclude, booleans bare or =true/=false)
//   - the dispatchers, which expand ENV/LABEL/ARG/COPY/ADD/WORKDIR/USER/VOLUME/STOPSIGNAL/EXPOSE
//     words, FROM and the --platform, --chown, --chmod, --from, --exclude and --mount values.
// The reader never resolves a variable: it returns it as a VarRef, and a test compares names.
// Where the port would have to guess (an unknown flag, a bad heredoc, an odd keyword), it throws
// a ReadError, which a property counts as an escape unless the value was refused.
import {
  goTrimSpace,
  LexError,
  lexWord,
  parseBuildKit,
  parseHealthConfig,
  parseJson,
  parseKeyValues,
  parseMaybeJson,
  parseMaybeJsonToList,
  parseMount,
  parseWords,
  splitFlag,
  type BuildKitHeredoc,
  type BuildKitInstruction,
  type Lexed,
} from './buildkit-lexer.js';

/** BuildKit would refuse the file, or read it in a way the reader does not model. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
}

/** One flag as BuildKit's BFlags reads it: a boolean, or a value lexed as the dispatcher does. */
export type FlagValue = { readonly bool: boolean } | { readonly value: Lexed } | { readonly mount: ReadonlyMap<string, Lexed | true> } | { readonly raw: string };

/** A COPY/ADD source: a path (lexed), or an inline file from a heredoc. */
export type Source = { readonly path: Lexed } | { readonly heredoc: string; readonly content: string };

/** A command: exec form (argv, not expanded), shell form (the text), or heredoc files. */
export type Command = { readonly exec: readonly string[] } | { readonly shell: string; readonly heredocs: readonly BuildKitHeredoc[] };

/** One instruction with its meaning. */
export type Meaning =
  | { readonly keyword: 'FROM'; readonly image: Lexed; readonly name?: string }
  | { readonly keyword: 'ENV' | 'LABEL'; readonly pairs: readonly { readonly key: string; readonly value: Lexed }[] }
  | { readonly keyword: 'ARG'; readonly args: readonly { readonly name: string; readonly default?: Lexed }[] }
  | { readonly keyword: 'COPY' | 'ADD'; readonly sources: readonly Source[]; readonly dest: Lexed }
  | { readonly keyword: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'SHELL'; readonly command: Command }
  | { readonly keyword: 'WORKDIR' | 'USER' | 'STOPSIGNAL'; readonly value: Lexed }
  | { readonly keyword: 'VOLUME' | 'EXPOSE'; readonly values: readonly Lexed[] }
  | { readonly keyword: 'HEALTHCHECK'; readonly none: true }
  | { readonly keyword: 'HEALTHCHECK'; readonly none: false; readonly command: Command }
  | { readonly keyword: 'ONBUILD'; readonly trigger: ReadInstruction };

/** An instruction: its keyword, flags and meaning, and where it is in the file. */
export type ReadInstruction = Meaning & {
  readonly flags: ReadonlyMap<string, readonly FlagValue[]>;
  readonly startLine: number;
  readonly endLine: number;
};

/** A whole file as BuildKit reads it. */
export interface ReadFile {
  readonly directives: readonly { readonly name: string; readonly value: string }[];
  readonly instructions: readonly ReadInstruction[];
  /** The comment lines BuildKit skips, as written (`# dockwright:raw ...`), by physical line. */
  readonly comments: readonly string[];
}

type FlagKind = 'bool' | 'value' | 'raw' | 'mount';

// bflag.go per instruction: the flags each takes, and how the dispatcher reads their values.
const FLAGS: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  from: { platform: 'value' },
  run: { mount: 'mount', network: 'raw', security: 'raw' },
  copy: { from: 'value', chown: 'value', chmod: 'value', link: 'bool', parents: 'bool', exclude: 'value' },
  add: { chown: 'value', chmod: 'value', link: 'bool', 'keep-git-dir': 'bool', checksum: 'value' },
  healthcheck: { interval: 'raw', timeout: 'raw', 'start-period': 'raw', 'start-interval': 'raw', retries: 'raw' },
};
const REPEATABLE = new Set(['mount', 'exclude']);

function lex(word: string): Lexed {
  try {
    return lexWord(word);
  } catch (e) {
    if (e instanceof LexError) throw new ReadError(`lexer: ${e.message} in ${JSON.stringify(word)}`);
    throw e;
  }
}

/** Literal text only (keys, names): a variable here is an escape. */
function literal(word: string, what: string): string {
  const parts = lex(word);
  const v = parts.find((p) => typeof p !== 'string');
  if (v !== undefined) throw new ReadError(`${what} holds a variable reference`);
  return parts.join('');
}

function readFlags(command: string, words: readonly string[]): Map<string, FlagValue[]> {
  const known = FLAGS[command] ?? {};
  const flags = new Map<string, FlagValue[]>();
  for (const word of words) {
    const { name, value } = splitFlag(word);
    const kind = known[name];
    if (kind === undefined) throw new ReadError(`unknown flag --${name} for ${command.toUpperCase()}`);
    const seen = flags.get(name) ?? [];
    if (seen.length > 0 && !REPEATABLE.has(name)) throw new ReadError(`duplicate flag --${name}`);
    let read: FlagValue;
    if (kind === 'bool') {
      if (value !== undefined && value !== 'true' && value !== 'false') throw new ReadError(`--${name}=${value} is not a boolean`);
      read = { bool: value !== 'false' };
    } else if (value === undefined) {
      throw new ReadError(`--${name} needs a value`);
    } else if (kind === 'mount') {
      try {
        read = { mount: parseMount(value) };
      } catch (e) {
        if (e instanceof LexError) throw new ReadError(`--mount: ${e.message}`);
        throw e;
      }
    } else {
      read = kind === 'raw' ? { raw: value } : { value: lex(value) };
    }
    flags.set(name, [...seen, read]);
  }
  return flags;
}

// parser.ParseHeredoc's regular expression, on the raw (unlexed) word.
const HEREDOC = /^(\d*)<<(-?)([^<]*)$/s;

function heredocName(word: string): string | undefined {
  const m = HEREDOC.exec(word);
  if (m === null || (m[3] ?? '') === '') return undefined;
  const words = parseWords(m[3] ?? '');
  if (words.length !== 1) return undefined;
  return lex(words[0] ?? '').join('');
}

function command(args: string, heredocs: readonly BuildKitHeredoc[]): Command {
  const read = parseMaybeJson(args);
  return read.json ? { exec: read.argv } : { shell: read.text, heredocs };
}

function meaning(b: BuildKitInstruction, rest: string): Meaning {
  const args = rest;
  switch (b.command) {
    case 'from': {
      const words = args.split(/[\t\v\f\r ]+/).filter((w) => w !== '');
      if (words.length === 3 && words[1]?.toLowerCase() === 'as') return { keyword: 'FROM', image: lex(words[0] ?? ''), name: (words[2] ?? '').toLowerCase() };
      if (words.length !== 1) throw new ReadError('FROM requires either one or three arguments');
      return { keyword: 'FROM', image: lex(words[0] ?? '') };
    }
    case 'env':
    case 'label': {
      let kvs;
      try {
        kvs = parseKeyValues(args);
      } catch (e) {
        if (e instanceof LexError) throw new ReadError(`${b.command.toUpperCase()}: ${e.message}`);
        throw e;
      }
      if (kvs.length === 0) throw new ReadError(`${b.command.toUpperCase()} requires at least one argument`);
      const keyword = b.command === 'env' ? 'ENV' : 'LABEL';
      return { keyword, pairs: kvs.map((kv) => ({ key: literal(kv.key, `${keyword} key`), value: lex(kv.value) })) };
    }
    case 'arg': {
      const words = parseWords(args);
      if (words.length === 0) throw new ReadError('ARG requires at least one argument');
      return {
        keyword: 'ARG',
        args: words.map((w) => {
          const at = w.indexOf('=');
          if (at === 0) throw new ReadError('ARG names can not be blank');
          return at < 0 ? { name: literal(w, 'ARG name') } : { name: literal(w.slice(0, at), 'ARG name'), default: lex(w.slice(at + 1)) };
        }),
      };
    }
    case 'copy':
    case 'add': {
      const list = parseMaybeJsonToList(args).words;
      if (list.length < 2) throw new ReadError(`${b.command.toUpperCase()} requires at least two arguments`);
      const raw = list.slice(0, -1);
      const dest = list.at(-1) ?? '';
      if (heredocName(dest) !== undefined) throw new ReadError(`${b.command.toUpperCase()} cannot accept a heredoc as a destination`);
      const bodies = new Map(b.heredocs.map((h) => [h.name, h.content]));
      const sources = raw.map((src): Source => {
        const name = heredocName(src);
        return name === undefined ? { path: lex(src) } : { heredoc: name, content: bodies.get(name) ?? '' };
      });
      return { keyword: b.command === 'copy' ? 'COPY' : 'ADD', sources, dest: lex(dest) };
    }
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell': {
      const keyword = b.command.toUpperCase() as 'RUN' | 'CMD' | 'ENTRYPOINT' | 'SHELL';
      const read = command(args, b.heredocs);
      if (keyword === 'SHELL' && !('exec' in read)) throw new ReadError('SHELL requires the arguments to be in JSON form');
      return { keyword, command: read };
    }
    case 'workdir':
    case 'user':
    case 'stopsignal': {
      // parseString: the whole rest is one argument; the dispatcher expands it as one word.
      if (args === '') throw new ReadError(`${b.command.toUpperCase()} requires exactly one argument`);
      return { keyword: b.command.toUpperCase() as 'WORKDIR' | 'USER' | 'STOPSIGNAL', value: lex(args) };
    }
    case 'volume': {
      const words = parseMaybeJsonToList(args).words.map((w) => goTrimSpace(w));
      if (words.length === 0 || words.some((w) => w === '')) throw new ReadError('VOLUME specified can not be an empty string');
      return { keyword: 'VOLUME', values: words.map(lex) };
    }
    case 'expose': {
      const words = args.split(/[\t\v\f\r ]+/).filter((w) => w !== '');
      if (words.length === 0) throw new ReadError('EXPOSE requires at least one argument');
      return { keyword: 'EXPOSE', values: words.map(lex) };
    }
    case 'healthcheck': {
      const { type, command: read } = parseHealthConfig(args);
      if (type.toUpperCase() === 'NONE') {
        if (!read.json && read.text !== '') throw new ReadError('HEALTHCHECK NONE takes no arguments');
        return { keyword: 'HEALTHCHECK', none: true };
      }
      if (type.toUpperCase() !== 'CMD') throw new ReadError(`Unknown type ${type} in HEALTHCHECK (try CMD)`);
      return { keyword: 'HEALTHCHECK', none: false, command: read.json ? { exec: read.argv } : { shell: read.text, heredocs: [] } };
    }
    default:
      throw new ReadError(`the reader does not model ${b.command.toUpperCase()}`);
  }
}

function readOne(b: BuildKitInstruction): ReadInstruction {
  if (b.command === 'onbuild') {
    let inner: BuildKitInstruction | undefined;
    try {
      inner = parseBuildKit(`${b.args}\n`).instructions[0];
    } catch (e) {
      if (e instanceof LexError) throw new ReadError(`ONBUILD: ${e.message}`);
      throw e;
    }
    if (inner === undefined) throw new ReadError('ONBUILD requires at least one argument');
    const trigger = readOne({ ...inner, heredocs: b.heredocs, startLine: b.startLine, endLine: b.endLine });
    if (trigger.keyword === 'ONBUILD' || trigger.keyword === 'FROM') throw new ReadError(`${trigger.keyword} isn't allowed as an ONBUILD trigger`);
    return { keyword: 'ONBUILD', trigger, flags: new Map(), startLine: b.startLine, endLine: b.endLine };
  }
  const flags = readFlags(b.command, b.flags);
  return { ...meaning(b, b.args), flags, startLine: b.startLine, endLine: b.endLine };
}

/**
 * Reads a Dockerfile as BuildKit does, down to each instruction's meaning. Throws ReadError where
 * BuildKit would refuse the file (or where the port does not model what it sees).
 *
 * @example
 * ```ts
 * readDockerfile('FROM a\nENV K="v w"\n').instructions[1]; // { keyword: 'ENV', pairs: [{ key: 'K', value: ['v w'] }], ... }
 * ```
 */
export function readDockerfile(text: string): ReadFile {
  let parsed;
  try {
    parsed = parseBuildKit(text);
  } catch (e) {
    if (e instanceof LexError) throw new ReadError(`parser: ${e.message}`);
    throw e;
  }
  const comments = text.split('\n').filter((l) => /^[ \t]*#/.test(l));
  return { directives: parsed.directives, instructions: parsed.instructions.map(readOne), comments };
}

/** The one flag value with this name (a test's shortcut); undefined when the flag is absent. */
export function flagOf(instruction: ReadInstruction, name: string): FlagValue | undefined {
  return instruction.flags.get(name)?.[0];
}

export { parseJson };
