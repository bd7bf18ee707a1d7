// The reported ways past the builder, each one a named test: a value that added, removed or
// swallowed an instruction, a value BuildKit read back as another value, a number BuildKit
// refuses, a plain-JavaScript call that rendered `undefined`. Each is now refused with a code
// that names the argument, or rendered so that BuildKit reads back exactly what went in.
import { describe, expect, it } from 'vitest';
import {
  apkInstall,
  arg,
  bindMount,
  cacheMount,
  dockerfile,
  image,
  imageRefs,
  isAllowedImage,
  isDockwrightError,
  isRegistryEntry,
  lintDockerfile,
  oci,
  platformArgs,
  REGISTRY_ENTRY_MESSAGE,
  render,
  secretMount,
  sshMount,
  stage,
  tmpfsMount,
  tpl,
  tryDockerfile,
  type DockerfileOptions,
  type MountValue,
  type Stage,
} from '@dockwright/core';
import { readDockerfile, type ReadInstruction } from './support/buildkit-reader.js';

const app = () => stage('app').from('debian:12.8-slim');

/** The codes a stage is refused with, or its text. */
function outcome(build: () => Stage<boolean>, options: DockerfileOptions = {}): { codes: string[]; messages: string[] } | { text: string } {
  const result = tryDockerfile(build(), options);
  if (!result.ok) return { codes: result.issues.map((i) => i.code), messages: result.issues.map((i) => i.message) };
  try {
    return { text: result.dockerfile.render() };
  } catch (e) {
    if (isDockwrightError(e)) return { codes: e.issues.map((i) => i.code), messages: e.issues.map((i) => i.message) };
    throw e;
  }
}

const codes = (build: () => Stage<boolean>, options?: DockerfileOptions) => {
  const o = outcome(build, options);
  return 'codes' in o ? o.codes : [];
};

const text = (build: () => Stage<boolean>, options?: DockerfileOptions) => {
  const o = outcome(build, options);
  if ('codes' in o) throw new Error(`refused: ${o.messages.join('; ')}`);
  return o.text;
};

const instruction = (t: string, keyword: string): ReadInstruction => {
  const found = readDockerfile(t).instructions.filter((i) => i.keyword === keyword);
  expect(found).toHaveLength(1);
  return found[0] as ReadInstruction;
};

