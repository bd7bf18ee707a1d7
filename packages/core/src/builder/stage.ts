import type { StageNode } from '../ast/dockerfile.js';
import type { ImageRef, StageRef } from '../ast/image.js';
import type { Instruction, RunInstruction, RunStep } from '../ast/instructions.js';
import type { DockwrightIssue, IssuePath } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { keywordOf } from '../ast/instructions.js';
import { textToDisplay } from '../ast/text.js';
import { checkEdges, checkLine } from '../validate/text.js';
import { fromPlatform } from '../rules/images/from-platform.js';
import { aptCleanupAfter } from '../rules/packages/apt-lists.js';
import { addChecksum } from '../rules/instructions/add-checksum.js';
import { addNotArchive, addNotGit, addNotUrl, isLocalArchive } from '../rules/instructions/add-local.js';
import { copyDestSlash } from '../rules/instructions/copy-dest-slash.js';
import { healthcheckOption } from '../rules/instructions/duration.js';
import { envSelfReference } from '../rules/instructions/env-self-reference.js';
import { shellForm } from '../rules/instructions/exec-form.js';
import { exposePort, parsePort } from '../rules/instructions/expose-port.js';
import { labelKey } from '../rules/instructions/label-key.js';
import { maintainer } from '../rules/instructions/maintainer.js';
import { relativeCopyDest } from '../rules/instructions/relative-copy-dest.js';
import { relativeWorkdir } from '../rules/instructions/relative-workdir.js';
import { secondInstruction } from '../rules/instructions/single-instruction.js';
import { stopSignal } from '../rules/instructions/stop-signal.js';
import { variableName } from '../rules/instructions/variable-name.js';
import { toIssue, type Problem } from '../rules/rule.js';
import { secretName } from '../rules/secrets/secret-name.js';
import { userFormat } from '../rules/users/user-format.js';
import { copyWholeStage } from '../rules/stages/copy-whole-stage.js';
import { instructionBeforeFrom } from '../rules/stages/first-instruction.js';
import { reservedStageName } from '../rules/stages/reserved-stage-name.js';
import { selfReference } from '../rules/stages/self-reference.js';
import { stageNameCasing } from '../rules/stages/stage-name-casing.js';
import { missingReason } from '../rules/suppressions/suppression-reason.js';
import { checkMode, checkOwner, checkText, isAbsolute } from './checks.js';
import { applyCleanup, type CacheMode } from './cleanup.js';
import { image as parseImage, isImage, lockIssues, type Image, type Scratch } from './image.js';
import type { MountValue } from './mounts.js';
import type { PackageInstall } from './packages.js';
import { splitAndChain, trimBlanks } from './shell-split.js';
import { initialState, type StageState } from './stage-state.js';
import type { CopyOptions, FromStage, HealthcheckOptions, RunInput, RunOptions, RunStage, Stage, StageStart, UserResult, UserSpec, userState } from './stage-types.js';
import type { CheckStageName } from './type-checks.js';
import { createUserIssues, createUserSteps, guessUserTool, type CreateUserOptions } from './users.js';
import { toText, variablesOf, type Arg, type TextInput } from './variables.js';
import { checkArgument, checkOptions, isRecord, spec, wrongArgument, type ArgSpec } from '../validate/arguments.js';
import * as takes from './stage-arguments.js';

type Single = 'Cmd' | 'Entrypoint' | 'Healthcheck';

/** The one implementation behind Stage, RunStage, FromStage and StageStart; the interfaces decide what a caller sees. */
export class StageImpl<H extends boolean = boolean> implements FromStage<H>, RunStage<H>, StageStart {
  readonly kind = 'Stage';
  // Only in the types: whether user() or allowRoot() was called, as the interfaces record it.
  declare readonly [userState]: H;
  readonly #state: StageState;

  constructor(state: StageState) {
    this.#state = state;
    Object.freeze(this);
  }

  get name(): string {
    return this.#state.name;
  }

  /** @internal The state, for `dockerfile()`. */
  get state(): StageState {
    return this.#state;
  }

  // ---- plumbing -------------------------------------------------------------------------

  // K is the user state the caller's signature promises; the run-time state is the StageState.
  #next<K extends boolean = H>(patch: Partial<StageState>): StageImpl<K> {
    return new StageImpl<K>({ ...this.#state, ...patch });
  }

  /** Where the next instruction of this kind will be: `stage "x", RUN #2`. */
  #path(kind: Instruction['kind'] | 'From'): IssuePath {
    const keyword = keywordOf[kind];
    const index = this.#state.instructions.filter((i) => i.kind === kind).length + 1;
    return kind === 'From' ? { stage: this.#state.name, instruction: keyword } : { stage: this.#state.name, instruction: keyword, index };
  }

  #push<K extends boolean = H>(node: Instruction, issues: readonly DockwrightIssue[] = [], patch: Partial<StageState> = {}, last: StageState['last'] = 'other'): StageImpl<K> {
    if (this.#state.from === undefined && !this.#state.recorder) {
      issues = [...issues, toIssue(instructionBeforeFrom(this.#state.name), { stage: this.#state.name })];
    }
    return this.#next<K>({
      instructions: [...this.#state.instructions, Object.freeze(node)],
      issues: [...this.#state.issues, ...issues],
      last,
      ...patch,
    });
  }

  #problem(found: DockwrightIssue): StageImpl<H> {
    return this.#next({ issues: [...this.#state.issues, found] });
  }

  /**
   * Records arguments a call refused (wrong kind, out of range, unknown option) and stops there:
   * nothing is added to the stage, and the call's modifiers are skipped.
   */
  #refuse<K extends boolean = H>(found: readonly (DockwrightIssue | undefined)[]): StageImpl<K> | undefined {
    const issues = found.filter((i): i is DockwrightIssue => i !== undefined);
    if (issues.length === 0) return undefined;
    return this.#next<K>({ issues: [...this.#state.issues, ...issues], last: 'invalid' });
  }

  /** One argument against its spec, placed at `path`. */
  #check(call: string, name: string, value: unknown, expected: ArgSpec, path: IssuePath, hint?: string): DockwrightIssue | undefined {
    return checkArgument(call, name, value, expected, path, hint);
  }

