import { flagValue, type LintFile, type LintInstruction, type LintPosition, type LintStage } from './lint-file.js';
import { programOf, type Program } from '../shell/program.js';
import { packageInstalls, type PackageInstallCommand } from '../shell/package-installs.js';
import { splitShell, type ShellCommand } from '../shell/split-shell.js';

/**
 * Every instruction with one of the keywords, ONBUILD triggers included, in file order.
 *
 * @example
 * ```ts
 * for (const run of instructionsOf(file, 'RUN')) console.log(run.text);
 * ```
 */
export function instructionsOf(file: LintFile, ...keywords: readonly string[]): LintInstruction[] {
  const found: LintInstruction[] = [];
  for (const i of file.instructions) {
    if (keywords.includes(i.keyword)) found.push(i);
    else if (i.trigger !== undefined && keywords.includes(i.trigger.keyword)) found.push(i.trigger);
  }
  return found;
}

/** True when the text holds a variable (`$X`, `${X}`), which lint cannot resolve. */
export function hasVariable(text: string): boolean {
  return /\$(?:[A-Za-z_{])/.test(text);
}

/**
 * Replaces `$NAME` / `${NAME}` with the defaults of global ARGs; undefined when one has none.
 *
 * @example
 * ```ts
 * resolveGlobals('node:${NODE}', file); // 'node:22' with `ARG NODE=22` before the first FROM
 * ```
 */
export function resolveGlobals(text: string, file: LintFile): string | undefined {
  const defaults = new Map<string, string | undefined>();
  for (const g of file.globals) if (g.keyword === 'ARG') for (const p of g.pairs) defaults.set(p.key, p.value);
  let missing = false;
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_all, braced: string | undefined, bare: string | undefined) => {
    const value = defaults.get((braced ?? bare) as string);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : out;
}

/** The stage whose `AS` name is `name` (case-insensitive, as BuildKit compares), before `before`. */
export function stageNamed(file: LintFile, name: string, before: number = file.stages.length): LintStage | undefined {
  const lower = name.toLowerCase();
  return file.stages.slice(0, before).find((s) => s.name?.toLowerCase() === lower);
}

/** The final stage, or undefined for a file without FROM. */
export function finalStage(file: LintFile): LintStage | undefined {
  return file.stages.at(-1);
}

const scripts = new WeakMap<LintInstruction, ShellCommand[]>();

/**
 * The shell commands of a RUN: its shell-form text, or its heredoc script when the RUN is `RUN <<EOF`.
 * Exec form is one command. Results are cached per instruction.
 *
 * @example
 * ```ts
 * commandsOf(run).map((c) => c.words[0]); // ['apt-get', 'apt-get']
 * ```
 */
export function commandsOf(run: LintInstruction): ShellCommand[] {
  const cached = scripts.get(run);
  if (cached !== undefined) return cached;
  let found: ShellCommand[];
  if (run.json) found = run.args.length === 0 ? [] : [{ words: run.args, assignments: [], join: 'start', pipesOut: false, line: 0 }];
  else if (/^\s*<<-?/.test(run.text) && run.heredocs.length > 0 && /^\s*<<-?\s*["']?\w+["']?\s*$/.test(run.text)) found = run.heredocs.flatMap((h) => splitShell(h.content));
  else found = splitShell(run.text);
  scripts.set(run, found);
  return found;
}

/**
 * The programs a RUN calls, read through `sudo`, `env` and similar wrappers.
 *
 * @example
 * ```ts
 * programsOf(run).some((p) => p.name === 'curl');
 * ```
 */
export function programsOf(run: LintInstruction): Program[] {
  const cached = programs.get(run);
  if (cached !== undefined) return cached;
  const found = commandsOf(run).map(programOf);
  programs.set(run, found);
  return found;
}

const programs = new WeakMap<LintInstruction, Program[]>();
const installs = new WeakMap<LintInstruction, PackageInstallCommand[]>();

/**
 * The package installs of a RUN (apt-get, apk, dnf, pip, npm, ...), cached per instruction.
 *
 * @example
 * ```ts
 * installsOf(run).map((i) => i.manager); // ['apt-get']
 * ```
 */
export function installsOf(run: LintInstruction): PackageInstallCommand[] {
  const cached = installs.get(run);
  if (cached !== undefined) return cached;
  const found = packageInstalls(commandsOf(run));
  installs.set(run, found);
  return found;
}

/** An image a written Dockerfile names, with its reference resolved, and where. */
export interface FileImage {
  /** The reference with global ARG defaults substituted; undefined when an ARG has no default. */
  readonly ref: string | undefined;
  readonly written: string;
  readonly place: 'FROM' | 'COPY --from' | 'RUN --mount';
  /** The instruction that names it (its position is the finding's). */
  readonly instruction: LintInstruction;
  readonly stage: LintStage;
}

/**
 * The values an instruction names another stage or an image with: `COPY --from=x` and each
 * `RUN --mount=...,from=x`, with where each stands.
 *
 * @example
 * ```ts
 * fromValues(copyInstruction).map(([v, place]) => `${place} ${v}`); // ['COPY --from build']
 * ```
 */
export function fromValues(i: LintInstruction): [string, 'COPY --from' | 'RUN --mount'][] {
  const values: [string, 'COPY --from' | 'RUN --mount'][] = [];
  if (i.keyword === 'COPY') {
    const from = flagValue(i, 'from');
    if (from !== undefined) values.push([from, 'COPY --from']);
  }
  if (i.keyword === 'RUN') {
    for (const f of i.flags) {
      const from = f.name === 'mount' ? /(?:^|,)from=([^,]*)/i.exec(f.value ?? '')?.[1] : undefined;
      if (from !== undefined) values.push([from, 'RUN --mount']);
    }
  }
  return values;
}

/** A `--from` value that names an image: not an earlier stage, not a stage index, and shaped like a reference. */
function fromImage(file: LintFile, value: string, stage: LintStage): string | undefined {
  if (value === '' || /^\d+$/.test(value) || stageNamed(file, value, stage.index + 1) !== undefined) return undefined;
  const ref = hasVariable(value) ? resolveGlobals(value, file) : value;
  if (ref !== undefined && stageNamed(file, ref, stage.index + 1) !== undefined) return undefined;
  // A bare word is a misspelt stage to DW2007; a tag, digest or path makes it an image.
  return /[:@/]/.test(ref ?? value) ? value : undefined;
}

/**
 * Every image a written Dockerfile pulls: each FROM on an image (not scratch, not an earlier
 * stage), each `COPY --from` and each `RUN --mount ...,from=` that names an image, ONBUILD
 * triggers included. The one walk
 * the image rules (DW1001-DW1004, DW1009, DW1010) read, so an image named in a flag is checked
 * as one named in FROM.
 *
 * @example
 * ```ts
 * imageReferences(file).map((b) => `${b.place} ${b.ref}`); // ['FROM golang:1.23', 'COPY --from gcr.io/distroless/static:nonroot']
 * ```
 */
export function imageReferences(file: LintFile): FileImage[] {
  const found: FileImage[] = [];
  const resolved = (written: string) => (hasVariable(written) ? resolveGlobals(written, file) : written);
  for (const s of file.stages) {
    if (s.base !== '' && s.base.toLowerCase() !== 'scratch' && stageNamed(file, s.base, s.index) === undefined) {
      const ref = resolved(s.base);
      if (ref === undefined || (ref.toLowerCase() !== 'scratch' && stageNamed(file, ref, s.index) === undefined)) found.push({ ref, written: s.base, place: 'FROM', instruction: s.from, stage: s });
    }
    for (const outer of s.instructions) {
      // An ONBUILD trigger pulls its images in the build FROM this one: they are checked too.
      const i = outer.keyword === 'ONBUILD' && outer.trigger !== undefined ? outer.trigger : outer;
      for (const [value, place] of fromValues(i)) {
        const written = fromImage(file, value, s);
        if (written !== undefined) found.push({ ref: resolved(written), written, place, instruction: outer, stage: s });
      }
    }
  }
  return found;
}

/**
 * The stages whose files end up in the image: the final stage and the stages it builds FROM.
 * Layer-size rules only matter there.
 *
 * @example
 * ```ts
 * imageStages(file).has(file.stages.length - 1); // true
 * ```
 */
export function imageStages(file: LintFile): Set<number> {
  const found = new Set<number>();
  let s = finalStage(file);
  while (s !== undefined && !found.has(s.index)) {
    found.add(s.index);
    s = stageNamed(file, s.base, s.index);
  }
  return found;
}

/** The RUNs of the stages that end up in the image. */
export function imageRuns(file: LintFile): LintInstruction[] {
  const stages = imageStages(file);
  return instructionsOf(file, 'RUN').filter((r) => stages.has(r.stage));
}

/**
 * The targets of a RUN's cache and tmpfs mounts: what they hold never reaches the layer.
 *
 * @example
 * ```ts
 * mountedPaths(run); // ['/var/cache/apt', '/var/lib/apt/lists']
 * ```
 */
export function mountedPaths(run: LintInstruction): string[] {
  const paths: string[] = [];
  for (const f of run.flags) {
    if (f.name !== 'mount' || f.value === undefined) continue;
    const fields = new Map(f.value.split(',').map((kv) => [kv.split('=')[0]?.toLowerCase() ?? '', kv.slice(kv.indexOf('=') + 1)] as const));
    const type = fields.get('type');
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (target !== undefined) paths.push(target.replace(/\/+$/, ''));
  }
  return paths;
}

/** The ENV pairs (name, value as written) of a stage and of the stages it builds on, in order. */
export function stageEnvPairs(file: LintFile, stage: LintStage, depth = 0): [string, string][] {
  const parent = stageNamed(file, stage.base, stage.index);
  const inherited = parent !== undefined && depth < file.stages.length ? stageEnvPairs(file, parent, depth + 1) : [];
  return [...inherited, ...stage.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => i.pairs.map((p): [string, string] => [p.key, p.value ?? '']))];
}

/** True when some command removes the path (or a parent glob of it) with `rm`. */
export function removesPath(commands: readonly ShellCommand[], path: RegExp): boolean {
  return commands.some((c) => {
    const p = programOf(c);
    return p.name === 'rm' && p.args.some((a) => !a.startsWith('-') && path.test(a));
  });
}

const places = new WeakMap<LintInstruction, Map<ShellCommand, LintPosition>>();

// True when `at` starts a word in `line`: nothing word-like right before it.
function startsWord(line: string, at: number): boolean {
  return at === 0 || !/[\w./$-]/.test(line[at - 1] as string);
}

/**
 * Where a command of a RUN is in the file: the line and column of its first word, found by
 * reading the instruction's source lines in order; the RUN's own position when it cannot be found.
 *
 * @example
 * ```ts
 * commandAt(run, commandsOf(run)[1]!); // { line: 4, column: 5 } for the second command
 * ```
 */
export function commandAt(run: LintInstruction, command: ShellCommand): LintPosition {
  let map = places.get(run);
  if (map === undefined) {
    map = new Map();
    places.set(run, map);
    const lines = (run.source ?? '').split('\n');
    let row = 0;
    let col = run.keyword.length;
    for (const c of commandsOf(run)) {
      const token = c.words[0] ?? c.assignments[0];
      if (token === undefined || token === '') continue;
      const needle = token.split('=')[0] as string;
      for (let r = row; r < lines.length; r += 1) {
        const line = lines[r] as string;
        let at = line.indexOf(needle, r === row ? col : 0);
        while (at >= 0 && !startsWord(line, at)) at = line.indexOf(needle, at + 1);
        if (at >= 0) {
          map.set(c, { line: run.position.line + r, column: at + 1 });
          row = r;
          col = at + needle.length;
          break;
        }
      }
    }
  }
  return map.get(command) ?? run.position;
}
