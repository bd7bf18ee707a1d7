// The packages as users get them: built, packed with pnpm (as they are published), installed
// with npm into new projects outside the repository: a CommonJS one (npm's default), an ESM one
// type-checked with `module: nodenext`, and a bundled one. `pnpm test:packages`; CI runs it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = ['--yes', 'pnpm@10.34.8'];
const packages = [
  { dir: 'core', name: '@dockwright/core', tarball: 'dockwright-core-0.1.0.tgz' },
  { dir: 'presets', name: '@dockwright/presets', tarball: 'dockwright-presets-0.1.0.tgz' },
  { dir: 'policy', name: '@dockwright/policy', tarball: 'dockwright-policy-0.1.0.tgz' },
  { dir: 'cli', name: 'dockwright', tarball: 'dockwright-0.1.0.tgz' },
] as const;

let work = '';
let packs = '';
let project = '';

async function sh(file: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(file, [...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
}

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dockwright-consumers-'));
  packs = join(work, 'packs');
  project = join(work, 'project');
  mkdirSync(packs);
  // Built in dependency order, then packed: pnpm applies publishConfig and writes real versions.
  await sh('npx', [...PNPM, '-r', '--filter', './packages/*', 'run', 'build'], repoRoot);
  for (const p of packages) await sh('npx', [...PNPM, 'pack', '--pack-destination', packs], join(repoRoot, 'packages', p.dir));
  const tarballs = Object.fromEntries(packages.map((p) => [p.name, `file:${join(packs, p.tarball)}`]));
  // overrides: the packages' dependencies on each other resolve to these tarballs, not the registry.
  write(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, devDependencies: tarballs, overrides: tarballs }, null, 2)}\n`);
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], project);
}, 900_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the tarballs', () => {
  it.each(packages)('$name has LICENSE, a README with absolute links, repository/homepage/bugs and declaration maps', async (p) => {
    const dir = join(work, 'unpacked', p.dir);
    mkdirSync(dir, { recursive: true });
    await sh('tar', ['xzf', join(packs, p.tarball), '-C', dir], work);
    const root = join(dir, 'package');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^# ${p.name.replace('/', '\\/')}\\n`));
    // Every link is absolute: relative ones break on the registry's page.
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !/^https:\/\//.test(l) && !l.startsWith('#'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, { url?: string; directory?: string } | string | undefined>;
    expect(manifest['repository']).toEqual({ type: 'git', url: 'git+https://github.com/dockwright/dockwright.git', directory: `packages/${p.dir}` });
    expect(manifest['homepage']).toMatch(/^https:\/\//);
    expect(manifest['bugs']).toEqual({ url: 'https://github.com/dockwright/dockwright/issues' });
    const map = JSON.parse(readFileSync(join(root, 'dist/types/index.d.ts.map'), 'utf8')) as { sources: string[] };
    for (const source of map.sources) expect(existsSync(join(root, 'dist/types', source)), source).toBe(true);
    expect(existsSync(join(root, 'dist/index.cjs'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(p.dir === 'cli' ? ['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'src'] : p.dir === 'policy' || p.dir === 'core' ? ['LICENSE', 'README.md', 'dist', 'package.json', 'schema', 'src'] : ['LICENSE', 'README.md', 'dist', 'package.json', 'src']);
  });

  it('puts the policy schema where the docs say, for npm', () => {
    expect(existsSync(join(project, 'node_modules/@dockwright/policy/schema/dockwright.policy.schema.json'))).toBe(true);
  });
});

const program = (load: string) => `${load}
const app = stage('app').from('debian:12.8-slim').workdir('/app').copy('dist', './dist').user(10001).cmd(['/app/dist/server']);
const policy = policyFrom({ requireDigests: true });
const found = policy.ok ? checkPolicy(dockerfile(app), policy.policy) : ['policy refused'];
console.log(JSON.stringify({ text: dockerfile(app).render(), node: typeof nodePreset, config: typeof defineConfig, policy: found.map((f) => (typeof f === 'string' ? f : f.code)) }));
`;

const expected = {
  text: 'FROM debian:12.8-slim AS app\nWORKDIR /app\nCOPY dist ./dist\nUSER 10001\nCMD ["/app/dist/server"]\n',
  node: 'function',
  config: 'function',
  policy: ['DW1010'],
};

describe('a CommonJS project (no "type" in package.json, as npm init writes it)', () => {
  beforeAll(() => {
    write(join(project, 'cjs/package.json'), '{ "name": "cjs-consumer", "private": true }\n');
    write(
      join(project, 'cjs/index.js'),
      program(`const { dockerfile, stage } = require('@dockwright/core');
const { nodePreset } = require('@dockwright/presets');
const { checkPolicy, policyFrom } = require('@dockwright/policy');
const { defineConfig } = require('dockwright');`),
    );
  });

  it('require() loads every package: ESM through module-sync on Node 20.19+, the CommonJS build before', async () => {
    const modern = await sh(process.execPath, ['index.js'], join(project, 'cjs'));
    expect(JSON.parse(modern.stdout)).toEqual(expected);
    // Node before 20.19 cannot require() ES modules; this flag makes a newer Node behave the same.
    const older = await sh(process.execPath, ['--no-experimental-require-module', 'index.js'], join(project, 'cjs'));
    expect(JSON.parse(older.stdout)).toEqual(expected);
    const resolved = await sh(process.execPath, ['--no-experimental-require-module', '-p', "require.resolve('@dockwright/core')"], join(project, 'cjs'));
    expect(resolved.stdout.trim()).toMatch(/node_modules\/@dockwright\/core\/dist\/index\.cjs$/);
  });

  it('type-checks with module: nodenext, the CommonJS types for require', async () => {
    write(join(project, 'cjs/tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [] }, include: ['check.ts'] }));
    write(join(project, 'cjs/check.ts'), "import { dockerfile, stage } from '@dockwright/core';\nimport { defineConfig } from 'dockwright';\nexport const text: string = dockerfile(stage('app').from('debian:12.8-slim').user(10001)).render();\nexport default defineConfig({ targets: ['*.dockerfile.ts'] });\n");
    await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], join(project, 'cjs'));
  });

  it('dockwright render loads its app.dockerfile.ts target and dockwright.config.ts, on both paths', async () => {
    write(join(project, 'cjs/app.dockerfile.ts'), "import { dockerfile, stage } from '@dockwright/core';\n\nexport default dockerfile(stage('app').from('debian:12.8-slim').user(10001));\n");
    write(join(project, 'cjs/dockwright.config.ts'), "import { defineConfig } from 'dockwright';\n\nexport default defineConfig({ targets: ['app.dockerfile.ts'] });\n");
    const bin = join(project, 'node_modules/.bin/dockwright');
    for (const env of [{}, { NODE_OPTIONS: '--no-experimental-require-module' }]) {
      rmSync(join(project, 'cjs/Dockerfile'), { force: true });
      const rendered = await sh(bin, ['render', '--no-color'], join(project, 'cjs'), env);
      expect(rendered.stdout).toContain('✔ 1 target: 1 created');
      expect(readFileSync(join(project, 'cjs/Dockerfile'), 'utf8')).toContain('FROM debian:12.8-slim AS app\nUSER 10001\n');
      expect((await sh(bin, ['render', '--check'], join(project, 'cjs'), env)).stdout).toBe('✔ 1 target: 1 file current\n');
    }
  });
});

describe('an ESM project (type: module), TypeScript with module: nodenext', () => {
  it('type-checks and runs', async () => {
    write(join(project, 'esm/package.json'), '{ "name": "esm-consumer", "private": true, "type": "module" }\n');
    write(
      join(project, 'esm/index.ts'),
      program(`import { dockerfile, stage } from '@dockwright/core';
import { nodePreset } from '@dockwright/presets';
import { checkPolicy, policyFrom } from '@dockwright/policy';
import { defineConfig } from 'dockwright';`),
    );
    write(join(project, 'esm/tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, types: [], outDir: 'out' }, include: ['index.ts'] }));
    await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], join(project, 'esm'));
    expect(JSON.parse((await sh(process.execPath, ['out/index.js'], join(project, 'esm'))).stdout)).toEqual(expected);
  });
});

describe('a bundled project (esbuild through tsup, moduleResolution: bundler)', () => {
  // One CommonJS file for Node, as bundled CLIs and lambdas ship: yaml, a dependency of the
  // presets, is CommonJS on Node, which an ESM bundle cannot require().
  it('type-checks, bundles every package into one file, and the bundle runs', async () => {
    write(join(project, 'bundled/package.json'), '{ "name": "bundled-consumer", "private": true, "type": "module" }\n');
    write(
      join(project, 'bundled/entry.ts'),
      program(`import { dockerfile, stage } from '@dockwright/core';
import { nodePreset } from '@dockwright/presets';
import { checkPolicy, policyFrom } from '@dockwright/policy';
import { defineConfig } from 'dockwright';`),
    );
    write(join(project, 'bundled/tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', strict: true, noEmit: true, types: [] }, include: ['entry.ts'] }));
    await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], join(project, 'bundled'));
    const { build } = await import('tsup');
    await build({ entry: [join(project, 'bundled/entry.ts')], outDir: join(project, 'bundled/out'), format: ['cjs'], platform: 'node', target: 'node20', noExternal: [/.*/], splitting: false, silent: true, config: false, dts: false, sourcemap: false });
    const bundle = readFileSync(join(project, 'bundled/out/entry.cjs'), 'utf8');
    expect(bundle).not.toMatch(/require\(["']@dockwright\//);
    rmSync(join(project, 'node_modules/@dockwright/core'), { recursive: true, force: false });
    expect(JSON.parse((await sh(process.execPath, ['out/entry.cjs'], join(project, 'bundled'))).stdout)).toEqual(expected);
  });
});
