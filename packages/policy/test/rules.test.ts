// Every policy rule on a Dockerfile built with the public builder: what it refuses (exact message,
// hint and place), what it accepts, and how `rules` severities change it.
import { describe, expect, it } from 'vitest';
import { aptInstall, apkInstall, bindMount, dnfInstall, dockerfile, image, isDockwrightError, isRegistryEntry, lintDockerfile, oci, REGISTRY_ENTRY_PATTERN, scratch, stage, type Dockerfile } from '@dockwright/core';
import { checkPolicy, parsePolicy, policyFrom, policyJsonSchema, type PolicyFinding, type PolicyInput } from '@dockwright/policy';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const debian = image('debian:12.8-slim');
const pinnedDebian = image('debian:12.8-slim').pinDigest(DIGEST);

function check(file: Dockerfile, input: PolicyInput): PolicyFinding[] {
  const result = policyFrom(input, 'dockwright.policy.yaml');
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return checkPolicy(file, result.policy);
}

/** `severity code message @ where`, one line per finding. */
const brief = (found: readonly PolicyFinding[]) => found.map((f) => `${f.severity} ${f.code} ${f.message} @ ${[f.path.stage, f.path.instruction, f.path.index].filter((x) => x !== undefined).join(' ')}`);

describe('DW1009 allowedRegistries', () => {
  const build = stage('build').from('golang:1.23.4-bookworm').run('go build -o /out/app .');
  const app = stage('app')
    .from(image('ghcr.io/acme/base:1.0'))
    .copy(build, '/out/app', '/app')
    .copy(image('gcr.io/distroless/static-debian12:nonroot'), '/etc/passwd', '/etc/passwd')
    .user(10001);

  it('refuses every pulled image outside the list (FROM, COPY --from an image), and the # syntax frontend', () => {
    const file = dockerfile(app, { syntax: '1.7' });
    const found = check(file, { allowedRegistries: ['ghcr.io/acme', 'docker.io/library'] });
    expect(brief(found)).toEqual([
      'error DW1009 image "docker/dockerfile:1.7" is from docker.io/docker/dockerfile, outside the allowed registries @ # syntax',
      'error DW1009 image "gcr.io/distroless/static-debian12:nonroot" is from gcr.io/distroless/static-debian12, outside the allowed registries @ app COPY 2',
    ]);
    expect(found[1]?.hint).toBe("use an image from ghcr.io/acme, docker.io/library, or add its registry to the policy's allowedRegistries");
  });

  it('matches whole path components: ghcr.io/acme does not allow ghcr.io/acme-evil', () => {
    const evil = stage('app').from(image('ghcr.io/acme-evil/base:1.0')).user(10001);
    expect(brief(check(dockerfile(evil), { allowedRegistries: ['ghcr.io/acme'] }))).toEqual([
      'error DW1009 image "ghcr.io/acme-evil/base:1.0" is from ghcr.io/acme-evil/base, outside the allowed registries @ app FROM',
    ]);
  });

  it('reads RUN --mount from an image, and accepts a registry with a port', () => {
    const mounted = stage('app').from(image('localhost:5000/base:1')).run('cp /src/x /x').withMounts(bindMount('/src', { from: image('quay.io/tools/x:1') })).user(10001);
    expect(brief(check(dockerfile(mounted), { allowedRegistries: ['localhost:5000'] }))).toEqual(['error DW1009 image "quay.io/tools/x:1" is from quay.io/tools/x, outside the allowed registries @ app RUN 1']);
    expect(check(dockerfile(stage('app').from(image('localhost:5000/base:1')).user(10001)), { allowedRegistries: ['localhost:5000'] })).toEqual([]);
  });

  it('a wildcard registry is accepted or refused alike by the file, its JSON Schema and the run time (lint and checkPolicy)', () => {
    const pattern = (policyJsonSchema() as { properties: { allowedRegistries: { items: { pattern: string } } } }).properties.allowedRegistries.items.pattern;
    expect(new RegExp(pattern).source).toBe(new RegExp(REGISTRY_ENTRY_PATTERN).source);
    for (const entry of ['*.acme.example', '*.acme.example:5000/team', 'ghcr.io/acme', '*acme.example', '*.com', '*.*.acme.example', 'https://ghcr.io', 'Ghcr.io']) {
      const inFile = parsePolicy(`allowedRegistries: ["${entry}"]\n`, 'dockwright.policy.yaml').ok;
      expect([inFile, new RegExp(pattern).test(entry)], entry).toEqual([isRegistryEntry(entry), isRegistryEntry(entry)]);
    }
    const app = stage('app').from(image('eu.registry.acme.example/base:1.0')).copy(image('acme.example/tools:1'), '/t', '/t').user(10001);
    expect(brief(check(dockerfile(app), { allowedRegistries: ['*.acme.example'] }))).toEqual([
      'error DW1009 image "acme.example/tools:1" is from acme.example/tools, outside the allowed registries @ app COPY 1',
    ]);
    const written = 'FROM eu.registry.acme.example/base:1.0\nCOPY --from=acme.example/tools:1 /t /t\nUSER 10001\n';
    expect(lintDockerfile(written, { allowedRegistries: ['*.acme.example'] }).filter((d) => d.rule === 'DW1009').map((d) => [d.line, d.message])).toEqual([
      [2, 'image "acme.example/tools:1" is from acme.example/tools, outside the allowed registries'],
    ]);
  });

  it('checks the images of ONBUILD triggers too', () => {
    const app = stage('app').from(debian).onBuild((s) => s.copy(image('quay.io/x/tools:1'), '/t', '/t')).user(10001);
    expect(brief(check(dockerfile(app), { allowedRegistries: ['docker.io/library'] }))).toEqual([
      'error DW1009 image "quay.io/x/tools:1" is from quay.io/x/tools, outside the allowed registries @ app ONBUILD 1',
    ]);
  });

  it('accepts images inside the list; one-part names are docker.io/library', () => {
    const ok = stage('app').from(debian).user(10001);
    expect(check(dockerfile(ok), { allowedRegistries: ['docker.io/library'] })).toEqual([]);
    expect(check(dockerfile(ok), { allowedRegistries: ['docker.io'] })).toEqual([]);
    expect(brief(check(dockerfile(ok), { allowedRegistries: ['docker.io/bitnami'] }))).toEqual(['error DW1009 image "debian:12.8-slim" is from docker.io/library/debian, outside the allowed registries @ app FROM']);
  });
});

