// `dockwright fmt` and `dockwright import` on the real binary: output, files and exit codes,
// every error path with its message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanup, makeProject, packageDir, runCli } from './support/cli.js';

// Each run of the binary takes a few hundred milliseconds; a busy machine can make it seconds.
vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const messy = 'from debian:12.8-slim\nrun apt-get update &&   apt-get install -y curl\nuser 1000\n';
const tidy = 'FROM debian:12.8-slim\nRUN apt-get update \\\n    && apt-get install -y curl\nUSER 1000\n';
const broken = 'FROM debian:12.8-slim\nCOPY --form=build /app /app\n';
const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('node_modules')).sort();

it('the overview lists fmt and import', async () => {
  const help = await runCli(cli, ['--help'], packageDir);
  expect(help.stdout).toContain('  fmt     format written Dockerfiles in the canonical format, or check that they are\n');
  expect(help.stdout).toContain('  import  turn a written Dockerfile into TypeScript that uses the builder\n');
});

describe('dockwright fmt', () => {
  it('formats the files given, in place, and says which changed', async () => {
    const dir = makeProject({ Dockerfile: messy, 'api/Dockerfile.dev': tidy });
    expect(await runCli(cli, ['fmt', 'Dockerfile', 'api/Dockerfile.dev'], dir)).toEqual({ code: 0, stdout: 'formatted Dockerfile\n✔ 2 files: 1 formatted, 1 unchanged\n', stderr: '' });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(tidy);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('without paths, formats every Dockerfile, Dockerfile.<name> and <name>.Dockerfile below, skipping node_modules and targets', async () => {
    const dir = makeProject({ Dockerfile: messy, 'web/api.Dockerfile': messy, 'web/app.dockerfile.ts': 'export {};\n', 'node_modules/x/Dockerfile': messy });
    const run = await runCli(cli, ['fmt'], dir);
    expect(run).toEqual({ code: 0, stdout: 'formatted Dockerfile\nformatted web/api.Dockerfile\n✔ 2 files: 2 formatted\n', stderr: '' });
    expect(readFileSync(join(dir, 'node_modules/x/Dockerfile'), 'utf8')).toBe(messy);
  });

  it('--check writes nothing, prints a diff and exits 1 when a file is not formatted', async () => {
    const dir = makeProject({ Dockerfile: messy });
    const run = await runCli(cli, ['fmt', '--check'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,4 @@\n-from debian:12.8-slim\n-run apt-get update &&   apt-get install -y curl\n-user 1000\n+FROM debian:12.8-slim\n+RUN apt-get update \\\n+    && apt-get install -y curl\n+USER 1000\n',
    );
    expect(run.stderr).toBe('✖ 1 file: 1 not formatted; run `dockwright fmt` to format them\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(messy);
    expect(await runCli(cli, ['fmt', '--check'], makeProject({ Dockerfile: tidy }))).toEqual({ code: 0, stdout: '✔ 1 file: 1 unchanged\n', stderr: '' });
  });

  it('reports a file BuildKit would refuse with its line and column, leaves it, and formats the others; exit 1', async () => {
    const dir = makeProject({ 'a/Dockerfile': broken, 'b/Dockerfile': messy });
    const run = await runCli(cli, ['fmt'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('formatted b/Dockerfile\n');
    expect(run.stderr).toBe('✖ a/Dockerfile was not formatted\n  ✖ DW0007 unknown flag --form on COPY (at a/Dockerfile:2:6)\n    → COPY takes --from, --chown, --chmod, --link, --parents, --exclude\n✖ 2 files: 1 formatted, 1 failed\n');
    expect(readFileSync(join(dir, 'a/Dockerfile'), 'utf8')).toBe(broken);
  });

  it('refuses a path that does not exist and a directory without Dockerfiles; exit 2, nothing written', async () => {
    const dir = makeProject({ Dockerfile: messy, 'empty/README.md': 'x\n' });
    expect(await runCli(cli, ['fmt', 'Dockerfile', 'nope/Dockerfile', 'empty'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: '✖ DWC1004 no such file or directory: nope/Dockerfile\n  → check the path; it is relative to the working directory (--cwd)\n✖ DWC1006 no Dockerfile in empty\n  → name files Dockerfile, Dockerfile.<name> or <name>.Dockerfile, or give the file itself\n',
    });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(messy);
    const none = await runCli(cli, ['fmt'], makeProject({ 'README.md': 'x\n' }));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('✖ DWC1006 no Dockerfile in .\n');
  });

  it('--json prints one document with every file', async () => {
    const dir = makeProject({ 'a/Dockerfile': broken, 'b/Dockerfile': messy, 'c/Dockerfile': tidy });
    const run = await runCli(cli, ['fmt', '--check', '--json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { ok: boolean; exitCode: number; files: { file: string; status: string; issues?: { code: string; location: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['a/Dockerfile', 'failed'],
      ['b/Dockerfile', 'unformatted'],
      ['c/Dockerfile', 'unchanged'],
    ]);
    expect(report.files[0]?.issues?.map((i) => [i.code, i.location])).toEqual([['DW0007', 'a/Dockerfile:2:6']]);
  });

  it('--help shows the usage, the --check option and examples', async () => {
    const run = await runCli(cli, ['fmt', '--help'], packageDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: dockwright fmt \[paths\.\.\.\] \[--check\]/);
    expect(run.stdout).toContain('--check');
    expect(run.stdout).toContain('Examples:\n  dockwright fmt\n');
  });
});

describe('dockwright import', () => {
  it('prints a module that uses the builder, and reports each raw line on stderr as a coded warning with its place', async () => {
    const dir = makeProject({ Dockerfile: 'FROM debian:12.8-slim\nADD config.json /etc/app/\nUSER 1000\nCMD ["app"]\n' });
    const run = await runCli(cli, ['import', 'Dockerfile'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`import { dockerfile, stage } from '@dockwright/core';

const stage1 = stage('stage-1')
  .from('debian:12.8-slim')
  .raw('ADD config.json /etc/app/', 'imported as is')
  .user(1000)
  .cmd(['app']);

export default dockerfile(stage1);
`);
    expect(run.stderr).toBe(
      "! Dockerfile: 1 instruction kept as raw(..., 'imported as is')\n" +
        '  Dockerfile:1: the stage has no name; the builder names every stage, so it is written AS stage-1 (refer to it as --target stage-1)\n' +
        '  ⚠ DW0011 ADD config.json /etc/app/ is kept as raw(): ADD of a local file that is not an archive (at Dockerfile:2:1)\n' +
        '    → copy it with .copy(source, dest): ADD is for archives to unpack and checked downloads\n',
    );
  });

  it('refuses a missing argument, a second file and a missing file; exit 2', async () => {
    const dir = makeProject({ Dockerfile: tidy });
    expect(await runCli(cli, ['import'], dir)).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1003 import needs a Dockerfile\n  → write `dockwright import <Dockerfile>`, e.g. dockwright import Dockerfile > app.dockerfile.ts\n' });
    expect(await runCli(cli, ['import', 'Dockerfile', 'Dockerfile'], dir)).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1003 import takes one file, not 2\n  → import one Dockerfile at a time\n' });
    expect(await runCli(cli, ['import', 'nope'], dir)).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1004 no such file: nope\n  → give the path of a Dockerfile, relative to the working directory (--cwd)\n' });
  });

  it('reports a file it cannot import with the line and column; exit 1, nothing on stdout', async () => {
    const dir = makeProject({ 'Dockerfile.bad': broken, 'Dockerfile.latest': 'FROM node\nUSER node\n' });
    expect(await runCli(cli, ['import', 'Dockerfile.bad'], dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: '✖ Dockerfile.bad was not imported\n  ✖ DW0007 unknown flag --form on COPY (at Dockerfile.bad:2:6)\n    → COPY takes --from, --chown, --chmod, --link, --parents, --exclude\n',
    });
    const latest = await runCli(cli, ['import', 'Dockerfile.latest'], dir);
    expect(latest.code).toBe(1);
    expect(latest.stderr).toMatch(/^✖ Dockerfile.latest was not imported\n {2}✖ DW1001 FROM node cannot be imported: .* \(at Dockerfile.latest:1:1\)\n/);
  });

  it('--json prints the module and what was kept raw', async () => {
    const dir = makeProject({ Dockerfile: tidy });
    const run = await runCli(cli, ['import', 'Dockerfile', '--json'], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; source: string; raw: number; skipped: unknown[]; issues: unknown[] };
    expect(report).toMatchObject({ ok: true, raw: 0, skipped: [], issues: [] });
    expect(report.source).toContain(".run(\n    'apt-get update ' +\n    '&& apt-get install -y curl',\n  )");

    const shell = await runCli(cli, ['import', 'Dockerfile.shell', '--json'], makeProject({ 'Dockerfile.shell': 'FROM debian:12.8-slim\nUSER 1000\nCMD app --serve\n' }));
    expect((JSON.parse(shell.stdout) as { issues: unknown[] }).issues).toEqual([
      {
        code: 'DW0011',
        message: 'CMD app --serve is kept as raw(): CMD in shell form: the builder writes exec form only',
        hint: "write the command as an argv, e.g. .cmd(['node', 'server.js']); a shell is ['sh', '-c', '...']",
        path: {},
        location: 'Dockerfile.shell:3:1',
      },
    ]);
  });

  it('--help shows the usage', async () => {
    const run = await runCli(cli, ['import', '--help'], packageDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: dockwright import <Dockerfile>/);
  });
});
