// One row per slot of the public builder API: every argument (and every option) that reaches the
// Dockerfile text, with hostile values, and where BuildKit must read each one back. The coverage
// test in property/slots.test.ts fails when a stage method or an exported builder function has
// no row here, so a new slot cannot ship untested.
import fc from 'fast-check';
import {
  apkInstall,
  aptInstall,
  arg,
  bindMount,
  cacheMount,
  dnfInstall,
  image,
  imageEnv,
  oci,
  platformArgs,
  secretMount,
  sshMount,
  stage,
  tmpfsMount,
  tpl,
  type MountValue,
  type Stage,
  type TemplateWithVars,
  type TextInput,
} from '@dockwright/core';
import { argv, hostile, makeTemplate, templateParts, varName, withPrefix } from './arbitraries.js';
import type { Lexed } from './buildkit-lexer.js';
import type { ReadFile, Source } from './buildkit-reader.js';
import { at, Difference, differ, flags, lit, meaning, parts, shape, shellCommands, shellWords, slot, type Slot } from './slot-runner.js';

const base = 'debian:12.8-slim';
const app = () => stage('app').from(base);
const done = (s: Stage<boolean>) => s.user('10001');
const FROM = { keyword: 'FROM', image: [base], name: 'app' };

// ---- values ------------------------------------------------------------------------------------

type Valued = { readonly input: TextInput; readonly expected: Lexed };

const literal = (text: fc.Arbitrary<string>) => text.map((v): Valued => ({ input: v, expected: lit(v) }));
const template = (text: fc.Arbitrary<string> = hostile(12)) => templateParts(text).map((spec): Valued => {
  const t = makeTemplate(spec);
  return { input: t.template, expected: t.expected };
});
/** A literal value most of the time, a template with image variables some of the time. */
const valued = (text: fc.Arbitrary<string> = hostile()) => fc.oneof({ arbitrary: literal(text), weight: 4 }, { arbitrary: template(), weight: 1 });
const absolute = valued(withPrefix('/'));
const oneLine = hostile().filter((t) => !t.includes('\n'));
/** Whole numbers, and the numbers BuildKit reads as others or refuses. */
const number = (min: number, max: number) =>
  fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 3 }, { arbitrary: fc.constantFrom(-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32, 2 ** 53, 1e21, -0), weight: 1 });
const boolish = fc.oneof({ arbitrary: fc.boolean(), weight: 3 }, { arbitrary: fc.constantFrom<unknown>('true', 1, null), weight: 1 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const digest = fc.oneof({ arbitrary: hex.map((h) => `sha256:${h}`), weight: 3 }, { arbitrary: hostile(70), weight: 1 });
const imageRef = fc.oneof(
  { arbitrary: fc.tuple(fc.stringMatching(/^(?:[a-z0-9]+\.[a-z]{2,3}(?::\d{2,4})?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)?(?:\/[a-z0-9]+)?$/), fc.stringMatching(/^[\w][\w.-]{0,15}$/)).map(([n, t]) => `${n}:${t}`), weight: 3 },
  { arbitrary: hostile(24), weight: 1 },
);
/** Mount option values: mostly what a mount option can carry, sometimes anything. */
const mountText = (max = 10) => fc.oneof({ arbitrary: fc.stringMatching(new RegExp(`^[A-Za-z0-9_./@:+~%-]{1,${max}}$`)), weight: 5 }, { arbitrary: hostile(max), weight: 1 });
const mountTarget = mountText(12).map((t) => (t.startsWith('/') ? t : `/${t}`));
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const userName = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,12}(?::[a-z_][a-z0-9_-]{0,8})?$/), weight: 2 }, { arbitrary: hostile(12), weight: 1 });

/** A `KEY` lexes back as itself when rendered; the pair's value as its parts. */
function pairs(file: ReadFile, index: number, keyword: 'ENV' | 'LABEL', entries: readonly (readonly [string, Valued])[]): void {
  const read = at(file, index, keyword);
  // In the order of the object the caller built (JavaScript puts integer-like keys first).
  const ordered = Object.entries(Object.fromEntries(entries)) as [string, Valued][];
  differ(
    read.pairs.map((p) => [p.key, p.value]),
    ordered.map(([k, v]) => [k, v.expected]),
    `${keyword} pairs`,
  );
}

/** COPY/ADD sources as data. */
const paths = (sources: readonly Source[]) => sources.map((s) => ('path' in s ? s.path : { heredoc: s.heredoc }));

/** The RUN's shell text, with BuildKit's joined continuation lines: one command per `&&` part. */
function commands(file: ReadFile, index: number): string[] {
  const run = at(file, index, 'RUN');
  if (!('shell' in run.command)) throw new Difference('RUN is not in shell form');
  return run.command.shell.split(/[ \t]*&&[ \t]*/);
}

