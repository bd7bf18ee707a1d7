// `render --watch` and `build --watch` with the real binary: a change to a target module, or to
// a file it imports (an organisation's preset module), re-renders that target alone, once; an
// error is reported and the watch goes on; a fixed target renders again; SIGINT stops it (exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { optionArgs } from '../src/watch/run-watch.js';
import { buildCli, cleanup, makeProject } from './support/cli.js';
import { fakeDocker } from './support/fake-docker.js';

vi.setConfig({ testTimeout: 180_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

const preset = `import { stage } from '@dockwright/core';
export const base = () => stage('app').from('debian:12.8-slim').user(10001);
`;
const usesPreset = (cmd: string) => `import { dockerfile } from '@dockwright/core';
import { base } from '../presets/acme.ts';
export default dockerfile(base().cmd(['${cmd}']));
`;
const plain = (cmd: string) => `import { dockerfile, stage } from '@dockwright/core';
export default dockerfile(stage('app').from('debian:12.8-slim').user(10001).cmd(['${cmd}']));
`;

/** A running watch: its output so far, and a way to wait for the next round to finish. */
function start(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const base = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR']) delete base[key];
  const child: ChildProcess = spawn(process.execPath, [cli, ...args], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  /** Waits until the output holds `count` "watching" lines (one after each round); returns what came since `from`. */
  const rounds = async (count: number, from: number): Promise<string> => {
    const deadline = Date.now() + 60_000;
    while ((output.match(/^watching /gm) ?? []).length < count) {
      if (Date.now() > deadline) throw new Error(`no round ${count} in 60 s; output so far:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return output.slice(from);
  };
  return { child, exited, rounds, output: () => output };
}

describe('render --watch', () => {
  it('re-renders a target once when it changes, and when a file it imports does; survives an error', async () => {
    const dir = makeProject({ 'presets/acme.ts': preset, 'a/app.dockerfile.ts': usesPreset('/a'), 'b/app.dockerfile.ts': plain('/b') });
    const w = start(['render', '--watch'], dir);
    let seen = await w.rounds(1, 0);
    expect(seen).toMatch(/^created a\/Dockerfile\ncreated b\/Dockerfile\n✔ 2 targets: 2 created\nwatching 2 targets and \d+ files they import; Ctrl-C stops\n$/);

    let mark = w.output().length;
    writeFileSync(join(dir, 'a/app.dockerfile.ts'), usesPreset('/a2'));
    seen = await w.rounds(2, mark);
    expect(seen).toMatch(/^↻ a\/app\.dockerfile\.ts changed: re-rendering a\/app\.dockerfile\.ts\nupdated a\/Dockerfile\n✔ 1 target: 1 updated\nwatching /);
    expect(readFileSync(join(dir, 'a/Dockerfile'), 'utf8')).toContain('CMD ["/a2"]');

    mark = w.output().length;
    writeFileSync(join(dir, 'presets/acme.ts'), preset.replace('10001', '10002'));
    seen = await w.rounds(3, mark);
    expect(seen).toMatch(/^↻ presets\/acme\.ts changed: re-rendering a\/app\.dockerfile\.ts\nupdated a\/Dockerfile\n✔ 1 target: 1 updated\nwatching /);
    expect(readFileSync(join(dir, 'a/Dockerfile'), 'utf8')).toContain('USER 10002');

    mark = w.output().length;
    writeFileSync(join(dir, 'b/app.dockerfile.ts'), 'export default dockerfile(\n');
    seen = await w.rounds(4, mark);
    expect(seen).toContain('↻ b/app.dockerfile.ts changed: re-rendering b/app.dockerfile.ts\n✖ b/app.dockerfile.ts failed to load\n  ✖ DWC3001 SyntaxError');

    mark = w.output().length;
    writeFileSync(join(dir, 'b/app.dockerfile.ts'), plain('/b2'));
    seen = await w.rounds(5, mark);
    expect(seen).toMatch(/^↻ b\/app\.dockerfile\.ts changed: re-rendering b\/app\.dockerfile\.ts\nupdated b\/Dockerfile\n✔ 1 target: 1 updated\nwatching /);

    // One round per change, and nothing else re-rendered.
    expect(w.output().match(/^↻ /gm)).toHaveLength(4);
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  });

  it('refuses --check and --prune', async () => {
    const dir = makeProject({ 'a/app.dockerfile.ts': plain('/a') });
    const w = start(['render', '--watch', '--check'], dir);
    expect(await w.exited).toBe(2);
    expect(w.output()).toBe('✖ DWC1003 --watch cannot be used with --check\n  → watch with `dockwright render --watch`; check once with `dockwright render --check`\n');
  });
});

describe('build --watch', () => {
  it('renders and builds again only the target that changed, with the options given', async () => {
    const dir = makeProject({ 'a/app.dockerfile.ts': plain('/a'), 'b/app.dockerfile.ts': plain('/b') });
    const fake = fakeDocker({ seconds: 0 });
    const w = start(['build', '--watch', '--tag', 'acme/{name}:1'], dir, { DOCKWRIGHT_DOCKER: fake.client });
    await w.rounds(1, 0);
    expect(fake.calls().filter((c) => c.startsWith('start')).map((c) => c.split(' ')[1]).sort()).toEqual(['acme/a:1', 'acme/b:1']);
    const mark = w.output().length;
    writeFileSync(join(dir, 'b/app.dockerfile.ts'), plain('/b2'));
    const seen = await w.rounds(2, mark);
    expect(seen).toMatch(/^↻ b\/app\.dockerfile\.ts changed: rebuilding b\/app\.dockerfile\.ts\nupdated b\/Dockerfile\nbuilding b\n/);
    expect(seen).toMatch(/built {3}b {2}\d+\.\ds {2}acme\/b:1 /);
    expect(fake.calls().filter((c) => c.startsWith('start')).map((c) => c.split(' ')[1])).toEqual(expect.arrayContaining(['acme/b:1']));
    expect(fake.calls().filter((c) => c.startsWith('start acme/b:1'))).toHaveLength(2);
    expect(fake.calls().filter((c) => c.startsWith('start acme/a:1'))).toHaveLength(1);
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  });

  it('passes every option on to each run, not --watch or --cwd', () => {
    expect(optionArgs({ options: { watch: true, cwd: 'x', tag: 'b', push: true, 'build-arg': 'A=-1' }, lists: { tag: ['a', 'b'], 'build-arg': ['A=-1'] } })).toEqual(['--tag=a', '--tag=b', '--push', '--build-arg=A=-1']);
  });
});
