import { DockwrightError } from '@dockwright/core';
import { joinPosix, type NodePrisma } from './detect-prisma.js';
import type { NodePackageManager, NodeProject, WorkspacePackage } from './detect-node.js';

/** Options of the Node preset's Prisma steps; each overrides what detection found. */
export interface PrismaOptions {
  /** The schema, relative to the app (`db/schema.prisma`). Default: detected. */
  readonly schema?: string;
  /** Run `prisma generate` in the build stage. Default true. */
  readonly generate?: boolean;
  /** Install `openssl` and `ca-certificates` in the runtime. Default: when the Rust query engine is used. */
  readonly openssl?: boolean;
  /** SQLite only: the directory of the database file, relative to the app, made a VOLUME owned by the app user. Default `data`; false for none. */
  readonly dataDir?: string | false;
  /** SQLite only: the value of the datasource's env variable. Default `file:<app>/<dataDir>/app.db`. */
  readonly databaseUrl?: string;
  /** `deploy`: run `prisma migrate deploy` before the start command (an ENTRYPOINT step). Default none. */
  readonly migrate?: 'deploy' | false;
}

/** What the preset adds for Prisma; empty when the project does not use it. */
export interface PrismaPlan {
  /** The build stage's `prisma generate` command. */
  readonly generate?: string;
  /** Directories the build generates that the runtime copies (`node_modules/.prisma`). */
  generatedCopies(runtimeHasNodeModules: boolean, copiedOutputs: readonly string[]): readonly string[];
  /** Sources the runtime copies from the context (the schema's directory, for migrations). */
  readonly runtimeSources: readonly string[];
  readonly runtimePackages: readonly string[];
  env(appDir: string): Readonly<Record<string, string>>;
  /** Directories, relative to the app, that are volumes owned by the app user. */
  readonly dataDirs: readonly string[];
  readonly entrypoint?: readonly string[];
  /** A service of an npm or yarn workspace: what its build and runtime add, from the root. */
  readonly workspace?: WorkspacePrisma;
}

const NONE: PrismaPlan = Object.freeze({ generatedCopies: () => [], runtimeSources: [], runtimePackages: [], env: () => ({}), dataDirs: [] });
const PLAIN_PATH = /^[\w.@-][\w./@-]*$/;
const KEYS = ['schema', 'generate', 'openssl', 'dataDir', 'databaseUrl', 'migrate'];

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'nodePreset()' } }]);
}

function plainPath(name: string, value: unknown): string {
  if (typeof value !== 'string' || !PLAIN_PATH.test(value) || value.split('/').includes('..')) {
    fail(`prisma.${name} ${JSON.stringify(value)} is not a plain relative path`, `pass prisma: { ${name}: 'prisma/schema.prisma' } (letters, digits, . _ - @ and /, inside the app directory)`);
  }
  return value.replace(/^\.\//, '').replace(/\/$/, '');
}

function checkOptions(options: unknown): PrismaOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail('prisma must be an object or false', "pass prisma: { migrate: 'deploy' } or prisma: false");
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) fail(`prisma.${key} is not an option`, `use one of ${KEYS.join(', ')}`);
  }
  const o = options as Record<string, unknown>;
  for (const key of ['generate', 'openssl']) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(`prisma.${key} must be true or false`, `pass prisma: { ${key}: false }`);
  }
  if (o['migrate'] !== undefined && o['migrate'] !== false && o['migrate'] !== 'deploy') fail(`prisma.migrate ${JSON.stringify(o['migrate'])} is not 'deploy' or false`, "pass prisma: { migrate: 'deploy' }");
  if (o['databaseUrl'] !== undefined && (typeof o['databaseUrl'] !== 'string' || o['databaseUrl'] === '')) fail('prisma.databaseUrl must be a non-empty string', "pass prisma: { databaseUrl: 'file:/app/data/app.db' }");
  return options as PrismaOptions;
}

