// One test per refused anti-pattern (the C rules of the catalogue): each asserts the stable code,
// the location, and the exact message and hint, which are part of the interface.
import { describe, expect, it } from 'vitest';
import {
  arg,
  cacheMount,
  codes,
  dockerfile,
  formatIssues,
  image,
  isDockwrightError,
  lintDockerfile,
  platformArgs,
  scratch,
  secretMount,
  stage,
  tpl,
  tryDockerfile,
  type DockwrightIssue,
  type Stage,
} from '@dockwright/core';

const debian = image('debian:12.8-slim');
// Calls that the type checker refuses go through this cast: a JavaScript caller can still make them.
const any = (value: unknown) => value as never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (s: unknown): any => s;

function problems(final: unknown): readonly DockwrightIssue[] {
  const result = tryDockerfile(final as Stage<true>);
  if (result.ok) throw new Error(`expected problems, got:\n${result.dockerfile.render()}`);
  return result.issues;
}

function only(final: unknown): string {
  const found = problems(final);
  expect(found).toHaveLength(1);
  return formatIssues(found);
}

const base = () => stage('app').from(debian);

describe('images and FROM', () => {
  it('DW1001 image without tag or digest', () => {
    expect(only(base().user('1').copy(image(any('busybox')), '/bin/sh', '/bin/sh'))).toMatchInlineSnapshot(`
      "✖ DW1001 image "busybox" has no tag or digest (stage "app", COPY #1)
        → pin a version, e.g. image('node:22.11-bookworm-slim'), then its digest with .pinDigest('sha256:...')"
    `);
  });
  it('DW1002 latest tag', () => {
    expect(only(stage('app').from(any('node:latest')).user('1'))).toMatchInlineSnapshot(`
      "✖ DW1002 image "node:latest" floats with the latest tag (stage "app", FROM)
        → pin a version, e.g. image('node:22.11-bookworm-slim'), then its digest with .pinDigest('sha256:...')"
    `);
  });
  it('DW1003 malformed reference', () => {
    expect(only(stage('app').from(any('Node:22')).user('1'))).toMatchInlineSnapshot(`
      "✖ DW1003 "Node:22" is not a valid image reference (stage "app", FROM)
        → write [registry/]name:tag in lowercase, e.g. ghcr.io/acme/app:1.2.3"
    `);
  });
  it('DW1004 malformed digest', () => {
    expect(only(stage('app').from(debian).pinDigest('sha256:abc').user('1'))).toMatchInlineSnapshot(`
      "✖ DW1004 digest "sha256:abc" is not sha256: and 64 lowercase hex digits (stage "app", FROM)
        → copy the digest from \`docker buildx imagetools inspect\` or the registry, e.g. sha256:5f4b..."
    `);
  });
  it('DW1005 constant and redundant --platform', () => {
    expect(only(untyped(stage('app').from(debian)).platform('linux/amd64').user('1'))).toMatchInlineSnapshot(`
      "✖ DW1005 FROM --platform=linux/amd64 is a constant (stage "app", FROM)
        → use platformArgs.BUILDPLATFORM for build stages, or build with --platform"
    `);
    expect(only(stage('app').from(debian).platform(platformArgs.TARGETPLATFORM).user('1'))).toMatchInlineSnapshot(`
      "✖ DW1005 FROM --platform=$TARGETPLATFORM is the default already (stage "app", FROM)
        → drop .platform(), or use platformArgs.BUILDPLATFORM to build on the host platform"
    `);
  });
  it('DW1006 ARG in FROM without a default', () => {
    const version = arg('NODE_VERSION');
    expect(problems(stage('app').from(image(tpl`node:${version}`)).user('1')).map((i) => i.code)).toEqual(['DW1006', 'DW1006']);
  });
  it('DW1007 pinDigest() after another instruction', () => {
    expect(only(untyped(base().workdir('/app')).pinDigest('sha256:' + '0'.repeat(64)).user('1'))).toMatchInlineSnapshot(`
      "✖ DW1007 pinDigest() is not right after from(image) (stage "app", FROM)
        → call .from(image).pinDigest(...) before any other instruction"
    `);
  });
  it('DW1008 pinned syntax too old for the features used', () => {
    expect(() => dockerfile(base().run('a\nb').user('1'), { syntax: '1.2' })).toThrowErrorMatchingInlineSnapshot(`
      [DockwrightError: 1 problem in the Dockerfile whose final stage is "app"
        ✖ DW1008 syntax 1.2 is older than the features used need (docker/dockerfile:1.4) (Dockerfile)
          → pin docker/dockerfile:1.4 or newer, or use syntax: 'auto']
    `);
  });
});