describe('DW1010 requireDigests', () => {
  it('refuses each image without a digest, in every stage, and says how to pin it', () => {
    const build = stage('build').from('golang:1.23.4-bookworm').run('go build -o /out/app .');
    const app = stage('app').from(pinnedDebian).copy(build, '/out/app', '/app').user(10001);
    const found = check(dockerfile(app), { requireDigests: true });
    expect(brief(found)).toEqual(['error DW1010 image "golang:1.23.4-bookworm" is not pinned by digest @ build FROM']);
    expect(found[0]?.hint).toBe("lock it: image('golang:1.23.4-bookworm').locked() and run `dockwright lock`, or pin it by hand with .pinDigest('sha256:...'); the tag stays for Renovate");
  });

  it('accepts pinned images and scratch', () => {
    const app = stage('app').from(scratch).user('65532:65532');
    expect(check(dockerfile(stage('app').from(pinnedDebian).user(10001)), { requireDigests: true })).toEqual([]);
    expect(check(dockerfile(app), { requireDigests: true })).toEqual([]);
  });
});

describe('DW1011 requirePinnedSyntax', () => {
  const app = stage('app').from(debian).user(10001);

  it('refuses a # syntax frontend pinned by tag only', () => {
    const found = check(dockerfile(app, { syntax: '1.7' }), { requirePinnedSyntax: true });
    expect(brief(found)).toEqual(['error DW1011 # syntax=docker/dockerfile:1.7 is not pinned by digest @ # syntax']);
    expect(found[0]?.hint).toBe("lock it: dockerfile(stage, { locked: true }) and run `dockwright lock`, or pin it by hand: dockerfile(stage, { syntax: 'docker/dockerfile:1.7@sha256:...' })");
  });

  it('accepts a frontend pinned by digest, and no frontend at all', () => {
    expect(check(dockerfile(app, { syntax: `docker/dockerfile:1.7@${DIGEST}` }), { requirePinnedSyntax: true })).toEqual([]);
    expect(check(dockerfile(app), { requirePinnedSyntax: true })).toEqual([]);
  });
});