describe('structure escapes: a value no longer adds, removes or swallows an instruction', () => {
  const create = (create: Record<string, unknown>) => () => app().user('app', { create: { uid: 10001, ...create } } as never);

  it('a created user\'s home with a line feed (was: a second instruction RUN echo pwned)', () => {
    expect(codes(create({ home: '/h\nRUN echo pwned' }))).toEqual(['DW7001']);
  });

  it("a login shell ending in a continuation (was: the final USER swallowed into the RUN, so the image ran as root)", () => {
    expect(codes(create({ shell: '/bin/sh \\\n#' }))).toEqual(['DW7001']);
  });

  it('a login shell with arguments (was: extra arguments to useradd)', () => {
    expect(codes(create({ shell: '/bin/sh -c id' }))).toEqual(['DW6014']);
  });

  it('a home directory is one shell word in useradd and adduser, whatever it holds', () => {
    const shadow = text(create({ home: "/home/it's $HOME" }));
    expect(shadow).toContain("--home-dir '/home/it'\\''s $HOME' --shell");
    const busybox = text(() => stage('app').from('alpine:3.20').user('app', { create: { uid: 10001, home: '/home/a b' } }));
    expect(busybox).toContain("-h '/home/a b' -s");
    expect(instruction(shadow, 'USER')).toMatchObject({ value: ['10001:10001'] });
  });

  it('withNetwork() of a value outside the type (was: two RUNs)', () => {
    expect(outcome(() => app().run('true').withNetwork('none\nRUN echo pwned' as never).user('10001'))).toEqual({
      codes: ['DW9005'],
      messages: [`withNetwork(): the network is the string "none\\nRUN echo pwned", not 'default', 'none' or 'host'`],
    });
  });

  it('withSecurity() and the mount options sharing, required, uid, gid and size are checked', () => {
    const run = (...mounts: MountValue[]) => () => app().run('true').withMounts(...mounts).user('10001');
    expect(codes(() => app().run('true').withSecurity('insecure\nRUN x' as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(run(cacheMount('/c', { sharing: 'locked,uid=0' as never })))).toEqual(['DW9005']);
    expect(codes(run(secretMount('npmrc', { target: '/r', required: 'yes' as never })))).toEqual(['DW9005']);
    expect(codes(run(sshMount({ required: 1 as never })))).toEqual(['DW9005']);
    expect(codes(run(cacheMount('/c', { uid: '0,target=/etc' as never })))).toEqual(['DW9005']);
    expect(codes(run(secretMount('s', { target: '/s', gid: -1 })))).toEqual(['DW9005']);
    expect(codes(run(tmpfsMount('/t', { size: '64m,target=/etc' as never })))).toEqual(['DW9005']);
  });

  it(".arg('GITHUB_TOKEN') from JavaScript (was: ARG undefined)", () => {
    const found = outcome(() => app().arg('GITHUB_TOKEN' as never).user('10001'));
    expect(found).toEqual({ codes: ['DW9005'], messages: ['arg(): the ARG is the string "GITHUB_TOKEN", not an ARG handle from arg(\'NAME\')'] });
  });

  it(".copy('builder', '/app/dist', './dist') from JavaScript (was: COPY builder /app/dist, ./dist dropped)", () => {
    const result = tryDockerfile(app().workdir('/app').copy('builder', '/app/dist', './dist' as never).user('10001'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.message, i.hint])).toEqual([
      ['DW9005', 'copy(): the options argument is the string "./dist", not an object', 'to copy from a stage or an image, pass the value itself: .copy(builder, "/app/dist", "./dist"); stages are values, not names'],
    ]);
  });

  it('other calls outside the types get a coded error naming the argument, never a rendering of undefined', () => {
    expect(codes(() => app().run(undefined as never).withCleanup().user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().env({ A: undefined as never }).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().label([] as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().workdir(42 as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().cmd(['node', 1] as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().copy(['a'], '/b/', { chmown: '1' } as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().user({ uid: 1 } as never))).toEqual(['DW9005']);
    expect(codes(() => app().healthcheck(['true'], { every: '5s' } as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => stage(undefined as never).from('debian:12.8-slim').user('10001'))).toEqual(['DW9005']);
    expect(codes(() => stage('app').from(undefined as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().run(apkInstall('curl' as never)).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => stage('app').from(image(42 as never)).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().onBuild((() => undefined) as never).user('10001'))).toEqual(['DW9005']);
    expect(codes(() => app().user('10001'), { locked: 'yes' } as never)).toEqual(['DW9001']);
    for (const call of [() => arg(undefined as never), () => tpl`${{} as never}`, () => oci({ sorce: 'x' } as never)]) {
      try {
        call();
        expect.fail('did not throw');
      } catch (e) {
        expect(isDockwrightError(e) && e.code).toBe('DW9005');
      }
    }
  });
});

describe('value escapes: BuildKit reads back the value that went in', () => {
  it("a COPY source starting with << (was: an empty inline file named x)", () => {
    const t = text(() => app().copy('<<x', '/d/').user('10001'));
    expect(t).toContain('COPY ["\\\\<<x", "/d/"]');
    expect(instruction(t, 'COPY')).toMatchObject({ sources: [{ path: ['<<x'] }], dest: ['/d/'] });
  });

  it('the same for ADD of an archive, a template, a copy from a stage, a destination and ONBUILD', () => {
    const build = stage('build').from('debian:12.8-slim');
    const v = arg('V', { default: '1' });
    const cases: [() => Stage<boolean>, string, object][] = [
      [() => app().addArchive('<<x.tar.gz', '/d/').user('10001'), 'ADD', { sources: [{ path: ['<<x.tar.gz'] }] }],
      [() => app().arg(v).copy(tpl`<<${v}`, '/d/').user('10001'), 'COPY', { sources: [{ path: ['<<', { kind: 'VarRef', name: 'V' }] }] }],
      [() => app().copy(build, '12<<x', '/d/').user('10001'), 'COPY', { sources: [{ path: ['12<<x'] }] }],
      [() => app().copy('a', '/<<d/').user('10001'), 'COPY', { dest: ['/<<d/'] }],
    ];
    for (const [make, keyword, expected] of cases) expect(instruction(text(make), keyword)).toMatchObject(expected);
    const onbuild = instruction(text(() => app().onBuild((s) => s.copy('<<x', '/d/')).user('10001')), 'ONBUILD');
    expect(onbuild).toMatchObject({ trigger: { keyword: 'COPY', sources: [{ path: ['<<x'] }] } });
  });

  it('platform() text survives both layers, flag unquoting then expansion (was: a lost backslash, a refused file)', () => {
    for (const tail of ['\\', '"', "'", '\\"', ' x']) {
      const t = text(() => stage('app').from('debian:12.8-slim').platform(tpl`${platformArgs.BUILDPLATFORM}${tail}`).user('10001'));
      const from = instruction(t, 'FROM');
      expect(from.flags.get('platform')).toEqual([{ value: [{ kind: 'VarRef', name: 'BUILDPLATFORM' }, tail] }]);
    }
  });

  it("a Lockfile built in code is checked as parseLockfile() checks the file (was: FROM debian:12.8-slim@ # AS app)", () => {
    const lockfile = { version: 1 as const, images: { 'docker.io/library/debian:12.8-slim': { digest: ' #', mediaType: 'application/vnd.oci.image.index.v1+json', platforms: [] } } };
    expect(codes(() => stage('app').from('debian:12.8-slim').locked().user('10001'), { lockfile })).toEqual(['DW1014']);
    expect(() => dockerfile(stage('app').from('debian:12.8-slim').locked().user('10001')).withLockfile(lockfile)).toThrow(/lockfile: "docker.io\/library\/debian:12.8-slim" has no valid digest/);
  });

  it('VOLUME paths with blanks at their ends are refused (BuildKit trims them)', () => {
    expect(codes(() => app().volume(' /data').user('10001'))).toEqual(['DW7003']);
    expect(codes(() => app().volume('/data\u00a0').user('10001'))).toEqual(['DW7003']);
    expect(instruction(text(() => app().volume('/a b').user('10001')), 'VOLUME')).toMatchObject({ values: [['/a b']] });
  });

  it('a RUN keeps a BOM at its ends, and refuses the Unicode blanks BuildKit would trim (was: RUN echo hi)', () => {
    const t = text(() => app().run('\uFEFFecho hi').user('10001'));
    expect(instruction(t, 'RUN')).toMatchObject({ command: { shell: '\uFEFFecho hi' } });
    expect(codes(() => app().run('echo hi\u3000').user('10001'))).toEqual(['DW7003']);
    expect(codes(() => app().run('\u00a0echo hi').user('10001'))).toEqual(['DW7003']);
  });

  it('numbers BuildKit would read as other numbers, or refuse, are refused', () => {
    const mount = (m: MountValue) => () => app().run('true').withMounts(m).user('10001');
    expect(codes(mount(tmpfsMount('/t', { size: 1.5 })))).toEqual(['DW9005']);
    expect(codes(mount(tmpfsMount('/t', { size: 1e21 })))).toEqual(['DW9005']);
    for (const uid of [-1, 1.5, Number.NaN, 2 ** 32]) expect(codes(mount(cacheMount('/c', { uid })))).toEqual(['DW9005']);
    for (const gid of [-1, 1.5, Number.NaN, 2 ** 32]) expect(codes(mount(secretMount('s', { target: '/s', gid })))).toEqual(['DW9005']);
    expect(codes(() => app().healthcheck(['true'], { retries: 2 ** 31 }).user('10001'))).toEqual(['DW6012']);
    // Go's int64 of nanoseconds, summed exactly: the longest duration is 2562047h47m16.854775807s.
    for (const interval of ['1ns', '1µs', '999us', '9999999h', '2562048h', '2562047h47m16.854775808s', '-1s']) {
      expect(codes(() => app().healthcheck(['true'], { interval } as never).user('10001'))).toEqual(['DW6012']);
    }
    // The edges BuildKit accepts (checked against the engine in e2e/injection.e2e.test.ts).
    expect(text(() => app().healthcheck(['true'], { timeout: '2562047h47m16.854775807s' }).user('10001'))).toContain('--timeout=2562047h47m16.854775807s');
    const edges = text(() => app().run('true').withMounts(cacheMount('/c', { uid: 4294967295, gid: 0 })).healthcheck(['true'], { interval: '1ms', timeout: '2562047h', retries: 2147483647 }).user('10001'));
    expect(edges).toContain('uid=4294967295,gid=0');
    expect(edges).toContain('HEALTHCHECK --interval=1ms --timeout=2562047h --retries=2147483647 CMD ["true"]');
  });
});

describe('image references: every image, wherever it stands, goes through the same checks', () => {
  it('the builder checks an image in COPY --from or a mount as it checks one in FROM', () => {
    expect(codes(() => app().copy(image('node:latest' as never), '/x', '/x').user('10001'))).toEqual(['DW1002']);
    expect(codes(() => app().run('true').withMounts(cacheMount('/c', { from: image('busybox' as never) })).user('10001'))).toEqual(['DW1001']);
    // locked: true locks them too, and the lockfile resolves them.
    const locked = dockerfile(app().copy(image('busybox:1.37'), '/bin/busybox', '/bin/busybox').user('10001'), { locked: true });
    expect(locked.locks.map((l) => `${l.path.instruction} ${l.key}`)).toEqual(['FROM docker.io/library/debian:12.8-slim', 'COPY docker.io/library/busybox:1.37']);
  });

  it('imageRefs() lists FROM, COPY --from, RUN --mount from= and ONBUILD images, with the builder\'s paths', () => {
    const built = dockerfile(
      app()
        .copy(image('busybox:1.37'), '/bin/busybox', '/bin/busybox')
        .run('true')
        .withMounts(bindMount('/t', { from: image('ghcr.io/acme/tools:2') }))
        .onBuild((s) => s.copy(image('quay.io/x/y:3'), '/y', '/y'))
        .user('10001'),
    );
    expect(imageRefs(built.ast).map((u) => [u.place, u.ref.name, u.path.instruction, u.path.index, u.onBuild])).toEqual([
      ['FROM', 'debian', 'FROM', undefined, false],
      ['COPY --from', 'busybox', 'COPY', 1, false],
      ['RUN --mount', 'ghcr.io/acme/tools', 'RUN', 1, false],
      ['COPY --from', 'quay.io/x/y', 'ONBUILD', 1, true],
    ]);
  });

  it('lint checks COPY --from and RUN --mount from= images for tag, latest, digest and registry (was: FROM only)', () => {
    const text = [
      'FROM ghcr.io/acme/base:1.0 AS build',
      'COPY --from=evil.example.com/tools:1.0 /x /x',
      'COPY --from=node:latest /y /y',
      'RUN --mount=type=bind,from=ghcr.io/acme/tools,target=/t true',
      'COPY --from=build /z /z',
      'USER 10001',
      '',
    ].join('\n');
    const found = lintDockerfile(`${text}ONBUILD COPY --from=quay.io/x/y:1 /a /a\n`, { allowedRegistries: ['ghcr.io/acme'], rules: { DW1010: 'error' } }).filter((d) => d.rule.startsWith('DW10'));
    expect(found.map((d) => `${d.line} ${d.rule}`).sort()).toEqual(['1 DW1010', '2 DW1009', '2 DW1010', '3 DW1002', '3 DW1009', '3 DW1010', '4 DW1001', '4 DW1010', '7 DW1009', '7 DW1010'].sort());
  });

  it('wildcard registries: *.acme.example allows every subdomain, not the domain, not another port', () => {
    const allowed = ['*.acme.example', 'docker.io/library'];
    expect(isAllowedImage('eu.registry.acme.example/api', allowed)).toBe(true);
    expect(isAllowedImage('acme.example/api', allowed)).toBe(false);
    expect(isAllowedImage('evilacme.example/api', allowed)).toBe(false);
    expect(isAllowedImage('eu.acme.example:5000/api', allowed)).toBe(false);
    expect(isAllowedImage('eu.acme.example:5000/api', ['*.acme.example:5000'])).toBe(true);
    expect(isAllowedImage('node', allowed)).toBe(true);
    const text = 'FROM eu.acme.example/base:1\nCOPY --from=acme.example/tools:1 /x /x\nUSER 10001\n';
    expect(lintDockerfile(text, { allowedRegistries: allowed }).filter((d) => d.rule === 'DW1009').map((d) => d.line)).toEqual([2]);
  });

  it('lint() refuses a registry entry the policy schema refuses, with the schema\'s words', () => {
    for (const entry of ['*acme.example', '*.com', 'https://ghcr.io', '*.*.acme.example']) {
      expect(isRegistryEntry(entry), entry).toBe(false);
      expect(() => lintDockerfile('FROM debian:12\n', { allowedRegistries: [entry] })).toThrow(`lint(): allowedRegistries[0] ${JSON.stringify(entry)} ${REGISTRY_ENTRY_MESSAGE}`);
    }
    for (const entry of ['*.acme.example', '*.acme.example:5000/team', 'localhost:5000', 'docker.io/library']) expect(isRegistryEntry(entry), entry).toBe(true);
  });
});

describe('render() of an AST built by hand or read from JSON', () => {
  const ast = () => JSON.parse(JSON.stringify(dockerfile(app().env({ A: '1' }).label({ l: 'v' }).run('true').withMounts(cacheMount('/c')).comment('note').user('10001')).ast));
  const refused = (change: (a: any) => void) => {
    const a = ast();
    change(a);
    try {
      render(a);
      return 'rendered';
    } catch (e) {
      return isDockwrightError(e) ? e.code : String(e);
    }
  };

  it('renders the AST dockerfile() made', () => {
    expect(refused(() => {})).toBe('rendered');
  });

  it('refuses a key, name, mount value or comment that would write another instruction', () => {
    expect(refused((a) => (a.stages[0].instructions[0].pairs[0].key = 'A=1\nRUN evil'))).toBe('DW6009');
    expect(refused((a) => (a.stages[0].instructions[1].pairs[0].key = 'l x=y'))).toBe('DW6010');
    expect(refused((a) => (a.stages[0].name = 'app\nRUN evil'))).toBe('DW9005');
    expect(refused((a) => (a.stages[0].instructions[2].mounts[0].target = '/c,target=/etc'))).toBe('DW9005');
    expect(refused((a) => (a.stages[0].instructions[2].network = 'none --security=insecure'))).toBe('DW9005');
    expect(refused((a) => (a.stages[0].instructions[3].text = 'x\nRUN evil'))).toBe('DW9005');
    expect(refused((a) => (a.stages[0].from.base.name = 'debian AS x'))).toBe('DW9005');
    expect(refused((a) => (a.syntax = 'docker/dockerfile:1\nFROM evil'))).toBe('DW9005');
    expect(refused((a) => a.stages[0].instructions.push({ kind: 'Raw', text: 'RUN a \\', reason: 'r' }))).toBe('DW9005');
    expect(() => render(undefined as never)).toThrow(/render\(\): the AST is undefined/);
  });
});
