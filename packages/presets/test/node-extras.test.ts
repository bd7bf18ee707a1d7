// Prisma, native modules, bun, and pnpm/yarn without a `packageManager` version: what the Node
// preset detects in the fixtures of its own, the lines it renders, and the coded errors.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { image, isDockwrightError, type DockwrightIssue } from '@dockwright/core';
import { detectNode, detectNodeFiles, nodePreset, type NodePresetOptions, type NodeProject } from '@dockwright/presets';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const at = (name: string) => join(fixtures, name);
const node = image('registry.example.com/node:24-bookworm-slim').pinDigest(`sha256:${'1'.repeat(64)}`);
const render = (project: NodeProject, options: NodePresetOptions = {}) => nodePreset(project, { images: { node }, ...options }).dockerfile.render();
/** The text of one stage, from its FROM line to the next. */
const stageOf = (text: string, name: string) => {
  const start = text.indexOf(` AS ${name}\n`);
  if (start < 0) throw new Error(`no stage ${name} in\n${text}`);
  const next = text.indexOf('\nFROM ', start);
  return text.slice(text.lastIndexOf('FROM ', start), next < 0 ? undefined : next);
};

function issueOf(run: () => unknown): DockwrightIssue {
  try {
    run();
  } catch (e) {
    if (isDockwrightError(e) && e.issues[0] !== undefined) return e.issues[0];
    throw e;
  }
  throw new Error('expected a DockwrightError');
}

