// docs/cli.md shows what the CLI writes for its first example. docs/docs.test.ts runs the example
// itself; this test runs the real binary on it and compares with the Dockerfile the guide shows.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { cliCodes } from '../src/errors/cli-codes.js';
import { buildCli, cleanup, makeProject, repoRoot, runCli } from './support/cli.js';
import { guideProject, readGuide } from './support/getting-started.js';

// Each run of the binary takes a few hundred milliseconds; a busy machine can make it seconds.
vi.setConfig({ testTimeout: 60_000 });

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
afterAll(cleanup);

it('docs/cli.md shows the Dockerfile `dockwright render` writes for its first example', async () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const marker = guide.indexOf('<!-- checked by packages/cli/test/docs.test.ts');
  expect(marker).toBeGreaterThan(0);
  const source = /```ts\n([\s\S]*?)```\s*$/.exec(guide.slice(0, marker))?.[1];
  const shown = /```dockerfile\n([\s\S]*?)```/.exec(guide.slice(marker))?.[1];
  expect(source).toBeDefined();
  const dir = makeProject({ 'services/api/service.dockerfile.ts': source ?? '' });
  expect(await runCli(cli, ['render'], dir)).toEqual({ code: 0, stdout: 'created services/api/Dockerfile\n✔ 1 target: 1 created\n', stderr: '' });
  expect(readFileSync(join(dir, 'services/api/Dockerfile'), 'utf8')).toBe(shown);
});

it('docs/policy.md shows what `dockwright render` prints for its first policy and target', async () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'policy.md'), 'utf8');
  const marker = guide.indexOf('<!-- checked by packages/cli/test/docs.test.ts');
  expect(marker).toBeGreaterThan(0);
  const before = guide.slice(guide.indexOf('## A first policy'), marker);
  const policy = /```yaml\n([\s\S]*?)```/.exec(before)?.[1];
  const source = /```ts\n([\s\S]*?)```/.exec(before)?.[1];
  const shown = /```text\n([\s\S]*?)```/.exec(guide.slice(marker))?.[1];
  expect(policy).toMatch(/^# dockwright.policy.yaml\n/);
  const dir = makeProject({ 'dockwright.policy.yaml': policy ?? '', 'services/api/service.dockerfile.ts': source ?? '' });
  expect(await runCli(cli, ['render'], dir)).toEqual({ code: 1, stdout: '', stderr: shown });
});

it('docs/cli.md shows what `dockwright render --check` prints for a Dockerfile whose target module was deleted', async () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const source = /```ts\n([\s\S]*?)```/.exec(guide)?.[1];
  const marker = guide.indexOf('<!-- checked by packages/cli/test/docs.test.ts: a generated file whose target module was deleted -->');
  expect(marker).toBeGreaterThan(0);
  const shown = /```text\n([\s\S]*?)```/.exec(guide.slice(marker))?.[1];
  const dir = makeProject({ 'services/api/service.dockerfile.ts': source ?? '', 'services/old/service.dockerfile.ts': source ?? '' });
  expect((await runCli(cli, ['render'], dir)).code).toBe(0);
  rmSync(join(dir, 'services/old/service.dockerfile.ts'));
  expect(await runCli(cli, ['render', '--check'], dir)).toEqual({ code: 1, stdout: '', stderr: shown });
});

it("docs/cli.md lists every CLI code with its exit code, and no other", () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const rows = [...guide.matchAll(/^\| (DWC\d{4}) \| (\d) \|/gm)].map((m) => [m[1], Number(m[2])]);
  expect(rows).toEqual(Object.entries(cliCodes).map(([code, info]) => [code, info.exit]));
});

it('docs/cli.md shows the target `dockwright init` writes for a service of a pnpm workspace', async () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const marker = guide.indexOf('<!-- init writes exactly this for e2e/fixtures/node-pnpm-monorepo');
  expect(marker).toBeGreaterThan(0);
  const shown = /```typescript\n([\s\S]*?)```\s*$/.exec(guide.slice(0, marker))?.[1];
  const dir = makeProject({}, join(repoRoot, 'e2e', 'fixtures', 'node-pnpm-monorepo'));
  expect((await runCli(cli, ['init', '--yes'], dir)).code).toBe(0);
  expect(readFileSync(join(dir, 'services/api/service.dockerfile.ts'), 'utf8')).toBe(shown);
});

it('docs/cli.md shows the bake file of examples/monorepo as committed', () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## `dockwright bake`'));
  const shown = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  expect(JSON.parse(shown)).toEqual(JSON.parse(readFileSync(join(repoRoot, 'examples', 'monorepo', 'docker-bake.json'), 'utf8')));
});

it('docs/getting-started.md: init and render in the new project print what the guide shows (build runs in e2e/getting-started.e2e.test.ts)', async () => {
  const guide = readGuide();
  expect(Object.keys(guide.files)).toEqual(['package.json', 'server.js']);
  expect(guide.install).toBe('npm install --save-dev dockwright @dockwright/core @dockwright/presets');
  expect(guide.steps.map((s) => s.argv.slice(0, 2).join(' '))).toEqual(['dockwright init', 'dockwright render', 'dockwright build', 'docker run']);
  const dir = guideProject(guide);
  for (const step of guide.steps.slice(0, 2)) {
    expect(await runCli(cli, step.argv.slice(1), dir)).toEqual({ code: 0, stdout: step.output, stderr: '' });
  }
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('COPY package.json package-lock.json ./\n');
  // What build would run, from where: the command the header of the Dockerfile shows.
  const dry = await runCli(cli, [...(guide.steps[2]?.argv.slice(1) ?? []), '--dry-run'], dir);
  expect(dry.stdout).toMatch(/^# hello: Dockerfile\n.* build --progress=plain -f Dockerfile -t hello:dev \.\n/);
});
