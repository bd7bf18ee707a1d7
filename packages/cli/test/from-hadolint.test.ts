// `dockwright lint --from-hadolint`: a team's .hadolint.yaml, read by the real binary.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readHadolintConfig } from '@dockwright/policy';
import { buildCli, cleanup, makeProject, runCli } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const dockerfile = [
  'FROM debian:12.8-slim',
  'LABEL org.opencontainers.image.created=yesterday',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  'RUN pip install flask',
  'USER 10001',
  '',
].join('\n');

describe('reading a .hadolint.yaml', () => {
  it('maps every setting, and says what it can only approximate', () => {
    const read = readHadolintConfig(
      ['ignored: [DL3008, DL9999]', 'trustedRegistries: [ghcr.io/acme]', 'label-schema:', '  org.opencontainers.image.created: rfc3339', 'strict-labels: true', 'failure-threshold: warning', 'override:', '  error: [DL3013]', ''].join('\n'),
      '.hadolint.yaml',
    );
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('; '));
    expect(read.config.options).toEqual({
      rules: { DW5017: 'error' },
      ignore: ['DL3008', 'DL9999'],
      allowedRegistries: ['ghcr.io/acme'],
      labelSchema: { 'org.opencontainers.image.created': 'rfc3339' },
      requiredLabels: ['org.opencontainers.image.created'],
      strictLabels: true,
    });
    expect(read.config.failureThreshold).toBe('warning');
    expect(read.config.notes).toContain('DL9999 has no Dockwright twin; nothing to ignore');
    expect(read.config.notes.some((n) => n.startsWith('DL3013 sets the level of DW5017, which is also DL3008'))).toBe(true);
  });

  it('refuses a wrong setting with its line', () => {
    const read = readHadolintConfig('failure-threshold: loud\nlabel-schema:\n  a: colour\n', '.hadolint.yaml');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ['DWP1003', 3, 'colour is not a label type'],
      ['DWP1003', 1, 'loud is not a failure threshold'],
    ]);
  });
});

describe('dockwright lint --from-hadolint', () => {
  it('lints with the configuration: pins on as hadolint has them, ignored twins waived, its registries and label schema', async () => {
    const dir = makeProject({ Dockerfile: dockerfile, '.hadolint.yaml': 'ignored: [DL3008]\ntrustedRegistries: [ghcr.io]\nlabel-schema:\n  org.opencontainers.image.created: rfc3339\n' });
    const plain = await runCli(cli, ['lint', '--json'], dir);
    const rulesOf = (stdout: string) => (JSON.parse(stdout) as { files: { diagnostics: { rule: string; line: number }[] }[] }).files[0]?.diagnostics.map((d) => `${d.line} ${d.rule}`);
    expect(rulesOf(plain.stdout)).toEqual(['4 DW5018', '4 DW5016']);
    const run = await runCli(cli, ['lint', '--from-hadolint', '.hadolint.yaml', '--json'], dir);
    expect(run.code).toBe(1);
    // DW5017 on pip (DL3013) stays; on apt (DL3008) it is ignored.
    expect(rulesOf(run.stdout)).toEqual(['1 DW1009', '2 DW6021', '4 DW5018', '4 DW5016', '4 DW5017']);
  });

  it('fails at its failure-threshold, and not at all with no-fail', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN sudo true\nUSER 10001\n', 'strict.yaml': 'failure-threshold: warning\n', 'lax.yaml': 'no-fail: true\n' });
    expect((await runCli(cli, ['lint'], dir)).code).toBe(0);
    expect((await runCli(cli, ['lint', '--from-hadolint', 'strict.yaml'], dir)).code).toBe(1);
    const broken = makeProject({ Dockerfile: 'FROM node:latest\nUSER 1\n', 'lax.yaml': 'no-fail: true\n' });
    expect((await runCli(cli, ['lint'], broken)).code).toBe(1);
    expect((await runCli(cli, ['lint', '--from-hadolint', 'lax.yaml'], broken)).code).toBe(0);
  });

  it('a missing or malformed file is a usage error (exit 2) with its place', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nUSER 1\n', 'bad.yaml': 'ignored: DL3008\n' });
    const missing = await runCli(cli, ['lint', '--from-hadolint', 'nope.yaml'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file: nope.yaml')]);
    const bad = await runCli(cli, ['lint', '--from-hadolint', 'bad.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yaml:1');
    expect(bad.stderr).toContain('ignored must be a list of strings');
  });
});