describe('DW2008 forbidBuildTools', () => {
  it('refuses compilers, git and header packages in the stages of the final image, and a toolchain base', () => {
    const base = stage('base').from(debian).run(aptInstall(['ca-certificates', 'git']));
    const app = stage('app').from(base).run(aptInstall(['gcc', 'libssl-dev', 'tini'])).user(10001);
    const found = check(dockerfile(app), { forbidBuildTools: true });
    expect(brief(found)).toEqual([
      'error DW2008 build tool "git" is in the final image @ base RUN 1',
      'error DW2008 build tool "gcc" is in the final image @ app RUN 1',
      'error DW2008 build tool "libssl-dev" is in the final image @ app RUN 1',
    ]);
    expect(found[1]?.hint).toBe('build in a stage of its own and copy only what it builds into the final stage, on a small runtime image (debian slim, distroless, scratch)');
    const onGo = stage('app').from('golang:1.23.4-bookworm').user(10001);
    expect(brief(check(dockerfile(onGo), { forbidBuildTools: true }))).toEqual(['error DW2008 build tool image "golang:1.23.4-bookworm" is in the final image @ app FROM']);
  });

  it('accepts build tools in a build stage whose output is copied, and what `allow` lists', () => {
    const build = stage('build').from('golang:1.23.4-bookworm').run(aptInstall(['gcc', 'make'])).run('make');
    const app = stage('app').from(debian).copy(build, '/src/out', '/app').run(aptInstall(['git'])).user(10001);
    expect(check(dockerfile(app), { forbidBuildTools: { allow: ['git'] } })).toEqual([]);
    expect(brief(check(dockerfile(app), { forbidBuildTools: { defaults: false, add: ['tini'] } }))).toEqual([]);
  });
});

describe('DW3008 forbidRoot', () => {
  it('refuses a final stage that runs as root through allowRoot(), quoting the reason', () => {
    const app = stage('app').from(debian).allowRoot('binds port 80');
    const found = check(dockerfile(app), { forbidRoot: true });
    expect(brief(found)).toEqual(['error DW3008 the final stage "app" runs as root (allowRoot: "binds port 80"), and the policy forbids root @ app FROM']);
    expect(found[0]?.hint).toBe("run as a non-root user, e.g. .user('app', { create: { uid: 10001 } }) or .user(10001); forbidRoot admits no allowRoot() exception");
    const explicit = stage('app').from(debian).user('root').allowRoot('installs at start');
    expect(brief(check(dockerfile(explicit), { forbidRoot: true }))).toEqual(['error DW3008 the final stage "app" runs as root (allowRoot: "installs at start"), and the policy forbids root @ app USER 1']);
  });

  it('accepts a non-root final user, also one set in the stage below', () => {
    const base = stage('base').from(debian).user(10001);
    expect(check(dockerfile(stage('app').from(base).cmd(['/app'])), { forbidRoot: true })).toEqual([]);
  });
});

describe('DW3007 requireNumericUser', () => {
  it('refuses a user or group given by name, at its USER', () => {
    const app = stage('app').from('node:22.11-bookworm-slim').workdir('/app').user('node');
    const found = check(dockerfile(app), { requireNumericUser: true });
    expect(brief(found)).toEqual(['error DW3007 USER node is a name, not a uid @ app USER 1']);
    expect(found[0]?.hint).toBe("write the uid: .user(10001) or .user('app', { create: { uid: 10001 } })");
    const group = stage('app').from(debian).user('10001:app');
    expect(brief(check(dockerfile(group), { requireNumericUser: true }))).toEqual(['error DW3007 USER 10001:app is a name, not a uid @ app USER 1']);
  });

  it('accepts numeric ids, and a created user (rendered as its ids)', () => {
    expect(check(dockerfile(stage('app').from(debian).user('10001:10001')), { requireNumericUser: true })).toEqual([]);
    expect(check(dockerfile(stage('app').from(debian).user('app', { create: { uid: 10001 } })), { requireNumericUser: true })).toEqual([]);
    // A name set in a build stage does not matter: only the final image's user does.
    const build = stage('build').from(debian).user('builder');
    expect(check(dockerfile(stage('app').from(debian).copy(build, '/x', '/x').user(10001)), { requireNumericUser: true })).toEqual([]);
  });
});

