// Locked images: reference normalisation, the lockfile format, and how locked references become
// `name:tag@digest` (with the OCI base labels) only once a lockfile supplies their digests.
import { describe, expect, it } from 'vitest';
import {
  bindMount,
  dockerfile,
  emptyLockfile,
  formatLockfile,
  image,
  isDockwrightError,
  lockedImages,
  lockKey,
  normalizeImageName,
  parseLockfile,
  parseLockKey,
  render,
  resolveLocks,
  stage,
  tpl,
  arg,
  tryDockerfile,
  type Lockfile,
} from '@dockwright/core';

const d = (c: string) => `sha256:${c.repeat(64)}`;

const lockfile: Lockfile = {
  version: 1,
  images: {
    'docker.io/library/node:22.11-bookworm-slim': { digest: d('a'), mediaType: 'application/vnd.oci.image.index.v1+json', platforms: ['linux/amd64', 'linux/arm64'] },
    'ghcr.io/acme/tools:1.2': { digest: d('b'), mediaType: 'application/vnd.oci.image.manifest.v1+json', platforms: ['linux/amd64'] },
    'docker.io/docker/dockerfile:1.7': { digest: d('c'), mediaType: 'application/vnd.oci.image.index.v1+json', platforms: [] },
  },
};

function issuesOf(fn: () => unknown): { code: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (isDockwrightError(error)) return error.issues.map((i) => ({ code: i.code, message: i.message }));
    throw error;
  }
  throw new Error('expected a DockwrightError');
}

describe('reference normalisation', () => {
  it.each([
    ['node', 'docker.io', 'library/node'],
    ['library/node', 'docker.io', 'library/node'],
    ['bitnami/redis', 'docker.io', 'bitnami/redis'],
    ['docker.io/node', 'docker.io', 'library/node'],
    ['index.docker.io/library/node', 'docker.io', 'library/node'],
    ['registry-1.docker.io/library/node', 'docker.io', 'library/node'],
    ['registry-1.docker.io/node', 'docker.io', 'library/node'],
    ['ghcr.io/acme/app', 'ghcr.io', 'acme/app'],
    ['localhost/app', 'localhost', 'app'],
    ['localhost:5000/team/app', 'localhost:5000', 'team/app'],
    ['127.0.0.1:5000/node', '127.0.0.1:5000', 'node'],
    ['registry.example.com/a/b/c', 'registry.example.com', 'a/b/c'],
  ])('%s is %s / %s', (name, domain, path) => {
    expect(normalizeImageName(name)).toEqual({ domain, path, full: `${domain}/${path}` });
  });

  it('gives one key to every spelling of one image, and parses keys back', () => {
    expect(lockKey('node', '22')).toBe('docker.io/library/node:22');
    expect(lockKey('docker.io/library/node', '22')).toBe(lockKey('node', '22'));
    expect(lockKey('127.0.0.1:5000/acme/base', '1.0')).toBe('127.0.0.1:5000/acme/base:1.0');
    expect(parseLockKey('node:22')).toEqual({ name: 'docker.io/library/node', tag: '22' });
    expect(parseLockKey('127.0.0.1:5000/acme/base:1.0')).toEqual({ name: '127.0.0.1:5000/acme/base', tag: '1.0' });
    expect(parseLockKey('127.0.0.1:5000/acme/base')).toBeUndefined();
    expect(parseLockKey(`node:22@${d('a')}`)).toBeUndefined();
  });
});