  #withPath(issues: readonly DockwrightIssue[], path: IssuePath): DockwrightIssue[] {
    return issues.map((i) => issue(i.code, i.message, i.hint, { ...i.path, ...path, stage: path.stage ?? this.#state.name }));
  }

  #refOf(source: StageImpl | Image): { ref: StageRef | ImageRef; patch: Partial<StageState>; issues: DockwrightIssue[] } {
    if (isImage(source)) {
      return { ref: source.ref, patch: { globalArgs: [...this.#state.globalArgs, ...source.args] }, issues: [...source.issues] };
    }
    const issues: DockwrightIssue[] = [];
    if (source.name === this.#state.name) {
      issues.push(toIssue(selfReference(this.#state.name)));
    }
    return { ref: { kind: 'StageRef', name: source.name }, patch: { deps: [...this.#state.deps, source] }, issues };
  }

  // ---- FROM -----------------------------------------------------------------------------

  from(image: Image): StageImpl<false>;
  from<P extends boolean>(stage: Stage<P>): StageImpl<P>;
  from(base: Scratch): StageImpl<false>;
  from(image: string): StageImpl<false>;
  from(base: unknown): StageImpl {
    const path = this.#path('From');
    const isScratch = isRecord(base) && base['kind'] === 'Scratch';
    const isBase = typeof base === 'string' || isImage(base) || base instanceof StageImpl || isScratch;
    const refused = this.#refuse([isBase ? undefined : wrongArgument('from()', 'the base', { what: "an image reference, image(...), a stage or scratch", test: () => false }, base, path)]);
    if (refused !== undefined) return refused;
    if (this.#state.from !== undefined) return this.#problem(issue('DW1007', `stage "${this.name}" already has a base`, 'start a new stage() for a second FROM', path));
    if (typeof base === 'string' || isImage(base)) {
      const img = typeof base === 'string' ? parseImage(base as never) : base;
      return this.#next({
        from: { kind: 'From', base: img.ref },
        issues: [...this.#state.issues, ...this.#withPath(img.issues, path)],
        globalArgs: [...this.#state.globalArgs, ...img.args],
        userTool: guessUserTool(img.ref.name),
        last: 'from-image',
      });
    }
    if (!(base instanceof StageImpl)) {
      // Refused above unless it is scratch.
      return this.#next({ from: { kind: 'From', base: { kind: 'Scratch' } }, hasShell: false, last: 'other' });
    }
    const parent = base.state;
    const { ref, patch, issues } = this.#refOf(base);
    return this.#next({
      ...patch,
      from: { kind: 'From', base: ref },
      issues: [...this.#state.issues, ...this.#withPath(issues, path)],
      user: parent.user,
      hasWorkdir: parent.hasWorkdir,
      hasShell: parent.hasShell,
      userTool: parent.userTool,
      last: 'other',
    });
  }

  pinDigest(digest?: string): StageImpl<H> {
    const from = this.#state.from;
    const path = this.#path('From');
    if (this.#state.last === 'invalid') return this;
    const refused = this.#refuse([digest === undefined ? undefined : this.#check('pinDigest()', 'the digest', digest, spec.string, path)]);
    if (refused !== undefined) return refused;
    if (this.#state.last !== 'from-image' || from?.base.kind !== 'ImageRef') {
      const call = digest === undefined ? 'locked()' : 'pinDigest()';
      return this.#problem(issue('DW1007', `${call} is not right after from(image)`, `call .from(image).${digest === undefined ? 'locked()' : 'pinDigest(...)'} before any other instruction`, path));
    }
    if (digest === undefined) {
      return this.#next({
        from: { ...from, base: { ...from.base, locked: true } },
        issues: [...this.#state.issues, ...this.#withPath(lockIssues(from.base, 'FROM'), path)],
      });
    }
    const pinned = parseImage('x@sha256:0000000000000000000000000000000000000000000000000000000000000000' as never).pinDigest(digest as never);
    const issues = pinned.issues.filter((i) => i.code === 'DW1004');
    return this.#next({
      from: { ...from, base: { kind: 'ImageRef', name: from.base.name, ...(from.base.tag === undefined ? {} : { tag: from.base.tag }), digest } },
      issues: [...this.#state.issues, ...this.#withPath(issues, path)],
    });
  }

  locked(): StageImpl<H> {
    return this.pinDigest();
  }

  platform(platform: TextInput): StageImpl<H> {
    const from = this.#state.from;
    const path = this.#path('From');
    if (this.#state.last === 'invalid') return this;
    const refused = this.#refuse([this.#check('platform()', 'the platform', platform, spec.text, path, 'pass platformArgs.BUILDPLATFORM or a tpl`...` template of ARG handles')]);
    if (refused !== undefined) return refused;
    if (this.#state.last !== 'from-image' || from === undefined) {
      return this.#problem(issue('DW1007', 'platform() is not right after from(image)', 'call .from(image).platform(...) before any other instruction', path));
    }
    const vars = variablesOf(platform);
    const issues: DockwrightIssue[] = [];
    const found = fromPlatform(textToDisplay(toText(platform)), typeof platform === 'string' ? [] : vars.map((v) => v.name));
    if (found !== undefined) issues.push(toIssue(found, path));
    const userArgs = vars.filter((v): v is Arg => v.kind === 'Arg' && !v.builtin);
    return this.#next({
      from: { ...from, platform: toText(platform) },
      issues: [...this.#state.issues, ...issues],
      globalArgs: [...this.#state.globalArgs, ...userArgs],
    });
  }

  // ---- RUN ------------------------------------------------------------------------------

  run(input: RunInput, options: RunOptions = {}): StageImpl<H> {
    const path = this.#path('Run');
    const refused = this.#refuse([this.#check('run()', 'the command', input, takes.runInput, path), ...checkOptions('run()', options, takes.runOptions, path)]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    let node: RunInstruction;
    let mounts: readonly MountValue[] = [];
    if (Array.isArray(input)) {
      const argv = input as readonly string[];
      if (argv.length === 0) issues.push(issue('DW5007', 'run([]) has no command', 'pass a program and its arguments', path));
      if (argv.some((a) => a.includes('\0'))) issues.push(issue('DW7001', 'an exec-form argument contains NUL', 'remove the NUL character', path));
      node = { kind: 'Run', command: { form: 'exec', argv: [...argv] }, mounts: [] };
    } else if (typeof input === 'object' && (input as PackageInstall).kind === 'PackageInstall') {
      const install = input as PackageInstall;
      issues.push(...this.#withPath(install.issues, path));
      mounts = install.mounts;
      node = { kind: 'Run', command: { form: 'shell', steps: install.steps }, mounts: [] };
    } else if (typeof input === 'string' && input.includes('\n')) {
      if (/[\r\0]|\p{Cs}/u.test(input)) issues.push(issue('DW7001', 'the script contains a carriage return, NUL or a lone surrogate', 'use LF line endings and well-formed text without NUL', path));
      node = { kind: 'Run', command: { form: 'heredoc', script: input }, mounts: [] };
    } else {
      const text = input as string | Exclude<TextInput, string>;
      issues.push(...checkText(this.#state, text, 'the command', path));
      const literal = typeof text === 'string' ? text : '';
      const shown = typeof text === 'string' ? text : toText(text);
      if (trimBlanks(literal) === '' && typeof text === 'string') issues.push(issue('DW5007', 'run() has an empty command', 'pass the command to run', path));
      const edges = checkEdges(typeof shown === 'string' ? shown : textToDisplay(shown), 'the command', path);
      if (edges !== undefined) issues.push(edges);
      if (/\\\s*$/.test(literal)) issues.push(issue('DW7003', 'the command ends with a backslash, which would join the next line', 'remove the trailing backslash', path));
      if (/^\s*#/.test(literal)) issues.push(issue('DW7003', 'the command starts with #, which BuildKit drops as a comment inside a continuation', 'use .comment() for comments', path));
      if (literal.includes('<<')) issues.push(issue('DW5004', 'a `<<` in a one-line RUN is read as a heredoc by Dockerfile 1.4+', 'pass the whole script with newlines (rendered as a heredoc), or use exec form', path));
      const steps: RunStep[] = typeof shown === 'string' ? splitAndChain(shown).map((t) => ({ kind: 'Command', text: t })) : [{ kind: 'Command', text: shown }];
      node = { kind: 'Run', command: { form: 'shell', steps }, mounts: [] };
    }
    if (!this.#state.hasShell && node.command.form !== 'exec') {
      issues.push(issue('DW5008', 'a shell-form RUN in a stage on scratch, which has no /bin/sh', 'use exec form, run(["/app", "--flag"]), or build in another stage and COPY the result', path));
    }
    if (options.network !== undefined) node = { ...node, network: options.network };
    if (options.security !== undefined) node = { ...node, security: options.security };
    const later = this.#state.recorder ? undefined : aptCleanupAfter(this.#state.instructions.filter((i): i is RunInstruction => i.kind === 'Run'), node);
    if (later !== undefined) issues.push(toIssue(later, path));
    const started = this.#push(node, issues, {}, 'run');
    const all = [...mounts, ...(options.mounts ?? [])];
    return all.length === 0 ? started : started.withMounts(...all);
  }

  #lastRun(method: string): RunInstruction | DockwrightIssue | 'skip' {
    if (this.#state.last === 'invalid') return 'skip';
    const last = this.#state.instructions.at(-1);
    if (this.#state.last !== 'run' || last?.kind !== 'Run') {
      const path = { stage: this.name, instruction: 'RUN' };
      return issue('DW5005', `${method} is not right after run()`, `call .run(...).${method} before any other instruction`, path);
    }
    return last;
  }

  #replaceLastRun(node: RunInstruction, issues: readonly DockwrightIssue[] = [], patch: Partial<StageState> = {}): StageImpl<H> {
    return this.#next({
      instructions: [...this.#state.instructions.slice(0, -1), Object.freeze(node)],
      issues: [...this.#state.issues, ...issues],
      ...patch,
    });
  }

  withCleanup(options: { cache?: CacheMode } = {}): StageImpl<H> {
    const last = this.#lastRun('withCleanup()');
    if (last === 'skip') return this;
    if ('code' in last) return this.#problem(last);
    const path = { stage: this.name, instruction: 'RUN', index: this.#state.instructions.filter((i) => i.kind === 'Run').length };
    const refused = this.#refuse(checkOptions('withCleanup()', options, takes.modifiers.cleanup, path));
    if (refused !== undefined) return refused;
    if (last.command.form !== 'shell') {
      return this.#problem(issue('DW5002', `withCleanup() cannot rewrite ${last.command.form === 'exec' ? 'an exec-form' : 'a heredoc'} RUN`, 'write the install as a one-line shell command, or use aptInstall()/apkInstall()/dnfInstall()', path));
    }
    const mode = options.cache ?? 'clean';
    const result = applyCleanup(last.command.steps, mode);
    const user = this.#state.user;
    if (mode === 'mount' && user !== undefined && !user.root && result.mounts.length > 0) {
      // The default cache directories are root's; a non-root RUN could not write them.
      return this.#problem(issue('DW5006', `withCleanup({ cache: 'mount' }) in a RUN that runs as ${user.spec}`, `install as root before .user(), or mount a cache the user owns: .withMounts(cacheMount('/home/app/.npm', { uid: 10001, gid: 10001 }))`, path));
    }
    if (result.managers.length === 0) {
      return this.#problem(issue('DW5001', 'withCleanup() found no package manager command to clean up after', 'use it on apt-get/apk/dnf/yum/microdnf/pip/npm/yarn/pnpm installs, or drop it', path));
    }
    const updated = this.#replaceLastRun({ ...last, command: { form: 'shell', steps: result.steps } });
    return result.mounts.length === 0 ? updated : updated.withMounts(...result.mounts);
  }

  withMounts(...mounts: readonly MountValue[]): StageImpl<H> {
    const last = this.#lastRun('withMounts()');
    if (last === 'skip') return this;
    if ('code' in last) return this.#problem(last);
    const path = { stage: this.name, instruction: 'RUN', index: this.#state.instructions.filter((i) => i.kind === 'Run').length };
    const refused = this.#refuse(mounts.map((m, n) => this.#check('withMounts()', `mount ${n + 1}`, m, takes.mountValue, path)));
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    let deps = this.#state.deps;
    let globalArgs = this.#state.globalArgs;
    const combined = [...last.mounts];
    for (const m of mounts) {
      issues.push(...this.#withPath(m.issues, path));
      const target = 'target' in m.mount ? m.mount.target : undefined;
      if (target !== undefined && combined.some((c) => 'target' in c && c.target === target)) {
        issues.push(issue('DW5006', `two mounts at ${target}`, 'mount each path once', path));
      }
      // The same mount twice (a preset and the user both adding it) is kept once.
      if (combined.some((c) => JSON.stringify(c) === JSON.stringify(m.mount))) continue;
      combined.push(m.mount);
      if (m.source !== undefined) {
        if (isImage(m.source)) globalArgs = [...globalArgs, ...m.source.args];
        else if (m.source instanceof StageImpl) {
          if (m.source.name === this.name) issues.push(toIssue(selfReference(this.name, 'mounts'), path));
          deps = [...deps, m.source];
        } else {
          // A mount value written by hand: cacheMount() and bindMount() take only stages and images.
          issues.push(wrongArgument('withMounts()', 'the mount\'s from', { what: "a stage from stage('name') or an image from image()", test: () => false }, m.source, path));
        }
      }
    }
    return this.#replaceLastRun({ ...last, mounts: combined }, issues, { deps, globalArgs });
  }

  withNetwork(network: 'default' | 'none' | 'host'): StageImpl<H> {
    const last = this.#lastRun('withNetwork()');
    if (last === 'skip') return this;
    if ('code' in last) return this.#problem(last);
    const refused = this.#refuse([this.#check('withNetwork()', 'the network', network, takes.modifiers.network, this.#runPath())]);
    return refused ?? this.#replaceLastRun({ ...last, network });
  }

  withSecurity(security: 'sandbox' | 'insecure'): StageImpl<H> {
    const last = this.#lastRun('withSecurity()');
    if (last === 'skip') return this;
    if ('code' in last) return this.#problem(last);
    const refused = this.#refuse([this.#check('withSecurity()', 'the security mode', security, takes.modifiers.security, this.#runPath())]);
    return refused ?? this.#replaceLastRun({ ...last, security });
  }

  /** Where the last RUN is: what its modifiers report against. */
  #runPath(): IssuePath {
    return { stage: this.name, instruction: 'RUN', index: this.#state.instructions.filter((i) => i.kind === 'Run').length };
  }

  // ---- files ----------------------------------------------------------------------------

  copy(...args: unknown[]): StageImpl<H> {
    const hasFrom = args[0] instanceof StageImpl || isImage(args[0]);
    const [from, sourceArg, dest, options = {}] = (hasFrom ? args : [undefined, ...args]) as [
      StageImpl | Image | undefined,
      TextInput | readonly TextInput[],
      TextInput,
      CopyOptions | undefined,
    ];
    const path = this.#path('Copy');
    const given = hasFrom ? args.length - 1 : args.length;
    // A stage named by a string (`copy('builder', '/out', './out')`) lands in the options slot.
    const byName = 'to copy from a stage or an image, pass the value itself: .copy(builder, "/app/dist", "./dist"); stages are values, not names';
    const refused = this.#refuse([
      given < 2 || given > 3 ? issue('DW9005', `copy() takes ${hasFrom ? '(from, source, dest, options?)' : '(source, dest, options?)'}, but got ${args.length} arguments`, byName, path) : undefined,
      this.#check('copy()', 'the source', sourceArg, takes.copySources, path),
      this.#check('copy()', 'the destination', dest, spec.text, path),
      ...checkOptions('copy()', args[hasFrom ? 3 : 2], takes.copyOptions, path, byName),
    ]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    const sources = (Array.isArray(sourceArg) ? sourceArg : [sourceArg]) as TextInput[];
    if (sources.length === 0) issues.push(issue('DW6014', 'copy() of no sources', 'name at least one source', path));
    for (const s of sources) {
      issues.push(...checkText(this.#state, s, 'the source', path));
      if (s === '') issues.push(issue('DW6014', 'an empty source path', "write '.' for the whole context", path));
      const whole = from !== undefined && !isImage(from) && typeof s === 'string' ? copyWholeStage(from.name, s) : undefined;
      if (whole !== undefined) issues.push(toIssue(whole, path));
    }
    issues.push(...checkText(this.#state, dest, 'the destination', path));
    issues.push(...this.#destIssues(dest, sources.length, path));
    let patch: Partial<StageState> = {};
    let fromRef: StageRef | ImageRef | undefined;
    if (from !== undefined) {
      const r = this.#refOf(from);
      fromRef = r.ref;
      patch = r.patch;
      issues.push(...this.#withPath(r.issues, path));
    }
    const owner = this.#owner(options.chown, path);
    issues.push(...owner.issues);
    const mode = options.chmod === undefined ? undefined : checkMode(options.chmod, path);
    issues.push(...(mode?.issues ?? []));
    for (const pattern of options.exclude ?? []) {
      const bad = checkLine(pattern, 'the exclude pattern', path);
      if (bad !== undefined) issues.push(bad);
      // BuildKit reads flag values as bytes: a non-ASCII pattern would match nothing.
      else if (/[^\x20-\x7e]/.test(pattern)) issues.push(issue('DW6014', `exclude pattern ${JSON.stringify(pattern)} is not ASCII`, 'match the name with ASCII wildcards, e.g. ?*', path));
    }
    // A context path that starts with `-` would read as a flag.
    const safeSources = sources.map((s) => (from === undefined && typeof s === 'string' && s.startsWith('-') ? `./${s}` : s));
    return this.#push(
      {
        kind: 'Copy',
        ...(fromRef === undefined ? {} : { from: fromRef }),
        sources: safeSources.map(toText),
        dest: toText(dest),
        ...(owner.value === undefined ? {} : { chown: owner.value }),
        ...(mode === undefined ? {} : { chmod: mode.value }),
        ...(options.link === true ? { link: true } : {}),
        ...(options.parents === true ? { parents: true } : {}),
        exclude: [...(options.exclude ?? [])],
      },
      issues,
      patch,
    );
  }

  #destIssues(dest: TextInput, count: number, path: IssuePath): DockwrightIssue[] {
    const issues: DockwrightIssue[] = [];
    const literal = typeof dest === 'string' ? dest : undefined;
    if (literal === '') issues.push(issue('DW6014', 'an empty destination', "write '.' or an absolute path", path));
    const slash = literal === undefined ? undefined : copyDestSlash(literal, count);
    if (slash !== undefined) issues.push(toIssue(slash, path));
    if (!isAbsolute(dest) && !this.#state.hasWorkdir) issues.push(toIssue(relativeCopyDest(literal ?? '(template)'), path));
    return issues;
  }

  #owner(chown: string | number | true | undefined, path: IssuePath): { value?: string; issues: DockwrightIssue[] } {
    if (chown === undefined) return { issues: [] };
    if (chown === true) {
      const user = this.#state.user;
      if (user === undefined) return { issues: [issue('DW3004', 'chown: true, but no user() is set in this stage', "call .user(...) first, or write the owner: { chown: '10001:10001' }", path)] };
      return { value: user.chown, issues: [] };
    }
    return checkOwner(chown, path);
  }

  addUrl(url: string, dest: string, options: { checksum: string; chown?: string | number; chmod?: string | number; link?: boolean }): StageImpl<H> {
    const path = this.#path('Add');
    const refused = this.#refuse([
      this.#check('addUrl()', 'the URL', url, spec.string, path),
      this.#check('addUrl()', 'the destination', dest, spec.string, path),
      this.#check('addUrl()', 'the options', options, spec.object, path, "pass the checksum: { checksum: 'sha256:...' }"),
      ...checkOptions('addUrl()', options, takes.addUrlOptions, path),
    ]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    if (!/^https?:\/\/[A-Za-z0-9._~:/?#[\]@!&'()*+,;=%-]+$/.test(url) || /[\\"'$]/.test(url)) {
      issues.push(toIssue(addNotUrl(url), path));
    }
    const checksum = addChecksum(url, options?.checksum);
    if (checksum !== undefined) issues.push(toIssue(checksum, path));
    return this.#add({ kind: 'url', url, checksum: options?.checksum ?? '' }, dest, options, issues, path);
  }

  addGit(url: string, dest: string, options: { keepGitDir?: boolean; chown?: string | number; link?: boolean } = {}): StageImpl<H> {
    const path = this.#path('Add');
    const refused = this.#refuse([
      this.#check('addGit()', 'the URL', url, spec.string, path),
      this.#check('addGit()', 'the destination', dest, spec.string, path),
      ...checkOptions('addGit()', options, takes.addGitOptions, path),
    ]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    if (!/^(?:https:\/\/|git@|ssh:\/\/)[A-Za-z0-9._~:/@#+-]+$/.test(url)) {
      issues.push(toIssue(addNotGit(url), path));
    }
    return this.#add({ kind: 'git', url, ...(options.keepGitDir === true ? { keepGitDir: true } : {}) }, dest, options, issues, path);
  }

  addArchive(archive: string, dest: string, options: { chown?: string | number; chmod?: string | number } = {}): StageImpl<H> {
    const path = this.#path('Add');
    const refused = this.#refuse([
      this.#check('addArchive()', 'the archive path', archive, spec.string, path),
      this.#check('addArchive()', 'the destination', dest, spec.string, path),
      ...checkOptions('addArchive()', options, takes.addArchiveOptions, path),
    ]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    if (!isLocalArchive(archive)) issues.push(toIssue(addNotArchive(archive), path));
    const line = checkLine(archive, 'the archive path', path);
    if (line !== undefined) issues.push(line);
    return this.#add({ kind: 'archive', path: archive }, dest, options, issues, path);
  }

  #add(source: import('../ast/instructions.js').AddSource, dest: string, options: { chown?: string | number; chmod?: string | number; link?: boolean }, issues: DockwrightIssue[], path: IssuePath): StageImpl<H> {
    issues.push(...checkText(this.#state, dest, 'the destination', path), ...this.#destIssues(dest, 1, path));
    const owner = options.chown === undefined ? undefined : checkOwner(options.chown, path);
    const mode = options.chmod === undefined ? undefined : checkMode(options.chmod, path);
    issues.push(...(owner?.issues ?? []), ...(mode?.issues ?? []));
    return this.#push(
      {
        kind: 'Add',
        source,
        dest,
        ...(owner === undefined ? {} : { chown: owner.value }),
        ...(mode === undefined ? {} : { chmod: mode.value }),
        ...(options.link === true ? { link: true } : {}),
      },
      issues,
    );
  }

  // ---- metadata -------------------------------------------------------------------------

  env(variables: Readonly<Record<string, TextInput>>): StageImpl<H> {
    const path = this.#path('Env');
    const refused = this.#refuse([this.#check('env()', 'the variables', variables, spec.recordOf(spec.text), path, "pass an object such as { NODE_ENV: 'production' }")]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    const keys = Object.keys(variables);
    if (keys.length === 0) issues.push(issue('DW9005', 'env() with no variables', 'pass at least one variable', path));
    for (const [key, value] of Object.entries(variables)) {
      issues.push(...placed(path, variableName('ENV', key), secretName('ENV', key)));
      issues.push(...checkText(this.#state, value, `ENV ${key}`, path));
      for (const v of variablesOf(value)) {
        // PATH=...:$PATH reads the old value, which is fine; another key of the same ENV is not yet set.
        if (v.name !== key && keys.includes(v.name)) issues.push(toIssue(envSelfReference(key, v.name), path));
      }
    }
    return this.#push({ kind: 'Env', pairs: Object.entries(variables).map(([key, value]) => ({ key, value: toText(value) })) }, issues);
  }

  label(labels: Readonly<Record<string, TextInput>>): StageImpl<H> {
    const path = this.#path('Label');
    const refused = this.#refuse([this.#check('label()', 'the labels', labels, spec.recordOf(spec.text), path, "pass an object such as { 'org.opencontainers.image.source': 'https://...' }")]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    if (Object.keys(labels).length === 0) issues.push(issue('DW9005', 'label() with no labels', 'pass at least one label', path));
    for (const [key, value] of Object.entries(labels)) {
      issues.push(...placed(path, labelKey(key)));
      issues.push(...checkText(this.#state, value, `label ${key}`, path));
    }
    return this.#push({ kind: 'Label', pairs: Object.entries(labels).map(([key, value]) => ({ key, value: toText(value) })) }, issues);
  }

  arg(handle: Arg): StageImpl<H> {
    const path = this.#path('Arg');
    const named = typeof handle === 'string' ? `pass a handle: const token = arg(${JSON.stringify(handle)}); then .arg(token)` : "pass a handle: .arg(arg('NAME'))";
    const refused = this.#refuse([this.#check('arg()', 'the ARG', handle, takes.argHandle, path, named)]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    issues.push(...placed(path, variableName('ARG', handle.name), secretName('ARG', handle.name)));
    if (handle.default !== undefined) {
      const bad = checkLine(handle.default, `ARG ${handle.name} default`, path);
      if (bad !== undefined) issues.push(bad);
    }
    const node = { kind: 'Arg' as const, name: handle.name, ...(handle.default === undefined ? {} : { default: handle.default }) };
    return this.#push(node, issues, { args: [...this.#state.args, handle.name] });
  }

  workdir(dir: TextInput): StageImpl<H> {
    const path = this.#path('Workdir');
    const refused = this.#refuse([this.#check('workdir()', 'the path', dir, spec.text, path)]);
    if (refused !== undefined) return refused;
    const issues = checkText(this.#state, dir, 'WORKDIR', path);
    if (!isAbsolute(dir)) issues.push(toIssue(relativeWorkdir(typeof dir === 'string' ? dir : '(template)'), path));
    return this.#push({ kind: 'Workdir', path: toText(dir) }, issues, { hasWorkdir: true });
  }

  expose(...ports: readonly (number | string)[]): StageImpl<H> {
    const path = this.#path('Expose');
    const portSpec = spec.either({ what: 'a number', test: (v) => typeof v === 'number' }, spec.string);
    const refused = this.#refuse(ports.map((p, n) => this.#check('expose()', `port ${n + 1}`, p, portSpec, path)));
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    const parsed = ports.map((p) => {
      const parsed = parsePort(p);
      issues.push(...placed(path, exposePort(p)));
      return parsed ?? { port: Number.NaN, protocol: 'tcp' as const };
    });
    if (ports.length === 0) issues.push(issue('DW9005', 'expose() with no ports', 'pass at least one port', path));
    return this.#push({ kind: 'Expose', ports: parsed }, issues);
  }

  volume(...paths: readonly string[]): StageImpl<H> {
    const path = this.#path('Volume');
    const refused = this.#refuse(paths.map((p, n) => this.#check('volume()', `path ${n + 1}`, p, spec.string, path)));
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    for (const p of paths) {
      const bad = checkLine(p, 'VOLUME', path);
      if (bad !== undefined) issues.push(bad);
      const edges = checkEdges(p, 'VOLUME', path, true);
      if (edges !== undefined) issues.push(edges);
      else if (!p.startsWith('/')) issues.push(issue('DW6014', `VOLUME ${JSON.stringify(p)} is relative`, 'write an absolute path such as /data', path));
    }
    if (paths.length === 0) issues.push(issue('DW6014', 'volume() with no paths', 'pass at least one path', path));
    return this.#push({ kind: 'Volume', paths: [...paths] }, issues);
  }

  user<const T extends UserSpec>(given: T, options: { readonly create?: CreateUserOptions } = {}): StageImpl<UserResult<T>> {
    const path = this.#path('User');
    const refused = this.#refuse([
      this.#check('user()', 'the user', given, takes.userSpec, path, "pass a name ('app'), a uid (10001), 'user:group' or { uid, gid }"),
      ...checkOptions('user()', options, { create: spec.object }, path),
      ...checkOptions('user()', options?.create, takes.createUser, path),
      options?.create === undefined ? undefined : this.#check('user()', 'option create.uid', options.create.uid, takes.createdId, path, 'pick a fixed uid such as 10001'),
    ]);
    // A refused user() is reported once: the stage does not also count as running as root.
    if (refused !== undefined) return refused.#next<UserResult<T>>({ user: { spec: '(invalid)', root: false, chown: '(invalid)', allowed: false } });
    const text = typeof given === 'object' ? `${given.uid}:${given.gid}` : String(given);
    const checked = checkOwner(text, path);
    const [user = '', group] = text.split(':');
    const create = options.create;
    if (create === undefined) {
      const node = { kind: 'User' as const, user, ...(group === undefined ? {} : { group }) };
      const root = user === 'root' || user === '0';
      return this.#push<UserResult<T>>(node, checked.issues, { user: { spec: text, root, chown: text, allowed: false } });
    }
    let stage: StageImpl<H> = this;
    const issues = [...checked.issues];
    // One DW3002 per call: a value that is no user at all is already reported by checkOwner.
    const malformed = checked.issues.length === 0 ? userFormat(text, { create: true }) : undefined;
    if (malformed !== undefined) issues.push(toIssue(malformed, path));
    issues.push(...createUserIssues(create, path));
    if (!this.#state.hasShell) {
      issues.push(issue('DW3003', 'cannot create a user in a stage on scratch, which has no shell', "use a numeric user instead: .user('65532:65532')", path));
    } else if (issues.length === 0) {
      stage = stage.run('true').#replaceLastRun({ kind: 'Run', command: { form: 'shell', steps: createUserSteps(user, create, create.tool ?? this.#state.userTool) }, mounts: [] });
    }
    const ids = `${create.uid}:${create.gid ?? create.uid}`;
    return stage.#push<UserResult<T>>({ kind: 'User', user: String(create.uid), group: String(create.gid ?? create.uid) }, issues, {
      user: { spec: ids, root: false, chown: ids, allowed: false },
    });
  }

  allowRoot(reason: string): StageImpl<true> {
    const path = { stage: this.name, instruction: 'USER' };
    const refused = this.#refuse<true>([this.#check('allowRoot()', 'the reason', reason, spec.string, path)]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    if (reason.trim() === '') issues.push(toIssue(missingReason('allowRoot()', "say why root is needed: .allowRoot('binds port 80 without capabilities')"), path));
    const bad = checkLine(reason, 'the reason', path);
    if (bad !== undefined) issues.push(bad);
    const user = this.#state.user ?? { spec: 'root', root: true, chown: 'root', allowed: false };
    return this.#push<true>({ kind: 'Waiver', code: 'DW3001', reason }, issues, { user: { ...user, allowed: true } });
  }

  // ---- process --------------------------------------------------------------------------

  #single(kind: Single, path: IssuePath): DockwrightIssue[] {
    if (!this.#state.instructions.some((i) => i.kind === kind)) return [];
    const keyword = keywordOf[kind];
    return [toIssue(secondInstruction(keyword, this.name), path)];
  }

  #argv(argv: unknown, keyword: string, path: IssuePath): DockwrightIssue[] {
    if (!Array.isArray(argv)) {
      return [toIssue(shellForm(keyword as 'CMD', typeof argv === 'string' ? argv : undefined), path)];
    }
    if (argv.length === 0) return [issue('DW5007', `${keyword} with an empty array`, 'pass a program and its arguments', path)];
    const call = `${keyword.toLowerCase()}()`;
    const kinds = argv.map((a, n) => this.#check(call, `argument ${n + 1}`, a, spec.string, path)).filter((i): i is DockwrightIssue => i !== undefined);
    if (kinds.length > 0) return kinds;
    if (argv.some((a) => (a as string).includes('\0'))) return [issue('DW7001', `${keyword} has an argument that holds NUL`, 'pass strings without NUL', path)];
    return [];
  }

  cmd(argv: readonly string[]): StageImpl<H> {
    const path = this.#path('Cmd');
    return this.#push({ kind: 'Cmd', argv: Array.isArray(argv) ? [...argv] : [] }, [...this.#single('Cmd', path), ...this.#argv(argv, 'CMD', path)]);
  }

  entrypoint(argv: readonly string[]): StageImpl<H> {
    const path = this.#path('Entrypoint');
    return this.#push({ kind: 'Entrypoint', argv: Array.isArray(argv) ? [...argv] : [] }, [...this.#single('Entrypoint', path), ...this.#argv(argv, 'ENTRYPOINT', path)]);
  }

  shell(argv: readonly string[]): StageImpl<H> {
    const path = this.#path('Shell');
    return this.#push({ kind: 'Shell', argv: Array.isArray(argv) ? [...argv] : [] }, this.#argv(argv, 'SHELL', path));
  }

  healthcheck(command: readonly string[] | 'none', options: HealthcheckOptions = {}): StageImpl<H> {
    const path = this.#path('Healthcheck');
    const refused = this.#refuse(checkOptions('healthcheck()', options, takes.healthcheckOptions, path));
    if (refused !== undefined) return refused;
    const issues = this.#single('Healthcheck', path);
    if (command !== 'none') issues.push(...this.#argv(command, 'HEALTHCHECK', path));
    const given: Record<string, unknown> = {};
    for (const key of ['interval', 'timeout', 'startPeriod', 'startInterval', 'retries'] as const) {
      const value = options[key];
      if (value === undefined) continue;
      issues.push(...placed(path, healthcheckOption(key, value)));
      given[key] = key === 'retries' ? Number(value) : value;
    }
    const argv = command === 'none' ? null : Array.isArray(command) ? [...command] : [];
    return this.#push({ kind: 'Healthcheck', argv, ...given }, issues);
  }

  stopSignal(signal: string | number): StageImpl<H> {
    const path = this.#path('StopSignal');
    const refused = this.#refuse([this.#check('stopSignal()', 'the signal', signal, spec.either(spec.string, spec.integer(1, 64)), path, "pass a name such as 'SIGTERM' or a number from 1 to 64")]);
    if (refused !== undefined) return refused;
    const text = String(signal);
    const issues = placed(path, stopSignal(text));
    return this.#push({ kind: 'StopSignal', signal: text }, issues);
  }

  onBuild(record: (stage: Stage<boolean>) => Stage<boolean>): StageImpl<H> {
    const path = this.#path('OnBuild');
    const refusedFn = this.#refuse([this.#check('onBuild()', 'the recorder', record, spec.function, path, 'pass a function: .onBuild((s) => s.copy(".", "/app/"))')]);
    if (refusedFn !== undefined) return refusedFn;
    const result: unknown = record(new StageImpl({ ...initialState(this.name, true), hasWorkdir: true }));
    const refused = this.#refuse([
      result instanceof StageImpl ? undefined : wrongArgument('onBuild()', 'what the recorder returned', { what: 'the stage it was given, with instructions added', test: () => false }, result, path, 'DW9005', 'return the stage: .onBuild((s) => s.run("make"))'),
    ]);
    if (refused !== undefined) return refused;
    const recorded = (result as StageImpl).state;
    const issues = [...recorded.issues];
    for (const node of recorded.instructions) {
      if (node.kind === 'OnBuild' || node.kind === 'Comment' || node.kind === 'Waiver' || node.kind === 'Raw') {
        issues.push(issue('DW6016', `${keywordOf[node.kind]} cannot be an ONBUILD trigger`, 'record only instructions such as COPY and RUN in onBuild()', path));
      }
    }
    let stage: StageImpl<H> = this;
    for (const node of recorded.instructions) stage = stage.#push({ kind: 'OnBuild', instruction: node });
    return stage.#next({ issues: [...stage.#state.issues, ...issues] });
  }

  // ---- comments and escape hatches ------------------------------------------------------

  comment(text: string): StageImpl<H> {
    const path = this.#path('Comment');
    const refused = this.#refuse([this.#check('comment()', 'the text', text, spec.string, path)]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    const bad = checkLine(text, 'the comment', path);
    if (bad !== undefined) issues.push(bad);
    if (/\\\s*$/.test(text)) issues.push(issue('DW7003', 'the comment ends with a backslash', 'end the comment with another character', path));
    return this.#push({ kind: 'Comment', text: text.trimEnd() }, issues);
  }

  raw(line: string, reason: string): StageImpl<H> {
    const path = this.#path('Raw');
    const refused = this.#refuse([this.#check('raw()', 'the line', line, spec.string, path), this.#check('raw()', 'the reason', reason, spec.string, path)]);
    if (refused !== undefined) return refused;
    const issues: DockwrightIssue[] = [];
    if (reason.trim() === '') issues.push(toIssue(missingReason('raw()', "say why: .raw('...', 'not expressible yet: #123')"), path));
    for (const [what, value] of [['the raw line', line], ['the reason', reason]] as const) {
      const bad = checkLine(value, what, path);
      if (bad !== undefined) issues.push(bad);
    }
    const keyword = /^[A-Za-z]+/.exec(line)?.[0]?.toUpperCase();
    if (keyword === undefined) issues.push(issue('DW6018', `raw line ${JSON.stringify(line)} does not start with an instruction`, 'start it with a keyword such as RUN', path));
    if (keyword === 'MAINTAINER') issues.push(toIssue(maintainer(), path));
    if (keyword === 'FROM') issues.push(issue('DW6018', 'raw() cannot start a stage', 'use stage(name).from(...)', path));
    if (/\\\s*$/.test(line)) issues.push(issue('DW7003', 'the raw line ends with a backslash, which would join the next line', 'remove the trailing backslash', path));
    if (line.includes('<<')) issues.push(issue('DW5004', 'a `<<` in a raw line may read as a heredoc', 'use run() with a multi-line script', path));
    return this.#push({ kind: 'Raw', text: line, reason }, issues);
  }

  with<R>(fn: (stage: this) => R): R {
    if (typeof fn !== 'function') return this.#refuse([this.#check('with()', 'the function', fn, spec.function, { stage: this.name })]) as R;
    return fn(this);
  }

  toAst(): StageNode {
    const from = this.#state.from ?? { kind: 'From', base: { kind: 'Scratch' } };
    return Object.freeze({ kind: 'Stage', name: this.name, from, instructions: this.#state.instructions });
  }
}

// What the rule modules found, placed at the builder's path.
function placed(path: IssuePath, ...found: readonly (Problem | undefined)[]): DockwrightIssue[] {
  return found.filter((p): p is Problem => p !== undefined).map((p) => toIssue(p, path));
}

/**
 * Starts a named stage; only `from()` is offered until it has a base. Names are lowercase.
 *
 * @example
 * ```ts
 * const build = stage('build').from('node:22.11-bookworm-slim').workdir('/app').copy('.', '.').run('npm ci');
 * ```
 */
export function stage<const N extends string>(name: N & CheckStageName<N>): StageStart {
  if (typeof name !== 'string') {
    const invalid = initialState('invalid');
    return new StageImpl<false>({ ...invalid, issues: [wrongArgument('stage()', 'the name', spec.string, name, {}, 'DW9005', "pass the stage name: stage('build')")] });
  }
  const issues = placed({ stage: name }, stageNameCasing(name), reservedStageName(name));
  return new StageImpl<false>({ ...initialState(name), issues });
}

/** True for a stage made by `stage()`. */
export function isStage(value: unknown): value is StageImpl {
  return value instanceof StageImpl;
}
