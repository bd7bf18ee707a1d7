import { parse as parseYaml } from 'yaml';
import { DockwrightError } from '@dockwright/core';
import { dirname, has, join, listEntries, pathSep, readJson, readText, relative, resolve } from '../shared/read-project.js';
import { majorForRange, majorForVersionFile, type NodeWish } from './node-versions.js';
import { scanWorkspace } from './scan-workspace.js';
import { detectFramework, type NodeFramework } from './frameworks/detect-framework.js';
import { detectPrisma, type NodePrisma } from './detect-prisma.js';
import { detectNative } from './detect-native.js';
import { toolFromLockfile } from './package-manager-versions.js';

/** The package managers the Node preset knows. */
export type NodePackageManager = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry' | 'bun';

/** A workspace package of a monorepo: its name and its directory relative to the root. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  /** Names of the workspace packages it depends on directly. */
  readonly dependsOn: readonly string[];
  /**
   * The names of its package.json scripts. npm and yarn workspaces build the packages whose
   * scripts have the build script, and copy the others as they are.
   */
  readonly scripts?: readonly string[];
  /** True when it depends on `prisma` or `@prisma/client` (its client must be generated in the build). */
  readonly prisma?: true;
  /** With `prisma`: what detection read of its schema, relative to the package (detect-prisma.ts). */
  readonly prismaSchema?: NodePrisma;
}

/** What the Node preset needs to know about a project; `detectNode()` reads it from disk, `detectNodeFiles()` from file contents. */
export interface NodeProject {
  readonly name: string;
  readonly packageManager: NodePackageManager;
  /**
   * The exact version of the package manager (`10.34.8`): from `packageManager` in package.json,
   * else, for pnpm and yarn, picked from the lockfile's format (package-manager-versions.ts).
   */
  readonly packageManagerVersion?: string;
  /** Where `packageManagerVersion` came from, when not from `packageManager` (`pnpm-lock.yaml format 9.0`). */
  readonly packageManagerVersionFrom?: string;
  /** Why no version could be picked from the lockfile (an unknown format). */
  readonly packageManagerVersionProblem?: string;
  /**
   * The package manager's configuration files beside the lockfile that the install reads
   * (`.yarnrc.yml`). Detection lists the ones that exist; when absent, the plan's own list is used.
   */
  readonly configFiles?: readonly string[];
  /** Prisma, when `prisma` or `@prisma/client` is a dependency (detect-prisma.ts). */
  readonly prisma?: NodePrisma;
  /** Why installing compiles native code (`['better-sqlite3', 'binding.gyp']`), when it does (detect-native.ts). */
  readonly nativeModules?: readonly string[];
  /** Node major version (`22`), from `engines.node` (the newest maintained LTS it allows), `.nvmrc` or `.node-version`. */
  readonly nodeVersion?: string;
  /** Why the version the project asks for fits no release the preset knows (`engines.node in package.json: ">=30" allows none of ...`). */
  readonly nodeVersionProblem?: string;
  /** False when package.json lists no production dependencies: the runtime then gets no node_modules. Default true. */
  readonly hasDependencies?: boolean;
  /** The lockfile, relative to the workspace root (or the project when it is not in one). */
  readonly lockfile?: string;
  readonly hasBuildScript: boolean;
  /**
   * True when the build script is exactly `tsc`, TypeScript is a dependency, and no `prebuild` or
   * `postbuild` script runs around it: the preset then runs the compiler itself
   * (`node node_modules/typescript/bin/tsc`), without the package manager's start-up.
   */
  readonly tscBuild?: boolean;
  /** The command that starts the app, as argv (`['node', 'dist/server.js']`). */
  readonly start?: readonly string[];
  /** The framework, when one is detected: its build output, start command, port (frameworks/detect-framework.ts). */
  readonly framework?: NodeFramework;
  /** Set when the project is a package inside a workspace: the preset then builds from the root. */
  readonly workspace?: {
    /** The project's directory relative to the workspace root (`services/api`). */
    readonly dir: string;
    /** The root, relative to the project (`../..`). */
    readonly root: string;
    /** The workspace packages this project needs, itself first, then its dependencies. */
    readonly packages: readonly WorkspacePackage[];
    /**
     * Other files at the root that a build may read (`tsconfig.base.json`, `turbo.json`): every
     * top-level file but the manifests, lockfiles, dotfiles, docs and Dockerfiles.
     */
    readonly rootFiles?: readonly string[];
    /**
     * The root package.json's Prisma use, when it depends on `prisma` or `@prisma/client`: a
     * schema at the root that the packages share, or the CLI every package runs (detect-prisma.ts).
     */
    readonly rootPrisma?: NodePrisma;
  };
}