describe('stages', () => {
  it('DW2001 upper-case stage name', () => {
    expect(only(untyped(stage(any('Build'))).from(debian).user('1'))).toMatchInlineSnapshot(`
      "✖ DW2001 stage name "Build" must be lowercase: letters, digits, - _ and ., starting with a letter (stage "Build")
        → rename it, e.g. stage('build')"
    `);
  });
  it('DW2002 reserved stage name', () => {
    expect(only(untyped(stage(any('context'))).from(debian).user('1'))).toMatchInlineSnapshot(`
      "✖ DW2002 "context" is a reserved stage name (stage "context")
        → pick another name"
    `);
  });
  it('DW2003 two different stages with one name', () => {
    const one = stage('build').from(debian).run('echo one');
    const two = one.run('echo two');
    expect(only(base().copy(one, '/a', '/a').copy(two, '/b', '/b').user('1'))).toMatchInlineSnapshot(`
      "✖ DW2003 two different stages are named "build" (stage "build")
        → give each stage its own name; a stage changed after another stage used it is a different stage"
    `);
  });
  it('DW2003 the same stage used twice is fine', () => {
    const build = stage('build').from(debian).run('echo one');
    expect(tryDockerfile(base().copy(build, '/a', '/a').copy(build, '/b', '/b').user('1')).ok).toBe(true);
  });
  it('DW2004 a stage that copies from itself', () => {
    const early = stage('app').from(debian).run('echo x > /x');
    expect(only(early.copy(early, '/x', '/y').user('1'))).toMatchInlineSnapshot(`
      "✖ DW2004 stage "app" refers to itself (stage "app", COPY #1)
        → copy from an earlier stage with a different name"
    `);
  });
  it('DW2005 COPY --from of a whole filesystem', () => {
    const build = stage('build').from(debian);
    expect(only(base().copy(build, '/', '/').user('1'))).toMatchInlineSnapshot(`
      "✖ DW2005 COPY --from=build / copies a whole filesystem (stage "app", COPY #1)
        → copy only the paths the stage produced, e.g. /app/dist"
    `);
  });
  it('DW2006 an instruction before from()', () => {
    expect(() => dockerfile(any(stage('app')))).toThrowErrorMatchingInlineSnapshot(`
      [DockwrightError: 1 problem in the Dockerfile whose final stage is "app"
        ✖ DW2006 dockerfile() needs a stage with a base (Dockerfile)
          → pass stage('app').from(image)...]
    `);
  });
});

describe('users', () => {
  it('DW3001 final stage runs as root', () => {
    expect(only(base().cmd(['bash']))).toMatchInlineSnapshot(`
      "✖ DW3001 the final stage "app" runs as root (stage "app")
        → call .user('app', { create: { uid: 10001 } }), .user(10001), or .allowRoot('why root is needed')"
    `);
    expect(problems(base().user('root')).map((i) => i.code)).toEqual(['DW3001']);
    expect(problems(base().user(any(0))).map((i) => i.code)).toEqual(['DW3001']);
  });
  it('DW3001 the user carries over FROM another stage, and allowRoot() waives it', () => {
    expect(tryDockerfile(stage('child').from(base().user('1000')).cmd(['x'])).ok).toBe(true);
    expect(dockerfile(base().allowRoot('binds port 80')).render()).toContain('# dockwright:allow DW3001 binds port 80');
  });
  it('DW3002 malformed user', () => {
    expect(only(base().user('a b'))).toMatchInlineSnapshot(`
      "✖ DW3002 "a b" is not a valid user (stage "app", USER #1)
        → write a name like app, a uid like 10001, or app:app / 10001:10001; a user made with { create } is a plain name: .user('app', { create: { uid: 10001 } })"
    `);
  });
  it('DW3003 creating a user on scratch', () => {
    expect(problems(stage('app').from(scratch).user('app', { create: { uid: 10001 } })).map((i) => i.code)).toEqual(['DW3003']);
  });
  it('DW3004 chown: true with no user', () => {
    expect(problems(base().copy('a', '/a', { chown: true }).user('1')).map((i) => i.code)).toEqual(['DW3004']);
  });
});

