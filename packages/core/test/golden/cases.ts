// Golden cases: each entry is a program and the exact Dockerfile it must render, stored beside
// this file as <name>.Dockerfile. Regenerate on purpose with UPDATE_GOLDEN=1.
import {
  aptInstall,
  apkInstall,
  arg,
  bindMount,
  cacheMount,
  dnfInstall,
  dockerfile,
  image,
  imageEnv,
  oci,
  platformArgs,
  scratch,
  secretMount,
  sshMount,
  stage,
  tmpfsMount,
  tpl,
  type Dockerfile,
} from '@dockwright/core';

const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const debian = image('debian:12.8-slim');
const alpine = image('alpine:3.20.3');
const fedora = image('fedora:41');

export const cases: Record<string, () => Dockerfile> = {
  'from-pinned': () => dockerfile(stage('app').from('node:22.11-bookworm-slim').pinDigest(digest).user('node')),
  'from-registry-port': () => dockerfile(stage('app').from(image('127.0.0.1:5000/debian:bookworm-slim').pinDigest(digest)).user('1000')),
  'from-digest-only': () => dockerfile(stage('app').from(`ghcr.io/acme/base@${digest}`).user('1000')),
  'from-arg-tag': () => {
    const v = arg('NODE_VERSION', { default: '22.11' });
    return dockerfile(stage('app').from(image(tpl`node:${v}-bookworm-slim`)).user('node'));
  },
  'from-platform': () =>
    dockerfile(stage('app').from('golang:1.23.4-bookworm').platform(platformArgs.BUILDPLATFORM).pinDigest(digest).allowRoot('build stage shown alone')),
  'from-scratch': () => dockerfile(stage('app').from(scratch).user('65532:65532').entrypoint(['/app'])),
  'stages-ordered': () => {
    const base = stage('base').from(debian).workdir('/app');
    const deps = stage('deps').from(base).run('echo deps > /deps');
    const assets = stage('assets').from(base).run('echo assets > /assets');
    const final = stage('final')
      .from(base)
      .copy(assets, '/assets', '/srv/assets')
      .copy(deps, '/deps', '/srv/deps')
      .user('1000');
    return dockerfile(final);
  },
  'run-shell': () => dockerfile(stage('app').from(debian).run('echo "hello $HOME" | tee /greeting').user('1000')),
  'run-chain': () => dockerfile(stage('app').from(debian).run('mkdir -p /a && cd /a && touch "b && c"').user('1000')),
  'run-exec': () => dockerfile(stage('app').from(debian).run(['/bin/echo', 'a b', '"quoted"', '$NOT_EXPANDED']).user('1000')),
  'run-heredoc': () =>
    dockerfile(stage('app').from(debian).run('set -eu\nif [ -d /x ]; then\n  echo EOF\nfi\n').withMounts(cacheMount('/var/cache/x')).user('1000')),
  'run-mounts': () =>
    dockerfile(
      stage('app')
        .from(debian)
        .run('make')
        .withMounts(
          cacheMount('/root/.cache', { id: 'build-cache', sharing: 'locked', mode: '0755', uid: 1000, gid: 1000 }),
          bindMount('/src', { source: 'src', readwrite: true }),
          secretMount('token', { target: '/run/secrets/token', required: true, mode: '0400' }),
          sshMount({ id: 'default', required: true }),
          tmpfsMount('/tmp', { size: 67108864 }),
        )
        .withNetwork('none')
        .user('1000'),
    ),
  'run-mount-from-stage': () => {
    const tools = stage('tools').from(debian).run('echo tool > /tool');
    return dockerfile(stage('app').from(debian).run('cat /mnt/tool').withMounts(bindMount('/mnt', { from: tools })).user('1000'));
  },
  'run-network-only': () => dockerfile(stage('app').from(debian).run('apt-get update', { network: 'host' }).user('1000')),
  'run-secret-env': () => dockerfile(stage('app').from(debian).run('curl -H "Authorization: $TOKEN" https://example.com').withMounts(secretMount('token', { env: 'TOKEN' })).user('1000')),
  'cleanup-apt': () => dockerfile(stage('app').from(debian).run('apt install curl ca-certificates').withCleanup().user('1000')),
  'cleanup-apt-mount': () => dockerfile(stage('app').from(debian).run('apt-get update && apt-get install -y curl').withCleanup({ cache: 'mount' }).user('1000')),
  'cleanup-apk': () => dockerfile(stage('app').from(alpine).run('apk add curl').withCleanup().user('1000')),
  'cleanup-dnf': () => dockerfile(stage('app').from(fedora).run('dnf install curl').withCleanup().user('1000')),
  'cleanup-yum': () => dockerfile(stage('app').from(image('centos:7')).run('yum install curl').withCleanup().user('1000')),
  'cleanup-microdnf': () => dockerfile(stage('app').from(image('ubi9-minimal:9.5')).run('microdnf install curl').withCleanup().user('1000')),
  'cleanup-pip': () => dockerfile(stage('app').from(image('python:3.13-slim')).run('pip install -r requirements.txt').withCleanup().user('1000')),
  'cleanup-pip-mount': () => dockerfile(stage('app').from(image('python:3.13-slim')).run('pip install -r requirements.txt').withCleanup({ cache: 'mount' }).user('1000')),
  'cleanup-npm': () => dockerfile(stage('app').from(image('node:22.11')).run('npm ci').withCleanup().user('node')),
  'cleanup-npm-mount': () => dockerfile(stage('app').from(image('node:22.11')).run('npm ci').withCleanup({ cache: 'mount' }).user('node')),
  'cleanup-yarn': () => dockerfile(stage('app').from(image('node:22.11')).run('yarn install --frozen-lockfile').withCleanup().user('node')),
  'cleanup-pnpm': () => dockerfile(stage('app').from(image('node:22.11')).run('pnpm install --frozen-lockfile').withCleanup({ cache: 'mount' }).user('node')),
  'install-apt': () => dockerfile(stage('app').from(debian).run(aptInstall(['tini', 'curl', 'ca-certificates'], { versions: { curl: '7.88.1-10+deb12u8' } })).user('1000')),
  'install-apt-mount': () => dockerfile(stage('app').from(debian).run(aptInstall(['curl'], { cache: 'mount' })).user('1000')),
  'install-apk': () => dockerfile(stage('app').from(alpine).run(apkInstall(['tzdata', 'ca-certificates'])).user('1000')),
  'install-dnf': () => dockerfile(stage('app').from(fedora).run(dnfInstall(['shadow-utils'], { versions: { 'shadow-utils': '4.15.1' } })).user('1000')),
  'copy-context': () =>
    dockerfile(
      stage('app')
        .from(debian)
        .workdir('/app')
        .copy('package.json', './')
        .copy(['a b.txt', '-dash', '$dollar', "it's", 'back\\slash'], '/dst/')
        .copy('src', '/app/src', { chown: '1000:1000', chmod: '755' })
        .copy('bin', '/usr/local/bin/', { chmod: 0o555 })
        .user('1000'),
    ),
  'copy-from': () => {
    const build = stage('build').from(debian).run('echo hi > /out');
    const busybox = image('busybox:1.37.0').pinDigest(digest);
    return dockerfile(
      stage('app')
        .from(debian)
        .user('app', { create: { uid: 10001 } })
        .copy(build, '/out', '/srv/out', { chown: true })
        .copy(busybox, '/bin/busybox', '/bin/busybox'),
    );
  },
  'copy-new-syntax': () =>
    dockerfile(
      stage('app')
        .from(debian)
        .workdir('/app')
        .copy('.', '.', { link: true, parents: true, exclude: ['*.md', 'node_modules'] })
        .user('1000'),
    ),
  'add-url': () =>
    dockerfile(
      stage('app')
        .from(debian)
        .addUrl('https://example.com/tool.tar.gz', '/opt/tool.tar.gz', { checksum: digest, chmod: '644' })
        .user('1000'),
    ),
  'add-git': () => dockerfile(stage('app').from(debian).addGit('https://github.com/moby/buildkit.git#v0.16.0', '/src', { keepGitDir: true }).user('1000')),
  'add-archive': () => dockerfile(stage('app').from(debian).addArchive('rootfs.tar.gz', '/', { chown: '0:0' }).allowRoot('unpacks a rootfs')),
  'env-label': () => {
    const v = arg('VERSION', { default: '1.2.3' });
    return dockerfile(
      stage('app')
        .from(debian)
        .arg(v)
        .env({ PLAIN: 'value', SPACED: 'a b', QUOTED: 'say "hi"', DOLLAR: '$HOME', BACK: 'C:\\', EMPTY: '', UNI: 'é€😀', EQ: 'a=b' })
        .env({ PATH: tpl`/app/bin:${imageEnv('PATH')}`, APP_VERSION: tpl`v${v}` })
        .label(oci({ title: 'app', version: tpl`${v}`, source: 'https://github.com/acme/app', licenses: 'Apache-2.0', authors: 'Team <team@example.com>' }))
        .label({ 'com.example.note': 'multi word "quoted" $x' })
        .user('1000'),
    );
  },
  'arg-stage': () => {
    const a = arg('FEATURE');
    const b = arg('LEVEL', { default: 'high level' });
    return dockerfile(stage('app').from(debian).arg(a).arg(b).run(tpl`echo ${a} ${b}`).user('1000'));
  },
  'workdir-expose-volume': () =>
    dockerfile(stage('app').from(debian).workdir('/srv/my app').expose(80, '53/udp', '8080/tcp', '9000/sctp').volume('/data', '/var/lib/my data').user('1000')),
  'user-create-shadow': () => dockerfile(stage('app').from(debian).user('app', { create: { uid: 10001, gid: 10002 } })),
  'user-create-busybox': () => dockerfile(stage('app').from(alpine).user('app', { create: { uid: 10001, home: false } })),
  'user-forms': () => dockerfile(stage('app').from(debian).user({ uid: 1000, gid: 1000 }).user('nobody').user('app:staff')),
  'healthcheck': () =>
    dockerfile(
      stage('app')
        .from(debian)
        .healthcheck(['curl', '-fsS', 'http://127.0.0.1:8080/health'], { interval: '30s', timeout: '3s', startPeriod: '1m30s', retries: 3 })
        .user('1000'),
    ),
  'healthcheck-none': () => dockerfile(stage('app').from(debian).healthcheck('none').user('1000')),
  'healthcheck-start-interval': () => dockerfile(stage('app').from(debian).healthcheck(['true'], { startInterval: '2s' }).user('1000')),
  'process': () =>
    dockerfile(
      stage('app')
        .from(debian)
        .shell(['/bin/bash', '-o', 'pipefail', '-c'])
        .run('curl -fsS https://example.com | sha256sum')
        .stopSignal('SIGQUIT')
        .user('1000')
        .entrypoint(['/usr/bin/tini', '--'])
        .cmd(['node', 'server.js', '--title', 'a "b" c']),
    ),
  'onbuild': () => dockerfile(stage('app').from(debian).onBuild((s) => s.copy('.', '/app/src').run('make -C /app/src')).user('1000')),
  'comments-raw': () =>
    dockerfile(
      stage('app').from(debian).comment('install the tools').run('true').raw('RUN --mount=type=cache,target=/x,sharing=locked true', 'shown as a raw example').user('1000'),
    ),
  'header-syntax-pinned': () =>
    dockerfile(stage('app').from(debian).user('1000'), { header: ['generated by dockwright from app.dockerfile.ts', 'do not edit'], syntax: '1.7' }),
  'header-directive-like': () => dockerfile(stage('app').from(debian).user('1000'), { header: 'escape=`', syntax: 'none' }),
  'syntax-none-with-heredoc': () => dockerfile(stage('app').from(debian).run('a\nb').user('1000'), { syntax: 'none' }),
  'go-cross-compile': () => {
    const { TARGETOS, TARGETARCH } = platformArgs;
    const build = stage('build')
      .from('golang:1.23.4-bookworm')
      .pinDigest(digest)
      .platform(platformArgs.BUILDPLATFORM)
      .workdir('/src')
      .run('go mod download')
      .withMounts(bindMount('go.mod', { source: 'go.mod' }), bindMount('go.sum', { source: 'go.sum' }), cacheMount('/go/pkg/mod'))
      .arg(TARGETOS)
      .arg(TARGETARCH)
      .run(tpl`CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -ldflags="-s -w" -o /out/app .`)
      .withMounts(bindMount('.', { source: '.' }), cacheMount('/go/pkg/mod'), cacheMount('/root/.cache/go-build'));
    return dockerfile(stage('runtime').from(scratch).copy(build, '/out/app', '/app').user('65532:65532').entrypoint(['/app']));
  },
};