/** The Prisma steps of an npm or yarn workspace service, relative to the workspace root. */
export interface WorkspacePrisma {
  /** The schemas' directories, copied into the build stage before the sources so a source change does not generate again. */
  readonly schemaDirs: readonly string[];
  /** `prisma generate` of each package's schema, in the build stage at the root. */
  readonly generate: readonly string[];
  /** Generate before the packages' sources (every client goes to node_modules), else after them. */
  readonly early: boolean;
  /** Directories the generation writes that the runtime copies from the build stage (`node_modules/.prisma`). */
  readonly generated: readonly string[];
  /** Directories the runtime copies from the context (a schema's directory, for migrations). */
  readonly sources: readonly string[];
}

/** A Prisma package of the workspace and its schema, relative to the workspace root. */
interface SchemaOf {
  readonly pkg: WorkspacePackage;
  readonly found: NodePrisma;
  /** The schema's path from the root (`packages/db/prisma/schema.prisma`). */
  readonly schema: string;
}

const underRoot = (dir: string, path: string) => (dir === '.' ? path : `${dir}/${path}`);
const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');

/**
 * The schemas of the Prisma packages of a workspace service (the service first, then the packages
 * it depends on). pnpm, yarn berry and bun workspaces are refused, naming the packages: their
 * installs do not put the client where the preset copies it from.
 */
function workspaceSchemas(project: NodeProject, options: PrismaOptions, asked: boolean, manager: NodePackageManager): SchemaOf[] {
  const packages = project.workspace?.packages ?? [];
  const users = packages.filter((p, i) => p.prisma === true || (i === 0 && project.prisma !== undefined));
  if (users.length === 0 && !asked) return [];
  const named = users.length === 0 ? [packages[0] ?? { name: project.name, dir: '.', dependsOn: [] }] : users;
  const list = named.map((p) => `${p.name} (${p.dir})`).join(', ');
  if (manager !== 'npm' && manager !== 'yarn') {
    fail(`Prisma in a ${manager} workspace is not built by the preset: ${list} ${named.length === 1 ? 'uses' : 'use'} Prisma, and its generated client would not be in the image`,
      `use an npm or yarn classic workspace, or pass prisma: false and generate the client in the build: start the build script of ${named[0]?.dir ?? '.'}/package.json with \`prisma generate\` ("build": "prisma generate && tsc"), and set the generator's output inside that build output (output = "../dist/generated/prisma") so the runtime gets it with the package; for the Rust query engine, install openssl with runtimeSteps`);
  }
  if (options.schema !== undefined && named.length > 1) {
    fail(`prisma.schema names one schema, and ${list} use Prisma`, 'drop prisma.schema and give each package its schema at prisma/schema.prisma or in its package.json "prisma.schema"');
  }
  return named.map((pkg) => {
    const found = (pkg === packages[0] ? project.prisma : undefined) ?? pkg.prismaSchema ?? { queryEngine: true, cliInProduction: false };
    const schema = options.schema === undefined ? found.schema : plainPath('schema', options.schema);
    if (schema === undefined) {
      fail(`${pkg.name} (${pkg.dir}) depends on Prisma but no schema was found at prisma/schema.prisma, schema.prisma or package.json "prisma.schema"`, `add its schema, set "prisma": { "schema": "db/schema.prisma" } in ${pkg.dir}/package.json, or pass prisma: false`);
    }
    return { pkg, found, schema: underRoot(pkg.dir, schema) };
  });
}

/** `ca-certificates` and `openssl` for the Rust query engine, unless the options say otherwise. */
function opensslPackages(options: PrismaOptions, queryEngine: boolean, distroless: boolean): readonly string[] {
  const openssl = options.openssl ?? queryEngine;
  if (openssl && distroless && options.openssl === true) fail('prisma.openssl needs apt, which a distroless runtime has not', 'distroless Node images carry libssl already: drop prisma.openssl');
  return openssl && !distroless ? ['ca-certificates', 'openssl'] : [];
}

/** SQLite: the database file in a volume the app user owns, its URL in the datasource's variable. */
function sqliteVolume(sqlite: NodePrisma | undefined, schema: string, options: PrismaOptions): Pick<PrismaPlan, 'dataDirs' | 'env'> {
  if (sqlite === undefined || options.dataDir === false) return { dataDirs: [], env: () => ({}) };
  const url = sqlite.url;
  if (url === undefined || 'literal' in url) {
    fail(`the SQLite URL of ${schema} is written in the schema, so it cannot point at a volume`, 'write url = env("DATABASE_URL") in the datasource, or pass prisma: { dataDir: false }');
  }
  const dir = options.dataDir === undefined ? 'data' : plainPath('dataDir', options.dataDir);
  return { dataDirs: [dir], env: (appDir) => ({ [url.env]: options.databaseUrl ?? `file:${appDir}/${dir}/app.db` }) };
}