describe('secrets', () => {
  it('DW4001 secret-looking ENV and ARG names', () => {
    expect(only(base().env({ GITHUB_TOKEN: 'x' }).user('1'))).toMatchInlineSnapshot(`
      "✖ DW4001 ENV GITHUB_TOKEN looks like a secret; it would be stored in the image (stage "app", ENV #1)
        → pass it as a secret mount: .run(cmd).withMounts(secretMount('github-token', { env: 'GITHUB_TOKEN' }))"
    `);
    expect(problems(base().arg(arg('NPM_AUTH')).user('1')).map((i) => i.code)).toEqual(['DW4001']);
    // BuildKit's exemptions: whole words only, and *_FILE / *_VERSION / PUBLIC_* are fine.
    expect(tryDockerfile(base().env({ TOKEN_FILE: '/run/secrets/t', TOKENS: '3', KEYBOARD: 'us', PUBLIC_KEY: 'k' }).user('1')).ok).toBe(true);
  });
  it('DW4002 malformed secret mount', () => {
    expect(only(base().run('x').withMounts(secretMount('a b')).user('1'))).toMatchInlineSnapshot(`
      "✖ DW4002 secret id "a b" is not a plain name (stage "app", RUN #1)
        → use letters, digits, . _ and - for a secret id"
    `);
  });
});

describe('RUN', () => {
  it('DW5001 withCleanup() with nothing to clean', () => {
    expect(only(base().run('echo hi').withCleanup().user('1'))).toMatchInlineSnapshot(`
      "✖ DW5001 withCleanup() found no package manager command to clean up after (stage "app", RUN #1)
        → use it on apt-get/apk/dnf/yum/microdnf/pip/npm/yarn/pnpm installs, or drop it"
    `);
  });
  it('DW5002 withCleanup() on exec form', () => {
    expect(problems(base().run(['apt-get', 'install', 'curl']).withCleanup().user('1')).map((i) => i.code)).toEqual(['DW5002']);
  });
  it('DW5004 heredoc marker in a one-line RUN', () => {
    expect(only(base().run('cat <<EOF > /x').user('1'))).toMatchInlineSnapshot(`
      "✖ DW5004 a \`<<\` in a one-line RUN is read as a heredoc by Dockerfile 1.4+ (stage "app", RUN #1)
        → pass the whole script with newlines (rendered as a heredoc), or use exec form"
    `);
  });
  it('DW5005 withMounts() not right after run()', () => {
    expect(only(untyped(base().run('x').workdir('/app')).withMounts(cacheMount('/c')).user('1'))).toMatchInlineSnapshot(`
      "✖ DW5005 withMounts() is not right after run() (stage "app", RUN)
        → call .run(...).withMounts() before any other instruction"
    `);
  });
  it('DW5006 two mounts at one target', () => {
    expect(problems(base().run('x').withMounts(cacheMount('/c'), cacheMount('/c', { id: 'other' })).user('1')).map((i) => i.code)).toEqual(['DW5006']);
  });
  it('DW5008 shell-form RUN on scratch', () => {
    expect(only(stage('app').from(scratch).run('echo hi').user('1'))).toMatchInlineSnapshot(`
      "✖ DW5008 a shell-form RUN in a stage on scratch, which has no /bin/sh (stage "app", RUN #1)
        → use exec form, run(["/app", "--flag"]), or build in another stage and COPY the result"
    `);
  });
});

