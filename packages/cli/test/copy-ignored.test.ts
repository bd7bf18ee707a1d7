// DW6025 through the real binary: render refuses a COPY of what the ignore file keeps out of the
// build context (the one it writes, or the one BuildKit would read), writes nothing for that
// target, and lint reads the ignore file beside a Dockerfile.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanup, makeProject, repoRoot, runCli } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const target = (ignore: string | undefined) => `import { dockerfile, stage } from '@dockwright/core';

const file = dockerfile(stage('app').from('debian:12.8-slim').copy('certs/acme-ca.pem', '/etc/ssl/certs/acme-ca.pem').user(10001));
export default ${ignore === undefined ? 'file' : `{ dockerfile: file, dockerignore: ${JSON.stringify(ignore)} }`};
`;

describe('render and DW6025', () => {
  it('refuses a COPY that the ignore file it writes excludes, and writes nothing of the target', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': target('**/*.pem\n') });
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✖ DW6025 COPY of certs/acme-ca.pem, which the .dockerignore excludes (line 2: **/*.pem): it is not in the build context, so the build cannot find it (stage "app", COPY #1)');
    expect(run.stderr).toContain('→ let it in with an exception after that line (!certs/acme-ca.pem;');
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(false);
  });

  it('renders once an exception after the pattern lets the file in', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': target('**/*.pem\n!certs/acme-ca.pem\n') });
    const run = await runCli(cli, ['render'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toContain('!certs/acme-ca.pem\n');
  });

  it("checks a target that writes no ignore file against the user's own, as BuildKit reads it", async () => {
    const own = makeProject({ 'app.dockerfile.ts': target(undefined), '.dockerignore': '# ours\ncerts\n' });
    const refused = await runCli(cli, ['render'], own);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('DW6025 COPY of certs/acme-ca.pem, which the .dockerignore excludes (line 2: certs)');
    const beside = makeProject({ 'app.dockerfile.ts': target(undefined), '.dockerignore': 'certs\n', 'Dockerfile.dockerignore': '*.log\n' });
    expect((await runCli(cli, ['render'], beside)).code).toBe(0);
  });

  it('lint finds it with the .dockerignore beside the Dockerfile', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nCOPY acme-ca.pem /etc/ssl/certs/\nUSER 10001\n', '.dockerignore': '**/*.pem\n' });
    const run = await runCli(cli, ['lint', 'Dockerfile'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('DW6025 COPY of acme-ca.pem, which the .dockerignore excludes (line 1: **/*.pem)');
    const none = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nCOPY acme-ca.pem /etc/ssl/certs/\nUSER 10001\n' });
    expect((await runCli(cli, ['lint', 'Dockerfile'], none)).stdout).not.toContain('DW6025');
  });

  it("renders the organisation preset example, whose CA certificate the preset's **/*.pem would keep out but for its exception", async () => {
    const dir = makeProject({}, join(repoRoot, 'examples', 'org-presets'));
    const run = await runCli(cli, ['render', '--check'], dir);
    expect(run.code, run.stderr).toBe(0);
    const presets = join(dir, 'acme-presets.ts');
    writeFileSync(presets, readFileSync(presets, 'utf8').replace("'!acme-ca.pem'", "'!other.pem'"));
    const without = await runCli(cli, ['render'], dir);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('DW6025 COPY of acme-ca.pem, which the .dockerignore excludes (line 10: **/*.pem)');
  });
});