describe('Prisma', () => {
  it('detects the schema, the SQLite datasource and the query engine', () => {
    expect(detectNode(at('prisma-sqlite')).prisma).toEqual({
      schema: 'prisma/schema.prisma', provider: 'sqlite', url: { env: 'DATABASE_URL' }, queryEngine: true, cliInProduction: true,
    });
    expect(detectNode(at('prisma-postgres')).prisma).toEqual({
      schema: 'db/schema.prisma', provider: 'postgresql', queryEngine: false, output: 'src/generated/prisma', cliInProduction: false,
    });
  });

  it('generates in the build after the install and before the build script; OpenSSL, a volume and DATABASE_URL in the runtime', () => {
    const text = render(detectNode(at('prisma-sqlite')));
    const build = stageOf(text, 'build');
    expect(build).toContain('COPY . ./\nRUN node_modules/.bin/prisma generate --schema prisma/schema.prisma\nRUN node node_modules/typescript/bin/tsc\n');
    const runtime = stageOf(text, 'runtime');
    expect(runtime).toContain('    DATABASE_URL=file:/app/data/app.db\n');
    expect(runtime).toContain('RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        ca-certificates \\\n        openssl \\\n    && rm -rf /var/lib/apt/lists/*\n');
    expect(runtime).toContain('RUN mkdir -p /app/data \\\n    && chown 1000:1000 /app/data\n');
    expect(runtime).toContain('COPY --from=build /app/node_modules/.prisma ./node_modules/.prisma\n');
    expect(runtime).toContain('VOLUME /app/data\n');
    expect(runtime).not.toContain('ENTRYPOINT');
    // The deps stages get no OpenSSL: only the runtime's engine loads it.
    expect(stageOf(text, 'deps')).not.toContain('openssl');
  });

  it("migrate: 'deploy' runs the migrations before the start command, with the schema's directory in the runtime", () => {
    const text = render(detectNode(at('prisma-sqlite')), { prisma: { migrate: 'deploy' }, init: 'tini' });
    expect(text).toContain('COPY prisma/ ./prisma/\n');
    expect(text).toContain('ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "node_modules/.bin/prisma migrate deploy --schema prisma/schema.prisma && exec \\"$@\\"", "--"]\nCMD ["node", "dist/server.js"]\n');
    // tini and OpenSSL in one apt layer.
    expect(text.match(/apt-get update/g)).toHaveLength(1);
    expect(text).toMatch(/ca-certificates \\\n {8}openssl \\\n {8}tini/);
  });

  it('the Rust-free client: no OpenSSL, the generated output copied from the build', () => {
    const text = render(detectNode(at('prisma-postgres')));
    expect(text).toContain('RUN node_modules/.bin/prisma generate --schema db/schema.prisma\n');
    expect(text).not.toContain('openssl');
    expect(text).toContain('COPY --from=build /app/src/generated/prisma ./src/generated/prisma\n');
    expect(text).not.toContain('VOLUME');
  });

  it('every step can be overridden', () => {
    const project = detectNode(at('prisma-sqlite'));
    const text = render(project, { prisma: { generate: false, openssl: false, dataDir: 'var/db', databaseUrl: 'file:/app/var/db/prod.db' } });
    expect(text).not.toContain('prisma generate');
    expect(text).not.toContain('apt-get');
    expect(text).toContain('DATABASE_URL=file:/app/var/db/prod.db');
    expect(text).toContain('VOLUME /app/var/db\n');
    const off = render(project, { prisma: false });
    expect(off).not.toMatch(/prisma|openssl|VOLUME|DATABASE_URL/);
    expect(render(detectNode(at('prisma-postgres')), { prisma: { openssl: true } })).toContain('        openssl \\\n');
  });

  it('a build without a build script still generates the client, and the runtime gets it', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'p', scripts: { start: 'node server.js' }, dependencies: { '@prisma/client': '6.19.0' }, devDependencies: { prisma: '6.19.0' } }),
      'package-lock.json': '{}',
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
    };
    const text = render(detectNodeFiles(files));
    expect(stageOf(text, 'build')).toContain('RUN node_modules/.bin/prisma generate --schema prisma/schema.prisma\n');
    expect(stageOf(text, 'runtime')).toContain('COPY . ./\nCOPY --from=build /app/node_modules/.prisma ./node_modules/.prisma\n');
  });

  it('coded errors that name the option where detection cannot decide', () => {
    const noSchema = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'p', main: 'a.js', dependencies: { '@prisma/client': '6.19.0' } }), 'package-lock.json': '{}' });
    expect(issueOf(() => render(noSchema))).toMatchObject({ code: 'DW9003', message: expect.stringContaining('no schema was found'), hint: expect.stringContaining("prisma: { schema: 'db/schema.prisma' }") });
    expect(render(noSchema, { prisma: false })).not.toContain('prisma');

    const literal = detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', main: 'a.js', dependencies: { '@prisma/client': '6.19.0' } }), 'package-lock.json': '{}',
      'prisma/schema.prisma': 'datasource db {\n  provider = "sqlite"\n  url = "file:./dev.db"\n}\n',
    });
    expect(issueOf(() => render(literal)).hint).toContain('prisma: { dataDir: false }');
    expect(render(literal, { prisma: { dataDir: false } })).not.toContain('VOLUME');

    const migrate = issueOf(() => render(detectNode(at('prisma-postgres')), { prisma: { migrate: 'deploy' } }));
    expect(migrate.message).toContain('prisma is not in "dependencies"');

    const pnpm = detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', main: 'a.js', packageManager: 'pnpm@10.34.8', dependencies: { '@prisma/client': '6.19.0' } }), 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\n',
    });
    expect(issueOf(() => render(pnpm)).hint).toContain('prisma: { generate: false }');

    expect(issueOf(() => render(detectNode(at('prisma-sqlite')), { prisma: { dataDir: '../up' } })).message).toContain('prisma.dataDir "../up" is not a plain relative path');
    expect(issueOf(() => render(detectNode(at('prisma-sqlite')), { prisma: { migrate: 'dev' as never } })).message).toContain("is not 'deploy' or false");
    expect(issueOf(() => render(detectNode(at('prisma-sqlite')), { prisma: { seed: true } as never })).message).toBe('prisma.seed is not an option');
  });

  it('prisma options for a project without Prisma name what is missing, not a schema; options that only turn steps off are accepted', () => {
    const plain = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'p', main: 'a.js' }), 'package-lock.json': '{}' });
    expect(issueOf(() => render(plain, { prisma: { migrate: 'deploy' } }))).toMatchObject({ code: 'DW9003', message: 'prisma options were given, but p does not depend on prisma or @prisma/client', hint: expect.stringContaining('drop the prisma option') });
    expect(issueOf(() => render(plain, { prisma: { schema: 'db/schema.prisma' } })).code).toBe('DW9003');
    expect(render(plain, { prisma: false })).not.toContain('prisma');
    // A configuration shared by every service of a repository.
    expect(render(plain, { prisma: { generate: false, openssl: false, dataDir: false, migrate: false } })).toBe(render(plain));
  });

  it("migrations beside a schema at the project's root are copied with it", () => {
    const files = (migrated: boolean) => detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', scripts: { build: 'tsc', start: 'node dist/server.js' }, dependencies: { '@prisma/client': '6.19.0', prisma: '6.19.0' } }),
      'package-lock.json': '{}',
      'schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
      ...(migrated ? { 'migrations/migration_lock.toml': 'provider = "postgresql"\n', 'migrations/20261201000000_init/migration.sql': 'CREATE TABLE t (id int);\n' } : {}),
    });
    expect(files(true).prisma?.migrations).toBe('migrations');
    expect(files(false).prisma?.migrations).toBeUndefined();
    expect(stageOf(render(files(true), { prisma: { migrate: 'deploy' } }), 'runtime')).toContain('COPY schema.prisma ./schema.prisma\nCOPY migrations/ ./migrations/\n');
    expect(stageOf(render(files(false), { prisma: { migrate: 'deploy' } }), 'runtime')).not.toContain('migrations');
  });

  it("migrations get OpenSSL even with the Rust-free client: Prisma's schema engine links it", () => {
    const files = (generator: string) => detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', scripts: { start: 'node server.js' }, dependencies: { '@prisma/client': '6.19.0', prisma: '6.19.0' } }),
      'package-lock.json': '{}',
      'prisma/schema.prisma': `generator client {\n${generator}}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n`,
    });
    for (const generator of ['  provider = "prisma-client-js"\n  engineType = "client"\n', '  provider = "prisma-client"\n  output = "../src/generated/prisma"\n']) {
      expect(files(generator).prisma?.queryEngine).toBe(false);
      expect(render(files(generator))).not.toContain('openssl');
      expect(stageOf(render(files(generator), { prisma: { migrate: 'deploy' } }), 'runtime')).toContain('        openssl \\\n');
      expect(render(files(generator), { prisma: { migrate: 'deploy', openssl: false } })).not.toContain('openssl');
    }
  });

  it("a client generated inside the build output is generated again after the build, which may have emptied it", () => {
    const files = detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', scripts: { build: 'rm -rf dist && babel src -d dist', start: 'node dist/server.js' }, dependencies: { '@prisma/client': '6.19.0' }, devDependencies: { prisma: '6.19.0', '@babel/cli': '7.28.3' } }),
      'package-lock.json': '{}',
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n  output = "../dist/generated/prisma"\n}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
    });
    const build = stageOf(render(files), 'build');
    expect(build).toMatch(/RUN node_modules\/\.bin\/prisma generate --schema prisma\/schema\.prisma\nRUN npm run build\nRUN node_modules\/\.bin\/prisma generate --schema prisma\/schema\.prisma\n/);
    expect(stageOf(render(files), 'runtime')).not.toContain('generated/prisma');
    // An output outside the build output is not touched by the build: generated once.
    const beside = stageOf(render(detectNode(at('prisma-postgres'))), 'build');
    expect(beside.match(/prisma generate/g)).toHaveLength(1);
  });
});