describe('instructions', () => {
  it('DW6001 shell-form CMD, ENTRYPOINT, HEALTHCHECK', () => {
    expect(only(untyped(base()).cmd('node server.js').user('1'))).toMatchInlineSnapshot(`
      "✖ DW6001 CMD in shell form (stage "app", CMD #1)
        → write it as an array: .cmd(['node', 'server.js'])"
    `);
    // The fix is the command the user wrote, as an array, not a canned one.
    expect(only(untyped(base()).cmd('python app.py --port 80').user('1'))).toMatchInlineSnapshot(`
      "✖ DW6001 CMD in shell form (stage "app", CMD #1)
        → write it as an array: .cmd(['python', 'app.py', '--port', '80'])"
    `);
    expect(problems(untyped(base()).entrypoint("node 'my app.js'").user('1'))[0]?.hint).toBe("write it as an array: .entrypoint(['node', 'my app.js'])");
    // A command that needs the shell is told to call it explicitly, with its text as it is.
    expect(problems(untyped(base()).cmd('npm run migrate && exec node $ENTRY').user('1'))[0]?.hint).toBe(
      "write it as an array; it uses the shell, so call it explicitly (better: a script that ends in exec): .cmd(['/bin/sh', '-c', 'npm run migrate && exec node $ENTRY'])",
    );
    expect(problems(untyped(base()).cmd("echo it's").user('1'))[0]?.hint).toContain(".cmd(['/bin/sh', '-c', 'echo it\\'s'])");
    expect(problems(untyped(base()).entrypoint('node').user('1')).map((i) => i.code)).toEqual(['DW6001']);
    // lint gives the same fix in Dockerfile terms.
    const hints = (text: string) => lintDockerfile(`FROM debian:12.8-slim\nUSER 1\n${text}\n`).filter((d) => d.rule === 'DW6001').map((d) => d.hint);
    expect(hints('CMD python app.py --port 80')).toEqual(['write it in JSON form: CMD ["python", "app.py", "--port", "80"]']);
    expect(hints('ENTRYPOINT exec node $ENTRY | tee log')).toEqual(['write it in JSON form; it uses the shell, so call it explicitly (better: a script that ends in exec): ENTRYPOINT ["/bin/sh", "-c", "exec node $ENTRY | tee log"]']);
    expect(problems(untyped(base()).healthcheck('curl localhost').user('1')).map((i) => i.code)).toEqual(['DW6001']);
  });
  it('DW6002 a second CMD, ENTRYPOINT or HEALTHCHECK', () => {
    expect(only(base().cmd(['a']).cmd(['b']).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6002 a second CMD in stage "app"; only the last would take effect (stage "app", CMD #2)
        → keep one CMD per stage"
    `);
    expect(problems(base().entrypoint(['a']).entrypoint(['b']).healthcheck(['a']).healthcheck(['b']).user('1')).map((i) => i.code)).toEqual(['DW6002', 'DW6002']);
  });
  it('DW6003 ADD of a local file', () => {
    expect(only(untyped(base()).addUrl('./app.jar', '/app.jar', { checksum: 'sha256:' + '0'.repeat(64) }).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6003 "./app.jar" is not an http(s) URL (stage "app", ADD #1)
        → addUrl() is for remote files; copy() local files"
    `);
    expect(problems(base().addArchive('app.jar', '/app/').user('1')).map((i) => i.code)).toEqual(['DW6003']);
  });
  it('DW6004 relative WORKDIR', () => {
    expect(only(base().workdir(any('app')).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6004 WORKDIR "app" is relative (stage "app", WORKDIR #1)
        → write an absolute path such as /app"
    `);
  });
  it('DW6005 several sources to a destination without /', () => {
    expect(only(base().copy(['a', 'b'], '/dst').user('1'))).toMatchInlineSnapshot(`
      "✖ DW6005 several sources go to "/dst", which does not end in / (stage "app", COPY #1)
        → write "/dst/""
    `);
  });
  it('DW6006 relative destination with no WORKDIR', () => {
    expect(only(base().copy('a', 'dst/').user('1'))).toMatchInlineSnapshot(`
      "✖ DW6006 relative destination "dst/" with no WORKDIR (stage "app", COPY #1)
        → call .workdir('/app') first, or use an absolute destination"
    `);
  });
  it('DW6007 bad ports', () => {
    expect(only(base().expose(70000).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6007 70000 is not a port (stage "app", EXPOSE #1)
        → write a port from 1 to 65535, optionally with /tcp, /udp or /sctp in lowercase"
    `);
    expect(problems(base().expose(any('80/TCP')).user('1')).map((i) => i.code)).toEqual(['DW6007']);
    expect(problems(base().expose(any('8080:80')).user('1')).map((i) => i.code)).toEqual(['DW6007']);
    // A leading zero is the same port to BuildKit: it is written in its canonical decimal form.
    expect(dockerfile(base().expose('08080', '053/udp').user('1')).render()).toContain('EXPOSE 8080 53/udp\n');
  });
  it('DW6008 MAINTAINER, even through raw()', () => {
    expect(only(base().raw('MAINTAINER me@example.com', 'legacy').user('1'))).toMatchInlineSnapshot(`
      "✖ DW6008 MAINTAINER is deprecated (stage "app", raw #1)
        → use a label: .label(oci({ authors: 'team@example.com' }))"
    `);
  });
  it('DW6009 invalid ENV name', () => {
    expect(only(base().env({ 'my-var': 'x' }).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6009 "my-var" is not a valid ENV name (stage "app", ENV #1)
        → use letters, digits and _, not starting with a digit"
    `);
  });
  it('DW6010 invalid label key and a key in Docker\'s namespace; an empty value is fine', () => {
    expect(problems(base().label({ 'Com.Example': 'x', 'com.docker.x': 'y', 'com.example.empty': '' }).user('1')).map((i) => i.code)).toEqual(['DW6010', 'DW6010']);
  });
  it('DW6011 ENV refers to a variable set in the same ENV', () => {
    const home = { kind: 'ImageEnv', name: 'APP_HOME' } as const;
    expect(only(base().env({ APP_HOME: '/app', APP_BIN: tpl`${home}/bin` }).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6011 ENV APP_BIN refers to APP_HOME, set in the same ENV (stage "app", ENV #1)
        → split it: .env({ APP_HOME: ... }).env({ APP_BIN: ... })"
    `);
  });
  it('DW6012 malformed duration', () => {
    expect(problems(base().healthcheck(['true'], { interval: any('5 minutes') }).user('1')).map((i) => i.code)).toEqual(['DW6012']);
  });
  it('DW6013 malformed stop signal', () => {
    expect(problems(base().stopSignal('TERM now').user('1')).map((i) => i.code)).toEqual(['DW6013']);
  });
  it('DW6016 ONBUILD of a comment', () => {
    expect(problems(base().onBuild((s) => s.comment('x')).user('1')).map((i) => i.code)).toEqual(['DW6016']);
  });
  it('DW6017 remote ADD without a checksum', () => {
    expect(only(base().addUrl('https://example.com/x.tgz', '/x.tgz', { checksum: 'md5:1' }).user('1'))).toMatchInlineSnapshot(`
      "✖ DW6017 ADD https://example.com/x.tgz needs checksum: 'sha256:' and 64 hex digits (stage "app", ADD #1)
        → compute it with \`curl -sL URL | sha256sum\`"
    `);
  });
});

describe('text and escaping', () => {
  it('DW7001 a newline in a one-line value', () => {
    expect(only(base().env({ A: 'x\nRUN rm -rf /' }).user('1'))).toMatchInlineSnapshot(`
      "✖ DW7001 ENV A "x\\nRUN rm -rf /" contains U+000A (line feed) (stage "app", ENV #1)
        → a one-line value cannot hold line breaks or control characters; multi-line scripts go in run() as a string with newlines (rendered as a heredoc) or in exec form"
    `);
    expect(problems(base().label({ 'a.b': 'x\u2028y' }).user('1')).map((i) => i.code)).toEqual(['DW7001']);
    expect(problems(base().comment('x\rRUN evil').user('1')).map((i) => i.code)).toEqual(['DW7001']);
    expect(problems(stage('app').from(any('debian:12\nRUN evil')).user('1')).map((i) => i.code)).toEqual(['DW7001']);
  });
  it('DW7002 a line over 64 KiB', () => {
    expect(() => dockerfile(base().label({ 'a.b': 'x'.repeat(70_000) }).user('1')).render()).toThrow(/DW7002/);
    // Counted in UTF-8 bytes: 21,900 three-byte characters are 65,700 bytes in fewer than 22,000 units.
    expect(() => dockerfile(base().label({ 'a.b': '€'.repeat(21_900) }).user('1')).render()).toThrow(/DW7002 line \d+ is 65\d{3} bytes long/);
    expect(dockerfile(base().label({ 'a.b': '€'.repeat(21_800) }).user('1')).render()).toContain('€'.repeat(21_800));
  });
  it('DW7003 a trailing backslash that would join the next line', () => {
    expect(only(base().run('echo \\').user('1'))).toMatchInlineSnapshot(`
      "✖ DW7003 the command ends with a backslash, which would join the next line (stage "app", RUN #1)
        → remove the trailing backslash"
    `);
    expect(problems(base().comment('path C:\\').user('1')).map((i) => i.code)).toEqual(['DW7003']);
  });
  it('DW7004 a comma in a mount option', () => {
    expect(only(base().run('x').withMounts(cacheMount('/a,b')).user('1'))).toMatchInlineSnapshot(`
      "✖ DW7004 --mount target="/a,b" holds a character a mount option cannot carry (stage "app", RUN #1)
        → use letters, digits and . _ / @ : + ~ % - only (no spaces, commas, quotes, = or $)"
    `);
  });
});

describe('variables and options', () => {
  it('DW8001 an ARG used where it is not declared', () => {
    const version = arg('VERSION', { default: '1' });
    expect(only(base().run(tpl`echo ${version}`).user('1'))).toMatchInlineSnapshot(`
      "✖ DW8001 the command uses ARG VERSION, which this stage does not declare (stage "app", RUN #1)
        → declare it in this stage first: .arg(handle), with the handle of VERSION, before this instruction"
    `);
  });
  it('DW8002 two ARGs with one name and different defaults', () => {
    const a = arg('V', { default: '1' });
    const b = arg('V', { default: '2' });
    const one = stage('one').from(image(tpl`debian:${a}`));
    expect(problems(stage('two').from(image(tpl`debian:${b}`)).copy(one, '/x', '/x').user('1')).map((i) => i.code)).toEqual(['DW8002']);
  });
  it('DW9001 an invalid syntax option', () => {
    expect(() => dockerfile(base().user('1'), { syntax: 'latest please' })).toThrow(/DW9001/);
  });
  it('DW9002 an escape hatch without a reason', () => {
    expect(only(base().allowRoot(' '))).toMatchInlineSnapshot(`
      "✖ DW9002 allowRoot() needs a reason (stage "app", USER)
        → say why root is needed: .allowRoot('binds port 80 without capabilities')"
    `);
  });
});

describe('reporting', () => {
  it('reports every problem at once, in one DockwrightError', () => {
    try {
      dockerfile(
        untyped(stage('runtime').from(any('node:latest')))
          .env({ NPM_TOKEN: 'x' })
          .cmd(['node', 'a.js']),
      );
      expect.unreachable();
    } catch (error) {
      expect(isDockwrightError(error)).toBe(true);
      if (!isDockwrightError(error)) return;
      expect(error.issues.map((i) => i.code)).toEqual(['DW1002', 'DW4001', 'DW3001']);
      expect(error.code).toBe('DW1002');
      expect(error.message).toMatchInlineSnapshot(`
        "3 problems in the Dockerfile whose final stage is "runtime"
          ✖ DW1002 image "node:latest" floats with the latest tag (stage "runtime", FROM)
            → pin a version, e.g. image('node:22.11-bookworm-slim'), then its digest with .pinDigest('sha256:...')
          ✖ DW4001 ENV NPM_TOKEN looks like a secret; it would be stored in the image (stage "runtime", ENV #1)
            → pass it as a secret mount: .run(cmd).withMounts(secretMount('npm-token', { env: 'NPM_TOKEN' }))
          ✖ DW3001 the final stage "runtime" runs as root (stage "runtime")
            → call .user('app', { create: { uid: 10001 } }), .user(10001), or .allowRoot('why root is needed')"
      `);
    }
  });
  it('recognises a DockwrightError from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('dockwright.error')]: true });
    expect(isDockwrightError(foreign)).toBe(true);
    expect(isDockwrightError(new Error('x'))).toBe(false);
  });
  it('has a title and twins for every code', () => {
    for (const [code, info] of Object.entries(codes)) {
      expect(code).toMatch(/^DW\d{4}$/);
      expect(info.title.length).toBeGreaterThan(5);
    }
    expect(Object.isFrozen(codes)).toBe(true);
  });
});