describe('the lockfile format', () => {
  const text = formatLockfile(lockfile);

  it('is sorted, quoted and one platform per line, the same bytes every time', () => {
    expect(text).toBe(
      [
        '# dockwright.lock.yaml: the digest each locked image tag pointed to when it was locked.',
        '# Written by `dockwright lock` (refresh with `dockwright lock --update`); do not edit by hand.',
        'version: 1',
        'images:',
        '  "docker.io/docker/dockerfile:1.7":',
        `    digest: "${d('c')}"`,
        '    mediaType: "application/vnd.oci.image.index.v1+json"',
        '    platforms: []',
        '  "docker.io/library/node:22.11-bookworm-slim":',
        `    digest: "${d('a')}"`,
        '    mediaType: "application/vnd.oci.image.index.v1+json"',
        '    platforms:',
        '      - "linux/amd64"',
        '      - "linux/arm64"',
        '  "ghcr.io/acme/tools:1.2":',
        `    digest: "${d('b')}"`,
        '    mediaType: "application/vnd.oci.image.manifest.v1+json"',
        '    platforms:',
        '      - "linux/amd64"',
        '',
      ].join('\n'),
    );
    const shuffled: Lockfile = { version: 1, images: Object.fromEntries(Object.entries(lockfile.images).reverse().map(([k, v]) => [k, { ...v, platforms: [...v.platforms].reverse() }])) };
    expect(formatLockfile(shuffled)).toBe(text);
    expect(formatLockfile(emptyLockfile())).toMatch(/\nversion: 1\nimages: \{\}\n$/);
  });

  it('reads back what it writes, and the same YAML written plainly, with comments or CRLF', () => {
    expect(parseLockfile(text)).toEqual({ ok: true, lockfile });
    const plain = text.replace(/"/g, '').replace('version: 1', 'version: 1 # schema');
    expect(parseLockfile(plain)).toEqual({ ok: true, lockfile });
    expect(parseLockfile(text.replace(/\n/g, '\r\n'))).toEqual({ ok: true, lockfile });
    const flow = text.replace('    platforms:\n      - "linux/amd64"\n      - "linux/arm64"', '    platforms: [linux/amd64, "linux/arm64"]');
    expect(parseLockfile(flow)).toEqual({ ok: true, lockfile });
    expect(parseLockfile(formatLockfile(emptyLockfile()))).toEqual({ ok: true, lockfile: emptyLockfile() });
  });

  it.each([
    ['', 'lockfile line 1: the file is empty'],
    ['version: 1\nimages:\n<<<<<<< HEAD\n', 'lockfile line 3: an unresolved merge conflict marker'],
    ['version: 1\nimages:\n\t"a": b\n', 'lockfile line 3: a tab in the indentation (YAML indents with spaces)'],
    ['version: 1\nversion: 1\n', 'lockfile line 2: the key "version" appears twice'],
    ['version: 2\nimages: {}\n', 'lockfile: version is "2", this dockwright reads version 1'],
    ['version: 1\nimages: {}\nextra: x\n', 'lockfile: unknown key "extra"'],
    ['version: 1\nimages:\n  "node:22":\n    digest: x\n', 'lockfile: "node:22" is not a normalised registry/repository:tag'],
    [`version: 1\nimages:\n  "docker.io/library/node:22":\n    digest: "sha256:abc"\n    mediaType: m\n    platforms: []\n`, 'lockfile: "docker.io/library/node:22" has no valid digest (sha256: and 64 lowercase hex digits)'],
    [`version: 1\nimages:\n  "docker.io/library/node:22":\n    digest: "${d('a')}"\n    mediaType: m\n    platforms: [linux]\n`, 'lockfile: "docker.io/library/node:22" has no valid platforms list (os/arch[/variant])'],
    ['version: 1\nimages: &anchor\n', 'lockfile line 2: "&anchor" uses YAML this reader does not support (anchors, tags, block strings)'],
  ])('refuses %j with DW1014', (input, message) => {
    const result = parseLockfile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ code: 'DW1014', message });
      expect(result.issues[0].hint).toContain('dockwright lock --update');
    }
  });
});

