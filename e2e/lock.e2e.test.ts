// `dockwright lock` against real registries: Debian's docker-registry started on free 127.0.0.1
// ports (anonymous, htpasswd basic auth, token auth with a test issuer), images pushed through
// the registry API, and the real `dockwright` binary. Every failure is checked for its code,
// its message naming the image, its exit code, and a lockfile left byte for byte as it was.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanup, makeProject, runCli, type CliRun } from '../packages/cli/test/support/cli.js';
import { pushImage, pushIndex, removeTemporaries, requireRegistryBinary, startRegistry, startTokenIssuer, temporaryDir, type RunningRegistry, type TokenIssuer } from './support/registry.js';

let cli = '';
const running: RunningRegistry[] = [];
const issuers: TokenIssuer[] = [];

beforeAll(async () => {
  requireRegistryBinary();
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await Promise.all(issuers.map((i) => i.close()));
  cleanup();
  removeTemporaries();
});

async function registry(...args: Parameters<typeof startRegistry>): Promise<RunningRegistry> {
  const r = await startRegistry(...args);
  running.push(r);
  return r;
}

/** A project whose target locks the given images: the first is the FROM, the others COPY --from. */
function project(refs: readonly string[], extra: Record<string, string> = {}): string {
  const [base, ...others] = refs;
  const copies = others.map((ref, i) => `.copy(image('${ref}').locked(), '/src${i}', '/dst${i}')`).join('');
  return makeProject({
    'app.dockerfile.ts': `import { dockerfile, image, stage } from '@dockwright/core';\n\nexport default dockerfile(stage('app').from('${base}').locked()${copies}.user(10001));\n`,
    ...extra,
  });
}

const lockPath = (dir: string) => join(dir, 'dockwright.lock.yaml');
const lockText = (dir: string) => readFileSync(lockPath(dir), 'utf8');
const authConfig = (host: string, user: string, password: string) => JSON.stringify({ auths: { [host]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } } });

function entry(key: string, digest: string, mediaType: string, platforms: readonly string[]): string {
  const list = platforms.length === 0 ? '    platforms: []\n' : `    platforms:\n${platforms.map((p) => `      - "${p}"\n`).join('')}`;
  return `  "${key}":\n    digest: "${digest}"\n    mediaType: "${mediaType}"\n${list}`;
}

const HEADER =
  '# dockwright.lock.yaml: the digest each locked image tag pointed to when it was locked.\n' +
  '# Written by `dockwright lock` (refresh with `dockwright lock --update`); do not edit by hand.\n' +
  'version: 1\nimages:\n';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** Runs a failing lock and checks its code, message, exit code, and that the lockfile kept its bytes. */
async function expectRefused(dir: string, args: readonly string[], code: string, message: RegExp, env: Record<string, string> = {}): Promise<CliRun> {
  const before = existsSync(lockPath(dir)) ? lockText(dir) : undefined;
  const run = await runCli(cli, ['lock', ...args], dir, env);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`✖ ${code} `);
  expect(run.stderr).toMatch(message);
  if (!args.includes('--check')) expect(run.stderr).toContain('dockwright.lock.yaml was left as it was');
  expect(existsSync(lockPath(dir)) ? lockText(dir) : undefined).toBe(before);
  const json = await runCli(cli, ['lock', '--json', ...args], dir, env);
  const report = JSON.parse(json.stdout) as { ok: boolean; exitCode: number; written: boolean; issues: { code: string; message: string }[] };
  expect(json.code).toBe(1);
  expect(report).toMatchObject({ ok: false, exitCode: 1, written: false });
  expect(report.issues.map((i) => i.code)).toContain(code);
  expect(existsSync(lockPath(dir)) ? lockText(dir) : undefined).toBe(before);
  return run;
}

