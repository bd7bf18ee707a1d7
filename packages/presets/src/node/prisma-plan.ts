import { DockwrightError } from '@dockwright/core';
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

/**
 * Prisma anywhere in a workspace service's packages (the service, or a package it depends on such
 * as `packages/db`) is refused, naming the packages: the preset does not generate their client
 * yet, and without it the image would start and then fail on the first query.
 */
function workspaceRefusal(project: NodeProject, packages: readonly WorkspacePackage[], asked: boolean): void {
  const users = packages.filter((p, i) => p.prisma === true || (i === 0 && project.prisma !== undefined));
  if (users.length === 0 && !asked) return;
  const named = users.length === 0 ? [packages[0] ?? { name: project.name, dir: '.' }] : users;
  const list = named.map((p) => `${p.name} (${p.dir})`).join(', ');
  const first = named[0]?.dir ?? '.';
  fail(`Prisma in a workspace is not built by the preset yet: ${list} ${named.length === 1 ? 'uses' : 'use'} Prisma, and its generated client would not be in the image`,
    `pass prisma: false and generate the client in the build: start the build script of ${first}/package.json with \`prisma generate\` ("build": "prisma generate && tsc"), and set the generator's output inside that build output (output = "../dist/generated/prisma") so the runtime gets it with the package; for the Rust query engine, install openssl with runtimeSteps`);
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
  if (project.workspace !== undefined) workspaceRefusal(project, project.workspace.packages, given !== undefined);
  if (found === undefined && given === undefined) return NONE;
  const schema = options.schema === undefined ? found?.schema : plainPath('schema', options.schema);
  if (schema === undefined) {
    fail(`${project.name} depends on Prisma but no schema was found at prisma/schema.prisma, schema.prisma or package.json "prisma.schema"`, "pass prisma: { schema: 'db/schema.prisma' }, or prisma: false");
  }
  const schemaDir = schema.includes('/') ? schema.slice(0, schema.lastIndexOf('/')) : '.';
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

  const openssl = options.openssl ?? found?.queryEngine ?? true;
  if (openssl && context.distroless && options.openssl === true) fail('prisma.openssl needs apt, which a distroless runtime has not', 'distroless Node images carry libssl already: drop prisma.openssl');
  const runtimePackages = openssl && !context.distroless ? ['ca-certificates', 'openssl'] : [];

  // SQLite: the database file in a volume the app user owns, its URL in the datasource's variable.
  let dataDirs: readonly string[] = [];
  let env: PrismaPlan['env'] = () => ({});
  if (found?.provider === 'sqlite' && options.dataDir !== false) {
    const url = found.url;
    if (url === undefined || 'literal' in url) {
      fail(`the SQLite URL of ${schema} is written in the schema, so it cannot point at a volume`, 'write url = env("DATABASE_URL") in the datasource, or pass prisma: { dataDir: false }');
    }
    const dir = options.dataDir === undefined ? 'data' : plainPath('dataDir', options.dataDir);
    dataDirs = [dir];
    env = (appDir) => ({ [url.env]: options.databaseUrl ?? `file:${appDir}/${dir}/app.db` });
  }

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
