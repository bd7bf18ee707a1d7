// Policy files applied by the real binary: violations reported like rule errors (file, stage,
// instruction, code, hint; exit 1; the other targets still rendered; in --json), warnings that do
// not fail, the nearest file winning, `extends` from a package, and broken policy files (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLockfile } from '@dockwright/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanup, makeProject, runCli } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const DIGEST = `sha256:${'b'.repeat(64)}`;

// Passes the policy below: pinned, numeric user, a health check for its port.
const compliant = `import { dockerfile, image, stage } from '@dockwright/core';

const base = image('debian:12.8-slim').pinDigest('${DIGEST}');
export default dockerfile(stage('app').from(base).expose(8080).healthcheck(['/app/health']).user(10001).cmd(['/app/server']));
`;

// Breaks it: an unpinned image, a named user, sudo, a port without a health check.
const breaking = `import { aptInstall, dockerfile, stage } from '@dockwright/core';

export default dockerfile(stage('app').from('debian:12.8-slim').run(aptInstall(['sudo'])).expose(8080).user('www-data').cmd(['/app/server']));
`;

// Only a warning: an unpinned package, which the policy reports as warn.
const warned = `import { aptInstall, dockerfile, image, stage } from '@dockwright/core';

const base = image('debian:12.8-slim').pinDigest('${DIGEST}');
export default dockerfile(stage('job').from(base).run(aptInstall(['ca-certificates'])).healthcheck('none').user(10001).cmd(['/job']));
`;

const policy = `# The organisation's rules for every image in this repository.
requireDigests: true
requireNumericUser: true
forbiddenPackages: true
requireHealthcheck: true
requirePinnedPackages: true
rules:
  DW5017: warn
`;