describe('dockwright lock against a real registry', () => {
  let anon: RunningRegistry;
  beforeAll(async () => {
    anon = await registry();
  });

  it('anonymous: records the digest of every tag, renders name:tag@digest with the OCI base labels, and --check passes', async () => {
    const base = await pushImage(anon, 'acme/base', '1.0', 'linux/amd64');
    const multi = await pushIndex(anon, 'acme/multi', '2.0', ['linux/amd64', 'linux/arm64/v8']);
    // Enough images to resolve in parallel (the client keeps at most 8 in flight).
    const tools: string[] = [];
    for (let i = 0; i < 10; i += 1) tools.push(await pushImage(anon, `acme/tool${i}`, '1.0', 'linux/arm64'));
    const refs = [`${anon.host}/acme/base:1.0`, `${anon.host}/acme/multi:2.0`, ...tools.map((_, i) => `${anon.host}/acme/tool${i}:1.0`)];
    const dir = project(refs);

    const lock = await runCli(cli, ['lock'], dir);
    expect(lock.code, lock.stderr).toBe(0);
    expect(lock.stdout).toContain(`added   ${anon.host}/acme/base:1.0 ${base.slice(0, 19)}… (linux/amd64)\n`);
    expect(lock.stdout).toContain(`added   ${anon.host}/acme/multi:2.0 ${multi.slice(0, 19)}… (linux/amd64, linux/arm64/v8)\n`);
    expect(lock.stdout).toContain('✔ 12 locked images: 12 added; wrote dockwright.lock.yaml\n');
    const expected =
      HEADER +
      entry(`${anon.host}/acme/base:1.0`, base, OCI_MANIFEST, ['linux/amd64']) +
      entry(`${anon.host}/acme/multi:2.0`, multi, OCI_INDEX, ['linux/amd64', 'linux/arm64/v8']) +
      tools.map((d, i) => entry(`${anon.host}/acme/tool${i}:1.0`, d, OCI_MANIFEST, ['linux/arm64'])).join('');
    expect(lockText(dir)).toBe(expected);

    const render = await runCli(cli, ['render'], dir);
    expect(render.code, render.stderr).toBe(0);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(
      `FROM ${anon.host}/acme/base:1.0@${base} AS app\n` +
        `LABEL org.opencontainers.image.base.name=${anon.host}/acme/base:1.0 \\\n    org.opencontainers.image.base.digest=${base}\n` +
        `COPY --from=${anon.host}/acme/multi:2.0@${multi} /src0 /dst0\n`,
    );

    const check = await runCli(cli, ['lock', '--check'], dir);
    expect(check).toEqual({ code: 0, stdout: '✔ 12 locked images current in dockwright.lock.yaml\n', stderr: '' });
    const again = await runCli(cli, ['lock'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('✔ 12 locked images, no change; kept dockwright.lock.yaml\n');
    expect(lockText(dir)).toBe(expected);
  });

  it('a tag moved after locking: --check fails naming both digests and writes nothing; --update records the new digest', async () => {
    const first = await pushImage(anon, 'acme/moving', '1.0');
    const dir = project([`${anon.host}/acme/moving:1.0`]);
    expect((await runCli(cli, ['lock'], dir)).code).toBe(0);
    const locked = lockText(dir);
    expect(locked).toContain(first);

    const moved = await pushImage(anon, 'acme/moving', '1.0');
    expect(moved).not.toBe(first);
    const check = await expectRefused(dir, ['--check'], 'DWC4008', new RegExp(`${anon.host}/acme/moving:1.0 now points to ${moved}; the lockfile has ${first}`));
    expect(check.stdout).toContain(`moved   ${anon.host}/acme/moving:1.0`);
    expect(check.stderr).toContain('run `dockwright lock` (or `--update`) and commit the lockfile');

    // Plain `lock` keeps what is locked: only --update moves it.
    const kept = await runCli(cli, ['lock'], dir);
    expect(kept.code).toBe(0);
    expect(lockText(dir)).toBe(locked);
    const update = await runCli(cli, ['lock', '--update', `${anon.host}/acme/moving`], dir);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toContain(`updated ${anon.host}/acme/moving:1.0 ${moved.slice(0, 19)}…`);
    expect(lockText(dir)).toBe(locked.replace(first, moved));
    expect((await runCli(cli, ['lock', '--check'], dir)).code).toBe(0);
    expect((await runCli(cli, ['render'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain(`FROM ${anon.host}/acme/moving:1.0@${moved} AS app\n`);
  });

  it('a multi-platform index: --platform checks it covers them; a single-platform image and a missing platform are refused', async () => {
    const multi = await pushIndex(anon, 'acme/both', '1.0', ['linux/amd64', 'linux/arm64']);
    await pushImage(anon, 'acme/single', '1.0', 'linux/amd64');
    const dir = project([`${anon.host}/acme/both:1.0`]);
    const ok = await runCli(cli, ['lock', '--platform', 'linux/amd64,linux/arm64'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(lockText(dir)).toBe(HEADER + entry(`${anon.host}/acme/both:1.0`, multi, OCI_INDEX, ['linux/amd64', 'linux/arm64']));

    await expectRefused(dir, ['--update', '--platform', 'linux/amd64,linux/s390x'], 'DWC4006', new RegExp(`${anon.host}/acme/both:1.0 does not cover linux/s390x \\(it has linux/amd64, linux/arm64\\)`));
    const single = project([`${anon.host}/acme/single:1.0`], { 'dockwright.config.ts': "export default { lock: { platforms: ['linux/amd64'] } };\n" });
    await expectRefused(single, [], 'DWC4006', new RegExp(`${anon.host}/acme/single:1.0 is a single-platform image \\(linux/amd64\\), not an index covering linux/amd64`));
    expect(existsSync(lockPath(single))).toBe(false);
  });

  it('a tag that does not exist: DWC4002 naming the image, exit 1, the lockfile untouched', async () => {
    await pushImage(anon, 'acme/known', '1.0');
    const dir = project([`${anon.host}/acme/known:1.0`]);
    expect((await runCli(cli, ['lock'], dir)).code).toBe(0);
    // The target now also locks a tag the registry does not have.
    writeFileSync(join(dir, 'app.dockerfile.ts'), readFileSync(join(dir, 'app.dockerfile.ts'), 'utf8').replace('.user(', `.copy(image('${anon.host}/acme/known:9.9').locked(), '/x', '/x').user(`));
    await expectRefused(dir, [], 'DWC4002', new RegExp(`${anon.host}/acme/known:9.9: not found in ${anon.host} \\(MANIFEST_UNKNOWN`));
    const noRepo = project([`${anon.host}/acme/nothing-here:1.0`]);
    await expectRefused(noRepo, [], 'DWC4002', new RegExp(`${anon.host}/acme/nothing-here:1.0: not found in ${anon.host} \\((?:NAME|MANIFEST)_UNKNOWN`));
  });

  it('a registry that is stopped: DWC4003 unreachable after the retries, the lockfile untouched', async () => {
    const doomed = await registry();
    await pushImage(doomed, 'acme/app', '1.0');
    const dir = project([`${doomed.host}/acme/app:1.0`], { 'dockwright.config.ts': 'export default { lock: { retries: 2 } };\n' });
    expect((await runCli(cli, ['lock'], dir)).code).toBe(0);
    await doomed.stop();
    await expectRefused(dir, ['--update'], 'DWC4003', new RegExp(`${doomed.host}/acme/app:1.0: cannot reach ${doomed.host} \\(ECONNREFUSED\\), 3 attempts`));
    await expectRefused(dir, ['--check'], 'DWC4003', /ECONNREFUSED/);
  });

  it('a registry too slow to answer: DWC4004 after --timeout, each retry timed out, the lockfile untouched', async () => {
    const slow = await registry();
    await pushImage(slow, 'acme/app', '1.0');
    const dir = project([`${slow.host}/acme/app:1.0`], { 'dockwright.config.ts': 'export default { lock: { retries: 1 } };\n' });
    expect((await runCli(cli, ['lock'], dir)).code).toBe(0);
    slow.pause(); // the port still accepts connections; nothing answers
    try {
      const started = Date.now();
      await expectRefused(dir, ['--update', '--timeout', '1'], 'DWC4004', new RegExp(`${slow.host}/acme/app:1.0: ${slow.host} did not answer within 1s, 2 attempts`));
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      slow.resume();
    }
    expect((await runCli(cli, ['lock', '--check'], dir)).code).toBe(0);
  });
});

describe('dockwright lock with registries that need a login', () => {
  it('htpasswd basic auth: credentials from ~/.docker/config.json; none, or a wrong password, is DWC4001 naming the image', async () => {
    const basic = await registry({ kind: 'htpasswd', user: 'builder', password: 'c0rrect-horse' });
    const digest = await pushImage(basic, 'team/app', '1.0', 'linux/arm64');
    const dir = project([`${basic.host}/team/app:1.0`]);
    // Only this test's home counts: no credentials from the environment running the suite.
    const home = temporaryDir('dockwright-home-');
    const env = { HOME: home, DOCKER_CONFIG: '', DOCKER_AUTH_CONFIG: '' };

    await expectRefused(dir, [], 'DWC4001', new RegExp(`${basic.host}/team/app:1.0: ${basic.host} needs a login and no credentials were found for it`), env);

    const dockerDir = join(home, '.docker');
    mkdirSync(dockerDir, { recursive: true });
    writeFileSync(join(dockerDir, 'config.json'), authConfig(basic.host, 'builder', 'wrong'));
    await expectRefused(dir, [], 'DWC4001', new RegExp(`${basic.host}/team/app:1.0: ${basic.host} refused access \\(401\\).*the credentials from ~/.docker/config.json were refused`), env);

    // As `docker login` writes it: the key may carry a scheme.
    writeFileSync(join(dockerDir, 'config.json'), authConfig(`https://${basic.host}`, 'builder', 'c0rrect-horse'));
    const ok = await runCli(cli, ['lock'], dir, env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(lockText(dir)).toBe(HEADER + entry(`${basic.host}/team/app:1.0`, digest, OCI_MANIFEST, ['linux/arm64']));
    // DOCKER_AUTH_CONFIG (as CI systems set it) comes before the file.
    await expectRefused(dir, ['--update'], 'DWC4001', /credentials from DOCKER_AUTH_CONFIG were refused/, { ...env, DOCKER_AUTH_CONFIG: authConfig(basic.host, 'builder', 'nope') });
  });

  it('token auth: the registry checks real tokens from the realm it names; a wrong password gets no token (DWC4001)', async () => {
    const issuer = await startTokenIssuer('ci-bot', 's3cret-token-pw');
    issuers.push(issuer);
    const tokened = await registry({ kind: 'token', issuer });
    const digest = await pushIndex(tokened, 'team/runtime', '2.1', ['linux/amd64', 'linux/arm64']);
    const dir = project([`${tokened.host}/team/runtime:2.1`]);
    const env = { HOME: temporaryDir('dockwright-home-'), DOCKER_CONFIG: '', DOCKER_AUTH_CONFIG: '' };

    // Without credentials the token endpoint refuses, as a private repository's would.
    await expectRefused(dir, [], 'DWC4001', new RegExp(`${tokened.host}/team/runtime:2.1: 127.0.0.1:\\d+ would not issue a token \\(401\\): anonymous access is refused`), env);
    await expectRefused(dir, [], 'DWC4001', /would not issue a token \(401\): the credentials from DOCKER_AUTH_CONFIG were refused/, { ...env, DOCKER_AUTH_CONFIG: authConfig(tokened.host, 'ci-bot', 'wrong') });

    issuer.requests.length = 0;
    const ok = await runCli(cli, ['lock'], dir, { ...env, DOCKER_AUTH_CONFIG: authConfig(tokened.host, 'ci-bot', 's3cret-token-pw') });
    expect(ok.code, ok.stderr).toBe(0);
    expect(lockText(dir)).toBe(HEADER + entry(`${tokened.host}/team/runtime:2.1`, digest, OCI_INDEX, ['linux/amd64', 'linux/arm64']));
    expect(issuer.requests).toEqual([{ user: 'ci-bot', scope: 'repository:team/runtime:pull', status: 200 }]);
  });
});