/**
 * A workspace service's Prisma steps: each package's client generated in the build stage at the
 * root, the generated directories copied into the runtime, OpenSSL when any client needs it, and
 * SQLite's volume or `prisma migrate deploy` for the one schema they are about.
 */
function workspacePlan(project: NodeProject, options: PrismaOptions, asked: boolean, context: { readonly manager: NodePackageManager; readonly distroless: boolean }): PrismaPlan {
  const schemas = workspaceSchemas(project, options, asked, context.manager);
  if (schemas.length === 0) return NONE;
  const rootFromApp = project.workspace?.root ?? '.';
  const generate = options.generate === false ? [] : schemas.map((s) => `node_modules/.bin/prisma generate --schema ${s.schema}`);
  // The default client output is beside @prisma/client, which npm and yarn hoist to the root.
  const outputs = generate.length === 0 ? [] : schemas.map((s) => {
    if (s.found.output === undefined) return 'node_modules/.prisma';
    const out = joinPosix(s.pkg.dir, s.found.output);
    if (out === '.' || out === '..' || out.startsWith('../')) fail(`the Prisma client output of ${s.schema} (${s.found.output} from ${s.pkg.dir}) is outside the workspace`, 'set the generator\'s output inside its package (output = "../generated/prisma")');
    return out;
  });
  // Two clients in one place: the second generate would replace the first's.
  const defaults = schemas.filter((s) => s.found.output === undefined);
  if (generate.length > 0 && defaults.length > 1) {
    fail(`${defaults.map((s) => `${s.pkg.name} (${s.pkg.dir})`).join(', ')} all generate their Prisma client into node_modules/.prisma, so one would replace the other`,
      'give each generator its own output inside its package (output = "../generated/prisma"), and import the client from there');
  }
  const generated = [...new Set(outputs)].filter((out, _, all) => !all.some((other) => other !== out && out.startsWith(`${other}/`)));
  const runtimePackages = opensslPackages(options, schemas.some((s) => s.found.queryEngine), context.distroless);
  // Before the sources only when every client goes to node_modules, which the context never has:
  // a client inside a package would be overwritten by the host's copy of it.
  const early = generate.length > 0 && generated.every((dir) => dir.split('/').includes('node_modules'));
  const one = (what: string, hint = `drop prisma.${what}, or run it as a job of its own`) => {
    if (schemas.length > 1) fail(`prisma.${what} is about one schema, and ${schemas.map((s) => `${s.pkg.name} (${s.pkg.dir})`).join(', ')} use Prisma`, hint);
    return schemas[0] as SchemaOf;
  };
  const sqlite = schemas.filter((s) => s.found.provider === 'sqlite');
  const volume = sqlite.length === 0 || options.dataDir === false ? sqliteVolume(undefined, '', options) : (() => {
    if (sqlite.length > 1) one('dataDir', 'pass prisma: { dataDir: false } and give each SQLite database a volume of your own with runtimeSteps');
    const s = sqlite[0] as SchemaOf;
    return sqliteVolume(s.found, s.schema, options);
  })();
  let entrypoint: readonly string[] | undefined;
  const sources: string[] = [];
  if (options.migrate === 'deploy') {
    const s = one('migrate');
    if (context.distroless) fail('prisma.migrate needs a shell before the start command, which a distroless runtime has not', 'use the slim runtime, or run migrations as their own job and drop prisma.migrate');
    if (!s.found.cliInProduction) fail(`prisma.migrate runs the prisma CLI in the runtime, but prisma is not in "dependencies" of ${s.pkg.dir}/package.json`, 'move prisma from devDependencies to dependencies, or drop prisma.migrate');
    sources.push(`${dirOf(s.schema)}/`);
    entrypoint = ['/bin/sh', '-c', `${underRoot(rootFromApp, 'node_modules/.bin/prisma')} migrate deploy --schema ${underRoot(rootFromApp, s.schema)} && exec "$@"`, '--'];
  }
  return Object.freeze({
    generatedCopies: () => [],
    runtimeSources: [],
    runtimePackages,
    ...volume,
    ...(entrypoint === undefined ? {} : { entrypoint }),
    workspace: Object.freeze({ schemaDirs: early ? [...new Set(schemas.map((s) => (dirOf(s.schema) === s.pkg.dir ? s.schema : `${dirOf(s.schema)}/`)))] : [], generate, generated, sources, early }),
  });
}