describe('DW5017 requirePinnedPackages', () => {
  it('refuses unpinned installs of every manager, in any stage, one problem per command', () => {
    const build = stage('build')
      .from(debian)
      .run(aptInstall(['curl', 'tini'], { versions: { tini: '0.19.0-1' } }))
      .run('pip install --no-cache-dir flask==3.0.3 requests && npm install -g pnpm typescript@5.9.3 && gem install rake && go install golang.org/x/tools/gopls@latest');
    const app = stage('app')
      .from(image('alpine:3.20'))
      .copy(build, '/x', '/x')
      .run(apkInstall(['ca-certificates']))
      .run('yarn global add left-pad@^1.3.0 && python3 -m pip install "uvicorn>=0.30"')
      .user(10001);
    expect(brief(check(dockerfile(app), { requirePinnedPackages: true }))).toEqual([
      'error DW5017 apt-get installs curl without a version @ build RUN 1',
      'error DW5017 pip installs requests without a version @ build RUN 2',
      'error DW5017 npm installs pnpm without a version @ build RUN 2',
      'error DW5017 gem installs rake without a version @ build RUN 2',
      'error DW5017 go installs golang.org/x/tools/gopls@latest without a version @ build RUN 2',
      'error DW5017 apk installs ca-certificates without a version @ app RUN 1',
    ]);
    // A range (left-pad@^1.3.0, uvicorn>=0.30) names a version, as hadolint's DL3016 and DL3013
    // read it; yarn and python -m pip are read like npm and pip.
    const loose = stage('app').from(debian).run('yarn global add left-pad && pnpm add is-odd && python3 -m pip install uvicorn').user(10001);
    expect(brief(check(dockerfile(loose), { requirePinnedPackages: true }))).toEqual([
      'error DW5017 yarn installs left-pad without a version @ app RUN 1',
      'error DW5017 pnpm installs is-odd without a version @ app RUN 1',
      'error DW5017 pip installs uvicorn without a version @ app RUN 1',
    ]);
  });

  it('says how to pin, per manager', () => {
    const app = stage('app').from(debian).run(aptInstall(['curl', 'tini'])).user(10001);
    expect(check(dockerfile(app), { requirePinnedPackages: true })[0]?.hint).toBe(
      "pin it: aptInstall(['curl'], { versions: { 'curl': '<version>' } }); `apt-cache policy curl` shows it",
    );
  });

  it('accepts pinned versions, lockfile installs, requirement files, local paths and variables', () => {
    const app = stage('app')
      .from(image('fedora:41'))
      .run(dnfInstall(['shadow-utils'], { versions: { 'shadow-utils': '4.15.1-2.fc41' } }))
      .run('npm ci && npm install && pip install -r requirements.txt && pip install . && go install ./cmd/... && gem install bundler -v 2.5.0 && apt-get install -y curl=${CURL_VERSION}')
      .user(10001);
    expect(check(dockerfile(app), { requirePinnedPackages: true })).toEqual([]);
  });
});

describe('DW5022 forbiddenPackages', () => {
  it('refuses each forbidden package in the final image, by default SSH servers, sudo and editors', () => {
    const app = stage('app').from(debian).run(aptInstall(['openssh-server', 'sudo', 'tini', 'vim'])).run('apt-get update && apt-get install -y nano').user(10001);
    const found = check(dockerfile(app), { forbiddenPackages: true });
    expect(brief(found)).toEqual([
      'error DW5022 package "openssh-server" is installed in stage "app", which is in the final image, and the policy forbids it @ app RUN 1',
      'error DW5022 package "sudo" is installed in stage "app", which is in the final image, and the policy forbids it @ app RUN 1',
      'error DW5022 package "vim" is installed in stage "app", which is in the final image, and the policy forbids it @ app RUN 1',
      'error DW5022 package "nano" is installed in stage "app", which is in the final image, and the policy forbids it @ app RUN 2',
    ]);
    expect(found[0]?.hint).toBe('remove it from the image, or install it in a build stage only; to accept it after all, list it under forbiddenPackages: { allow: [openssh-server] } in the policy');
  });

  it('extends and trims the list; ignores build stages and versions', () => {
    const build = stage('build').from(debian).run(aptInstall(['sudo']));
    const app = stage('app').from(debian).copy(build, '/x', '/x').run(aptInstall(['curl', 'vim-tiny'], { versions: { curl: '7.88.1-10+deb12u8' } })).user(10001);
    expect(brief(check(dockerfile(app), { forbiddenPackages: { add: ['curl'], allow: ['vim-tiny'] } }))).toEqual([
      'error DW5022 package "curl" is installed in stage "app", which is in the final image, and the policy forbids it @ app RUN 1',
    ]);
  });
});

