// Every error path of the real binary: the message a user sees and the exit code.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanup, makeProject, runCli, type CliRun } from './support/cli.js';
import * as fixtures from './support/fixtures.js';

// Each run of the binary takes a few hundred milliseconds; a busy machine can make it seconds.
vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

/** No user error may show a stack trace. */
function expectNoStack(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/^\s+at /m);
}

function tempFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.tmp')) found.push(join(d, e.name));
    }
  };
  walk(dir);
  return found;
}

describe('a failing target', () => {
  let dir = '';
  beforeAll(() => {
    dir = makeProject({
      'good/app.dockerfile.ts': fixtures.good,
      'throws/app.dockerfile.ts': fixtures.throws,
      'text/app.dockerfile.ts': fixtures.exportsText,
      'stage/app.dockerfile.ts': fixtures.exportsStage,
      'nodefault/app.dockerfile.ts': fixtures.noDefault,
      'rules/app.dockerfile.ts': fixtures.breaksRules,
      'syntax/app.dockerfile.ts': fixtures.syntaxError,
      'missing/app.dockerfile.ts': fixtures.missingImport,
    });
  });

  it('is reported with its file, stage, instruction, code and hint; the others are still rendered; exit 1', async () => {
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('created good/Dockerfile\n');
    expect(readFileSync(join(dir, 'good/Dockerfile'), 'utf8')).toBe(fixtures.goodRendered);
    expect(run.stderr).toBe(`✖ missing/app.dockerfile.ts failed to load
  ✖ DWC3001 Error: Cannot find package '@dockwright/presetz' imported from missing/app.dockerfile.ts
    → install the missing package, or fix the import path
✖ nodefault/app.dockerfile.ts does not export a Dockerfile
  ✖ DWC3002 the module has no default export
    → export a Dockerfile (\`export default dockerfile(finalStage)\`), a preset result (\`export default nodePreset(...)\`) or a list of { path, dockerfile }
✖ rules/app.dockerfile.ts was refused by the builder
  ✖ DW6004 WORKDIR "srv" is relative (stage "app", WORKDIR #1)
    → write an absolute path such as /app
  ✖ DW3001 the final stage "app" runs as root (stage "app")
    → call .user('app', { create: { uid: 10001 } }), .user(10001), or .allowRoot('why root is needed')
✖ stage/app.dockerfile.ts does not export a Dockerfile
  ✖ DWC3002 the module exports a stage, not a Dockerfile
    → build it: \`export default dockerfile(stage)\`
✖ syntax/app.dockerfile.ts failed to load
  ✖ DWC3001 SyntaxError: Expected ")" but found ";" (at syntax/app.dockerfile.ts:3:75)
    → fix the syntax error
✖ text/app.dockerfile.ts does not export a Dockerfile
  ✖ DWC3002 the module exports a string, not a Dockerfile
    → export the Dockerfile value itself, \`export default dockerfile(app)\`; the CLI renders it and adds the header
✖ throws/app.dockerfile.ts failed to load
  ✖ DWC3001 Error: DATABASE_URL is not set (at throws/app.dockerfile.ts:4:30)
    → fix what the module throws; \`npx tsx throws/app.dockerfile.ts\` shows the whole stack trace
✖ 7 of 8 targets failed; the other 1 target was rendered
`);
    expectNoStack(run);
    for (const name of ['throws', 'text', 'stage', 'nodefault', 'rules', 'syntax', 'missing']) expect(existsSync(join(dir, name, 'Dockerfile'))).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('--json gives every problem as data, with the phase it failed in', async () => {
    const run = await runCli(cli, ['render', '--json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { exitCode: number; summary: { failed: number }; targets: { file: string; ok: boolean; phase?: string; issues: { code: string; path: object; location?: string }[] }[] };
    expect(report.exitCode).toBe(1);
    expect(report.summary.failed).toBe(7);
    const byFile = Object.fromEntries(report.targets.map((t) => [t.file, { ok: t.ok, phase: t.phase, issues: t.issues.map((i) => [i.code, i.path, i.location]) }]));
    expect(byFile).toEqual({
      'good/app.dockerfile.ts': { ok: true, phase: undefined, issues: [] },
      'missing/app.dockerfile.ts': { ok: false, phase: 'load', issues: [['DWC3001', {}, undefined]] },
      'nodefault/app.dockerfile.ts': { ok: false, phase: 'export', issues: [['DWC3002', {}, undefined]] },
      'rules/app.dockerfile.ts': {
        ok: false,
        phase: 'build',
        issues: [
          ['DW6004', { stage: 'app', instruction: 'WORKDIR', index: 1 }, undefined],
          ['DW3001', { stage: 'app' }, undefined],
        ],
      },
      'stage/app.dockerfile.ts': { ok: false, phase: 'export', issues: [['DWC3002', {}, undefined]] },
      'syntax/app.dockerfile.ts': { ok: false, phase: 'load', issues: [['DWC3001', {}, 'syntax/app.dockerfile.ts:3:75']] },
      'text/app.dockerfile.ts': { ok: false, phase: 'export', issues: [['DWC3002', {}, undefined]] },
      'throws/app.dockerfile.ts': { ok: false, phase: 'load', issues: [['DWC3001', {}, 'throws/app.dockerfile.ts:4:30']] },
    });
  });

  it('render --check reports failing targets too, and exits 1', async () => {
    const run = await runCli(cli, ['render', '--check', 'good', 'rules'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('✖ rules/app.dockerfile.ts was refused by the builder\n  ✖ DW6004 WORKDIR "srv" is relative (stage "app", WORKDIR #1)\n');
    expect(run.stderr).toContain('✖ 1 of 2 targets failed; the other 1 target was checked\n');
  });

  it('print of a failing target prints the problem on stderr and nothing on stdout; exit 1', async () => {
    const run = await runCli(cli, ['print', 'throws/app.dockerfile.ts'], dir);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: '✖ throws/app.dockerfile.ts failed to load\n  ✖ DWC3001 Error: DATABASE_URL is not set (at throws/app.dockerfile.ts:4:30)\n    → fix what the module throws; `npx tsx throws/app.dockerfile.ts` shows the whole stack trace\n',
    });
  });
});

describe('writing', () => {
  it('two targets writing one file both fail and neither writes it (DWC3003)', async () => {
    const dir = makeProject({
      'a.dockerfile.ts': fixtures.good,
      'b.dockerfile.ts': fixtures.good,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`✖ a.dockerfile.ts could not be written
  ✖ DWC3003 Dockerfile is also written by b.dockerfile.ts
    → give the targets different outDir settings or entry paths
✖ b.dockerfile.ts could not be written
  ✖ DWC3003 Dockerfile is also written by a.dockerfile.ts
    → give the targets different outDir settings or entry paths
✖ 2 of 2 targets failed
`);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });

  it('a file that cannot be written is reported (DWC3004), the old content stays, no temporary file is left', async () => {
    const dir = makeProject({ 'ok/app.dockerfile.ts': fixtures.good, 'blocked/app.dockerfile.ts': fixtures.good });
    mkdirSync(join(dir, 'blocked/Dockerfile'));
    const run = await runCli(cli, ['render'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('created ok/Dockerfile\n');
    expect(run.stderr).toBe(`✖ blocked/app.dockerfile.ts could not be written
  ✖ DWC3004 blocked/Dockerfile: EISDIR illegal operation on a directory, read
    → check that the directory exists and is writable
✖ 1 of 2 targets failed; the other 1 target was rendered
`);
    expect(tempFiles(dir)).toEqual([]);
    expectNoStack(run);
  });

  it('writes only when the content changed, by renaming a temporary file', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good });
    expect((await runCli(cli, ['render'], dir)).stdout).toBe('created Dockerfile\n✔ 1 target: 1 created\n');
    const before = readdirSync(dir);
    const inode = statSync(join(dir, 'Dockerfile'));
    expect((await runCli(cli, ['render'], dir)).stdout).toBe('✔ 1 target: 1 unchanged\n');
    const after = statSync(join(dir, 'Dockerfile'));
    expect([after.ino, after.mtimeMs]).toEqual([inode.ino, inode.mtimeMs]);
    // Edited by hand below its generated header (a file without one is refused: overwrite.test.ts).
    writeFileSync(join(dir, 'Dockerfile'), fixtures.goodRendered.replace('USER 10001', 'USER 0'));
    expect((await runCli(cli, ['render'], dir)).stdout).toBe('updated Dockerfile\n✔ 1 target: 1 updated\n');
    expect(statSync(join(dir, 'Dockerfile')).ino).not.toBe(inode.ino);
    expect(readdirSync(dir)).toEqual(before);
  });
});

describe('rendering', () => {
  it('refuses a Dockerfile whose own text differs from what core renders from its AST (DWC3005)', async () => {
    const dir = makeProject({
      'app.dockerfile.ts': `import { dockerfile, stage } from '@dockwright/core';

const real = dockerfile(stage('app').from('debian:12.8-slim').user(10001));
export default { ...real, render: () => 'FROM debian:12.8-slim\\n' };
`,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `✖ app.dockerfile.ts failed to render
  ✖ DWC3005 Dockerfile: the Dockerfile's render() differs from what dockwright's @dockwright/core renders from its AST
    → use one version of @dockwright/core for dockwright and the targets (\`npm ls @dockwright/core\`), and export the value dockerfile() returns, unchanged
✖ 1 of 1 target failed
`,
    });
  });
});

describe('usage errors exit 2 and render nothing', () => {
  let dir = '';
  beforeAll(() => {
    dir = makeProject({ 'app.dockerfile.ts': fixtures.good, 'empty/README.md': 'nothing here\n' });
  });

  const cases: [string, string[], string][] = [
    ['an unknown command', ['rendr'], '✖ DWC1001 unknown command rendr\n  → did you mean `dockwright render`?\n'],
    ['help for an unknown command', ['help', 'frobnicate'], '✖ DWC1001 unknown command frobnicate\n  → the commands are render, print, lint, fmt, import, lock, init, build, bake\n'],
    ['an unknown option', ['render', '--chek'], '✖ DWC1002 unknown option --chek\n  → did you mean --check? (run `dockwright render --help` for the options)\n'],
    ['an unknown global option', ['--verbose', 'render'], '✖ DWC1002 unknown option --verbose\n  → run `dockwright --help` for the options\n'],
    ['an option without its value', ['render', '--cwd'], '✖ DWC1003 --cwd needs a value\n  → write --cwd <dir>\n'],
    ['a value for a flag', ['render', '--check=yes'], '✖ DWC1003 --check takes no value\n  → write --check alone\n'],
    ['print without a file', ['print'], '✖ DWC1003 print needs a target file\n  → write `dockwright print <file>`, e.g. dockwright print services/api/service.dockerfile.ts\n'],
    ['print of two files', ['print', 'a.ts', 'b.ts'], '✖ DWC1003 print takes one file, not 2\n  → print one target at a time; `dockwright render --check` covers many\n'],
    ['print of a file that does not exist', ['print', 'nope.dockerfile.ts'], '✖ DWC1004 no such file: nope.dockerfile.ts\n  → give the path of a target module, relative to the working directory\n'],
    ['a path that does not exist', ['render', 'services/nope'], '✖ DWC1004 no such file or directory: services/nope\n  → check the path; it is relative to the working directory (--cwd)\n'],
    ['a directory without targets', ['render', 'empty'], '✖ DWC1005 no targets in empty\n  → name target files *.dockerfile.ts, or list them in dockwright.config.ts\n'],
    ['a --cwd that does not exist', ['render', '--cwd', 'nowhere'], '✖ DWC1004 --cwd nowhere is not a directory\n  → give an existing directory\n'],
    ['a missing --config file', ['render', '--config', 'nope.config.ts'], '✖ DWC1004 no configuration file nope.config.ts\n  → check the path given to --config\n'],
  ];
  it.each(cases)('%s', async (_, args, stderr) => {
    const run = await runCli(cli, args, dir);
    expect(run).toEqual({ code: 2, stdout: '', stderr });
  });

  it('no targets at all', async () => {
    const run = await runCli(cli, ['render'], join(dir, 'empty'));
    expect(run).toEqual({ code: 2, stdout: '', stderr: '✖ DWC1005 no targets found\n  → name target files *.dockerfile.ts (or .mts, .js, .mjs), or list them in dockwright.config.ts\n' });
  });

  it('--json prints the problem as data on stdout', async () => {
    const run = await runCli(cli, ['render', '--chek', '--json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: 1,
      command: 'render',
      ok: false,
      exitCode: 2,
      issues: [{ code: 'DWC1002', message: 'unknown option --chek', hint: 'did you mean --check? (run `dockwright render --help` for the options)', path: {} }],
    });
  });
});

describe('configuration errors exit 2 and render nothing', () => {
  it('an invalid configuration lists every problem (DWC2002)', async () => {
    const dir = makeProject({
      'app.dockerfile.ts': fixtures.good,
      'dockwright.config.ts': `export default { target: [], targets: ['/abs/app.dockerfile.ts', { file: 'app.dockerfile.ts', outDir: 3, dockerignore: 'no' }, 7] };\n`,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `✖ DWC2002 dockwright.config.ts has an unknown key "target"
  → did you mean "targets"?
✖ DWC2002 targets[0] is absolute: /abs/app.dockerfile.ts
  → write it relative to the configuration file, so the configuration works on every machine
✖ DWC2002 targets[1].outDir must be a non-empty string
  → write a path relative to the configuration file
✖ DWC2002 targets[1].dockerignore must be true or false
  → write dockerignore: false to write no .dockerignore
✖ DWC2002 targets[2] must be a path or { file, outDir?, dockerignore? }
  → write 'services/api/service.dockerfile.ts' or { file: '...', outDir: '...' }
`,
    });
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });

  it('a configuration that exports nothing', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good, 'dockwright.config.ts': 'export const targets = [];\n' });
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "✖ DWC2002 dockwright.config.ts must default-export an object, not nothing\n  → write `export default defineConfig({ targets: [...] })` (import { defineConfig } from 'dockwright')\n",
    });
  });

  it('a configuration that throws (DWC2001)', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good, 'dockwright.config.ts': "import { defineConfig } from 'dockwright';\n\nthrow new Error('no targets for this branch');\nexport default defineConfig({});\n" });
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: '✖ DWC2001 dockwright.config.ts failed to load: Error: no targets for this branch (at dockwright.config.ts:3:7)\n  → fix dockwright.config.ts\n',
    });
  });

  it('a configured target that matches no file (DWC2003)', async () => {
    const dir = makeProject({
      'app.dockerfile.ts': fixtures.good,
      'dockwright.config.ts': "import { defineConfig } from 'dockwright';\n\nexport default defineConfig({ targets: ['app.dockerfile.ts', 'services/*/service.dockerfile.ts'] });\n",
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: '✖ DWC2003 targets[1] in dockwright.config.ts matches no file: services/*/service.dockerfile.ts\n  → fix the path or glob (relative to the configuration file), or remove the entry\n',
    });
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });
});
