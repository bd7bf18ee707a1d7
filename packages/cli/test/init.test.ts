// `dockwright init` on copies of the real-build fixtures (npm, pnpm and yarn workspaces, a Go
// module with two commands, a single app) and on a static binary: what it finds, the target
// modules it writes (they type-check and render), and that it never overwrites a file.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isStaticExecutable } from '../src/init/static-binary.js';
import { buildCli, cleanup, makeProject, repoRoot, runCli } from './support/cli.js';
import { nodeImageFor } from '@dockwright/presets';

/** The fixture's engines.node is `>=20`: the preset's pinned image of the newest LTS it allows. */
const pinnedNode = (() => {
  const choice = nodeImageFor('>=20');
  if (!('tag' in choice)) throw new Error(choice.problem);
  return choice.tag;
})();

vi.setConfig({ testTimeout: 120_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const fixture = (name: string) => join(repoRoot, 'e2e', 'fixtures', name);

/** The smallest static ELF64 executable: a header and one PT_LOAD program header, no PT_INTERP. */
function staticElf(withInterpreter = false): Buffer {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header[4] = 2; // 64-bit
  header[5] = 1; // little endian
  header[6] = 1;
  header.writeUInt16LE(2, 16); // ET_EXEC
  header.writeUInt16LE(0x3e, 18); // x86-64
  header.writeUInt32LE(1, 20);
  header.writeBigUInt64LE(0x400078n, 24); // entry
  header.writeBigUInt64LE(64n, 32); // phoff
  header.writeUInt16LE(64, 52);
  header.writeUInt16LE(56, 54);
  header.writeUInt16LE(withInterpreter ? 2 : 1, 56);
  const load = Buffer.alloc(56);
  load.writeUInt32LE(1, 0); // PT_LOAD
  const interp = Buffer.alloc(56);
  interp.writeUInt32LE(3, 0); // PT_INTERP
  return Buffer.concat([header, load, ...(withInterpreter ? [interp] : [])]);
}

/**
 * Type-checks files with the repository's strict settings; returns the messages. The projects
 * link the packages' JavaScript builds (support/global-setup.ts), which carry no declarations:
 * the packages' types are read from their sources, as the published declarations are made.
 */
function typeErrors(files: readonly string[]): string[] {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const sources = { '@dockwright/core': [join(repoRoot, 'packages/core/src/index.ts')], '@dockwright/presets': [join(repoRoot, 'packages/presets/src/index.ts')] };
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true, paths: sources });
  return files.flatMap((f) => {
    const source = program.getSourceFile(f);
    return source === undefined ? [`${f} not in the program`] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => `${f}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  });
}

describe('static executables', () => {
  it('are ELF files without a dynamic loader', () => {
    const dir = makeProject({});
    writeFileSync(join(dir, 'static'), staticElf());
    writeFileSync(join(dir, 'dynamic'), staticElf(true));
    writeFileSync(join(dir, 'script'), '#!/bin/sh\necho hi\n');
    expect(isStaticExecutable(join(dir, 'static'))).toBe(true);
    expect(isStaticExecutable(join(dir, 'dynamic'))).toBe(false);
    expect(isStaticExecutable(join(dir, 'script'))).toBe(false);
    expect(isStaticExecutable(process.execPath)).toBe(false);
    expect(isStaticExecutable(join(dir, 'missing'))).toBe(false);
  });
});

describe('dockwright init', () => {
  it('writes one target per service of a pnpm workspace, leaves the library out, and the targets type-check and render', async () => {
    const dir = makeProject({}, fixture('node-pnpm-monorepo'));
    const run = await runCli(cli, ['init', '--yes'], dir);
    expect(run).toEqual({
      code: 0,
      stdout: [
        'created services/api/service.dockerfile.ts  Node service of a pnpm workspace, built from its root ../..',
        'created services/worker/service.dockerfile.ts  Node service of a pnpm workspace, built from its root ../..',
        'left out packages/shared: no start script: a library, not a service',
        '✔ 2 targets written; next:',
        '  npx dockwright render',
        '  npx dockwright build',
        '',
      ].join('\n'),
      stderr: '',
    });
    const api = readFileSync(join(dir, 'services/api/service.dockerfile.ts'), 'utf8');
    expect(api).toContain(`images: { node: image('${pinnedNode}') },`);
    expect(api).toContain("start: ['node', 'dist/server.js'],");
    expect(api).toContain("packageManagerSetup: 'npm',");
    expect(typeErrors([join(dir, 'services/api/service.dockerfile.ts'), join(dir, 'services/worker/service.dockerfile.ts')])).toEqual([]);
    const render = await runCli(cli, ['render'], dir);
    expect(render.code, render.stderr).toBe(0);
    const dockerfile = readFileSync(join(dir, 'services/api/Dockerfile'), 'utf8');
    expect(dockerfile).toContain('# to build, run in ../..: docker build -f services/api/Dockerfile .');
    expect(dockerfile).toContain(`FROM ${pinnedNode} AS base`);
    expect(dockerfile).toContain('npm install -g pnpm@10.34.8\n');
  });

  it('never overwrites: a second run leaves every file as it is, says so (DWC6002) and exits 1', async () => {
    const dir = makeProject({}, fixture('node-npm-monorepo'));
    expect((await runCli(cli, ['init', '--yes'], dir)).code).toBe(0);
    const file = join(dir, 'services/api/service.dockerfile.ts');
    writeFileSync(file, '// mine\n');
    const again = await runCli(cli, ['init', '--yes'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      [
        '✖ DWC6002 services/api/service.dockerfile.ts exists; init left it as it is',
        '  → edit it, or delete it and run `dockwright init` again to have it written anew',
        '✖ DWC6002 services/worker/service.dockerfile.ts exists; init left it as it is',
        '  → edit it, or delete it and run `dockwright init` again to have it written anew',
        '✖ no target written',
        '',
      ].join('\n'),
    );
    expect(readFileSync(file, 'utf8')).toBe('// mine\n');
    // Another target module in a directory counts too: its Dockerfile would be written twice.
    const other = makeProject({ 'api.dockerfile.ts': '// mine\n' }, fixture('node-npm'));
    const clash = await runCli(cli, ['init', '--yes', '--json'], other);
    expect(clash.code).toBe(1);
    expect(JSON.parse(clash.stdout)).toMatchObject({ ok: false, targets: [{ file: 'service.dockerfile.ts', status: 'exists' }], issues: [{ code: 'DWC6002', message: '. has a target already, api.dockerfile.ts; init left it as it is' }] });
    expect(existsSync(join(other, 'service.dockerfile.ts'))).toBe(false);
  });

  it.each(['node-npm-monorepo', 'node-yarn-monorepo'])('%s: each service, with the workspace root as its context', async (name) => {
    const dir = makeProject({}, fixture(name));
    const run = await runCli(cli, ['init', '--yes', '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const manager = name.includes('yarn') ? 'yarn (classic)' : 'npm';
    expect(JSON.parse(run.stdout)).toMatchObject({
      command: 'init',
      ok: true,
      targets: [
        { file: 'services/api/service.dockerfile.ts', kind: 'node', status: 'created', description: `Node service of a ${manager} workspace, built from its root ../..`, dockerfiles: ['services/api/Dockerfile'] },
        { file: 'services/worker/service.dockerfile.ts', kind: 'node', status: 'created' },
      ],
      skipped: [{ dir: 'packages/shared', reason: 'no start script: a library, not a service' }],
    });
    const dry = await runCli(cli, ['build', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('-f services/api/Dockerfile -t api:dev .\n');
  });

  it('a Go module with two commands: one target each, beside go.mod, each writing its own Dockerfile', async () => {
    const dir = makeProject({}, fixture('go-two-commands'));
    const run = await runCli(cli, ['init', '--yes'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('created api.dockerfile.ts  Go module example.com/shop, command ./cmd/api\ncreated worker.dockerfile.ts  Go module example.com/shop, command ./cmd/worker\n');
    expect(run.stdout).toContain('✔ 2 targets written; next:\n  npx dockwright render\n  npx dockwright build\n');
    expect(typeErrors([join(dir, 'api.dockerfile.ts'), join(dir, 'worker.dockerfile.ts')])).toEqual([]);
    const dry = await runCli(cli, ['build', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('# api: Dockerfile.api\n');
    expect(dry.stdout).toContain('# worker: Dockerfile.worker\n');
    expect(readFileSync(join(dir, 'Dockerfile.api'), 'utf8')).toContain('FROM --platform=$BUILDPLATFORM golang:1.19.13-bookworm AS build');
  });

  it('a Maven project: one target with the release the pom names, rendering the Java preset', async () => {
    const dir = makeProject({}, fixture('java-maven-http'));
    const run = await runCli(cli, ['init', '--yes'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('created service.dockerfile.ts  Java app hello (Maven)\n');
    const text = readFileSync(join(dir, 'service.dockerfile.ts'), 'utf8');
    expect(text).toContain("javaVersion: '17',");
    expect(text).toContain("runtime: 'jlink',");
    expect(text).not.toContain('mainClass');
    expect(typeErrors([join(dir, 'service.dockerfile.ts')])).toEqual([]);
    const dry = await runCli(cli, ['build', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('FROM eclipse-temurin:17.0.13_11-jdk-jammy AS deps');
    expect(dockerfile).toContain('FROM deps AS build');
    expect(dockerfile).toContain('"com.example.hello.Main"]');
  });

  it('a bun app: its target names the bun image of the version package.json pins, and renders on it', async () => {
    const dir = makeProject({
      'package.json': JSON.stringify({ name: 'bun-app', packageManager: 'bun@1.2.3', scripts: { start: 'bun src/index.js' } }),
      'bun.lock': '{ "lockfileVersion": 1, "workspaces": { "": { "name": "bun-app" } }, "packages": {} }\n',
      'src/index.js': 'Bun.serve({ port: 3000, fetch: () => new Response("ok") });\n',
    });
    const run = await runCli(cli, ['init', '--yes'], dir);
    expect(run.code, run.stderr).toBe(0);
    const target = readFileSync(join(dir, 'service.dockerfile.ts'), 'utf8');
    expect(target).toContain("images: { bun: image('oven/bun:1.2.3-slim') },");
    expect(target).not.toContain('images: { node:');
    expect(typeErrors([join(dir, 'service.dockerfile.ts')])).toEqual([]);
    const dry = await runCli(cli, ['build', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('FROM oven/bun:1.2.3-slim');
    expect(dockerfile).not.toContain('FROM node:');
  });

  it('says how to install the packages where the targets cannot import them yet', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'dockwright-init-bare-'));
    try {
      cpSync(fixture('go-two-commands'), bare, { recursive: true });
      const go = await runCli(cli, ['init', '--yes'], bare);
      expect(go.stdout).toContain('✔ 2 targets written; next:\n  npm init -y\n  npm install --save-dev dockwright @dockwright/core @dockwright/presets\n  npx dockwright render\n');
      rmSync(join(bare, 'api.dockerfile.ts'));
      rmSync(join(bare, 'worker.dockerfile.ts'));
      writeFileSync(join(bare, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
      writeFileSync(join(bare, 'package.json'), '{}\n');
      expect((await runCli(cli, ['init', '--yes'], bare)).stdout).toContain('next:\n  pnpm add -D dockwright @dockwright/core @dockwright/presets\n');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('a single app, a static binary, a start script that is not `node <file>`, and a hand-written Dockerfile', async () => {
    const app = makeProject({ Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n' }, fixture('node-npm'));
    const run = await runCli(cli, ['init', '--yes'], app);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created service.dockerfile.ts  Node app (npm)\n');
    expect(run.stderr).toBe(
      '⚠ DWC6003 Dockerfile was written by hand; `dockwright render` leaves it as it is (DWC3008) until `dockwright render --force` replaces it with what service.dockerfile.ts renders\n  → compare first: `dockwright import Dockerfile` turns it into builder code, and `dockwright print service.dockerfile.ts` shows what render would write\n',
    );

    const bin = makeProject({});
    writeFileSync(join(bin, 'server'), staticElf());
    chmodSync(join(bin, 'server'), 0o755);
    const binary = await runCli(cli, ['init', '--yes'], bin);
    expect(binary.code, binary.stderr).toBe(0);
    expect(binary.stdout).toContain('created service.dockerfile.ts  static binary server\n');
    expect(typeErrors([join(bin, 'service.dockerfile.ts')])).toEqual([]);
    expect((await runCli(cli, ['render'], bin)).code).toBe(0);
    expect(readFileSync(join(bin, 'Dockerfile'), 'utf8')).toContain('COPY --chmod=755 server /server\nUSER 65532:65532\nENTRYPOINT ["/server"]\n');

    const next = makeProject({ 'package.json': '{ "name": "site", "scripts": { "start": "next start" } }\n' });
    const framework = await runCli(cli, ['init', '--yes'], next);
    expect(framework.code).toBe(0);
    expect(framework.stderr).toBe('⚠ could not read how site starts ("next start"): check start in its target\n');
    expect(readFileSync(join(next, 'service.dockerfile.ts'), 'utf8')).toContain('// The start script "next start" is not a plain `node <file>`: say what starts the app.\n');
  });

  it('on a terminal, shows the plan and asks: no, Ctrl-D and Ctrl-C write nothing (exit 1); Enter writes', async () => {
    /** init under `script`, which gives it a terminal; `keys` are typed once the question is asked. */
    const onTerminal = (dir: string, keys: string) =>
      new Promise<{ code: number | null; screen: string }>((resolve) => {
        const child = spawn('script', ['-qec', `${process.execPath} ${cli} init`, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
        let screen = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          screen += chunk;
          if (screen.includes('[Y/n] ') && keys !== '') {
            child.stdin.write(keys);
            keys = '';
          }
        });
        child.on('close', (code) => resolve({ code, screen: screen.replaceAll('\r\n', '\n') }));
      });
    const dir = makeProject({}, fixture('node-npm'));
    for (const keys of ['n\r', '\u0004', '\u0003']) {
      const run = await onTerminal(dir, keys);
      expect(run.screen).toContain('dockwright init will write:\n  service.dockerfile.ts  Node app (npm)\n');
      expect(run.screen).toContain('✖ DWC6002 nothing was written: the plan was declined\n');
      expect(run.code).toBe(1);
      expect(existsSync(join(dir, 'service.dockerfile.ts'))).toBe(false);
    }
    const yes = await onTerminal(dir, '\r');
    expect(yes.screen).toContain('created service.dockerfile.ts  Node app (npm)\n');
    expect(yes.code).toBe(0);
    expect(existsSync(join(dir, 'service.dockerfile.ts'))).toBe(true);
  });

  it('finds nothing in an empty directory: DWC6001, exit 2, nothing written', async () => {
    const dir = makeProject({ 'README.md': '# nothing\n' });
    const run = await runCli(cli, ['init'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^✖ DWC6001 no Node, Go, Python, Rust, Java or static-binary project found in \. \(left out: \., no start script or main: a library, not a service\)\n/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });
});

describe('dockwright init, Python and Rust', () => {
  it('a Python app (pip, stdlib only): its target names the pinned interpreter and python -m, type-checks and renders', async () => {
    const dir = makeProject({}, fixture('python-stdlib'));
    const run = await runCli(cli, ['init', '--yes'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('created service.dockerfile.ts  Python app (pip)\n');
    const target = readFileSync(join(dir, 'service.dockerfile.ts'), 'utf8');
    expect(target).toContain("images: { python: image('python:3.11.11-slim-bookworm') },");
    expect(target).toContain("module: 'app',");
    expect(typeErrors([join(dir, 'service.dockerfile.ts')])).toEqual([]);
    const dry = await runCli(cli, ['build', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(text).toContain('FROM python:3.11.11-slim-bookworm AS build');
    expect(text).toContain('CMD ["python", "-m", "app"]');
  });

  it('a Rust crate: its target names the pinned toolchain and the binary; a Cargo workspace root is left out, its member found', async () => {
    const dir = makeProject({}, fixture('rust-stdlib'));
    const run = await runCli(cli, ['init', '--yes'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('created service.dockerfile.ts  Rust crate hello-http, binary hello-http\n');
    expect(typeErrors([join(dir, 'service.dockerfile.ts')])).toEqual([]);
    const dry = await runCli(cli, ['build', '--dry-run'], dir);
    expect(dry.code, dry.stderr).toBe(0);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(text).toContain('FROM rust:1.63.0-bookworm AS build');
    expect(text).toContain('ENTRYPOINT ["/usr/local/bin/hello-http"]');

    const ws = makeProject({ 'Cargo.toml': '[workspace]\nmembers = ["crates/api"]\n' });
    cpSync(fixture('rust-stdlib'), join(ws, 'crates/api'), { recursive: true });
    const inWs = await runCli(cli, ['init', '--yes', '--json'], ws);
    expect(inWs.code, inWs.stderr).toBe(0);
    expect(inWs.stdout).toContain('crates/api/service.dockerfile.ts');
    expect(existsSync(join(ws, 'service.dockerfile.ts'))).toBe(false);
  });
});
