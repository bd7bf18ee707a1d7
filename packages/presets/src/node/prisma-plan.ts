import { DockwrightError } from '@dockwright/core';
import { joinPosix, type NodePrisma } from './detect-prisma.js';
import type { NodePackageManager, NodeProject, WorkspacePackage } from './detect-node.js';

/** Options of the Node preset's Prisma steps; each overrides what detection found. */
export interface PrismaOptions {
  /** The schema, relative to the app (`db/schema.prisma`); in a workspace, relative to the one package that uses Prisma. Default: detected. */
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
  /**
   * The generate command to run again after the build script, when the client is generated inside
   * a build output the runtime copies: a build that empties its output first (`rm -rf dist &&
   * babel src -d dist`) would have deleted it.
   */
  afterBuild(copiedOutputs: readonly string[]): string | undefined;
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

const NONE: PrismaPlan = Object.freeze({ generatedCopies: () => [], afterBuild: () => undefined, runtimeSources: [], runtimePackages: [], env: () => ({}), dataDirs: [] });
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

/** A Prisma user of a workspace: a package, or the root (`dir` `.`), with what detection read. */
interface PrismaUser {
  readonly pkg: WorkspacePackage;
  readonly found: NodePrisma;
}

const ROOT_NAME = 'the workspace root';

/**
 * The workspace packages (the service first, then the packages it depends on) that depend on
 * Prisma, each with what detection read of it, and the root when it holds a schema they share.
 * The root counts only for a service that uses Prisma: a root with the CLI for its tooling is no
 * reason to generate anything in another service.
 */
function prismaUsers(project: NodeProject): PrismaUser[] {
  const ws = project.workspace;
  const packages = ws?.packages ?? [];
  const users = packages.flatMap((pkg, i): PrismaUser[] => {
    const found = (i === 0 ? project.prisma : undefined) ?? pkg.prismaSchema;
    return pkg.prisma === true || found !== undefined ? [{ pkg, found: found ?? { queryEngine: true, cliInProduction: false } }] : [];
  });
  const root = ws?.rootPrisma;
  return users.length === 0 || root?.schema === undefined ? users : [...users, { pkg: { name: ROOT_NAME, dir: '.', dependsOn: [] }, found: root }];
}

const nameOf = (u: PrismaUser) => (u.pkg.dir === '.' ? ROOT_NAME : `${u.pkg.name} (${u.pkg.dir})`);

/**
 * The schemas of a workspace service's Prisma users. A user without a schema of its own (a
 * service that imports the client of `packages/db`) is skipped when another has one. pnpm, yarn
 * berry and bun workspaces are refused, naming the packages: their installs do not put the client
 * where the preset copies it from.
 */
function workspaceSchemas(project: NodeProject, users: readonly PrismaUser[], options: PrismaOptions, asked: boolean, manager: NodePackageManager): SchemaOf[] {
  if (users.length === 0) {
    if (!asked) return [];
    fail(`prisma options were given, but neither ${project.name} nor the workspace packages it needs depend on prisma or @prisma/client`, 'add @prisma/client to the dependencies of the package that has the schema, or drop the prisma option');
  }
  const list = users.map(nameOf).join(', ');
  if (manager !== 'npm' && manager !== 'yarn') {
    fail(`Prisma in a ${manager} workspace is not built by the preset: ${list} ${users.length === 1 ? 'uses' : 'use'} Prisma, and its generated client would not be in the image`,
      `use an npm or yarn classic workspace, or pass prisma: false and generate the client in the build: start the build script of ${users[0]?.pkg.dir ?? '.'}/package.json with \`prisma generate\` ("build": "prisma generate && tsc"), and set the generator's output inside that build output (output = "../dist/generated/prisma") so the runtime gets it with the package; for the Rust query engine, install openssl with runtimeSteps`);
  }
  const withSchema = users.filter((u) => u.found.schema !== undefined);
  const named = withSchema.length > 0 ? withSchema : users;
  if (options.schema !== undefined && named.length > 1) {
    fail(`prisma.schema names one schema, and ${named.map(nameOf).join(', ')} use Prisma`, 'drop prisma.schema and give each package its schema at prisma/schema.prisma or in its package.json "prisma.schema"');
  }
  return named.map(({ pkg, found }) => {
    // prisma.schema is read from the one package that uses Prisma, as its package.json's would be.
    const schema = options.schema === undefined ? found.schema : plainPath('schema', options.schema);
    if (schema === undefined) {
      fail(`${nameOf({ pkg, found })} depends on Prisma but no schema was found at prisma/schema.prisma, schema.prisma or package.json "prisma.schema"`, `add its schema, set "prisma": { "schema": "db/schema.prisma" } in ${underRoot(pkg.dir, 'package.json')}, or pass prisma: false`);
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
  const users = prismaUsers(project);
  const schemas = workspaceSchemas(project, users, options, asked, context.manager);
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
  // migrate deploy runs Prisma's schema engine, which links OpenSSL whatever the client's engine.
  const runtimePackages = opensslPackages(options, schemas.some((s) => s.found.queryEngine) || options.migrate === 'deploy', context.distroless);
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
    // npm and yarn hoist the CLI to the root's node_modules/.bin from any package's production dependencies.
    if (!users.some((u) => u.found.cliInProduction) && project.workspace?.rootPrisma?.cliInProduction !== true) fail(`prisma.migrate runs the prisma CLI in the runtime, but prisma is not in "dependencies" of ${underRoot(s.pkg.dir, 'package.json')}`, 'move prisma from devDependencies to dependencies (of that package or the root), or drop prisma.migrate');
    // A schema at its package's root: the file and the migrations beside it, not the whole package.
    if (dirOf(s.schema) !== s.pkg.dir) sources.push(`${dirOf(s.schema)}/`);
    else sources.push(s.schema, ...(s.found.migrations === undefined || options.schema !== undefined ? [] : [`${underRoot(s.pkg.dir, s.found.migrations)}/`]));
    entrypoint = ['/bin/sh', '-c', `${underRoot(rootFromApp, 'node_modules/.bin/prisma')} migrate deploy --schema ${underRoot(rootFromApp, s.schema)} && exec "$@"`, '--'];
  }
  return Object.freeze({
    generatedCopies: () => [],
    // workspace-stages.ts generates again after the builds when a client is inside a build output.
    afterBuild: () => undefined,
    runtimeSources: [],
    runtimePackages,
    ...volume,
    ...(entrypoint === undefined ? {} : { entrypoint }),
    // A schema at the root is in no package's files: it is copied on its own, early or not.
    workspace: Object.freeze({ schemaDirs: [...new Set(schemas.filter((s) => early || s.pkg.dir === '.').map((s) => (dirOf(s.schema) === s.pkg.dir ? s.schema : `${dirOf(s.schema)}/`)))], generate, generated, sources, early }),
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
  // Options that only turn steps off (a shared `generate: false`) ask nothing of a project without Prisma.
  const asked = options.schema !== undefined || options.migrate === 'deploy' || options.openssl === true || typeof options.dataDir === 'string' || options.databaseUrl !== undefined;
  if (project.workspace !== undefined) return workspacePlan(project, options, asked, context);
  if (found === undefined && !asked) return NONE;
  if (found === undefined) fail(`prisma options were given, but ${project.name} does not depend on prisma or @prisma/client`, 'add @prisma/client (and prisma) to its package.json, or drop the prisma option');
  const schema = options.schema === undefined ? found.schema : plainPath('schema', options.schema);
  if (schema === undefined) {
    fail(`${project.name} depends on Prisma but no schema was found at prisma/schema.prisma, schema.prisma or package.json "prisma.schema"`, "pass prisma: { schema: 'db/schema.prisma' }, or prisma: false");
  }
  const schemaDir = dirOf(schema);
  const cli = context.manager === 'yarn-berry' ? 'yarn run prisma' : context.manager === 'bun' ? 'bun run prisma' : 'node_modules/.bin/prisma';
  const generate = options.generate === false ? undefined : `${cli} generate --schema ${schema}`;

  // Where the generated client is: in node_modules (prisma-client-js's default) or the output set.
  const output = found.output;
  if (generate !== undefined && output === undefined && context.manager === 'pnpm') {
    fail("with pnpm, Prisma's default client output is inside pnpm's store, where the runtime's production install cannot find it",
      'set output = "../generated/prisma" in the schema\'s generator block (and import it from there), or pass prisma: { generate: false }');
  }
  const inCopied = (copied: readonly string[]) => output !== undefined && copied.some((d) => output === d || output.startsWith(`${d}/`));
  const generatedCopies = (hasNodeModules: boolean, copied: readonly string[]): readonly string[] => {
    if (generate === undefined) return [];
    if (output === undefined) return hasNodeModules && context.manager !== 'yarn-berry' ? ['node_modules/.prisma'] : [];
    if (output.startsWith('node_modules/') || output === '.' || output.startsWith('..') || inCopied(copied)) return [];
    return [output];
  };
  const afterBuild = (copied: readonly string[]) => (generate !== undefined && inCopied(copied) ? generate : undefined);

  // migrate deploy runs Prisma's schema engine, which links OpenSSL whatever the client's engine.
  const runtimePackages = opensslPackages(options, found.queryEngine || options.migrate === 'deploy', context.distroless);
  const { dataDirs, env } = sqliteVolume(found.provider === 'sqlite' ? found : undefined, schema, options);

  // Migrations before the start command; the CLI must be in the production install.
  let entrypoint: readonly string[] | undefined;
  const runtimeSources: string[] = [];
  if (options.migrate === 'deploy') {
    if (context.distroless) fail('prisma.migrate needs a shell before the start command, which a distroless runtime has not', "use the slim runtime, or run migrations as their own job and drop prisma.migrate");
    if (!found.cliInProduction) fail('prisma.migrate runs the prisma CLI in the runtime, but prisma is not in "dependencies"', 'move prisma from devDependencies to dependencies, or drop prisma.migrate');
    if (schemaDir !== '.') runtimeSources.push(`${schemaDir}/`);
    else runtimeSources.push(schema, ...(found.migrations === undefined || schema !== found.schema ? [] : [`${found.migrations}/`]));
    const bin = context.manager === 'bun' ? 'bun run prisma' : 'node_modules/.bin/prisma';
    entrypoint = ['/bin/sh', '-c', `${bin} migrate deploy --schema ${schema} && exec "$@"`, '--'];
  }
  return Object.freeze({ ...(generate === undefined ? {} : { generate }), generatedCopies, afterBuild, runtimeSources, runtimePackages, env, dataDirs, ...(entrypoint === undefined ? {} : { entrypoint }) });
}