const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The one --mount of the RUN at `index`, as `{ key: parts }`. */
function mountOf(file: ReadFile, index: number): Record<string, unknown> {
  const read = flags(at(file, index, 'RUN'))['mount'] as Record<string, unknown>[] | undefined;
  if (read?.length !== 1) throw new Difference(`${read?.length ?? 0} --mount flags, expected 1`);
  return sorted(read[0] as Record<string, unknown>);
}

/** What a mount option reads back as: its text, lexed; `true` for a bare key. */
function expectedMount(type: string, options: Record<string, unknown>, renamed: Record<string, string> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { type: [type] };
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined || v === false) continue;
    const key = renamed[k] ?? k;
    out[key] = v === true && (k === 'readonly' || k === 'readwrite') ? true : lit(String(v));
  }
  return sorted(out);
}

const withMount = (m: MountValue) => done(app().run('true').withMounts(m));
const ends = (...middle: string[]) => ['FROM', ...middle, 'USER'];
const chain = (s: string) => s.replace(/[ \t]*&&[ \t]*/g, '&&').replace(/^[ \t]+|[ \t]+$/g, '');

// ---- the table ---------------------------------------------------------------------------------

export const slots: readonly Slot[] = [
  // Stages and FROM
  slot({
    slot: 'stage(): name',
    method: 'stage',
    value: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}$/), hostile(12)),
    make: (name) => done(stage(name as never).from(base)),
    check: (f, name) => differ(meaning(shape(f, ['FROM', 'USER'])[0]), { ...FROM, name }, 'FROM'),
  }),
  slot({
    slot: 'from(): image reference',
    method: 'from',
    value: imageRef,
    make: (ref) => done(stage('app').from(ref as never)),
    check: (f, ref) => differ(meaning(shape(f, ['FROM', 'USER'])[0]), { ...FROM, image: lit(ref) }, 'FROM'),
  }),
  slot({
    slot: 'pinDigest(): digest',
    method: 'pinDigest',
    value: digest,
    make: (d) => done(stage('app').from(base).pinDigest(d as never)),
    check: (f, d) => differ(meaning(shape(f, ['FROM', 'USER'])[0]), { ...FROM, image: [`${base}@${d}`] }, 'FROM'),
  }),
  slot({
    slot: 'locked() and dockerfile({ lockfile }): digest',
    method: 'locked',
    value: digest,
    make: (d) => ({ stage: done(stage('app').from(base).locked()), options: { lockfile: { version: 1, images: { 'docker.io/library/debian:12.8-slim': { digest: d, mediaType: 'application/vnd.oci.image.index.v1+json', platforms: [] } } } } }),
    check: (f, d) => {
      differ(meaning(shape(f, ['FROM', 'LABEL', 'USER'])[0]), { ...FROM, image: [`${base}@${d}`] }, 'FROM');
      differ(at(f, 1, 'LABEL').pairs.map((p) => p.value), [['docker.io/library/debian:12.8-slim'], [d]], 'base image labels');
    },
  }),
  slot({
    slot: 'platform(): template',
    method: 'platform',
    value: fc.array(fc.oneof(hostile(8).map((l) => ({ literal: l })), fc.constantFrom({ variable: 'BUILDPLATFORM' as const }, { variable: 'BUILDOS' as const })), { minLength: 1, maxLength: 4 }),
    make: (spec) => {
      const strings = [''];
      const vars: (typeof platformArgs)[keyof typeof platformArgs][] = [];
      for (const p of spec) {
        if ('literal' in p) strings[strings.length - 1] += p.literal;
        else {
          vars.push(platformArgs[p.variable]);
          strings.push('');
        }
      }
      return done(stage('app').from(base).platform(tpl(Object.assign([...strings], { raw: strings }) as never, ...vars)));
    },
    check: (f, spec) => {
      const from = shape(f, ['FROM', 'USER'])[0];
      differ(from && flags(from), { platform: [{ value: parts(spec.map((p) => ('literal' in p ? p.literal : { name: p.variable }))) }] }, 'FROM --platform');
    },
  }),
  slot({
    slot: 'image(tpl): tag with an ARG and its default',
    method: 'image',
    value: fc.tuple(fc.oneof(fc.stringMatching(/^[\w][\w.-]{0,12}$/), hostile(10)), fc.oneof(fc.stringMatching(/^[\w.-]{0,6}$/), hostile(6))),
    make: ([def, tail]) => {
      const v = arg('V', { default: def });
      return done(stage('app').from(image(tpl`node:${v}${tail}`)));
    },
    check: (f, [def, tail]) => {
      shape(f, ['ARG', 'FROM', 'USER']);
      differ(at(f, 0, 'ARG').args, [{ name: 'V', default: lit(def) }], 'global ARG');
      differ(at(f, 1, 'FROM').image, parts(['node:', { name: 'V' }, tail]), 'FROM image');
    },
  }),

  // RUN
  slot({
    slot: 'run(): one-line command',
    method: 'run',
    value: oneLine,
    make: (t) => done(app().run(t)),
    check: (f, t) => {
      shape(f, ends('RUN'));
      const run = at(f, 1, 'RUN');
      differ(flags(run), {}, 'RUN flags');
      if (!('shell' in run.command) || run.command.heredocs.length > 0) throw new Difference('RUN is not one shell-form line');
      differ(chain(run.command.shell), chain(t), 'the shell text');
    },
  }),
  slot({
    slot: 'run(): template command',
    method: 'run',
    value: templateParts(oneLine.map((t) => t.slice(0, 12))).map(makeTemplate),
    make: ({ template: t }) => done(app().run(t as TemplateWithVars)),
    check: (f, { template: t }) => {
      shape(f, ends('RUN'));
      const run = at(f, 1, 'RUN');
      differ(flags(run), {}, 'RUN flags');
      if (!('shell' in run.command) || run.command.heredocs.length > 0) throw new Difference('RUN is not one shell-form line');
      // The shell expands the variables; every literal part reaches it unchanged, in order.
      let from = 0;
      const text = run.command.shell;
      for (const p of t.parts) {
        if (typeof p !== 'string') continue;
        const piece = chain(p);
        const found = piece === '' ? from : text.replace(/[ \t]*&&[ \t]*/g, '&&').indexOf(piece, from);
        if (found < 0) throw new Difference(`literal ${JSON.stringify(p)} not in the shell text ${JSON.stringify(text)}`);
        from = found + piece.length;
      }
    },
  }),
  slot({
    slot: 'run(): multi-line script (heredoc)',
    method: 'run',
    value: fc.array(hostile(16).map((l) => l.replace(/\n/g, '')), { minLength: 2, maxLength: 5 }).map((lines) => lines.join('\n')),
    make: (script) => done(app().run(script)),
    check: (f, script) => {
      shape(f, ends('RUN'));
      const run = at(f, 1, 'RUN');
      if (!('shell' in run.command)) throw new Difference('RUN is in exec form');
      differ(
        run.command.heredocs.map((h) => [h.content, h.expand]),
        [[`${script.replace(/\n$/, '')}\n`, false]],
        'heredoc body (not expanded)',
      );
    },
  }),
  slot({
    slot: 'run(): argv (exec form)',
    method: 'run',
    value: argv(),
    make: (a) => done(app().run(a)),
    check: (f, a) => {
      shape(f, ends('RUN'));
      differ(at(f, 1, 'RUN').command, { exec: a }, 'exec form');
    },
  }),
  slot({
    slot: 'run({ network, security })',
    method: 'run',
    value: fc.tuple(fc.oneof(fc.constantFrom('default', 'none', 'host'), hostile(8)), fc.oneof(fc.constantFrom('sandbox', 'insecure'), hostile(8))),
    make: ([network, security]) => done(app().run('true', { network: network as never, security: security as never })),
    check: (f, [network, security]) => differ(flags(shape(f, ends('RUN'))[1] as never), { network: [{ raw: network }], security: [{ raw: security }] }, 'RUN flags'),
  }),
  slot({
    slot: 'withNetwork(): network',
    method: 'withNetwork',
    value: fc.oneof(fc.constantFrom('default', 'none', 'host'), hostile(8)),
    make: (n) => done(app().run('true').withNetwork(n as never)),
    check: (f, n) => differ(flags(shape(f, ends('RUN'))[1] as never), { network: [{ raw: n }] }, 'RUN flags'),
  }),
  slot({
    slot: 'withSecurity(): mode',
    method: 'withSecurity',
    value: fc.oneof(fc.constantFrom('sandbox', 'insecure'), hostile(8)),
    make: (s) => done(app().run('true').withSecurity(s as never)),
    check: (f, s) => differ(flags(shape(f, ends('RUN'))[1] as never), { security: [{ raw: s }] }, 'RUN flags'),
  }),
  slot({
    slot: 'withCleanup(): the packages of the install it rewrites',
    method: 'withCleanup',
    // Words of one command: an `&&` would start another command in the user's text.
    value: fc.tuple(fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9+.-]{0,10}$/), hostile(6).filter((w) => !w.includes('&'))), { minLength: 1, maxLength: 4 }), fc.constantFrom('clean', 'mount')),
    make: ([packages, cache]) => done(app().run(`apt-get install ${packages.join(' ')}`).withCleanup({ cache: cache as 'clean' })),
    check: (f, [packages]) => {
      const install = commands(f, 1).find((c) => c.startsWith('apt-get install'));
      if (install === undefined) throw new Difference('no apt-get install left');
      // The user's own words, written back as they were: split on blanks, as the shell does.
      const words = new Set(install.split(/[ \t]+/));
      for (const p of packages.flatMap((p) => p.split(' ')).filter((p) => p !== '')) if (!words.has(p)) throw new Difference(`package ${JSON.stringify(p)} not in ${JSON.stringify(install)}`);
    },
  }),
  ...(['apt', 'apk', 'dnf'] as const).map((manager) =>
    slot({
      slot: `${manager}Install(): packages and versions`,
      method: `${manager}Install`,
      value: fc.array(fc.tuple(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9+._-]{0,10}$/), hostile(6)), maybe(fc.oneof(fc.stringMatching(/^[0-9][0-9a-z.+~:-]{0,8}$/), hostile(6)))), { minLength: 1, maxLength: 3 }),
      make: (list) => {
        const versions = Object.fromEntries(list.filter(([, v]) => v !== undefined));
        const install = { apt: aptInstall, apk: apkInstall, dnf: dnfInstall }[manager];
        return done(app().run(install(list.map(([p]) => p), { versions: versions as Record<string, string> })));
      },
      check: (f, list) => {
        shape(f, ends('RUN'));
        const head = { apt: 'apt-get install', apk: 'apk add', dnf: 'dnf install' }[manager];
        const install = commands(f, 1).find((c) => c.startsWith(head));
        if (install === undefined) throw new Difference(`no ${head}`);
        const words = shellWords(install);
        const versions = new Map(list.filter(([, v]) => v !== undefined) as [string, string][]);
        const sep = manager === 'dnf' ? '-' : '=';
        const expected = [...new Set(list.map(([p]) => (versions.has(p) ? `${p}${sep}${versions.get(p)}` : p)))].sort();
        differ(words.filter((w) => !w.startsWith('-')).slice(head.split(' ').length), expected, 'package words');
      },
    }),
  ),

  // Mounts
  slot({
    slot: 'cacheMount(): target and options',
    method: 'cacheMount',
    value: fc.record({
      target: mountTarget,
      id: sometimes(mountText()),
      sharing: sometimes(fc.oneof({ arbitrary: fc.constantFrom('shared', 'private', 'locked'), weight: 4 }, { arbitrary: hostile(6), weight: 1 })),
      source: sometimes(mountText()),
      mode: sometimes(fc.oneof({ arbitrary: fc.constantFrom('0755', '700'), weight: 4 }, { arbitrary: hostile(5), weight: 1 })),
      uid: sometimes(number(0, 2 ** 32 - 1)),
      gid: sometimes(number(0, 2 ** 32 - 1)),
      readonly: sometimes(boolish),
    }),
    make: ({ target, ...o }) => withMount(cacheMount(target, o as never)),
    check: (f, { target, ...o }) => differ(mountOf(f, 1), expectedMount('cache', { target, ...o }), '--mount'),
  }),
  slot({
    slot: 'bindMount(): target and options',
    method: 'bindMount',
    value: fc.record({ target: mountTarget, source: sometimes(mountText()), readwrite: sometimes(boolish) }),
    make: ({ target, ...o }) => withMount(bindMount(target, o as never)),
    check: (f, { target, ...o }) => differ(mountOf(f, 1), expectedMount('bind', { target, ...o }), '--mount'),
  }),
  slot({
    slot: 'secretMount(): id and options',
    method: 'secretMount',
    value: fc.record({
      id: fc.oneof({ arbitrary: fc.stringMatching(/^[a-z0-9_.-]{1,10}$/), weight: 4 }, { arbitrary: hostile(8), weight: 1 }),
      target: sometimes(mountTarget),
      env: sometimes(fc.oneof({ arbitrary: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), weight: 4 }, { arbitrary: hostile(6), weight: 1 })),
      required: sometimes(boolish),
      mode: sometimes(fc.oneof({ arbitrary: fc.constant('0400'), weight: 4 }, { arbitrary: hostile(5), weight: 1 })),
      uid: sometimes(number(0, 2 ** 32 - 1)),
      gid: sometimes(number(0, 2 ** 32 - 1)),
    }),
    make: ({ id, ...o }) => withMount(secretMount(id, o as never)),
    check: (f, { id, required, ...o }) => differ(mountOf(f, 1), expectedMount('secret', { id, ...o, ...(required === undefined ? {} : { required: String(required) }) }), '--mount'),
  }),
  slot({
    slot: 'sshMount(): options',
    method: 'sshMount',
    value: fc.record({
      id: sometimes(mountText()),
      target: sometimes(mountTarget),
      required: sometimes(boolish),
      mode: sometimes(fc.oneof({ arbitrary: fc.constant('0600'), weight: 4 }, { arbitrary: hostile(5), weight: 1 })),
      uid: sometimes(number(0, 2 ** 32 - 1)),
      gid: sometimes(number(0, 2 ** 32 - 1)),
    }),
    make: (o) => withMount(sshMount(o as never)),
    check: (f, { required, ...o }) => differ(mountOf(f, 1), expectedMount('ssh', { ...o, ...(required === undefined ? {} : { required: String(required) }) }), '--mount'),
  }),
  slot({
    slot: 'tmpfsMount(): target and size',
    method: 'tmpfsMount',
    value: fc.record({ target: mountTarget, size: sometimes(number(0, Number.MAX_SAFE_INTEGER)) }),
    make: ({ target, size }) => withMount(tmpfsMount(target, size === undefined ? {} : { size })),
    check: (f, o) => differ(mountOf(f, 1), expectedMount('tmpfs', o), '--mount'),
  }),
  slot({
    slot: 'withMounts(): a mount from a stage',
    method: 'withMounts',
    value: withPrefix('/'),
    make: (target) => done(app().run('true').withMounts(bindMount(target, { from: stage('build').from(base) }))),
    check: (f, target) => {
      shape(f, ['FROM', 'FROM', 'RUN', 'USER']);
      differ(mountOf(f, 2), sorted({ type: ['bind'], target: lit(target), from: ['build'] }), '--mount');
    },
  }),

  // Files
  slot({
    slot: 'copy(): sources and destination from the context',
    method: 'copy',
    value: fc.tuple(fc.array(valued(), { minLength: 1, maxLength: 3 }), absolute),
    make: ([sources, dest]) => done(app().workdir('/w').copy(sources.map((s) => s.input), dest.input)),
    check: (f, [sources, dest]) => {
      shape(f, ends('WORKDIR', 'COPY'));
      const copy = at(f, 2, 'COPY');
      // The one intended rewrite: a literal context source starting with `-` is written `./-...`.
      const expected = sources.map((s) => (typeof s.input === 'string' && s.input.startsWith('-') ? [`./${s.input}`] : s.expected));
      differ([paths(copy.sources), copy.dest, flags(copy)], [expected, dest.expected, {}], 'COPY');
    },
  }),
  slot({
    slot: 'copy(stage, ...): sources and destination',
    method: 'copy',
    value: fc.tuple(valued(), absolute),
    make: ([source, dest]) => done(app().copy(stage('build').from(base), source.input, dest.input)),
    check: (f, [source, dest]) => {
      shape(f, ['FROM', 'FROM', 'COPY', 'USER']);
      const copy = at(f, 2, 'COPY');
      differ([paths(copy.sources), copy.dest, flags(copy)], [[source.expected], dest.expected, { from: [{ value: ['build'] }] }], 'COPY --from');
    },
  }),
  slot({
    slot: 'copy(image, ...): the image reference',
    method: 'copy',
    value: fc.tuple(imageRef, maybe(digest)),
    make: ([ref, d]) => done(app().copy(d === undefined ? image(ref as never) : image(ref as never).pinDigest(d as never), '/x', '/x')),
    check: (f, [ref, d]) => differ(flags(shape(f, ends('COPY'))[1] as never), { from: [{ value: lit(d === undefined ? ref : `${ref}@${d}`) }] }, 'COPY --from'),
  }),
  slot({
    slot: 'copy(): chown, chmod, exclude, link, parents',
    method: 'copy',
    value: fc.record({
      chown: maybe(fc.oneof(userName, number(0, 2 ** 32 - 1))),
      chmod: maybe(fc.oneof(fc.constantFrom('755', '0644', 0o700), hostile(5))),
      exclude: maybe(fc.array(hostile(10), { maxLength: 2 })),
      link: maybe(boolish),
      parents: maybe(boolish),
    }),
    make: (o) => done(app().copy('a', '/b/', o as never)),
    check: (f, o) => {
      const instructions = f.instructions.map((i) => i.keyword);
      const copy = at(f, instructions.indexOf('COPY'), 'COPY');
      const expected: Record<string, unknown> = {};
      if (o.chown !== undefined) expected['chown'] = [{ value: lit(String(o.chown)) }];
      if (o.chmod !== undefined) expected['chmod'] = [{ value: lit(typeof o.chmod === 'number' ? o.chmod.toString(8) : o.chmod) }];
      if (o.link === true) expected['link'] = [{ bool: true }];
      if (o.parents === true) expected['parents'] = [{ bool: true }];
      if (o.exclude !== undefined && o.exclude.length > 0) expected['exclude'] = o.exclude.map((e) => ({ value: lit(e) }));
      differ(sorted(flags(copy)), sorted(expected), 'COPY flags');
      differ([paths(copy.sources), copy.dest], [[['a']], ['/b/']], 'COPY paths');
    },
  }),
  slot({
    slot: 'addUrl(): URL, destination, checksum',
    method: 'addUrl',
    value: fc.tuple(fc.oneof(fc.webUrl(), hostile(20).map((t) => `https://${t}`)), withPrefix('/'), digest),
    make: ([url, dest, checksum]) => done(app().addUrl(url as never, dest, { checksum })),
    check: (f, [url, dest, checksum]) => {
      const add = at(f, f.instructions.findIndex((i) => i.keyword === 'ADD'), 'ADD');
      differ([paths(add.sources), add.dest, flags(add)], [[lit(url)], lit(dest), { checksum: [{ value: lit(checksum) }] }], 'ADD');
    },
  }),
  slot({
    slot: 'addGit(): URL and keepGitDir',
    method: 'addGit',
    value: fc.tuple(fc.oneof(fc.webUrl({ validSchemes: ['https'] }).map((u) => `${u}.git#v1`), hostile(20)), maybe(boolish)),
    make: ([url, keepGitDir]) => done(app().addGit(url, '/src/', keepGitDir === undefined ? {} : { keepGitDir: keepGitDir as boolean })),
    check: (f, [url, keepGitDir]) => {
      const add = at(f, f.instructions.findIndex((i) => i.keyword === 'ADD'), 'ADD');
      differ([paths(add.sources), add.dest, flags(add)], [[lit(url)], ['/src/'], keepGitDir === true ? { 'keep-git-dir': [{ bool: true }] } : {}], 'ADD');
    },
  }),
  slot({
    slot: 'addArchive(): archive path and destination',
    method: 'addArchive',
    value: fc.tuple(fc.oneof(hostile(12).map((t) => `${t}.tar.gz`), hostile()), withPrefix('/')),
    make: ([path, dest]) => done(app().addArchive(path, dest)),
    check: (f, [path, dest]) => {
      const add = at(f, 1, 'ADD');
      shape(f, ends('ADD'));
      differ([paths(add.sources), add.dest], [[lit(path)], lit(dest)], 'ADD');
    },
  }),

  // Metadata
  slot({
    slot: 'env(): keys and values',
    method: 'env',
    value: fc.uniqueArray(fc.tuple(varName(), valued()), { minLength: 1, maxLength: 3, selector: ([k]) => k }),
    make: (entries) => done(app().env(Object.fromEntries(entries.map(([k, v]) => [k, v.input])))),
    check: (f, entries) => {
      shape(f, ends('ENV'));
      pairs(f, 1, 'ENV', entries);
    },
  }),
  slot({
    slot: 'imageEnv(): name in an ENV value',
    method: 'imageEnv',
    value: varName(),
    make: (name) => done(app().env({ P: tpl`/bin:${imageEnv(name)}` })),
    check: (f, name) => {
      shape(f, ends('ENV'));
      pairs(f, 1, 'ENV', [['P', { input: '', expected: parts(['/bin:', { name }]) }]]);
    },
  }),
  slot({
    slot: 'tpl: literal text, numbers and variables',
    method: 'tpl',
    value: fc.tuple(hostile(8), fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY)), varName()),
    make: ([text, n, name]) => done(app().env({ K: tpl`${text}${n}:${imageEnv(name)}` })),
    check: (f, [text, n, name]) => {
      shape(f, ends('ENV'));
      pairs(f, 1, 'ENV', [['K', { input: '', expected: parts([`${text}${String(n)}:`, { name }]) }]]);
    },
  }),
  slot({
    slot: 'label(): keys and values',
    method: 'label',
    // Valid keys as DW6010 (hadolint's DL3048) reads them, a letter first and no `..` or `--`, three
    // times in four, so that enough cases of up to three keys render.
    value: fc.uniqueArray(fc.tuple(fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:[.-][a-z0-9]{1,6}){0,3}$/), weight: 3 }, { arbitrary: hostile(12), weight: 1 }), valued()), { minLength: 1, maxLength: 3, selector: ([k]) => k }),
    make: (entries) => done(app().label(Object.fromEntries(entries.map(([k, v]) => [k, v.input])))),
    check: (f, entries) => {
      shape(f, ends('LABEL'));
      pairs(f, 1, 'LABEL', entries);
    },
  }),
  slot({
    slot: 'oci(): label values',
    method: 'oci',
    value: fc.record({ title: maybe(hostile()), source: maybe(hostile()), version: maybe(hostile(8)) }, { requiredKeys: [] }),
    make: (o) => done(app().label(oci(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))))),
    check: (f, o) => {
      const entries = (['title', 'source', 'version'] as const).flatMap((k) => (o[k] === undefined ? [] : [[`org.opencontainers.image.${k}`, { input: '', expected: lit(o[k]) }] as const]));
      shape(f, ends('LABEL'));
      pairs(f, 1, 'LABEL', entries);
    },
  }),
  slot({
    slot: 'arg(): name and default',
    method: 'arg',
    value: fc.tuple(varName(), maybe(hostile())),
    make: ([name, def]) => done(app().arg(def === undefined ? arg(name) : arg(name, { default: def }))),
    check: (f, [name, def]) => {
      shape(f, ends('ARG'));
      differ(at(f, 1, 'ARG').args, [def === undefined ? { name } : { name, default: lit(def) }], 'ARG');
    },
  }),
  slot({
    slot: 'workdir(): path',
    method: 'workdir',
    value: absolute,
    make: (dir) => done(app().workdir(dir.input as never)),
    check: (f, dir) => differ(meaning(shape(f, ends('WORKDIR'))[1]), { keyword: 'WORKDIR', value: dir.expected }, 'WORKDIR'),
  }),
  slot({
    slot: 'user(): name or user:group',
    method: 'user',
    value: userName,
    make: (u) => stage('app').from(base).user(u as never),
    check: (f, u) => differ(meaning(shape(f, ['FROM', 'USER'])[1]), { keyword: 'USER', value: lit(u) }, 'USER'),
  }),
  slot({
    slot: 'user(): uid or { uid, gid }',
    method: 'user',
    value: fc.oneof(number(0, 2 ** 32 - 1), fc.record({ uid: number(0, 2 ** 32 - 1), gid: number(0, 2 ** 32 - 1) })),
    make: (u) => stage('app').from(base).user(u as never),
    check: (f, u) => differ(meaning(shape(f, ['FROM', 'USER'])[1]), { keyword: 'USER', value: lit(typeof u === 'number' ? String(u) : `${u.uid}:${u.gid}`) }, 'USER'),
  }),
  slot({
    slot: 'user(name, { create }): uid, gid, home, shell, tool',
    method: 'user',
    value: fc.record({
      uid: number(1, 2 ** 31 - 1),
      gid: maybe(number(1, 2 ** 31 - 1)),
      home: maybe(fc.oneof(withPrefix('/'), fc.constant(false as const))),
      shell: maybe(withPrefix('/', hostile(10))),
      tool: maybe(fc.constantFrom('shadow', 'busybox')),
    }),
    make: (create) => stage('app').from(base).user('app', { create: Object.fromEntries(Object.entries(create).filter(([, v]) => v !== undefined)) as never }),
    check: (f, c) => {
      shape(f, ['FROM', 'RUN', 'USER']);
      differ(at(f, 2, 'USER').value, [`${c.uid}:${c.gid ?? c.uid}`], 'USER');
      const run = at(f, 1, 'RUN');
      if (!('shell' in run.command)) throw new Difference('RUN is not in shell form');
      const [group, user] = shellCommands(run.command.shell);
      const busybox = c.tool === 'busybox';
      const home = c.home === undefined ? '/home/app' : c.home;
      const shell = c.shell ?? (busybox ? '/sbin/nologin' : '/usr/sbin/nologin');
      const gid = String(c.gid ?? c.uid);
      const expected = busybox
        ? [['addgroup', '-S', '-g', gid, 'app'], ['adduser', '-S', '-D', '-u', String(c.uid), '-G', 'app', ...(home === false ? ['-H'] : ['-h', home]), '-s', shell, 'app']]
        : [['groupadd', '--system', '--gid', gid, 'app'], ['useradd', '--system', '-l', '--uid', String(c.uid), '--gid', gid, ...(home === false ? ['--no-create-home'] : ['--create-home', '--home-dir', home]), '--shell', shell, 'app']];
      differ([group, user], expected, 'the commands that create the user');
    },
  }),
  slot({
    slot: 'allowRoot(): reason',
    method: 'allowRoot',
    value: hostile(),
    make: (reason) => app().allowRoot(reason),
    check: (f, reason) => {
      shape(f, ['FROM']);
      differ(f.comments, [`# dockwright:allow DW3001 ${reason}`], 'the recorded reason');
    },
  }),
  slot({
    slot: 'expose(): ports',
    method: 'expose',
    value: fc.array(fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.constantFrom('tcp', 'udp', 'sctp', 'TCP')).map(([p, q]) => `${p}/${q}`), hostile(6), number(0, 70000)), { minLength: 1, maxLength: 3 }),
    make: (ports) => done(app().expose(...(ports as [number]))),
    check: (f, ports) => differ(meaning(shape(f, ends('EXPOSE'))[1]), { keyword: 'EXPOSE', values: ports.map((p) => lit(String(p).replace(/\/tcp$/, '').replace(/^0+(?=\d)/, ''))) }, 'EXPOSE'),
  }),
  slot({
    slot: 'volume(): paths',
    method: 'volume',
    value: fc.array(withPrefix('/'), { minLength: 1, maxLength: 3 }),
    make: (ps) => done(app().volume(...(ps as [string]))),
    check: (f, ps) => differ(meaning(shape(f, ends('VOLUME'))[1]), { keyword: 'VOLUME', values: ps.map(lit) }, 'VOLUME'),
  }),

  // Process
  ...(['cmd', 'entrypoint', 'shell'] as const).map((method) =>
    slot({
      slot: `${method}(): argv`,
      method,
      value: argv(),
      make: (a) => done(app()[method](a)),
      check: (f, a) => {
        const keyword = method.toUpperCase() as 'CMD';
        shape(f, ends(keyword));
        differ(at(f, 1, keyword).command, { exec: a }, keyword);
      },
    }),
  ),
  slot({
    slot: 'healthcheck(): argv and options',
    method: 'healthcheck',
    value: fc.tuple(
      fc.oneof(argv(), fc.constant('none' as const)),
      fc.record(
        {
          interval: fc.oneof(fc.constantFrom('30s', '1m30s', '1ms', '0s', '2562047h'), hostile(6)),
          timeout: fc.oneof(fc.constantFrom('5s', '100ms'), hostile(6)),
          startPeriod: fc.constantFrom('10s', '1h'),
          retries: number(0, 2 ** 31 - 1),
        },
        { requiredKeys: [] },
      ),
    ),
    make: ([command, options]) => done(app().healthcheck(command as never, command === 'none' ? {} : (options as never))),
    check: (f, [command, o]) => {
      shape(f, ends('HEALTHCHECK'));
      const h = at(f, 1, 'HEALTHCHECK');
      if (command === 'none') return differ(h.none, true, 'HEALTHCHECK NONE');
      const expected: Record<string, unknown> = {};
      if (o.interval !== undefined) expected['interval'] = [{ raw: o.interval }];
      if (o.timeout !== undefined) expected['timeout'] = [{ raw: o.timeout }];
      if (o.startPeriod !== undefined) expected['start-period'] = [{ raw: o.startPeriod }];
      if (o.retries !== undefined) expected['retries'] = [{ raw: String(o.retries) }];
      differ([!h.none && h.command, sorted(flags(h))], [{ exec: command }, sorted(expected)], 'HEALTHCHECK');
    },
  }),
  slot({
    slot: 'stopSignal(): signal',
    method: 'stopSignal',
    value: fc.oneof(fc.constantFrom('SIGTERM', 'SIGRTMIN+3', 'SIGQUIT'), number(0, 70), hostile(8)),
    make: (s) => done(app().stopSignal(s as never)),
    check: (f, s) => differ(meaning(shape(f, ends('STOPSIGNAL'))[1]), { keyword: 'STOPSIGNAL', value: lit(String(s)) }, 'STOPSIGNAL'),
  }),
  slot({
    slot: 'onBuild(): a recorded instruction',
    method: 'onBuild',
    value: fc.tuple(valued(), oneLine),
    make: ([path, command]) => done(app().onBuild((s) => s.copy(path.input, '/d/').run(command))),
    check: (f, [path, command]) => {
      shape(f, ends('ONBUILD', 'ONBUILD'));
      const copy = at(f, 1, 'ONBUILD').trigger;
      const run = at(f, 2, 'ONBUILD').trigger;
      if (copy.keyword !== 'COPY' || run.keyword !== 'RUN' || !('shell' in run.command)) throw new Difference('ONBUILD triggers are not COPY and RUN');
      const source = typeof path.input === 'string' && path.input.startsWith('-') ? [`./${path.input}`] : path.expected;
      differ([paths(copy.sources), copy.dest, chain(run.command.shell)], [[source], ['/d/'], chain(command)], 'ONBUILD');
    },
  }),
  slot({
    slot: 'with(): a function of the stage',
    method: 'with',
    value: valued(),
    make: (v) => done(app().with((s) => s.env({ K: v.input }))),
    check: (f, v) => {
      shape(f, ends('ENV'));
      pairs(f, 1, 'ENV', [['K', v]]);
    },
  }),

  // Comments, escape hatches, options
  slot({
    slot: 'comment(): text',
    method: 'comment',
    value: hostile(),
    make: (t) => done(app().comment(t)),
    check: (f, t) => {
      shape(f, ['FROM', 'USER']);
      differ(f.comments, [t.trimEnd() === '' ? '#' : `# ${t.trimEnd()}`], 'the comment');
    },
  }),
  slot({
    slot: 'raw(): line (the unchecked door) and its recorded reason',
    method: 'raw',
    // Lines BuildKit reads (what it makes of them is theirs to say); the reason is hostile.
    value: fc.tuple(fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,10}$/).map((t) => `LABEL k="${t}"`), fc.constantFrom('STOPSIGNAL SIGTERM', 'EXPOSE 80')), hostile()),
    make: ([line, reason]) => done(app().raw(line, reason)),
    check: (f, [line, reason], text) => {
      // raw() writes its line as is: what it means is BuildKit's business. What is promised: one
      // line, after the comment that records why.
      if (!text.includes(`\n# dockwright:raw ${reason}\n${line}\n`)) throw new Difference('the raw line does not follow its reason');
      differ(f.comments[0], `# dockwright:raw ${reason}`, 'the recorded reason');
    },
  }),
  slot({
    slot: 'dockerfile({ header }): comment lines',
    method: 'dockerfile',
    value: fc.array(hostile(), { minLength: 1, maxLength: 3 }),
    make: (header) => ({ stage: done(app()), options: { header } }),
    check: (f, header) => {
      shape(f, ['FROM', 'USER']);
      differ([f.directives, f.comments], [[], header.map((l) => (l.trimEnd() === '' ? '#' : `# ${l.trimEnd()}`))], 'header');
    },
  }),
  slot({
    slot: 'dockerfile({ syntax }): frontend',
    method: 'dockerfile',
    value: fc.oneof(fc.constantFrom('1.4', '1.7', 'auto', 'none'), hex.map((h) => `docker/dockerfile:1.7@sha256:${h}`), hostile(12)),
    make: (syntax) => ({ stage: done(app()), options: { syntax } }),
    check: (f, syntax) => {
      shape(f, ['FROM', 'USER']);
      const expected = syntax === 'auto' || syntax === 'none' ? [] : [{ name: 'syntax', value: /^1\.\d+$/.test(syntax) ? `docker/dockerfile:${syntax}` : syntax }];
      differ(f.directives, expected, 'directives');
    },
  }),
];

/** The slots of one method. */
export function slotsOf(method: string): readonly Slot[] {
  return slots.filter((s) => s.method === method);
}