const LOCKFILES: readonly [string, NodePackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['yarn.lock', 'yarn'],
];

function fail(message: string, hint: string): never {
  throw new DockwrightError([{ code: 'DW9003', message, hint, path: { instruction: 'detectNode()' } }]);
}

/** `pnpm@10.34.8+sha512...` -> pnpm, 10.34.8; yarn 2+ is berry. */
function fromPackageManagerField(field: unknown): { manager: NodePackageManager; version: string } | undefined {
  if (typeof field !== 'string') return undefined;
  const m = /^(npm|pnpm|yarn|bun)@(\d+)\.(\d+)\.(\d+)/.exec(field);
  if (m === null) return undefined;
  const [, tool = '', major = '0', minor = '0', patch = '0'] = m;
  const manager = tool === 'yarn' && Number(major) >= 2 ? 'yarn-berry' : (tool as NodePackageManager);
  return { manager, version: `${major}.${minor}.${patch}` };
}

/**
 * The Node major from `engines.node` (the newest maintained LTS the range allows) or a version
 * file (`22`, `v20.11.1`, `lts/iron`, `lts/*`, `node`): the package's own, then the workspace root's.
 */
function nodeVersionOf(dir: string, roots: readonly string[], pkg: Record<string, unknown>): { version?: string; problem?: string } {
  // The package's own engines, then the workspace root's (where a monorepo usually says it once).
  for (const manifest of [pkg, ...roots.map((r) => readJson(r, 'package.json') ?? {})]) {
    const engines = manifest['engines'];
    const range = typeof engines === 'object' && engines !== null ? (engines as Record<string, unknown>)['node'] : undefined;
    if (typeof range === 'string') return versionOrProblem(majorForRange(range), 'engines.node in package.json');
  }
  for (const root of [dir, ...roots]) {
    for (const file of ['.nvmrc', '.node-version']) {
      const text = readText(root, file);
      if (text !== undefined && text.trim() !== '') return versionOrProblem(majorForVersionFile(text), file);
    }
  }
  return {};
}

function versionOrProblem(wish: NodeWish, where: string): { version?: string; problem?: string } {
  return 'major' in wish ? { version: String(wish.major) } : { problem: `${where}: ${wish.problem}` };
}

/** Whether package.json lists production dependencies (without them an install writes no node_modules). */
function hasDependencies(pkg: Record<string, unknown>): boolean {
  return ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'].some((field) => {
    const value = pkg[field];
    return Array.isArray(value) ? value.length > 0 : typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  });
}

/** `node dist/server.js` -> argv; anything a shell would interpret is refused. */
function startOf(pkg: Record<string, unknown>, bun = false): readonly string[] | undefined {
  const scripts = (pkg['scripts'] ?? {}) as Record<string, unknown>;
  const start = scripts['start'];
  if (bun) {
    // bun runs the file itself (TypeScript included), else the start script through `bun run`.
    if (typeof start === 'string') {
      const words = start.trim().split(/\s+/);
      if (/^[\w ./@=:-]+$/.test(start) && (words[0] === 'bun' || words[0] === 'node') && words.length === 2 && !['run', 'x'].includes(words[1] ?? '')) return ['bun', 'run', words[1] ?? ''];
      return ['bun', 'run', 'start'];
    }
    const main = pkg['main'] ?? pkg['module'];
    return typeof main === 'string' ? ['bun', 'run', main] : undefined;
  }
  if (typeof start === 'string') {
    const words = start.trim().split(/\s+/);
    if (/^[\w ./@=:-]+$/.test(start) && words[0] === 'node') return words;
    return undefined;
  }
  const main = pkg['main'];
  return typeof main === 'string' ? ['node', main] : undefined;
}

