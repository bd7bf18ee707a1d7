// `dockwright lint`: the real binary on written Dockerfiles, each output format, and every
// error path with its message and exit code.
import { spawn } from 'node:child_process';
import { symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rules } from '@dockwright/core';
import { buildCli, cleanup, makeProject, runCli, type CliRun } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const clean = 'FROM debian:12.8-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["/app/run"]\n';
const broken = 'FROM node:latest\nRUN cd /app && npm ci\n';
const warnOnly = 'FROM debian:12.8-slim\nRUN sudo true\nUSER 10001\n';

function expectNoStack(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/^\s+at /m);
}

/** Runs the binary with `input` on stdin. */
function runWithStdin(args: readonly string[], cwd: string, input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('dockwright lint', () => {
  it('exits 0 on a clean Dockerfile and says so', async () => {
    const dir = makeProject({ Dockerfile: clean });
    expect(await runCli(cli, ['lint'], dir)).toEqual({ code: 0, stdout: '0 errors, 0 warnings, 0 infos in 1 file\n', stderr: '' });
  });

  it('prints each finding with file, line, column, rule and fix, and exits 1 on an error', async () => {
    const dir = makeProject({ 'services/api/Dockerfile': broken });
    const run = await runCli(cli, ['lint', 'services/api/Dockerfile'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        '✖ services/api/Dockerfile:1:1 DW1002 image "node:latest" floats with the latest tag',
        '  → pin a version, e.g. FROM node:22.11-bookworm-slim, then its digest: node:22.11-bookworm-slim@sha256:...',
        '✖ services/api/Dockerfile:1:1 DW3001 the final stage runs as root',
        '  → add USER 10001 (or a user created in the image) after the steps that need root, or waive it: # dockwright:allow DW3001 <why root is needed>',
        '⚠ services/api/Dockerfile:2:5 DW5020 RUN changes directory with cd /app',
        '  → use WORKDIR /app before the RUN',
        '2 errors, 1 warning, 0 infos in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = makeProject({ Dockerfile: warnOnly });
    const run = await runCli(cli, ['lint'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('⚠ Dockerfile:2:5 DW3005 RUN uses sudo');
  });

  it('finds the Dockerfiles under a directory, skipping node_modules and dot-directories', async () => {
    const dir = makeProject({ Dockerfile: clean, 'api/Dockerfile.dev': clean, 'web/web.Dockerfile': clean, 'node_modules/x/Dockerfile': broken, '.cache/Dockerfile': broken, 'web/notes.txt': 'x' });
    const run = await runCli(cli, ['lint', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['Dockerfile', 'api/Dockerfile.dev', 'web/web.Dockerfile']);
  });

  it('reads stdin for -', async () => {
    const dir = makeProject({});
    const run = await runWithStdin(['lint', '-'], dir, warnOnly);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('⚠ -:2:5 DW3005 RUN uses sudo');
  });

  it('reports the parser\'s problems as findings', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12\nFROBNICATE x\nUSER 1\n' });
    const run = await runCli(cli, ['lint'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✖ Dockerfile:2:1 DW0004 /m);
  });

  it('honours suppressions with a reason', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\n# dockwright:allow DW3005 the vendor installer insists\nRUN sudo true\nUSER 10001\n' });
    expect((await runCli(cli, ['lint'], dir)).stdout).toBe('0 errors, 0 warnings, 0 infos in 1 file\n');
  });

  it('--quiet prints only the problems, and no summary', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nRUN true\nRUN true\nUSER 1\n' });
    expect(await runCli(cli, ['lint', '--quiet'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--format json (and --json) prints one document with the findings as data', async () => {
    const dir = makeProject({ Dockerfile: broken });
    const run = await runCli(cli, ['lint', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { command: string; ok: boolean; exitCode: number; summary: unknown; files: { file: string; diagnostics: { rule: string; severity: string; line: number; column: number; hint: string }[] }[] };
    expect(doc).toMatchObject({ command: 'lint', ok: false, exitCode: 1, summary: { files: 1, errors: 2, warnings: 1, infos: 0 } });
    expect(doc.files[0]?.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['DW1002', 'error', 1, 1],
      ['DW3001', 'error', 1, 1],
      ['DW5020', 'warning', 2, 5],
    ]);
    expect(JSON.parse((await runCli(cli, ['--json', 'lint'], dir)).stdout)).toEqual(doc);
  });

  it('--format sarif prints a SARIF 2.1.0 log that code scanning accepts', async () => {
    const dir = makeProject({ 'app/Dockerfile': broken, 'my app/Dockerfile': 'FROM debian:12\nFROBNICATE\nUSER 1\n' });
    const run = await runCli(cli, ['lint', '--format', 'sarif'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const driver = sarifRun!.tool.driver;
    expect(driver.name).toBe('dockwright');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) expect(ids).toContain(r.id);
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(5);
      expect(['none', 'note', 'warning', 'error']).toContain(r.defaultConfiguration.level);
    }
    expect(sarifRun!.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['DW1002', 'error', 'app/Dockerfile', 1],
      ['DW3001', 'error', 'app/Dockerfile', 1],
      ['DW5020', 'warning', 'app/Dockerfile', 2],
      ['DW0004', 'error', 'my%20app/Dockerfile', 2],
    ]);
    for (const r of sarifRun!.results) {
      // ruleIndex points at the rule with that id, as the specification requires.
      expect(driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(5);
      const { region, artifactLocation } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine ?? region.startLine).toBeGreaterThanOrEqual(region.startLine);
    }
    expect(sarifRun!.originalUriBaseIds['%SRCROOT%']?.uri).toBe('./');
  });

  it('--help shows the usage, the formats and examples', async () => {
    const run = await runCli(cli, ['lint', '--help'], makeProject({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: dockwright lint [files...] [--format text|json|sarif]');
    expect(run.stdout).toContain('--format <format>');
    expect((await runCli(cli, ['help', 'lint'], makeProject({}))).stdout).toBe(run.stdout);
  });
});

describe('dockwright lint with a policy', () => {
  it('judges each file by the nearest dockwright.policy.yaml', async () => {
    const dir = makeProject({
      'dockwright.policy.yaml': 'requireDigests: true\nrules:\n  DW5018: off\n',
      'Dockerfile': 'FROM debian:12.8-slim\nRUN true\nRUN true\nUSER 10001\n',
      'legacy/dockwright.policy.yaml': 'rules:\n  DW3005: off\n',
      'legacy/Dockerfile': 'FROM debian:12.8-slim\nRUN sudo true\nUSER 10001\n',
    });
    const run = await runCli(cli, ['lint', '--format', 'json'], dir);
    const doc = JSON.parse(run.stdout) as { files: { file: string; diagnostics: { rule: string; severity: string }[] }[] };
    expect(doc.files.map((f) => [f.file, f.diagnostics.map((d) => `${d.rule} ${d.severity}`)])).toEqual([
      ['Dockerfile', ['DW1010 error']],
      ['legacy/Dockerfile', []],
    ]);
    expect(run.code).toBe(1);
  });

  it('a broken policy file: its problem with file:line:column, exit 2', async () => {
    const dir = makeProject({ 'dockwright.policy.yaml': 'requireDigests: maybe\n', Dockerfile: clean });
    const run = await runCli(cli, ['lint'], dir);
    expectNoStack(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^✖ DWP\d{4} .*\(at dockwright\.policy\.yaml:1:\d+\)\n  → /);
  });
});

describe('dockwright lint errors', () => {
  it('a path that does not exist: DWC1004, exit 2', async () => {
    const run = await runCli(cli, ['lint', 'nope/Dockerfile'], makeProject({ Dockerfile: clean }));
    expectNoStack(run);
    expect(run).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1004 no such file or directory: nope/Dockerfile\n  → check the path; it is relative to the working directory (--cwd)\n' });
  });

  it('a directory without Dockerfiles: DWC1006, exit 2', async () => {
    const run = await runCli(cli, ['lint'], makeProject({ 'src/index.ts': '' }));
    expect(run).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1006 no Dockerfile in .\n  → name files Dockerfile, Dockerfile.<name> or <name>.Dockerfile, or give the file itself\n' });
  });

  it('an unknown format: DWC1003, exit 2', async () => {
    const run = await runCli(cli, ['lint', '--format', 'xml'], makeProject({ Dockerfile: clean }));
    expect(run).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1003 --format xml is not a format\n  → write --format text, --format json, --format sarif\n' });
  });

  it('--format without a value: DWC1003, exit 2', async () => {
    const run = await runCli(cli, ['lint', '--format'], makeProject({ Dockerfile: clean }));
    expect(run).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1003 --format needs a value\n  → write --format <format>\n' });
  });

  it('an unknown option: DWC1002, exit 2, with a suggestion', async () => {
    const run = await runCli(cli, ['lint', '--fromat', 'json'], makeProject({ Dockerfile: clean }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('✖ DWC1002 unknown option --fromat\n  → did you mean --format? (run `dockwright lint --help` for the options)\n');
  });

  it('a file that cannot be read: DWC3004, exit 1, and the other files are still linted', async () => {
    const dir = makeProject({ 'a/Dockerfile': warnOnly });
    mkdirSync(join(dir, 'b'));
    symlinkSync(join(dir, 'b', 'missing'), join(dir, 'b', 'Dockerfile'));
    const run = await runCli(cli, ['lint'], dir);
    expectNoStack(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('⚠ a/Dockerfile:2:5 DW3005 RUN uses sudo');
    expect(run.stderr).toBe('✖ DWC3004 cannot read b/Dockerfile (ENOENT) (at b/Dockerfile)\n  → check that it is a readable file\n');
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine?: number } } }[];
    }[];
  }[];
}