describe('Prisma in a workspace', () => {
  const schema = (provider = 'postgresql', output = '') =>
    `generator client {\n  provider = "prisma-client-js"\n${output === '' ? '' : `  output = "${output}"\n`}}\ndatasource db {\n  provider = "${provider}"\n  url = env("DATABASE_URL")\n}\n`;
  interface Shape {
    readonly manager?: 'npm' | 'yarn' | 'pnpm';
    /** The service has a build script (then the packages with one are built too). */
    readonly build?: boolean;
    readonly provider?: string;
    /** The generator's output, relative to the schema. */
    readonly output?: string;
    /** prisma (the CLI) in the db package's dependencies rather than devDependencies. */
    readonly cliInProduction?: boolean;
  }
  /** A workspace whose service `api` depends on `@shop/db`; `prismaIn` names the packages that depend on Prisma. */
  const workspace = (prismaIn: readonly string[], shape: Shape = {}) => {
    const manager = shape.manager ?? 'npm';
    const deps = (name: string, own: Record<string, string>) => (prismaIn.includes(name) ? { ...own, '@prisma/client': '6.19.0', ...(shape.cliInProduction ? { prisma: '6.19.0' } : {}) } : own);
    const lockfiles: Record<string, Record<string, string>> = {
      npm: { 'package-lock.json': '{}' },
      yarn: { 'yarn.lock': '# yarn lockfile v1\n' },
      pnpm: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n  - 'packages/*'\n" },
    };
    return detectNodeFiles({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['services/*', 'packages/*'], ...(manager === 'pnpm' ? { packageManager: 'pnpm@10.34.8' } : manager === 'yarn' ? { packageManager: 'yarn@1.22.22' } : {}) }),
      ...lockfiles[manager],
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', scripts: { build: 'tsc' }, dependencies: deps('@shop/db', {}), devDependencies: prismaIn.includes('@shop/db') && !shape.cliInProduction ? { prisma: '6.19.0' } : {} }),
      'packages/db/prisma/schema.prisma': schema(shape.provider, shape.output),
      'services/api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node dist/server.js', ...(shape.build ? { build: 'tsc' } : {}) }, dependencies: deps('api', { '@shop/db': '*' }) }),
      ...(prismaIn.includes('api') ? { 'services/api/prisma/schema.prisma': schema() } : {}),
    }, 'services/api');
  };
  const preinstalled = { packageManagerSetup: 'preinstalled' } as const;

  it('detection marks the workspace packages that depend on Prisma, with what their schema says', () => {
    expect(workspace(['@shop/db']).workspace?.packages).toEqual([
      { name: 'api', dir: 'services/api', dependsOn: ['@shop/db'], scripts: ['start'] },
      {
        name: '@shop/db', dir: 'packages/db', dependsOn: [], scripts: ['build'], prisma: true,
        prismaSchema: { schema: 'prisma/schema.prisma', provider: 'postgresql', url: { env: 'DATABASE_URL' }, queryEngine: true, cliInProduction: false },
      },
    ]);
  });

  it("a package the service depends on uses Prisma: its client is generated from the schema alone before the builds, and the runtime gets it and OpenSSL (was: refused)", () => {
    for (const manager of ['npm', 'yarn'] as const) {
      const text = render(workspace(['@shop/db'], { manager, build: true }), preinstalled);
      const build = stageOf(text, 'build');
      const run = manager === 'npm' ? 'npm run build --workspace=packages/db' : 'yarn workspace @shop/db run build';
      // The schema's directory, then generate, then the packages' sources and their builds.
      expect(build).toMatch(new RegExp(`COPY packages/db/prisma/ \\./packages/db/prisma/\nRUN node_modules/\\.bin/prisma generate --schema packages/db/prisma/schema\\.prisma\nCOPY packages/db/ \\./packages/db/\nCOPY services/api/ \\./services/api/\nRUN ${run.replace(/[.@/]/g, (c) => `\\${c}`)}`));
      const runtime = stageOf(text, 'runtime');
      // The client in node_modules right after the production install, before any source.
      expect(runtime).toMatch(/COPY --from=prod-deps \/app\/ \/app\/\nCOPY --from=build \/app\/node_modules\/\.prisma \/app\/node_modules\/\.prisma\nCOPY --from=build \/app\/packages\/db\/dist/);
      expect(runtime).toContain('openssl');
      expect(stageOf(text, 'deps')).not.toMatch(/prisma|openssl/);
    }
  });

  it('a service without a build still gets a build stage for the client; a client output inside the build output comes with it, one outside is copied', () => {
    const noBuild = render(workspace(['@shop/db']), preinstalled);
    expect(stageOf(noBuild, 'build')).toContain('RUN node_modules/.bin/prisma generate --schema packages/db/prisma/schema.prisma');
    expect(stageOf(noBuild, 'build')).not.toContain('npm run');
    expect(stageOf(noBuild, 'runtime')).toContain('COPY --from=build /app/node_modules/.prisma /app/node_modules/.prisma');
    const inDist = render(workspace(['@shop/db'], { build: true, output: '../dist/generated/prisma' }), preinstalled);
    expect(stageOf(inDist, 'runtime')).not.toContain('generated/prisma');
    expect(stageOf(inDist, 'runtime')).not.toContain('.prisma');
    const beside = render(workspace(['@shop/db'], { build: true, output: '../generated/prisma' }), preinstalled);
    // After the package's files, so that a client generated on the host never wins.
    expect(stageOf(beside, 'runtime')).toMatch(/COPY --from=build \/app\/packages\/db\/dist \/app\/packages\/db\/dist\n(?:COPY .*\n)*COPY --from=build \/app\/packages\/db\/generated\/prisma \/app\/packages\/db\/generated\/prisma\n/);
  });

  it('SQLite in a package: the volume and DATABASE_URL in the service; migrations at start from the root CLI and the schema, copied', () => {
    const sqlite = render(workspace(['@shop/db'], { provider: 'sqlite' }), preinstalled);
    expect(sqlite).toMatch(/ENV NODE_ENV=production \\\n +DATABASE_URL=file:\/app\/services\/api\/data\/app\.db\n/);
    expect(sqlite).toContain('RUN mkdir -p /app/services/api/data \\\n    && chown 1000:1000 /app/services/api/data\n');
    expect(sqlite).toContain('\nVOLUME /app/services/api/data\n');
    const migrating = render(workspace(['@shop/db'], { cliInProduction: true }), { ...preinstalled, prisma: { migrate: 'deploy' } });
    expect(migrating).toContain('ENTRYPOINT ["/bin/sh", "-c", "../../node_modules/.bin/prisma migrate deploy --schema ../../packages/db/prisma/schema.prisma && exec \\"$@\\"", "--"]');
    expect(stageOf(migrating, 'runtime')).toContain('COPY packages/db/prisma/ /app/packages/db/prisma/');
    expect(issueOf(() => render(workspace(['@shop/db']), { ...preinstalled, prisma: { migrate: 'deploy' } })).message).toBe('prisma.migrate runs the prisma CLI in the runtime, but prisma is not in "dependencies" of packages/db/package.json');
  });

  it('the service and a package both: two default clients would overwrite each other and are refused; with their own outputs, both are generated after the sources and copied', () => {
    const clash = issueOf(() => render(workspace(['api', '@shop/db']), preinstalled));
    expect(clash.code).toBe('DW9003');
    expect(clash.message).toBe('api (services/api), @shop/db (packages/db) all generate their Prisma client into node_modules/.prisma, so one would replace the other');
    expect(clash.hint).toContain('give each generator its own output');
    const text = render(workspace(['api', '@shop/db'], { output: '../generated/prisma' }), preinstalled);
    // A client inside a package: generated after the sources, so a copy from the host never wins.
    expect(stageOf(text, 'build')).toMatch(/COPY services\/api\/ \.\/services\/api\/\nRUN node_modules\/\.bin\/prisma generate --schema services\/api\/prisma\/schema\.prisma \\\n    && node_modules\/\.bin\/prisma generate --schema packages\/db\/prisma\/schema\.prisma\n/);
    expect(stageOf(text, 'build')).not.toContain('COPY packages/db/prisma/');
    expect(stageOf(text, 'runtime')).toContain('COPY --from=build /app/node_modules/.prisma /app/node_modules/.prisma');
    expect(stageOf(text, 'runtime')).toContain('COPY --from=build /app/packages/db/generated/prisma /app/packages/db/generated/prisma');
    for (const prisma of [{ migrate: 'deploy' as const }, { schema: 'db/schema.prisma' }]) {
      const issue = issueOf(() => render(workspace(['api', '@shop/db'], { output: '../generated/prisma' }), { ...preinstalled, prisma }));
      expect(issue.code).toBe('DW9003');
      expect(issue.message).toMatch(/api \(services\/api\), @shop\/db \(packages\/db\) use Prisma$/);
    }
    // No Prisma anywhere: nothing of it.
    expect(render(workspace([]))).not.toContain('prisma');
  });

  it("an output is resolved from its package: into the root's node_modules it is copied from there, outside the workspace it is refused", () => {
    const rootModules = render(workspace(['@shop/db'], { output: '../../../node_modules/.prisma/client' }), preinstalled);
    expect(stageOf(rootModules, 'runtime')).toContain('COPY --from=build /app/node_modules/.prisma/client /app/node_modules/.prisma/client');
    const outside = issueOf(() => render(workspace(['@shop/db'], { output: '../../../../elsewhere' }), preinstalled));
    expect(outside.message).toBe('the Prisma client output of packages/db/prisma/schema.prisma (../../../elsewhere from packages/db) is outside the workspace');
  });

  /** A workspace from its files: the root's package.json fields, and the other files as given. */
  const custom = (root: Record<string, unknown>, files: Record<string, string>) =>
    detectNodeFiles({ 'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['services/*', 'packages/*'], ...root }), 'package-lock.json': '{}', ...files }, 'services/api');
  const api = (deps: Record<string, string>, scripts: Record<string, string> = {}) => JSON.stringify({ name: 'api', scripts: { start: 'node dist/server.js', ...scripts }, dependencies: deps });

  it('a service that imports the client of the package with the schema is skipped, not refused (was: no schema found)', () => {
    const project = custom({}, {
      'services/api/package.json': api({ '@shop/db': '*', '@prisma/client': '6.19.0' }),
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', dependencies: { '@prisma/client': '6.19.0' }, devDependencies: { prisma: '6.19.0' } }),
      'packages/db/prisma/schema.prisma': schema(),
    });
    const text = render(project, preinstalled);
    expect(text.match(/prisma generate/g)).toHaveLength(1);
    expect(stageOf(text, 'build')).toContain('RUN node_modules/.bin/prisma generate --schema packages/db/prisma/schema.prisma\n');
    expect(stageOf(text, 'runtime')).toContain('COPY --from=build /app/node_modules/.prisma /app/node_modules/.prisma\n');
    // No package has a schema: still refused, naming the service.
    const none = custom({}, { 'services/api/package.json': api({ '@prisma/client': '6.19.0' }) });
    expect(issueOf(() => render(none, preinstalled)).message).toBe('api (services/api) depends on Prisma but no schema was found at prisma/schema.prisma, schema.prisma or package.json "prisma.schema"');
  });

  it("a schema at the workspace root: copied on its own, generated, and migrated with the root's CLI", () => {
    const project = custom({ dependencies: { '@prisma/client': '6.19.0', prisma: '6.19.0' } }, {
      'prisma/schema.prisma': schema('sqlite'),
      'services/api/package.json': api({ '@prisma/client': '6.19.0' }, { build: 'tsc' }),
    });
    expect(project.workspace?.rootPrisma).toEqual({ schema: 'prisma/schema.prisma', provider: 'sqlite', url: { env: 'DATABASE_URL' }, queryEngine: true, cliInProduction: true });
    const text = render(project, { ...preinstalled, prisma: { migrate: 'deploy' } });
    expect(stageOf(text, 'build')).toMatch(/COPY prisma\/ \.\/prisma\/\nRUN node_modules\/\.bin\/prisma generate --schema prisma\/schema\.prisma\nCOPY services\/api\/ \.\/services\/api\/\n/);
    expect(stageOf(text, 'runtime')).toContain('COPY prisma/ /app/prisma/\n');
    expect(text).toContain('"../../node_modules/.bin/prisma migrate deploy --schema ../../prisma/schema.prisma && exec \\"$@\\""');
    expect(text).toContain('VOLUME /app/services/api/data\n');
  });

  it("migrations with the prisma CLI in the root's or the service's dependencies, which npm hoists to the root (was: refused)", () => {
    const db = { 'packages/db/package.json': JSON.stringify({ name: '@shop/db', dependencies: { '@prisma/client': '6.19.0' } }), 'packages/db/prisma/schema.prisma': schema() };
    for (const project of [
      custom({ dependencies: { prisma: '6.19.0' } }, { ...db, 'services/api/package.json': api({ '@shop/db': '*' }) }),
      custom({}, { ...db, 'services/api/package.json': api({ '@shop/db': '*', prisma: '6.19.0' }) }),
    ]) {
      expect(render(project, { ...preinstalled, prisma: { migrate: 'deploy' } })).toContain('"../../node_modules/.bin/prisma migrate deploy --schema ../../packages/db/prisma/schema.prisma && exec \\"$@\\""');
    }
    // A root with prisma only in devDependencies is not enough: the runtime installs no dev dependencies.
    const dev = custom({ devDependencies: { prisma: '6.19.0' } }, { ...db, 'services/api/package.json': api({ '@shop/db': '*' }) });
    expect(issueOf(() => render(dev, { ...preinstalled, prisma: { migrate: 'deploy' } })).message).toContain('prisma is not in "dependencies" of packages/db/package.json');
  });

  it('a client output inside a built package output is generated again after the builds; migrations get OpenSSL with the Rust-free client', () => {
    const inDist = render(workspace(['@shop/db'], { build: true, output: '../dist/generated/prisma' }), preinstalled);
    expect(stageOf(inDist, 'build')).toMatch(/RUN npm run build --workspace=packages\/db \\\n    && npm run build --workspace=services\/api\nRUN node_modules\/\.bin\/prisma generate --schema packages\/db\/prisma\/schema\.prisma\n/);
    const beside = render(workspace(['@shop/db'], { build: true, output: '../generated/prisma' }), preinstalled);
    expect(beside.match(/prisma generate/g)).toHaveLength(1);
    const rustFree = custom({}, {
      'services/api/package.json': api({ '@shop/db': '*' }),
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', dependencies: { '@prisma/client': '6.19.0', prisma: '6.19.0' } }),
      'packages/db/prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n  engineType = "client"\n}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
    });
    expect(render(rustFree, preinstalled)).not.toContain('openssl');
    expect(stageOf(render(rustFree, { ...preinstalled, prisma: { migrate: 'deploy' } }), 'runtime')).toContain('        openssl \\\n');
  });

  it("the root's Prisma is no reason to touch a service that does not use it", () => {
    const files = (root: Record<string, unknown>, rootSchema: boolean, manager: 'npm' | 'pnpm') => detectNodeFiles({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['services/*', 'packages/*'], ...root, ...(manager === 'pnpm' ? { packageManager: 'pnpm@10.34.8' } : {}) }),
      ...(manager === 'pnpm' ? { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n  - 'packages/*'\n" } : { 'package-lock.json': '{}' }),
      ...(rootSchema ? { 'prisma/schema.prisma': schema() } : {}),
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', dependencies: { '@prisma/client': '6.19.0' } }),
      'packages/db/prisma/schema.prisma': schema(),
      'services/web/package.json': JSON.stringify({ name: 'web', scripts: { start: 'node server.js' }, dependencies: { express: '5.1.0' } }),
    }, 'services/web');
    for (const manager of ['npm', 'pnpm'] as const) {
      for (const rootSchema of [false, true]) {
        const text = render(files({ devDependencies: { prisma: '6.19.0' } }, rootSchema, manager), preinstalled);
        expect(text, `${manager}, root schema ${rootSchema}`).not.toMatch(/prisma|openssl/);
      }
    }
  });

  it('migrations beside a schema at a package root are copied with it, not the whole package', () => {
    const project = custom({}, {
      'services/api/package.json': api({ '@shop/db': '*' }),
      'packages/db/package.json': JSON.stringify({ name: '@shop/db', scripts: { build: 'tsc' }, dependencies: { '@prisma/client': '6.19.0', prisma: '6.19.0' } }),
      'packages/db/schema.prisma': schema(),
      'packages/db/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    });
    const runtime = stageOf(render(project, { ...preinstalled, build: 'build', prisma: { migrate: 'deploy' } }), 'runtime');
    expect(runtime).toContain('COPY packages/db/schema.prisma /app/packages/db/schema.prisma\nCOPY packages/db/migrations/ /app/packages/db/migrations/\n');
    expect(runtime).not.toContain('COPY packages/db/ ');
  });

  it('a schema.prisma at the workspace root is copied once', () => {
    const project = custom({ dependencies: { '@prisma/client': '6.19.0' } }, { 'schema.prisma': schema(), 'services/api/package.json': api({ '@prisma/client': '6.19.0' }) });
    const build = stageOf(render(project, preinstalled), 'build');
    expect(build.match(/^COPY .*schema\.prisma.*$/gm)).toEqual(['COPY schema.prisma ./']);
    expect(build).toContain('RUN node_modules/.bin/prisma generate --schema schema.prisma\n');
  });

  it('prisma options where no package uses Prisma name what is missing', () => {
    expect(issueOf(() => render(workspace([]), { ...preinstalled, prisma: { migrate: 'deploy' } })).message).toBe('prisma options were given, but neither api nor the workspace packages it needs depend on prisma or @prisma/client');
  });

  it('a pnpm workspace with Prisma is refused, naming the packages and the workaround; prisma: false renders', () => {
    const issue = issueOf(() => render(workspace(['@shop/db'], { manager: 'pnpm' }), preinstalled));
    expect(issue.code).toBe('DW9003');
    expect(issue.message).toBe('Prisma in a pnpm workspace is not built by the preset: @shop/db (packages/db) uses Prisma, and its generated client would not be in the image');
    expect(issue.hint).toContain('start the build script of packages/db/package.json with `prisma generate`');
    expect(render(workspace(['@shop/db'], { manager: 'pnpm' }), { ...preinstalled, prisma: false })).not.toMatch(/prisma|openssl/);
  });
});

describe('native modules', () => {
  it("an addon of the app's own: build tools and Node's headers in the install and build stages, never the runtime", () => {
    const project = detectNode(at('native-addon'));
    expect(project.nativeModules).toEqual(['binding.gyp']);
    const text = render(project, { outputs: ['build', 'src'] });
    const base = stageOf(text, 'base');
    expect(base).toContain('        g++ \\\n        make \\\n        python3 \\\n    && rm -rf /var/lib/apt/lists/*\n');
    expect(base).toContain('ENV npm_config_nodedir=/usr/local\n');
    expect(stageOf(text, 'deps')).toContain('FROM base AS deps');
    expect(stageOf(text, 'runtime')).toMatch(/^FROM registry\.example\.com\/node:24-bookworm-slim@sha256:1+ AS runtime/);
    expect(stageOf(text, 'runtime')).not.toMatch(/g\+\+|python3|apt-get|nodedir/);
    expect(stageOf(text, 'runtime')).toContain('COPY --from=build /app/build ./build\n');
  });

  it('dependencies that compile: known ones and install scripts with a build helper; prebuilt ones are not counted', () => {
    expect(detectNode(at('native-deps')).nativeModules).toEqual(['@acme/crypto', 'better-sqlite3']);
    const prebuilt = detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', main: 'a.js', dependencies: { sharp: '0.34.4', esbuild: '0.25.10', bufferutil: '4.0.9' } }),
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/sharp': { hasInstallScript: true, dependencies: { semver: '^7' } }, 'node_modules/bufferutil': { hasInstallScript: true, dependencies: { 'node-gyp-build': '^4' } } } }),
    });
    expect(prebuilt.nativeModules).toBeUndefined();
    expect(render(prebuilt)).not.toContain('g++');
    // A pnpm lockfile names bcrypt as a dependency of a dependency.
    const pnpm = detectNodeFiles({
      'package.json': JSON.stringify({ name: 'p', main: 'a.js', packageManager: 'pnpm@10.34.8', dependencies: { auth: '1.0.0' } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n  bcrypt@6.0.0:\n    resolution: {integrity: sha512-x}\n",
    });
    expect(pnpm.nativeModules).toEqual(['bcrypt']);
    expect(stageOf(render(pnpm), 'base')).toContain('        g++ \\\n');
  });

  it('nativeModules overrides detection either way', () => {
    expect(render(detectNode(at('native-deps')), { nativeModules: false })).not.toContain('g++');
    expect(stageOf(render(detectNode(at('npm-app')), { nativeModules: true }), 'base')).toContain('python3');
  });
});

describe('bun', () => {
  it('runs on its own pinned image, installs with bun and starts with bun run, as a numeric user', () => {
    const project = detectNode(at('bun-app'));
    expect(project).toMatchObject({ packageManager: 'bun', lockfile: 'bun.lock', start: ['bun', 'run', 'src/index.js'] });
    const text = nodePreset(project, { healthcheck: { path: '/health' } }).dockerfile.render();
    expect(text).toContain('FROM oven/bun:1.4.5-slim AS prod-deps\n');
    expect(text).toContain('FROM oven/bun:1.4.5-slim AS runtime\n');
    expect(text).not.toMatch(/FROM node:/);
    expect(text).toContain('    bun install --frozen-lockfile --production\n');
    expect(text).toContain('USER 1000:1000\n');
    expect(text).toContain('CMD ["bun", "-e", ');
    expect(text).toContain('CMD ["bun", "run", "src/index.js"]\n');
  });

  it('the version from packageManager, an image of your own, and coded errors', () => {
    const files = { 'package.json': JSON.stringify({ name: 'b', packageManager: 'bun@1.2.21', scripts: { start: 'bun run serve.ts --port 80' } }), 'bun.lockb': 'binary' };
    const project = detectNodeFiles(files);
    expect(project.start).toEqual(['bun', 'run', 'start']);
    expect(nodePreset(project).dockerfile.render()).toContain('FROM oven/bun:1.2.21-slim AS runtime\n');
    const own = image('registry.example.com/bun:1.2.21-slim').pinDigest(`sha256:${'2'.repeat(64)}`);
    expect(nodePreset(project, { images: { bun: own } }).dockerfile.render()).toContain('FROM registry.example.com/bun:1.2.21-slim@sha256:2222');
    expect(issueOf(() => nodePreset(project, { packageManagerVersion: '1.2' })).hint).toContain("packageManagerVersion: '1.4.5'");
    expect(issueOf(() => nodePreset(project, { runtime: 'distroless', images: { runtime: own } })).code).toBe('DW9003');
  });
});

describe('pnpm and yarn without a packageManager version', () => {
  it('pnpm: the version from the lockfile format, with a note saying so', () => {
    const project = detectNode(at('pnpm-nopm'));
    expect(project).toMatchObject({ packageManager: 'pnpm', packageManagerVersion: '10.34.8', packageManagerVersionFrom: 'pnpm-lock.yaml format 9.0' });
    const result = nodePreset(project, { images: { node } });
    expect(result.dockerfile.render()).toContain('    npm install -g pnpm@10.34.8\n');
    expect(result.notes).toEqual([expect.stringContaining('picked from pnpm-lock.yaml format 9.0')]);
  });

  it.each([
    ["lockfileVersion: '6.0'\n", '8.9.2'],
    ["lockfileVersion: '5.4'\n", '7.9.5'],
    ['lockfileVersion: 5.3\n', '6.20.2'],
  ])('pnpm lockfile %j -> pnpm %s', (lock, version) => {
    const project = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'p', main: 'a.js', dependencies: { zod: '3.23.8' } }), 'pnpm-lock.yaml': lock });
    expect(render(project)).toContain(`npm install -g pnpm@${version}\n`);
  });

  it('an unknown lockfile format is a coded error naming packageManagerVersion', () => {
    const project = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'p', main: 'a.js', dependencies: { zod: '3.23.8' } }), 'pnpm-lock.yaml': "lockfileVersion: '11.0'\n" });
    const issue = issueOf(() => render(project));
    expect(issue).toMatchObject({ code: 'DW9003', message: expect.stringContaining('lockfile format 11.0 is not one the preset knows') });
    expect(issue.hint).toContain("packageManagerVersion: '<exact version>'");
    expect(render(project, { packageManagerVersion: '11.28.13' })).toContain('npm install -g pnpm@11.28.13\n');
  });

  it('yarn classic from a v1 lockfile', () => {
    const project = detectNodeFiles({ 'package.json': JSON.stringify({ name: 'y', main: 'a.js', dependencies: { zod: '3.23.8' } }), 'yarn.lock': '# yarn lockfile v1\n' });
    expect(project).toMatchObject({ packageManager: 'yarn', packageManagerVersion: '1.22.22' });
    expect(render(project)).toContain('npm install -g yarn@1.22.22\n');
  });

  it('yarn berry from __metadata, without .yarnrc.yml: no COPY of a file that is not there', () => {
    const project = detectNode(at('berry-norc'));
    expect(project).toMatchObject({ packageManager: 'yarn-berry', packageManagerVersion: '4.18.1', configFiles: [] });
    const text = render(project, { packageManagerSetup: 'preinstalled' });
    expect(text).toContain('COPY package.json yarn.lock ./\n');
    expect(text).not.toContain('.yarnrc.yml');
    expect(text).toContain('    yarn workspaces focus --all --production\n');
    // corepack would run yarn 1 without "packageManager": the lockfile's version is activated.
    expect(render(project, { packageManagerSetup: 'corepack' })).toContain('RUN corepack enable yarn \\\n    && corepack prepare yarn@4.18.1 --activate\n');
    // With the file, it is copied.
    expect(render(detectNode(at('berry-app')), { packageManagerSetup: 'preinstalled' })).toContain('COPY package.json yarn.lock .yarnrc.yml ./\n');
  });
});
