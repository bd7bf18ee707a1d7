/**
 * What @dockwright/core renders, built and run by a real BuildKit engine: every feature of the
 * real-build issue, one case each. Dockerfiles render without a `# syntax` line, because the
 * engine here cannot pull a newer frontend; the features that need one are checked by parsing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindMount,
  cacheMount,
  dockerfile,
  image,
  platformArgs,
  scratch,
  secretMount,
  stage,
  tmpfsMount,
  tpl,
  tryDockerfile,
  type Dockerfile,
} from '@dockwright/core';
import {
  aptRepo,
  baseImage,
  build,
  docker,
  filesContaining,
  history,
  imageSize,
  inspect,
  removeImages,
  requireEngine,
  run,
  save,
  uniqueTag,
  type BuildOptions,
} from './support/docker.js';
import { record } from './support/summary.js';
import { stepCached } from './support/build-log.js';

const made: string[] = [];
const render = (d: Dockerfile) => d.render();
const none = { syntax: 'none' } as const;

/** Builds twice: cold (no cache) and warm (everything cached), and records both in the summary. */
async function coldAndWarm(name: string, opts: Omit<BuildOptions, 'tag'>, note?: string) {
  const tag = uniqueTag(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  made.push(tag);
  const cold = await build({ ...opts, tag, noCache: true, progress: 'plain' });
  const warm = await build({ ...opts, tag, progress: 'plain' });
  const bytes = await imageSize(tag);
  record({ case: name, coldSeconds: cold.seconds, warmSeconds: warm.seconds, imageBytes: bytes, ...(note === undefined ? {} : { note }) });
  return { tag, cold, warm, bytes };
}

beforeAll(async () => {
  await requireEngine();
});

afterAll(async () => {
  await removeImages(...made);
});

describe('real builds of rendered Dockerfiles', () => {
  it('1. builds a multi-stage file from stage objects, on a base pinned by the digest the registry returned', async () => {
    const debian = image(baseImage('debian:bookworm-slim'));
    const build1 = stage('build').from(debian).workdir('/src').copy('greeting.txt', './').run('tr a-z A-Z <greeting.txt >/greeting.upper');
    const lint = stage('lint').from(build1).run('grep -q HELLO /greeting.upper');
    const app = stage('app')
      .from(debian)
      .copy(build1, '/greeting.upper', '/app/greeting.txt')
      .copy(lint, '/greeting.upper', '/app/checked.txt')
      .user('1000:1000')
      .cmd(['cat', '/app/greeting.txt']);
    const text = render(dockerfile(app, none));
    expect(text).toContain(`FROM ${baseImage('debian:bookworm-slim')} AS build`);
    expect(text.indexOf('AS build')).toBeLessThan(text.indexOf('AS lint'));
    const { tag } = await coldAndWarm('multi-stage, pinned base', { dockerfile: text, context: { 'greeting.txt': 'hello\n' } });
    const out = await run(tag);
    expect(out).toMatchObject({ code: 0, stdout: 'HELLO\n' });
  });

  it('2. image metadata reads back exactly the values given, adversarial ones included', async () => {
    const values = {
      QUOTES: `say "hi" and 'bye'`,
      DOLLAR: '$HOME ${PATH} $(id)',
      BACKSLASH: 'C:\\temp\\ and \\\\server\\',
      EQUALS: 'a=b=c',
      SPACES: '  lead and trail  ',
      DASH: '-n --flag',
      HASH: '# not a comment',
      UNICODE: 'é€😀 中文 שלום',
      LONG: 'x'.repeat(4000),
      EMPTY: '',
    };
    const labels = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [`com.example.${k.toLowerCase()}`, v]));
    const argv = ['/bin/sh', '-c', 'echo "$0" "$1"', 'a "b"', "it's $HOME \\ ok"];
    const app = stage('app')
      .from(image(baseImage('debian:bookworm-slim')))
      .env(values)
      .label(labels)
      .workdir('/srv/my app/$x')
      .expose(8080, '53/udp')
      .volume('/data dir', '/cache')
      .stopSignal('SIGQUIT')
      .healthcheck(['/bin/sh', '-c', 'test -d "/srv/my app/$x"'], { interval: '1m30s', timeout: '3s', startPeriod: '5s', retries: 4 })
      .user('1000:1000')
      .entrypoint(argv.slice(0, 3) as [string, ...string[]])
      .cmd(argv.slice(3) as [string, ...string[]]);
    const { tag } = await coldAndWarm('metadata', { dockerfile: render(dockerfile(app, none)) });
    const { Config: c } = await inspect(tag);
    for (const [k, v] of Object.entries(values)) expect(c.Env).toContain(`${k}=${v}`);
    expect(c.Labels).toEqual(labels);
    expect(c.WorkingDir).toBe('/srv/my app/$x');
    expect(c.User).toBe('1000:1000');
    expect(Object.keys(c.ExposedPorts ?? {}).sort()).toEqual(['53/udp', '8080/tcp']);
    expect(Object.keys(c.Volumes ?? {}).sort()).toEqual(['/cache', '/data dir']);
    expect(c.StopSignal).toBe('SIGQUIT');
    expect(c.Healthcheck).toEqual({ Test: ['CMD', '/bin/sh', '-c', 'test -d "/srv/my app/$x"'], Interval: 90e9, Timeout: 3e9, StartPeriod: 5e9, Retries: 4 });
    expect(c.Entrypoint).toEqual(argv.slice(0, 3));
    expect(c.Cmd).toEqual(argv.slice(3));
    const out = await run(tag);
    expect(out.stdout).toBe(`a "b" it's $HOME \\ ok\n`);
  });

  it('2b. fifty generated label values read back exactly (property batch)', async () => {
    const alphabet = ['a', 'Z', '0', ' ', '"', "'", '$', '\\', '=', '-', '#', '{', '}', '[', ']', ',', '`', '<', 'é', '😀', '中', 'ש', '\t', '\n'];
    const values = fc.sample(
      fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
      { numRuns: 50, seed: 20261122 },
    );
    // A value Dockwright refuses (a tab, a line break) is refused whole: keep the rest.
    const accepted = values.filter((v) => tryDockerfile(stage('x').from(image('debian:12.8')).label({ 'com.example.v': v }).user('1')).ok);
    expect(accepted.length).toBeGreaterThanOrEqual(35);
    const labels = Object.fromEntries(accepted.map((v, i) => [`com.example.v${i}`, v]));
    const app = stage('app').from(image(baseImage('debian:bookworm-slim'))).label(labels).user('1000');
    const { tag } = await coldAndWarm(`${accepted.length} generated labels`, { dockerfile: render(dockerfile(app, none)) });
    expect((await inspect(tag)).Config.Labels).toEqual(labels);
  });

  it('3. a secret mount is readable during RUN and absent from every layer, the config and the history', async () => {
    const secret = `dw-secret-${randomBytes(16).toString('hex')}`;
    const dir = await mkdtemp(join(tmpdir(), 'dockwright-secret-'));
    const src = join(dir, 'token');
    await writeFile(src, secret);
    try {
      const app = stage('app')
        .from(image(baseImage('debian:bookworm-slim')))
        .run('sha256sum /run/secrets/token | cut -d" " -f1 > /token.sha256')
        .withMounts(secretMount('token', { required: true }))
        .user('1000')
        .cmd(['cat', '/token.sha256']);
      const { tag } = await coldAndWarm('secret mount', { dockerfile: render(dockerfile(app, none)), secrets: [{ id: 'token', src }] });
      const expected = createHash('sha256').update(secret).digest('hex');
      expect((await run(tag)).stdout.trim()).toBe(expected);
      expect((await run(tag, ['sh', '-c', 'cat /run/secrets/token 2>/dev/null || echo absent'])).stdout).toBe('absent\n');
      const saved = await save(tag, { extractLayers: true });
      try {
        expect(await filesContaining(saved, secret)).toEqual([]);
        expect(await filesContaining(saved, expected)).not.toEqual([]);
      } finally {
        await rm(saved, { recursive: true, force: true });
      }
      expect(JSON.stringify(await inspect(tag))).not.toContain(secret);
      expect((await history(tag)).join('\n')).not.toContain(secret);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('4. after a source-only change the dependency layer is reused, and the build is faster', async () => {
    // The "install" is slow on purpose and fills its cache mount; the source step is quick.
    const install = 'if [ ! -f /cache/deps ]; then sleep 4 && sort deps.txt > /cache/deps; fi && cp /cache/deps /opt/deps';
    const app = stage('app')
      .from(image(baseImage('debian:bookworm-slim')))
      .workdir('/app')
      .copy('deps.txt', './')
      .run(install)
      .withMounts(cacheMount('/cache', { id: 'dw-e2e-deps', sharing: 'locked' }))
      .copy('src', './src/')
      .run('cat /opt/deps src/main.txt > /app/out')
      .user('1000')
      .cmd(['cat', '/app/out']);
    const text = render(dockerfile(app, none));
    const tag = uniqueTag('cache');
    made.push(tag);
    await docker(['builder', 'prune', '--force', '--filter', 'type=exec.cachemount']);
    // A fresh nonce, so no layer of an earlier run can be reused by the first build.
    const nonce = randomBytes(8).toString('hex');
    const deps = `b\na-${nonce}\n`;
    const first = await build({ dockerfile: text, tag, context: { 'deps.txt': deps, 'src/main.txt': `v1-${nonce}\n` }, progress: 'plain' });
    const second = await build({ dockerfile: text, tag, context: { 'deps.txt': deps, 'src/main.txt': `v2-${nonce}\n` }, progress: 'plain' });
    expect(stepCached(second.log, 'sleep 4')).toBe(true);
    expect(stepCached(second.log, 'src/main.txt > /app/out')).toBe(false);
    expect(stepCached(first.log, 'sleep 4')).toBe(false);
    expect(second.seconds).toBeLessThan(first.seconds);
    expect((await run(tag)).stdout).toBe(`a-${nonce}\nb\nv2-${nonce}\n`);
    record({ case: 'cache mount, source change', coldSeconds: first.seconds, warmSeconds: second.seconds, imageBytes: await imageSize(tag), note: 'warm = rebuild after a source-only change' });
  });

  it('5. runs as a non-root uid, and files copied with chown: true are writable by that user', async () => {
    const app = stage('app')
      .from(image(baseImage('debian:bookworm-slim')))
      .workdir('/app')
      .user('app', { create: { uid: 10001 } })
      .copy('data', './data/', { chown: true })
      .copy('code', './code/')
      .cmd(['id', '-u']);
    const { tag } = await coldAndWarm('non-root user', { dockerfile: render(dockerfile(app, none)), context: { 'data/state.json': '{}', 'code/app.sh': 'echo hi' } });
    expect((await run(tag)).stdout.trim()).toBe('10001');
    expect((await run(tag, ['sh', '-c', 'touch /app/data/new && echo written'])).stdout.trim()).toBe('written');
    // What was copied without chown stays root's: the app cannot change its own code.
    expect((await run(tag, ['sh', '-c', 'touch /app/code/app.sh'])).code).not.toBe(0);
  });

  it('6. HEALTHCHECK reaches healthy in a container with no network', async () => {
    const app = stage('app')
      .from(image(baseImage('debian:bookworm-slim')))
      .healthcheck(['test', '-f', '/tmp/ready'], { interval: '1s', timeout: '2s', retries: 3 })
      .user('1000')
      .cmd(['sh', '-c', 'sleep 1 && touch /tmp/ready && sleep 60']);
    const { tag } = await coldAndWarm('healthcheck', { dockerfile: render(dockerfile(app, none)) });
    const started = await docker(['run', '-d', '--network=none', tag]);
    expect(started.code).toBe(0);
    const id = started.stdout.trim();
    try {
      let status = '';
      for (let i = 0; i < 40 && status !== 'healthy'; i += 1) {
        await new Promise((r) => setTimeout(r, 500));
        status = (await docker(['inspect', '--format', '{{.State.Health.Status}}', id])).stdout.trim();
      }
      expect(status).toBe('healthy');
    } finally {
      await docker(['rm', '--force', id]);
    }
  });

  it('7. withCleanup() removes the apt lists in the same layer, which is smaller than cleaning in a later RUN', async () => {
    const sources = `echo "deb [trusted=yes] ${aptRepo()} ./" > /etc/apt/sources.list && rm -rf /etc/apt/sources.list.d`;
    const base = stage('base').from(image(baseImage('debian:bookworm-slim'))).run(sources);
    const clean = stage('clean').from(base).run('apt-get install hello jq').withCleanup().user('1000').cmd(['hello']);
    const naive = stage('naive')
      .from(base)
      .run('apt-get update && apt-get install -y hello jq')
      .raw('RUN rm -rf /var/lib/apt/lists/*', 'the anti-pattern this test measures against')
      .user('1000')
      .cmd(['hello']);
    const cleanText = render(dockerfile(clean, none));
    expect(cleanText).toContain('    && rm -rf /var/lib/apt/lists/*');
    const ours = await coldAndWarm('apt withCleanup()', { dockerfile: cleanText, network: 'host' });
    const theirs = await coldAndWarm('apt, cleanup in a later RUN', { dockerfile: render(dockerfile(naive, none)), network: 'host' });
    expect((await run(ours.tag)).stdout).toContain('Hello, world!');
    const lists = await run(ours.tag, ['sh', '-c', 'ls /var/lib/apt/lists | wc -l']);
    expect(lists.stdout.trim()).toBe('0');
    const layer = async (tag: string) => {
      const rows = (await docker(['history', '--no-trunc', '--format', '{{.Size}}\t{{.CreatedBy}}', '--human=false', tag])).stdout.split('\n');
      const row = rows.find((r) => r.includes('apt-get install'));
      return Number(row?.split('\t')[0]);
    };
    const [ourLayer, theirLayer] = [await layer(ours.tag), await layer(theirs.tag)];
    expect(ourLayer).toBeGreaterThan(0);
    expect(ourLayer).toBeLessThan(theirLayer);
    record({ case: 'apt install layer', coldSeconds: ours.cold.seconds, imageBytes: ourLayer, note: `a later-RUN cleanup leaves a ${(theirLayer / 1e3).toFixed(0)} kB layer, ours ${(ourLayer / 1e3).toFixed(0)} kB` });
    expect(ours.bytes).toBeLessThan(theirs.bytes);
  });

  it('8. cross-compiles Go on the build platform into scratch, and the binary runs as uid 65532', async () => {
    const { BUILDPLATFORM, TARGETOS, TARGETARCH } = platformArgs;
    const build8 = stage('build')
      .from(image(baseImage('golang:1.19-bookworm')))
      .platform(BUILDPLATFORM)
      .workdir('/src')
      .run('go mod download')
      .withMounts(bindMount('go.mod', { source: 'go.mod' }), cacheMount('/go/pkg/mod'))
      .arg(TARGETOS)
      .arg(TARGETARCH)
      .run(tpl`CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -buildvcs=false -trimpath -ldflags="-s -w" -o /out/hello .`)
      .withMounts(bindMount('.', { source: '.' }), cacheMount('/go/pkg/mod'), cacheMount('/root/.cache/go-build'));
    const app = stage('runtime').from(scratch).copy(build8, '/out/hello', '/hello').user('65532:65532').entrypoint(['/hello']);
    const context = {
      'go.mod': 'module example.com/hello\n\ngo 1.19\n',
      'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() { fmt.Printf("hello from uid %d\\n", os.Getuid()) }\n',
    };
    const { tag, bytes } = await coldAndWarm('go to scratch', { dockerfile: render(dockerfile(app, none)), context });
    expect((await run(tag)).stdout).toBe('hello from uid 65532\n');
    expect(bytes).toBeLessThan(5_000_000);
  });

  it('9. bind and tmpfs mounts leave nothing in the image; COPY --chmod sets the mode', async () => {
    const app = stage('app')
      .from(image(baseImage('debian:bookworm-slim')))
      .run('sh /mnt/ctx/make.sh > /made.txt && dd if=/dev/zero of=/scratch/big bs=1M count=8 2>/dev/null && ls /scratch > /scratch-seen.txt')
      .withMounts(bindMount('/mnt/ctx', { source: 'tools' }), tmpfsMount('/scratch'))
      .copy('tools/run.sh', '/usr/local/bin/run', { chmod: '755' })
      .user('1000')
      .cmd(['run']);
    const { tag } = await coldAndWarm('bind, tmpfs, chmod', { dockerfile: render(dockerfile(app, none)), context: { 'tools/make.sh': 'echo made', 'tools/run.sh': '#!/bin/sh\necho ran\n' } });
    const check = await run(tag, ['sh', '-c', 'cat /made.txt /scratch-seen.txt; ls -A /scratch 2>/dev/null | wc -l; test -e /mnt/ctx/make.sh && echo leaked; stat -c %a /usr/local/bin/run; run']);
    expect(check.stdout).toBe('made\nbig\n0\n755\nran\n');
  });

  it('10. features the bundled frontend cannot build render with the right # syntax and parse', () => {
    const debian = image('debian:12.8-slim');
    const cases = [
      { syntax: 'docker/dockerfile:1.4', stage: stage('a').from(debian).run('set -e\necho one\n').user('1') },
      { syntax: 'docker/dockerfile:1.4', stage: stage('a').from(debian).copy('a', '/a', { link: true }).user('1') },
      { syntax: 'docker/dockerfile:1.6', stage: stage('a').from(debian).addUrl('https://example.com/a.tgz', '/a.tgz', { checksum: `sha256:${'0'.repeat(64)}` }).user('1') },
    ];
    for (const c of cases) {
      const text = dockerfile(c.stage).render();
      expect(text.split('\n')[0]).toBe(`# syntax=${c.syntax}`);
      const parsed = DockerfileParser.parse(text);
      expect(parsed.getDirectives().map((d) => d.getValue())).toEqual([c.syntax]);
      expect(parsed.getInstructions().map((i) => i.getKeyword())).toEqual(['FROM', expect.stringMatching(/RUN|COPY|ADD/), 'USER']);
    }
    record({ case: 'heredoc, COPY --link, ADD --checksum', coldSeconds: 0, note: 'parsed only: need a newer frontend' });
  });
});