describe('locked images', () => {
  const tools = image('ghcr.io/acme/tools:1.2').locked();
  const build = stage('build').from('node:22.11-bookworm-slim').locked().run('npm ci');
  const app = stage('app').from(build).copy(tools, '/bin/t', '/usr/local/bin/t').user(1000);

  it('are listed for `dockwright lock`: FROM, COPY --from, RUN --mount from= and # syntax, one per key', () => {
    const withMount = app.run('cat /x', { mounts: [bindMount('/x', { from: image('node:22.11-bookworm-slim').pinDigest(), source: '/etc/os-release' })] });
    const df = dockerfile(withMount, { syntax: '1.7', locked: true });
    expect(df.locks).toEqual([
      { key: 'docker.io/docker/dockerfile:1.7', written: 'docker/dockerfile:1.7', path: { instruction: '# syntax' } },
      { key: 'docker.io/library/node:22.11-bookworm-slim', written: 'node:22.11-bookworm-slim', path: { stage: 'build', instruction: 'FROM' } },
      { key: 'ghcr.io/acme/tools:1.2', written: 'ghcr.io/acme/tools:1.2', path: { stage: 'app', instruction: 'COPY' } },
    ]);
    expect(lockedImages(df.ast)).toEqual(df.locks);
  });

  it('render only with a lockfile: otherwise DW1013 says to run `dockwright lock`', () => {
    const df = dockerfile(app);
    expect(issuesOf(() => df.render())).toEqual([
      { code: 'DW1013', message: 'image node:22.11-bookworm-slim is locked but has no digest yet' },
      { code: 'DW1013', message: 'image ghcr.io/acme/tools:1.2 is locked but has no digest yet' },
    ]);
    expect(issuesOf(() => render(df.ast))[0]?.code).toBe('DW1013');
    expect(() => df.withLockfile(emptyLockfile()).render()).toThrow(/node:22\.11-bookworm-slim is locked but docker\.io\/library\/node:22\.11-bookworm-slim is not in the lockfile/);
    const missing = tryDockerfile(app, { lockfile: emptyLockfile() });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues.map((i) => i.hint)).toEqual([expect.stringContaining('run `dockwright lock`'), expect.stringContaining('run `dockwright lock`')]);
  });

  it('render name:tag@digest, and the final stage gets the OCI base labels of the image it is built on', () => {
    const expected = [
      `FROM node:22.11-bookworm-slim@${d('a')} AS build`,
      'RUN npm ci',
      '',
      'FROM build AS app',
      'LABEL org.opencontainers.image.base.name=docker.io/library/node:22.11-bookworm-slim \\',
      `    org.opencontainers.image.base.digest=${d('a')}`,
      `COPY --from=ghcr.io/acme/tools:1.2@${d('b')} /bin/t /usr/local/bin/t`,
      'USER 1000',
      '',
    ].join('\n');
    expect(dockerfile(app).withLockfile(lockfile).render()).toBe(expected);
    expect(dockerfile(app, { lockfile }).render()).toBe(expected);
    const resolved = resolveLocks(dockerfile(app).ast, lockfile);
    expect(resolved.ok && render(resolved.ast)).toBe(expected);
  });

  it('lock the # syntax frontend and every unpinned image with { locked: true }, and leave pinned ones alone', () => {
    const pinned = image('ghcr.io/acme/tools:1.2').pinDigest(d('e'));
    const s = stage('app').from('node:22.11-bookworm-slim').copy(pinned, '/t', '/t').user(1000);
    const text = dockerfile(s, { syntax: '1.7', locked: true, lockfile }).render();
    expect(text.split('\n').slice(0, 4)).toEqual([
      `# syntax=docker/dockerfile:1.7@${d('c')}`,
      '',
      `FROM node:22.11-bookworm-slim@${d('a')} AS app`,
      'LABEL org.opencontainers.image.base.name=docker.io/library/node:22.11-bookworm-slim \\',
    ]);
    expect(text).toContain(`COPY --from=ghcr.io/acme/tools:1.2@${d('e')} /t /t\n`);
  });

  it('keep labels the final stage sets itself, and add none on scratch or an unlocked base', () => {
    const own = stage('app').from('node:22.11-bookworm-slim').locked().label({ 'org.opencontainers.image.base.name': 'mine' }).user(1000);
    expect(dockerfile(own, { lockfile }).render()).not.toContain('base.digest');
    const plain = stage('app').from('node:22.11-bookworm-slim').copy(tools, '/t', '/t').user(1000);
    expect(dockerfile(plain, { lockfile }).render()).not.toContain('LABEL');
  });

  it('pinDigest() without an argument is locked(), on images and right after from()', () => {
    expect(image('node:22').pinDigest().ref).toEqual(image('node:22').locked().ref);
    expect(image('node:22').locked().ref).toEqual({ kind: 'ImageRef', name: 'node', tag: '22', locked: true });
    const a = dockerfile(stage('app').from('node:22.11-bookworm-slim').pinDigest().user(1)).locks;
    const b = dockerfile(stage('app').from('node:22.11-bookworm-slim').locked().user(1)).locks;
    expect(a).toEqual(b);
    expect(a.map((l) => l.key)).toEqual(['docker.io/library/node:22.11-bookworm-slim']);
  });

  it('refuse what one digest cannot stand for: ARGs in the tag, an image pinned already (DW1012)', () => {
    const version = arg('NODE_VERSION', { default: '22' });
    expect(issuesOf(() => dockerfile(stage('app').from(image(tpl`node:${version}-slim`).locked()).user(1)))).toEqual([
      { code: 'DW1012', message: 'image node:${NODE_VERSION}-slim uses ARGs in its tag, so one locked digest cannot match it' },
    ]);
    expect(issuesOf(() => dockerfile(stage('app').from(`node:22@${d('a')}`).locked().user(1)))).toEqual([
      { code: 'DW1012', message: 'image node is pinned by digest already and cannot also be locked' },
    ]);
    expect(issuesOf(() => dockerfile(stage('app').from(image(tpl`node:${version}-slim`)).user(1), { locked: true }))[0]?.code).toBe('DW1012');
    // Offered only right after from(image) by the types; at run time it is an issue, not a silent no-op.
    const late: unknown = (stage('app').from('node:22').user(1) as unknown as { locked(): unknown }).locked();
    expect(issuesOf(() => dockerfile(late as never))[0]).toEqual({ code: 'DW1007', message: 'locked() is not right after from(image)' });
  });

  it('check the rendered line lengths with placeholder digests before the lockfile is known', () => {
    const long = stage('app').from('node:22.11-bookworm-slim').locked().env({ BIG: 'x'.repeat(64 * 1024) }).user(1);
    expect(tryDockerfile(long).ok).toBe(false);
  });
});