describe('DW6019 requiredLabels', () => {
  it('names each missing label, with the oci() helper when it is an OCI one', () => {
    const app = stage('app').from(debian).label(oci({ source: 'https://git.example/api' })).user(10001);
    const found = check(dockerfile(app), { requiredLabels: ['org.opencontainers.image.source', 'org.opencontainers.image.revision', 'com.example.team'] });
    expect(brief(found)).toEqual([
      'error DW6019 the image has no org.opencontainers.image.revision label @ app',
      'error DW6019 the image has no com.example.team label @ app',
    ]);
    expect(found.map((f) => f.hint)).toEqual([
      "add it: .label({ 'org.opencontainers.image.revision': '...' })",
      "add it: .label({ 'com.example.team': '...' })",
    ]);
  });

  it('counts labels set in the stage below the final one, not in build stages', () => {
    const base = stage('base').from(debian).label({ 'com.example.team': 'payments' });
    const build = stage('build').from(debian).label({ 'com.example.owner': 'x' });
    const app = stage('app').from(base).copy(build, '/x', '/x').user(10001);
    expect(brief(check(dockerfile(app), { requiredLabels: ['com.example.team', 'com.example.owner'] }))).toEqual([
      'error DW6019 the image has no com.example.owner label @ app',
    ]);
  });
});

describe('DW6020 requireHealthcheck', () => {
  it('refuses a final image with no HEALTHCHECK, naming its ports', () => {
    const app = stage('app').from(debian).expose(8080, '9090/udp').user(10001);
    const found = check(dockerfile(app), { requireHealthcheck: true });
    expect(brief(found)).toEqual(['error DW6020 the final stage "app" has no HEALTHCHECK (it EXPOSEs 8080 9090/udp) @ app']);
    expect(found[0]?.hint).toBe(`add an exec-form check the image can run, e.g. .healthcheck(['/app/healthcheck'], { interval: '30s' }), or .healthcheck('none') to say there is none`);
    expect(brief(check(dockerfile(stage('job').from(debian).user(10001).cmd(['/job'])), { requireHealthcheck: true }))).toEqual(['error DW6020 the final stage "job" has no HEALTHCHECK @ job']);
  });

  it('accepts a check, one in the stage below, or healthcheck(\'none\') said on purpose', () => {
    expect(check(dockerfile(stage('app').from(debian).expose(8080).healthcheck(['/app/health']).user(10001)), { requireHealthcheck: true })).toEqual([]);
    const base = stage('base').from(debian).healthcheck(['/app/health']);
    expect(check(dockerfile(stage('app').from(base).user(10001)), { requireHealthcheck: true })).toEqual([]);
    expect(check(dockerfile(stage('job').from(debian).healthcheck('none').user(10001).cmd(['/job'])), { requireHealthcheck: true })).toEqual([]);
  });
});