function findUp(dir: string, file: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    if (has(current, file)) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

// pnpm-workspace.yaml's globs by its text: every service of a monorepo reads the same file, and
// parsing it again for each is most of what finding the workspace costs.
const pnpmGlobs = new Map<string, readonly string[]>();

function globsOfPnpmWorkspace(text: string): readonly string[] {
  const known = pnpmGlobs.get(text);
  if (known !== undefined) return known;
  const doc = parseYaml(text) as { packages?: unknown } | null;
  const globs = Object.freeze(Array.isArray(doc?.packages) ? doc.packages.filter((p): p is string => typeof p === 'string') : []);
  if (pnpmGlobs.size >= 32) pnpmGlobs.clear();
  pnpmGlobs.set(text, globs);
  return globs;
}

function workspaceGlobs(root: string): readonly string[] | undefined {
  const pnpm = readText(root, 'pnpm-workspace.yaml');
  if (pnpm !== undefined) return globsOfPnpmWorkspace(pnpm);
  const pkg = readJson(root, 'package.json');
  const ws = pkg?.['workspaces'];
  if (Array.isArray(ws)) return ws.filter((p): p is string => typeof p === 'string');
  if (typeof ws === 'object' && ws !== null && Array.isArray((ws as { packages?: unknown }).packages)) {
    return ((ws as { packages: unknown[] }).packages).filter((p): p is string => typeof p === 'string');
  }
  return undefined;
}

/**
 * Top-level files of a workspace root the preset does not copy already, or that no build reads.
 * Dockwright's own files (policy, lockfile, config, the bake file) and Renovate's are left out too: copying them
 * would make every Node service's Dockerfile, and its build cache, change with them.
 */
const NOT_ROOT_FILES = /^(?:\..*|package\.json|pnpm-workspace\.yaml|pnpm-lock\.yaml|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|bun\.lockb?|.*\.md|LICEN[CS]E.*|Dockerfile.*|.*\.Dockerfile|dockwright\..*|docker-bake(?:\.override)?\.(?:json|hcl)|renovate\.json5?)$/i;

function rootFilesOf(root: string): string[] {
  return (listEntries(root) ?? [])
    .filter((e) => e.isFile && !NOT_ROOT_FILES.test(e.name))
    .map((e) => e.name)
    .sort();
}

function workspaceOf(dir: string): NodeProject['workspace'] | undefined {
  const project = resolve(dir);
  let current = dirname(project);
  for (;;) {
    const globs = workspaceGlobs(current);
    if (globs !== undefined) {
      const all = scanWorkspace(current, globs);
      const rel = relative(current, project).split(pathSep()).join('/');
      if (!all.some((p) => p.dir === rel)) return undefined;
      const names = new Set(all.map((p) => p.name));
      const byName = new Map(all.map((p) => [p.name, p]));
      const needed: WorkspacePackage[] = [];
      const visit = (name: string) => {
        const p = byName.get(name);
        if (p === undefined || needed.some((n) => n.name === name)) return;
        const dependsOn = p.deps.filter((d) => names.has(d)).sort();
        const prisma = p.deps.includes('prisma') || p.deps.includes('@prisma/client');
        const at = join(current, p.dir);
        const prismaSchema = prisma ? detectPrisma(readJson(at, 'package.json') ?? {}, (f) => readText(at, f)) : undefined;
        needed.push({ name: p.name, dir: p.dir, dependsOn, scripts: p.scripts, ...(prismaSchema === undefined ? {} : { prisma: true as const, prismaSchema }) });
        dependsOn.forEach(visit);
      };
      visit(all.find((p) => p.dir === rel)?.name ?? '');
      const rootFiles = rootFilesOf(current);
      const rootPrisma = detectPrisma(readJson(current, 'package.json') ?? {}, (f) => readText(current, f));
      return {
        dir: rel,
        root: relative(project, current).split(pathSep()).join('/') || '.',
        packages: needed,
        ...(rootFiles.length === 0 ? {} : { rootFiles }),
        ...(rootPrisma === undefined ? {} : { rootPrisma }),
      };
    }
    const parent = dirname(current);
    if (parent === current || has(current, '.git')) return undefined;
    current = parent;
  }
}

/**
 * Reads a Node project through the file source of the detection under way (`detectNode` on the
 * disk, `detectNodeFiles` in memory).
 */
export function readNodeProject(dir: string): NodeProject {
  const pkg = readJson(dir, 'package.json');
  if (pkg === undefined) fail(`no package.json in ${dir}`, 'point the preset at the directory of the app\'s package.json');
  const workspace = workspaceOf(dir);
  const lockRoot = workspace === undefined ? dir : join(dir, workspace.root);
  const lock = LOCKFILES.find(([file]) => has(lockRoot, file)) ?? LOCKFILES.find(([file]) => findUp(dir, file) !== undefined);
  const field = fromPackageManagerField(pkg['packageManager'] ?? readJson(lockRoot, 'package.json')?.['packageManager']);
  let manager: NodePackageManager = field?.manager ?? lock?.[1] ?? 'npm';
  const lockText = lock === undefined || !has(lockRoot, lock[0]) ? undefined : readText(lockRoot, lock[0]);
  // Without a packageManager field, the lockfile's format says which tool (yarn 1 or berry) and version.
  const fromLock = field === undefined && lock !== undefined && lockText !== undefined && lock[1] === manager ? toolFromLockfile(lock[0], lockText) : undefined;
  if (manager === 'yarn' && (has(lockRoot, '.yarnrc.yml') || field?.manager === 'yarn-berry' || fromLock?.manager === 'yarn-berry')) manager = 'yarn-berry';
  const configFiles = manager === 'yarn-berry' && has(lockRoot, '.yarnrc.yml') ? ['.yarnrc.yml'] : [];
  const lockVersion = fromLock === undefined || fromLock.manager !== manager ? {}
    : 'version' in fromLock ? { packageManagerVersion: fromLock.version, packageManagerVersionFrom: `${lock?.[0] ?? ''} format ${fromLock.format}` }
    : { packageManagerVersionProblem: `${lock?.[0] ?? ''}: ${fromLock.problem}` };
  const prisma = detectPrisma(pkg, (p) => readText(dir, p));
  const nativeModules = detectNative(pkg, lock?.[0], lockText, (p) => has(dir, p));
  const scripts = (pkg['scripts'] ?? {}) as Record<string, unknown>;
  const { version: nodeVersion, problem: nodeVersionProblem } = nodeVersionOf(dir, workspace === undefined ? [] : [lockRoot], pkg);
  const framework = detectFramework(pkg, { read: (p) => readText(dir, p), exists: (p) => has(dir, p) });
  const start = startOf(pkg, manager === 'bun') ?? framework?.start;
  return Object.freeze({
    name: String(pkg['name'] ?? 'app'),
    packageManager: manager,
    ...(field === undefined ? lockVersion : { packageManagerVersion: field.version }),
    ...(manager === 'yarn-berry' ? { configFiles } : {}),
    ...(prisma === undefined ? {} : { prisma }),
    ...(nativeModules.length === 0 ? {} : { nativeModules }),
    ...(nodeVersion === undefined ? {} : { nodeVersion }),
    ...(nodeVersionProblem === undefined ? {} : { nodeVersionProblem }),
    ...(lock === undefined || !has(lockRoot, lock[0]) ? {} : { lockfile: lock[0] }),
    hasBuildScript: typeof scripts['build'] === 'string',
    ...(isTscBuild(pkg, scripts) ? { tscBuild: true } : {}),
    ...(hasDependencies(pkg) ? {} : { hasDependencies: false }),
    ...(start === undefined ? {} : { start }),
    ...(framework === undefined ? {} : { framework }),
    ...(workspace === undefined ? {} : { workspace }),
  });
}

/** The build script is `tsc` alone, of a TypeScript the install puts in node_modules, with no hooks around it. */
function isTscBuild(pkg: Record<string, unknown>, scripts: Record<string, unknown>): boolean {
  if (typeof scripts['build'] !== 'string' || scripts['build'].trim() !== 'tsc') return false;
  if (scripts['prebuild'] !== undefined || scripts['postbuild'] !== undefined) return false;
  const has = (field: string) => {
    const deps = pkg[field];
    return typeof deps === 'object' && deps !== null && 'typescript' in deps;
  };
  return has('devDependencies') || has('dependencies');
}
