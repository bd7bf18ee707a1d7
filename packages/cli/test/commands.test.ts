// The commands and options of the real binary, on small temporary projects.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanup, makeProject, packageDir, runCli } from './support/cli.js';
import * as fixtures from './support/fixtures.js';

// Each run of the binary takes a few hundred milliseconds; a busy machine can make it seconds.
vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

describe('--version and --help', () => {
  it('--version and -v print the version from package.json', async () => {
    for (const flag of ['--version', '-v']) expect(await runCli(cli, [flag], packageDir)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(JSON.parse((await runCli(cli, ['--version', '--json'], packageDir)).stdout)).toEqual({ schemaVersion: 1, command: 'version', version });
  });

  it('with no command, --help and `help` print the overview', async () => {
    const help = await runCli(cli, ['--help'], packageDir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dockwright <command> [options]\n');
    expect(help.stdout).toContain('  render  write every target\'s Dockerfile and .dockerignore, or check that they are current\n');
    expect(help.stdout).toContain('  print   print one target\'s Dockerfile on stdout\n');
    expect(help.stdout).toContain('Exit codes: 0 success, 1 a check or a target failed, 2 usage or configuration error.\n');
    expect(await runCli(cli, [], packageDir)).toEqual(help);
    expect(await runCli(cli, ['help'], packageDir)).toEqual(help);
    expect(await runCli(cli, ['-h'], packageDir)).toEqual(help);
  });

  it.each(['render', 'print'])('`%s --help` lists its options and examples', async (command) => {
    const run = await runCli(cli, [command, '--help'], packageDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: dockwright ${command} `));
    for (const option of ['--cwd <dir>', '--json', '-q, --quiet', '-h, --help']) expect(run.stdout).toContain(option);
    expect(run.stdout).toContain(command === 'render' ? '--check' : '--path <path>');
    expect(run.stdout).toContain(`Examples:\n  dockwright ${command}`);
    expect(await runCli(cli, ['help', command], packageDir)).toEqual(run);
    expect(await runCli(cli, [command, '-h'], packageDir)).toEqual(run);
  });

  it('--help wins over everything else on the line, and renders nothing', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good });
    const run = await runCli(cli, ['render', '--check', '--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: dockwright render');
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });
});

describe('print', () => {
  it('prints exactly what render writes, header included, and writes nothing', async () => {
    const dir = makeProject({ 'api/app.dockerfile.ts': fixtures.good });
    const run = await runCli(cli, ['print', 'api/app.dockerfile.ts'], dir);
    expect(run).toEqual({ code: 0, stdout: fixtures.goodRendered, stderr: '' });
    expect(existsSync(join(dir, 'api/Dockerfile'))).toBe(false);
    await runCli(cli, ['render'], dir);
    expect(readFileSync(join(dir, 'api/Dockerfile'), 'utf8')).toBe(run.stdout);
  });

  it('keeps stdout for the Dockerfile: what the target prints goes to stderr', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': `console.log('loading');\n${fixtures.good}` });
    expect(await runCli(cli, ['print', 'app.dockerfile.ts'], dir)).toEqual({ code: 0, stdout: fixtures.goodRendered, stderr: 'loading\n' });
  });

  it('--json gives the text and where render writes it', async () => {
    const dir = makeProject({ 'api/app.dockerfile.ts': fixtures.good });
    const run = await runCli(cli, ['print', '--json', 'api/app.dockerfile.ts'], dir);
    expect(JSON.parse(run.stdout)).toEqual({ schemaVersion: 1, command: 'print', exitCode: 0, ok: true, file: 'api/app.dockerfile.ts', path: 'api/Dockerfile', kind: 'dockerfile', content: fixtures.goodRendered, warnings: [] });
  });

  it('a list needs --path; --dockerignore prints the ignore file', async () => {
    const dir = makeProject({
      'app.dockerfile.ts': `import { dockerfile, stage } from '@dockwright/core';

const base = stage('app').from('debian:12.8-slim').user(10001);
export default [
  { path: 'Dockerfile', dockerfile: dockerfile(base), dockerignore: 'node_modules\\n' },
  { path: 'docker/Dockerfile.debug', dockerfile: dockerfile(base.cmd(['bash'])) },
];
`,
    });
    expect(await runCli(cli, ['print', 'app.dockerfile.ts'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: '✖ DWC1003 app.dockerfile.ts exports 2 Dockerfiles: Dockerfile, docker/Dockerfile.debug\n  → pick one with --path, e.g. --path Dockerfile\n',
    });
    const debug = await runCli(cli, ['print', 'app.dockerfile.ts', '--path', 'docker/Dockerfile.debug'], dir);
    expect(debug).toEqual({ code: 0, stdout: '# generated by dockwright from ../app.dockerfile.ts, do not edit\n# to build, run in ..: docker build -f docker/Dockerfile.debug .\n\nFROM debian:12.8-slim AS app\nUSER 10001\nCMD ["bash"]\n', stderr: '' });
    expect(await runCli(cli, ['print', 'app.dockerfile.ts', '--path=Dockerfile', '--dockerignore'], dir)).toEqual({
      code: 0,
      stdout: '# generated by dockwright from app.dockerfile.ts, do not edit\nnode_modules\n',
      stderr: '',
    });
    expect((await runCli(cli, ['print', 'app.dockerfile.ts', '--path', 'Dockerfile.nope'], dir)).stderr).toBe(
      '✖ DWC1003 app.dockerfile.ts has no entry Dockerfile.nope\n  → pick one of Dockerfile, docker/Dockerfile.debug\n',
    );
  });
});

describe('render', () => {
  it('writes every file of a list, with a .dockerignore only where the target gives one', async () => {
    const dir = makeProject({
      'app.dockerfile.ts': `import { dockerfile, stage } from '@dockwright/core';

const base = stage('app').from('debian:12.8-slim').user(10001);
export default [
  { path: 'Dockerfile', dockerfile: dockerfile(base), dockerignore: { render: () => 'node_modules\\n' } },
  { path: 'docker/Dockerfile.debug', dockerfile: dockerfile(base.cmd(['bash'])), dockerignore: '.git\\n', context: '.' },
];
`,
    });
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 0,
      stdout: 'created Dockerfile\ncreated .dockerignore\ncreated docker/Dockerfile.debug\ncreated docker/Dockerfile.debug.dockerignore\n✔ 1 target: 4 created\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'docker/Dockerfile.debug.dockerignore'), 'utf8')).toBe('# generated by dockwright from ../app.dockerfile.ts, do not edit\n.git\n');
  });

  it('finds .ts, .mts, .js and .mjs targets, in CommonJS packages too, and skips node_modules, dist and dot-directories', async () => {
    const js = fixtures.good.replace(': string | undefined', '');
    const dir = makeProject({
      'a/app.dockerfile.ts': fixtures.good,
      'b/app.dockerfile.mts': fixtures.good,
      'c/app.dockerfile.js': js,
      'd/app.dockerfile.mjs': js,
      'e/package.json': '{ "type": "commonjs" }\n',
      'e/app.dockerfile.ts': fixtures.good,
      'dist/app.dockerfile.js': 'throw new Error("not a target")\n',
      '.cache/app.dockerfile.ts': 'throw new Error("not a target")\n',
      'other/app.ts': 'throw new Error("not a target")\n',
    });
    const run = await runCli(cli, ['render', '--quiet'], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    for (const d of ['a', 'b', 'c', 'd', 'e']) expect(readFileSync(join(dir, d, 'Dockerfile'), 'utf8')).toBe(fixtures.goodRendered.replace('app.dockerfile.ts', `app.dockerfile.${{ a: 'ts', b: 'mts', c: 'js', d: 'mjs', e: 'ts' }[d]}`));
  });

  it('takes files and directories as paths, and --cwd', async () => {
    const dir = makeProject({ 'a/app.dockerfile.ts': fixtures.good, 'b/app.dockerfile.ts': fixtures.good, 'c/build.ts': fixtures.good });
    expect((await runCli(cli, ['render', 'a', 'c/build.ts'], dir)).stdout).toBe('created a/Dockerfile\ncreated c/Dockerfile\n✔ 2 targets: 2 created\n');
    expect((await runCli(cli, ['render', '--cwd', dir], packageDir)).stdout).toBe('created b/Dockerfile\n✔ 2 targets: 1 created, 1 unchanged\n');
    expect(readFileSync(join(dir, 'c/Dockerfile'), 'utf8')).toContain('# generated by dockwright from build.ts, do not edit\n');
  });

  it('uses dockwright.config.ts: globs, outDir, dockerignore: false; paths narrow it', async () => {
    const preset = `import { dockerfile, stage } from '@dockwright/core';

export default { dockerfile: dockerfile(stage('app').from('debian:12.8-slim').user(10001)), dockerignore: 'node_modules\\n', context: '.' };
`;
    const dir = makeProject({
      'dockwright.config.ts': `import { defineConfig } from 'dockwright';

export default defineConfig({
  targets: ['services/*/service.dockerfile.ts', { file: 'tools/ci.dockerfile.ts', outDir: 'docker/ci', dockerignore: false }],
});
`,
      'services/api/service.dockerfile.ts': preset,
      'services/web/service.dockerfile.ts': preset,
      'tools/ci.dockerfile.ts': preset,
      'unlisted/app.dockerfile.ts': 'throw new Error("not listed")\n',
    });
    const only = await runCli(cli, ['render', 'services/web'], dir);
    expect(only.stdout).toBe('created services/web/Dockerfile\ncreated services/web/.dockerignore\n✔ 1 target: 2 created\n');
    const run = await runCli(cli, ['render'], dir);
    expect(run).toEqual({
      code: 0,
      stdout: 'created services/api/Dockerfile\ncreated services/api/.dockerignore\ncreated docker/ci/Dockerfile\n✔ 3 targets: 3 created, 2 unchanged\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'docker/ci/Dockerfile'), 'utf8').split('\n')[0]).toBe('# generated by dockwright from ../../tools/ci.dockerfile.ts, do not edit');
    expect(existsSync(join(dir, 'docker/ci/.dockerignore'))).toBe(false);
    expect(existsSync(join(dir, 'docker/ci/Dockerfile.dockerignore'))).toBe(false);
    expect((await runCli(cli, ['render', '--check', '--config', 'dockwright.config.ts'], dir)).stdout).toBe('✔ 3 targets: 5 files current\n');
  });
});

describe('output', () => {
  it('colour only when asked: never when piped, FORCE_COLOR turns it on, NO_COLOR keeps it off', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good });
    const plain = await runCli(cli, ['render', '--check'], dir);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('✖ Dockerfile is missing');
    const forced = await runCli(cli, ['render', '--check'], dir, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[31m✖\u001b[39m \u001b[1mDockerfile\u001b[22m is missing');
    expect(forced.stdout).toContain('\u001b[32m+FROM debian:12.8-slim AS app\u001b[39m');
    expect((await runCli(cli, ['render', '--check'], dir, { NO_COLOR: '1' })).stdout).toBe(plain.stdout);
    expect((await runCli(cli, ['render', '--check', '--json'], dir, { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });

  it('--quiet prints only problems', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good, 'bad/app.dockerfile.ts': fixtures.exportsText });
    const run = await runCli(cli, ['render', '-q'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('✖ bad/app.dockerfile.ts does not export a Dockerfile\n');
    expect(await runCli(cli, ['render', '--quiet', 'app.dockerfile.ts'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it("prints a preset's notes on stderr and lists them in --json (a project without a lockfile)", async () => {
    const target = `import { detectNode, nodePreset } from '@dockwright/presets';
export default nodePreset(detectNode(import.meta.dirname), { start: ['node', 'server.js'] });
`;
    const dir = makeProject({
      'package.json': JSON.stringify({ name: 'api', type: 'module', dependencies: { express: '4.21.2' }, scripts: { start: 'node server.js' } }),
      'server.js': '',
      'service.dockerfile.ts': target,
    });
    const run = await runCli(cli, ['render'], dir, { NO_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note service\.dockerfile\.ts: no package-lock\.json: the image installs with `npm install`/m);
    expect((await runCli(cli, ['render', '-q', '--force'], dir)).stderr).toBe('');
    const json = JSON.parse((await runCli(cli, ['render', '--json'], dir)).stdout) as { summary: { notes: number }; targets: { notes: string[] }[] };
    expect(json.summary.notes).toBe(1);
    expect(json.targets[0]?.notes[0]).toMatch(/^no package-lock\.json/);
  });

  it('--json of a successful render lists every file with its status', async () => {
    const dir = makeProject({ 'app.dockerfile.ts': fixtures.good });
    const run = await runCli(cli, ['render', '--json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: 1,
      command: 'render',
      check: false,
      ok: true,
      exitCode: 0,
      summary: { targets: 1, failed: 0, files: 1, created: 1, updated: 0, unchanged: 0, current: 0, missing: 0, stale: 0, warnings: 0, notes: 0, orphans: 0, deleted: 0 },
      targets: [{ file: 'app.dockerfile.ts', ok: true, issues: [], warnings: [], notes: [], files: [{ path: 'Dockerfile', kind: 'dockerfile', status: 'created' }] }],
      orphans: [],
    });
  });
});