describe('severities', () => {
  const app = stage('app').from(debian).expose(8080).user('node');

  it("the policy file's warn reports with the one shape's severity, warning; off does not run the rule", () => {
    expect(brief(check(dockerfile(app), { requireHealthcheck: true, requireNumericUser: true, rules: { DW6020: 'warn', DW3007: 'off' } }))).toEqual([
      'warning DW6020 the final stage "app" has no HEALTHCHECK (it EXPOSEs 8080) @ app',
    ]);
  });

  it('a rule on in `rules` alone runs with its defaults; a rule not configured does not run', () => {
    const withSudo = stage('app').from(debian).run(aptInstall(['sudo'])).user(10001);
    expect(brief(check(dockerfile(withSudo), { rules: { DW5022: 'error' } }))).toEqual([
      'error DW5022 package "sudo" is installed in stage "app", which is in the final image, and the policy forbids it @ app RUN 1',
    ]);
    expect(check(dockerfile(withSudo), {})).toEqual([]);
  });

  it('checkPolicy takes the AST as well as the Dockerfile', () => {
    const result = policyFrom({ requireHealthcheck: true });
    if (!result.ok) throw new Error('policy refused');
    expect(checkPolicy(dockerfile(app).ast, result.policy)).toEqual(checkPolicy(dockerfile(app), result.policy));
  });

  it('checkPolicy refuses what is not a Dockerfile or not a policy with DW9005, not a TypeError', () => {
    const result = policyFrom({ requireHealthcheck: true });
    if (!result.ok) throw new Error('policy refused');
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isDockwrightError(error) ? `${error.code} ${error.message.split('\n')[1]?.trim()}` : `not coded: ${String(error)}`;
      }
      return 'did not throw';
    };
    expect(thrown(() => checkPolicy(undefined as never, result.policy))).toMatch(/^DW9005 .*checkPolicy\(\): the Dockerfile must be a Dockerfile or its AST, got undefined/);
    expect(thrown(() => checkPolicy({ kind: 'Dockerfile' } as never, result.policy))).toMatch(/^DW9005 .*got object/);
    expect(thrown(() => checkPolicy(dockerfile(app), {} as never))).toMatch(/^DW9005 .*checkPolicy\(\): the policy must be a Policy, got object/);
    expect(thrown(() => checkPolicy(dockerfile(app), 'requireHealthcheck: true' as never))).toMatch(/^DW9005 .*got string/);
    for (const bad of [{ kind: 'Policy', rules: null }, { kind: 'Policy', rules: { DW1009: 'error' } }, { ...result.policy, settings: undefined }, { ...result.policy, buildTools: 'gcc' }]) {
      expect(thrown(() => checkPolicy(dockerfile(app), bad as never))).toMatch(/^DW9005 .*checkPolicy\(\): the policy must be a Policy/);
    }
  });

  it('a policy judges many Dockerfiles alike, and a policy object changed by hand is read again', () => {
    const result = policyFrom({ requireHealthcheck: true });
    if (!result.ok) throw new Error('policy refused');
    const files = [dockerfile(app), dockerfile(stage('other').from(pinnedDebian).user(10001))];
    const first = files.map((f) => checkPolicy(f, result.policy).map((x) => x.code));
    expect(files.map((f) => checkPolicy(f, result.policy).map((x) => x.code))).toEqual(first);
    expect(first.flat()).toContain('DW6020');
    // An unfrozen copy is not cached: a rule switched off in it is off at once.
    const copy = { ...result.policy, rules: { ...result.policy.rules } };
    expect(checkPolicy(files[0] as Dockerfile, copy).map((x) => x.code)).toContain('DW6020');
    (copy.rules as Record<string, string>)['DW6020'] = 'off';
    expect(checkPolicy(files[0] as Dockerfile, copy).map((x) => x.code)).not.toContain('DW6020');
    // Frozen by hand is not enough to be kept: only the policies policyFrom() and the loaders make.
    const frozen = Object.freeze({ ...result.policy, rules: { ...result.policy.rules } });
    expect(checkPolicy(files[0] as Dockerfile, frozen).map((x) => x.code)).toContain('DW6020');
    (frozen.rules as Record<string, string>)['DW6020'] = 'off';
    expect(checkPolicy(files[0] as Dockerfile, frozen).map((x) => x.code)).not.toContain('DW6020');
  });

  it('a policy is frozen all the way down, and its input stays the caller\'s', () => {
    const allow: string[] = [];
    const result = policyFrom({ forbidBuildTools: { allow } });
    if (!result.ok) throw new Error('policy refused');
    const withGcc = dockerfile(stage('app').from(debian).run(aptInstall(['gcc'])).user(10001));
    const before = checkPolicy(withGcc, result.policy).map((x) => x.code);
    expect(before).toContain('DW2008');
    allow.push('gcc');
    expect(Object.isFrozen(allow)).toBe(false);
    const settings = result.policy.settings as { forbidBuildTools: { allow: string[] } };
    expect(() => settings.forbidBuildTools.allow.push('gcc')).toThrow(TypeError);
    expect(checkPolicy(withGcc, result.policy).map((x) => x.code)).toEqual(before);
  });
});
