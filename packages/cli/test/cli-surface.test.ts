// The command line as a user meets it: grouped short flags, --no-color, "did you mean" by edit
// distance, colour in lint and fmt, options that contradict each other, a stdout that cannot be
// written, and the schema version of every --json document.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JSON_SCHEMA_VERSION } from '../src/output/json-schema-version.js';
import { buildCli, cleanup, makeProject, runCli, type CliRun } from './support/cli.js';
import * as fixtures from './support/fixtures.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const ESC = '\u001b[';
const warnOnly = 'FROM debian:12.8-slim\nRUN sudo true\nUSER 10001\n';
const unformatted = 'from debian:12.8-slim\nuser 10001\n';

describe('short flags', () => {
  it('group: -qh is -q -h, before or after the command', async () => {
    const dir = makeProject({});
    const help = await runCli(cli, ['render', '--help'], dir);
    expect(help.code).toBe(0);
    expect(await runCli(cli, ['render', '-qh'], dir)).toEqual(help);
    expect(await runCli(cli, ['render', '-hq'], dir)).toEqual(help);
    expect((await runCli(cli, ['-qh'], dir)).stdout).toContain('Usage: dockwright <command> [options]');
  });

  it('-q inside a group quiets a real run', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good });
    expect(await runCli(cli, ['render', '-q'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(cli, ['render', '--check', '-q'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('--no-color', () => {
  it('turns colour off even when FORCE_COLOR asks for it, on stdout, stderr and in help', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good, 'bad/app.dockerfile.ts': fixtures.exportsText });
    const forced = await runCli(cli, ['render', '--check'], dir, { FORCE_COLOR: '1' });
    expect(forced.stdout + forced.stderr).toContain(ESC);
    const plain = await runCli(cli, ['render', '--check', '--no-color'], dir, { FORCE_COLOR: '1' });
    expect(plain.code).toBe(1);
    expect(plain.stdout + plain.stderr).not.toContain(ESC);
    expect(plain).toEqual(await runCli(cli, ['render', '--check'], dir));
    expect((await runCli(cli, ['--no-color', '--help'], dir, { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await runCli(cli, ['lnit', '--no-color'], dir, { FORCE_COLOR: '1' })).stderr).not.toContain(ESC);
  });
});

describe('an unknown command', () => {
  it.each([
    ['lnit', 'lint'],
    ['rendr', 'render'],
    ['lcok', 'lock'],
  ])('%s: DWC1001 suggests `dockwright %s` (edit distance), exit 2', async (typed, meant) => {
    const run = await runCli(cli, [typed], makeProject({}));
    expect(run).toEqual({ code: 2, stdout: '', stderr: `✖ DWC1001 unknown command ${typed}\n  → did you mean \`dockwright ${meant}\`?\n` });
  });

  it('lists the commands when none is close, for `help <topic>` too', async () => {
    const dir = makeProject({});
    expect((await runCli(cli, ['deploy'], dir)).stderr).toBe('✖ DWC1001 unknown command deploy\n  → the commands are render, print, lint, fmt, import, lock, init, build, bake\n');
    expect((await runCli(cli, ['help', 'lnit'], dir)).stderr).toBe('✖ DWC1001 unknown command lnit\n  → did you mean `dockwright lint`?\n');
  });
});

describe('colour in lint and fmt, like the other commands', () => {
  it('lint: the mark by severity, the place and rule bold, the fix dim; plain when piped', async () => {
    const dir = makeProject({ Dockerfile: warnOnly });
    const plain = await runCli(cli, ['lint'], dir);
    expect(plain.stdout).toContain('⚠ Dockerfile:2:5 DW3005 RUN uses sudo\n');
    expect(plain.stdout).not.toContain(ESC);
    const forced = await runCli(cli, ['lint'], dir, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(`${ESC}33m⚠${ESC}39m ${ESC}1mDockerfile:2:5${ESC}22m ${ESC}1mDW3005${ESC}22m RUN uses sudo\n`);
    expect(forced.stdout).toMatch(new RegExp(`\\n  \\u001b\\[2m→ .*\\u001b\\[22m\\n`));
    expect(forced.stdout).toContain(`0 errors, ${ESC}33m1 warning${ESC}39m, 0 infos in 1 file\n`);
  });

  it('fmt: the diff of --check in colour, `formatted` in green', async () => {
    const dir = makeProject({ Dockerfile: unformatted });
    const check = await runCli(cli, ['fmt', '--check'], dir, { FORCE_COLOR: '1' });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${ESC}31m-from debian:12.8-slim${ESC}39m\n`);
    expect(check.stdout).toContain(`${ESC}32m+FROM debian:12.8-slim${ESC}39m\n`);
    expect(check.stdout).toContain(`${ESC}36m@@`);
    expect((await runCli(cli, ['fmt'], dir, { FORCE_COLOR: '1' })).stdout).toContain(`${ESC}32mformatted${ESC}39m Dockerfile\n`);
  });
});

describe('options that contradict each other', () => {
  it('lint --json --format sarif is refused (DWC1003, exit 2) as a JSON document', async () => {
    const dir = makeProject({ Dockerfile: warnOnly });
    const run = await runCli(cli, ['lint', '--json', '--format', 'sarif'], dir);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ schemaVersion: JSON_SCHEMA_VERSION, command: 'lint', ok: false, exitCode: 2, issues: [{ code: 'DWC1003', message: '--json and --format sarif ask for two different outputs' }] });
    const text = await runCli(cli, ['lint', '--format=sarif', '--json'], dir);
    expect(text.code).toBe(2);
    expect((await runCli(cli, ['lint', '--json', '--format', 'json'], dir)).code).toBe(0);
  });
});

/** Runs the binary with stdout going to /dev/full, where every write fails with ENOSPC. */
function runToDevFull(args: readonly string[], cwd: string): Promise<CliRun> {
  const full = openSync('/dev/full', 'w');
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', full, 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  }).finally(() => closeSync(full));
}

describe.skipIf(process.platform !== 'linux')('a stdout that cannot be written', () => {
  it.each([
    ['render --check', ['render', '--check']],
    ['print', ['print', 'app.dockerfile.ts']],
    ['--help', ['--help']],
  ])('%s > /dev/full: DWC3007 on stderr, exit 1, no stack trace', async (_, args) => {
    const run = await runToDevFull(args, makeProject({ 'app.dockerfile.ts': fixtures.good }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✖ DWC3007 cannot write to stdout: ENOSPC (no space left on device)\n  → check where stdout goes');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('--json documents', () => {
  it('every command\'s document carries schemaVersion', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good, Dockerfile: warnOnly, 'lint/Dockerfile': warnOnly });
    const runs = await Promise.all([
      runCli(cli, ['render', '--json'], dir),
      runCli(cli, ['print', 'app.dockerfile.ts', '--json'], dir),
      runCli(cli, ['lint', 'lint/Dockerfile', '--json'], dir),
      runCli(cli, ['fmt', '--check', 'lint/Dockerfile', '--json'], dir),
      runCli(cli, ['import', 'lint/Dockerfile', '--json'], dir),
      runCli(cli, ['lock', '--check', '--json'], dir),
      runCli(cli, ['--version', '--json'], dir),
      runCli(cli, ['render', '--bogus', '--json'], dir),
    ]);
    const documents = runs.map((r) => JSON.parse(r.stdout) as { schemaVersion: unknown; command: unknown });
    expect(documents.map((d) => [d.command, d.schemaVersion])).toEqual([
      ['render', 1],
      ['print', 1],
      ['lint', 1],
      ['fmt', 1],
      ['import', 1],
      ['lock', 1],
      ['version', 1],
      ['render', 1],
    ]);
  });
});