describe('a policy file', () => {
  let dir = '';
  beforeAll(() => {
    dir = makeProject({
      'dockwright.policy.yaml': policy,
      'api/service.dockerfile.ts': compliant,
      'legacy/service.dockerfile.ts': breaking,
      'jobs/job.dockerfile.ts': warned,
    });
  });

  it('fails a breaking target with each violation like a rule error, renders the others, prints warnings; exit 1', async () => {
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('created api/Dockerfile\ncreated jobs/Dockerfile\n');
    expect(existsSync(join(dir, 'legacy/Dockerfile'))).toBe(false);
    expect(run.stderr).toBe(`⚠ jobs/job.dockerfile.ts has 1 warning from dockwright.policy.yaml
  ⚠ DW5017 apt-get installs ca-certificates without a version (stage "job", RUN #1)
    → pin it: aptInstall(['ca-certificates'], { versions: { 'ca-certificates': '<version>' } }); \`apt-cache policy ca-certificates\` shows it
✖ legacy/service.dockerfile.ts breaks the policy of dockwright.policy.yaml
  ✖ DW1010 image "debian:12.8-slim" is not pinned by digest (stage "app", FROM)
    → lock it: image('debian:12.8-slim').locked() and run \`dockwright lock\`, or pin it by hand with .pinDigest('sha256:...'); the tag stays for Renovate
  ✖ DW3007 USER www-data is a name, not a uid (stage "app", USER #1)
    → write the uid: .user(10001) or .user('app', { create: { uid: 10001 } })
  ✖ DW5022 package "sudo" is installed in stage "app", which is in the final image, and the policy forbids it (stage "app", RUN #1)
    → remove it from the image, or install it in a build stage only; to accept it after all, list it under forbiddenPackages: { allow: [sudo] } in the policy
  ✖ DW6020 the final stage "app" has no HEALTHCHECK (it EXPOSEs 8080) (stage "app")
    → add an exec-form check the image can run, e.g. .healthcheck(['/app/healthcheck'], { interval: '30s' }), or .healthcheck('none') to say there is none
⚠ legacy/service.dockerfile.ts has 1 warning from dockwright.policy.yaml
  ⚠ DW5017 apt-get installs sudo without a version (stage "app", RUN #1)
    → pin it: aptInstall(['sudo'], { versions: { 'sudo': '<version>' } }); \`apt-cache policy sudo\` shows it
✖ 1 of 3 targets failed; the other 2 targets were rendered
`);
  });

  it('--json carries the phase, the policy file, every issue and every warning', async () => {
    const run = await runCli(cli, ['render', '--check', '--json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { summary: { failed: number; warnings: number }; targets: { file: string; ok: boolean; phase?: string; policy?: string; issues: { code: string; path: object }[]; warnings: { code: string }[] }[] };
    expect(report.summary).toMatchObject({ failed: 1, warnings: 2 });
    const legacy = report.targets.find((t) => t.file === 'legacy/service.dockerfile.ts');
    expect(legacy).toMatchObject({ ok: false, phase: 'policy', policy: 'dockwright.policy.yaml' });
    expect(legacy?.issues.map((i) => [i.code, i.path])).toEqual([
      ['DW1010', { stage: 'app', instruction: 'FROM' }],
      ['DW3007', { stage: 'app', instruction: 'USER', index: 1 }],
      ['DW5022', { stage: 'app', instruction: 'RUN', index: 1 }],
      ['DW6020', { stage: 'app' }],
    ]);
    expect(legacy?.warnings.map((w) => w.code)).toEqual(['DW5017']);
    expect(report.targets.find((t) => t.file === 'api/service.dockerfile.ts')).toMatchObject({ ok: true, policy: 'dockwright.policy.yaml', issues: [], warnings: [] });
  });

  it('print applies it too: the problems on stderr, exit 1', async () => {
    const run = await runCli(cli, ['print', 'legacy/service.dockerfile.ts'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('✖ legacy/service.dockerfile.ts breaks the policy of dockwright.policy.yaml\n  ✖ DW1010 image "debian:12.8-slim" is not pinned by digest (stage "app", FROM)\n');
    const ok = await runCli(cli, ['print', 'jobs/job.dockerfile.ts'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^# generated by dockwright from job.dockerfile.ts, do not edit\n# to build, run in this directory: docker build .\n\nFROM debian:12.8-slim@sha256:b{64} AS job\n/);
    expect(ok.stderr).toMatch(/^⚠ jobs\/job.dockerfile.ts has 1 warning from dockwright.policy.yaml\n {2}⚠ DW5017 /);
  });
});

describe('which policy applies', () => {
  it('the nearest file wins: a service can extend the shared policy and turn a rule off', async () => {
    const dir = makeProject({
      'dockwright.policy.yaml': policy,
      'api/service.dockerfile.ts': compliant,
      'legacy/dockwright.policy.yaml': '# legacy runs as www-data until it moves to the new base (TICKET-42)\nextends: ../dockwright.policy.yaml\nrequireDigests: false\nrequireNumericUser: false\nforbiddenPackages: { allow: [sudo] }\nrules:\n  DW6020: off\n  DW5017: off\n',
      'legacy/service.dockerfile.ts': breaking,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse((await runCli(cli, ['render', '--check', '--json'], dir)).stdout) as { targets: { file: string; policy?: string }[] };
    expect(json.targets.map((t) => [t.file, t.policy])).toEqual([
      ['api/service.dockerfile.ts', 'dockwright.policy.yaml'],
      ['legacy/service.dockerfile.ts', 'legacy/dockwright.policy.yaml'],
    ]);
  });

  it('a policy published in a package, named by `extends`', async () => {
    const dir = makeProject({
      'node_modules/@acme/dockwright-presets/package.json': JSON.stringify({ name: '@acme/dockwright-presets', version: '1.0.0' }),
      'node_modules/@acme/dockwright-presets/dockwright.policy.yaml': 'allowedRegistries: [registry.acme.example]\n',
      'dockwright.policy.yaml': 'extends: "@acme/dockwright-presets"\n',
      'api/service.dockerfile.ts': compliant,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  ✖ DW1009 image "debian:12.8-slim@sha256:bbbb');
    expect(run.stderr).toContain("→ use an image from registry.acme.example, or add its registry to the policy's allowedRegistries\n");
  });

  it('no policy file: nothing is checked', async () => {
    const dir = makeProject({ 'legacy/service.dockerfile.ts': breaking });
    const run = await runCli(cli, ['render', '--json'], dir);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { targets: { policy?: string }[] }).targets[0]?.policy).toBeUndefined();
  });
});

describe('with a lockfile', () => {
  it('the policy judges what is written: images locked in dockwright.lock.yaml are pinned', async () => {
    const target = `import { dockerfile, stage } from '@dockwright/core';

export default dockerfile(stage('app').from('debian:12.8-slim').locked().healthcheck('none').user(10001));
`;
    const lockfile = formatLockfile({
      version: 1,
      images: { 'docker.io/library/debian:12.8-slim': { digest: DIGEST, mediaType: 'application/vnd.oci.image.index.v1+json', platforms: ['linux/amd64'] } },
    });
    const dir = makeProject({ 'dockwright.policy.yaml': 'requireDigests: true\n', 'app.dockerfile.ts': target, 'dockwright.lock.yaml': lockfile });
    const run = await runCli(cli, ['render'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain(`FROM debian:12.8-slim@${DIGEST} AS app`);
  });
});

describe('a broken policy file', () => {
  it('is a configuration error: file:line:column, code and hint for each problem; nothing is rendered; exit 2', async () => {
    const dir = makeProject({
      'dockwright.policy.yaml': 'requireDigest: true\nforbidRoot: yes\nrules:\n  DW5017: warnings\n',
      'api/service.dockerfile.ts': compliant,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`✖ DWP1003 unknown setting "requireDigest" (at dockwright.policy.yaml:1:1)
  → did you mean requireDigests?
✖ DWP1003 forbidRoot is "yes", expected true or false (at dockwright.policy.yaml:2:13)
  → forbidRoot (DW3008): the final stage never runs as root, not even with allowRoot(reason).
✖ DWP1003 rules.DW5017 is "warnings", not one of off, info, warn, warning, error (at dockwright.policy.yaml:4:11)
  → write off, info, warn or error
`);
    expect(existsSync(join(dir, 'api/Dockerfile'))).toBe(false);
  });

  it('YAML syntax and a missing extends, in --json as a usage error', async () => {
    const dir = makeProject({
      'dockwright.policy.yaml': 'extends: ./base.policy.yaml\n',
      'api/dockwright.policy.yaml': 'requiredLabels: [a, b\n',
      'api/service.dockerfile.ts': compliant,
      'web/service.dockerfile.ts': compliant,
    });
    const run = await runCli(cli, ['render', '--json'], dir);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: 1,
      command: 'render',
      ok: false,
      exitCode: 2,
      issues: [
        { code: 'DWP1002', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', hint: 'fix the YAML syntax at this place', path: {}, location: 'api/dockwright.policy.yaml:2:1' },
        { code: 'DWP1004', message: 'extends "./base.policy.yaml": no such file', hint: 'fix the path; it is relative to this policy file', path: {}, location: 'dockwright.policy.yaml:1:10' },
      ],
    });
  });
});