/**
 * The Prisma steps of a Node project: generate in the build, OpenSSL in the runtime only for the
 * query engine, a volume and `DATABASE_URL` for SQLite, `prisma migrate deploy` at start on request.
 *
 * @example
 * ```ts
 * prismaPlan(detectNode('.'), { migrate: 'deploy' }, { manager: 'npm', distroless: false }).generate;
 * // 'node_modules/.bin/prisma generate --schema prisma/schema.prisma'
 * ```
 */
export function prismaPlan(
  project: NodeProject,
  given: PrismaOptions | false | undefined,
  context: { readonly manager: NodePackageManager; readonly distroless: boolean },
): PrismaPlan {
  if (given === false) return NONE;
  const options = given === undefined ? {} : checkOptions(given);
  const found = project.prisma;
  if (project.workspace !== undefined) return workspacePlan(project, options, given !== undefined, context);
  if (found === undefined && given === undefined) return NONE;
  const schema = options.schema === undefined ? found?.schema : plainPath('schema', options.schema);
  if (schema === undefined) {
    fail(`${project.name} depends on Prisma but no schema was found at prisma/schema.prisma, schema.prisma or package.json "prisma.schema"`, "pass prisma: { schema: 'db/schema.prisma' }, or prisma: false");
  }
  const schemaDir = dirOf(schema);
  const cli = context.manager === 'yarn-berry' ? 'yarn run prisma' : context.manager === 'bun' ? 'bun run prisma' : 'node_modules/.bin/prisma';
  const generate = options.generate === false ? undefined : `${cli} generate --schema ${schema}`;

  // Where the generated client is: in node_modules (prisma-client-js's default) or the output set.
  const output = found?.output;
  if (generate !== undefined && output === undefined && context.manager === 'pnpm') {
    fail("with pnpm, Prisma's default client output is inside pnpm's store, where the runtime's production install cannot find it",
      'set output = "../generated/prisma" in the schema\'s generator block (and import it from there), or pass prisma: { generate: false }');
  }
  const generatedCopies = (hasNodeModules: boolean, copied: readonly string[]): readonly string[] => {
    if (generate === undefined) return [];
    if (output === undefined) return hasNodeModules && context.manager !== 'yarn-berry' ? ['node_modules/.prisma'] : [];
    if (output.startsWith('node_modules/') || output === '.' || output.startsWith('..') || copied.some((d) => output === d || output.startsWith(`${d}/`))) return [];
    return [output];
  };

  const runtimePackages = opensslPackages(options, found?.queryEngine ?? true, context.distroless);
  const { dataDirs, env } = sqliteVolume(found?.provider === 'sqlite' ? found : undefined, schema, options);

  // Migrations before the start command; the CLI must be in the production install.
  let entrypoint: readonly string[] | undefined;
  const runtimeSources: string[] = [];
  if (options.migrate === 'deploy') {
    if (context.distroless) fail('prisma.migrate needs a shell before the start command, which a distroless runtime has not', "use the slim runtime, or run migrations as their own job and drop prisma.migrate");
    if (found?.cliInProduction !== true) fail('prisma.migrate runs the prisma CLI in the runtime, but prisma is not in "dependencies"', 'move prisma from devDependencies to dependencies, or drop prisma.migrate');
    runtimeSources.push(schemaDir === '.' ? schema : `${schemaDir}/`);
    const bin = context.manager === 'bun' ? 'bun run prisma' : 'node_modules/.bin/prisma';
    entrypoint = ['/bin/sh', '-c', `${bin} migrate deploy --schema ${schema} && exec "$@"`, '--'];
  }
  return Object.freeze({ ...(generate === undefined ? {} : { generate }), generatedCopies, runtimeSources, runtimePackages, env, dataDirs, ...(entrypoint === undefined ? {} : { entrypoint }) });
}
