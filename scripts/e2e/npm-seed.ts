/**
 * Seeds the local npm registry of the real-build tests (verdaccio on 127.0.0.1:4873, no uplinks)
 * with every package a fixture's lockfile names, so that `npm ci`, `pnpm install --frozen-lockfile`
 * and `yarn install --frozen-lockfile` work inside `docker build --network=host` with no internet.
 *
 *   tsx scripts/e2e/npm-seed.ts [--spec name@version]... <lockfile-or-dir>...
 *   (scripts/e2e/npm-seed.sh is the same, with the workspace's tsx)
 *
 * Reads package-lock.json / npm-shrinkwrap.json (v1, v2, v3), pnpm-lock.yaml (v6, v9) and yarn.lock
 * (classic v1 and berry); a directory is searched for them (not in node_modules). For each
 * name@version that verdaccio does not have yet: `npm pack name@version` by this machine's npm
 * (which can reach the public registry; packs are kept in $DOCKWRIGHT_E2E_STATE/npm-tarballs), the
 * tarball checked against the lockfile's integrity, then published to verdaccio by the same HTTP
 * request `npm publish` makes, with a token from `PUT /-/user/org.couchdb.user:<name>`. The
 * tarballs are published as they are, byte for byte, so the lockfiles' integrity hashes hold.
 *
 * Environment: DOCKWRIGHT_E2E_NPM_REGISTRY (default http://127.0.0.1:4873/), DOCKWRIGHT_E2E_STATE,
 * DOCKWRIGHT_E2E_NPM_UPSTREAM (registry to pack from; default: this machine's npm configuration).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** One package version a lockfile needs from the registry. */
export interface LockedPackage {
  readonly name: string;
  readonly version: string;
  /** The tarball's file name in its registry URL (`ms-2.1.3.tgz`), when the lockfile says. */
  readonly tarball?: string;
  /** `sha512-...` or `sha1-...`/hex sha1 from the lockfile, when it has one. */
  readonly integrity?: string;
  /** The lockfile it came from. */
  readonly from: string;
}

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** `name@version` (scoped names keep their leading `@`). */
function splitSpec(spec: string): [string, string] {
  const at = spec.indexOf('@', 1);
  return at < 0 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
}

/** The file name of a registry tarball URL (`https://registry.npmjs.org/@types/ms/-/ms-2.1.0.tgz#sha` -> ms-2.1.0.tgz). */
function tarballName(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//.test(url)) return undefined;
  const path = new URL(url).pathname;
  return path.includes('/-/') ? basename(path) : undefined;
}

// --- lockfile parsers ------------------------------------------------------------------------------

interface NpmLockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  inBundle?: boolean;
  bundled?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dependencies?: Record<string, NpmLockEntry>;
}

/** The platform the builds install for: the engine's (linux, this machine's CPU, glibc images). */
export interface Platform {
  readonly os: string;
  readonly cpu: string;
  readonly libc: string;
}

export const BUILD_PLATFORM: Platform = { os: 'linux', cpu: process.arch, libc: 'glibc' };

/** npm's own test of an `os`/`cpu`/`libc` list: allowed names, or `!name` exclusions. */
function allows(list: readonly string[] | undefined, value: string): boolean {
  if (list === undefined || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const positive = list.filter((x) => !x.startsWith('!'));
  return positive.length === 0 || positive.includes(value);
}

/**
 * Whether an optional package is one npm skips on `platform` (esbuild, rollup, sharp and
 * Next's SWC ship one package per platform; a build installs one of each, the others never).
 */
export function skippedOn(e: Pick<NpmLockEntry, 'optional' | 'os' | 'cpu' | 'libc'>, platform: Platform): boolean {
  return e.optional === true && !(allows(e.os, platform.os) && allows(e.cpu, platform.cpu) && allows(e.libc, platform.libc));
}

export function parseNpmLock(text: string, from: string, platform?: Platform): LockedPackage[] {
  const lock = JSON.parse(text) as { packages?: Record<string, NpmLockEntry>; dependencies?: Record<string, NpmLockEntry> };
  const out: LockedPackage[] = [];
  const add = (name: string, e: NpmLockEntry) => {
    if (e.link || e.inBundle || e.bundled || !e.version) return;
    if (platform !== undefined && skippedOn(e, platform)) return;
    // git+..., file:..., or a tarball that is not on a registry: not ours to seed.
    if (e.resolved !== undefined && tarballName(e.resolved) === undefined) return;
    if (!SEMVER.test(e.version)) return;
    const tarball = tarballName(e.resolved);
    out.push({
      name: e.name ?? name,
      version: e.version,
      ...(tarball === undefined ? {} : { tarball }),
      ...(e.integrity === undefined ? {} : { integrity: e.integrity }),
      from,
    });
  };
  if (lock.packages) {
    for (const [path, e] of Object.entries(lock.packages)) {
      const i = path.lastIndexOf('node_modules/');
      if (i < 0) continue; // the root and workspace folders
      add(path.slice(i + 'node_modules/'.length), e);
    }
  } else {
    // lockfileVersion 1: nested `dependencies`, each keyed by name; `version` may be an alias `npm:real@1.0.0`.
    const walk = (deps: Record<string, NpmLockEntry> | undefined) => {
      for (const [name, e] of Object.entries(deps ?? {})) {
        if (e.version?.startsWith('npm:')) {
          const [real, v] = splitSpec(e.version.slice(4));
          add(real, { ...e, version: v });
        } else {
          add(name, e);
        }
        walk(e.dependencies);
      }
    };
    walk(lock.dependencies);
  }
  return out;
}

/** pnpm-lock.yaml, lockfileVersion 6 or 9: the keys of its `packages:` section. */
export function parsePnpmLock(text: string, from: string): LockedPackage[] {
  const out: LockedPackage[] = [];
  let inPackages = false;
  let current: { name: string; version: string } | undefined;
  let integrity: string | undefined;
  let skip = false;
  const flush = () => {
    if (current && !skip) out.push({ ...current, ...(integrity === undefined ? {} : { integrity }), from });
    current = undefined;
    integrity = undefined;
    skip = false;
  };
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      flush();
      inPackages = line.startsWith('packages:');
      continue;
    }
    if (!inPackages) continue;
    const key = /^ {2}(\S.*):\s*(\{\})?$/.exec(line);
    if (key?.[1] !== undefined) {
      flush();
      // '/name@1.2.3(peer@1.0.0)' (v6) or 'name@1.2.3' (v9), quoted when it starts with '@'.
      const spec = key[1].replace(/^'(.*)'$/, '$1').replace(/^\//, '').replace(/\(.*$/, '');
      const [name, version] = splitSpec(spec);
      if (SEMVER.test(version)) current = { name, version };
      continue;
    }
    const res = /^ {4}resolution: \{(.*)\}\s*$/.exec(line);
    if (res?.[1] !== undefined && current) {
      const integ = /integrity: ([^,}\s]+)/.exec(res[1]);
      if (integ?.[1] !== undefined) integrity = integ[1];
      // {tarball: <url>} (not from the registry), {directory: ...}, {type: git, ...}
      if (/\b(tarball|directory|type|repo):/.test(res[1])) skip = true;
    }
  }
  flush();
  return out;
}

/** yarn.lock: classic (v1) or berry (`__metadata:`; its `resolution: "name@npm:1.2.3"`). */
export function parseYarnLock(text: string, from: string): LockedPackage[] {
  const out: LockedPackage[] = [];
  const berry = /^__metadata:/m.test(text);
  const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');
  let first: string | undefined;
  let fields: Record<string, string> = {};
  const flush = () => {
    if (first === undefined) return;
    if (berry) {
      const m = /^(.+)@npm:(.+)$/.exec(fields['resolution'] ?? '');
      if (m?.[1] !== undefined && m[2] !== undefined && SEMVER.test(m[2])) {
        out.push({ name: m[1], version: m[2], from });
      }
    } else {
      const version = fields['version'];
      const resolved = fields['resolved'];
      const tarball = tarballName(resolved);
      if (version !== undefined && SEMVER.test(version) && tarball !== undefined) {
        // The entry's first spec names it: `name@range`, or an alias `alias@npm:real@range`.
        let [name, range] = splitSpec(first);
        if (range.startsWith('npm:')) [name] = splitSpec(range.slice(4));
        const hash = /#([0-9a-f]{40})$/.exec(resolved ?? '')?.[1];
        const integrity = fields['integrity'] ?? hash;
        out.push({ name, version, tarball, ...(integrity === undefined ? {} : { integrity }), from });
      }
    }
    first = undefined;
    fields = {};
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (/^\S/.test(line)) {
      flush();
      if (line.startsWith('__metadata')) continue;
      const specs = line.replace(/:\s*$/, '');
      first = unquote(specs.split(/,\s*/)[0] ?? '');
      continue;
    }
    const m = /^ {2}(\w+):? (.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) fields[m[1]] = unquote(m[2]);
  }
  flush();
  return out;
}

/** The packages of a lockfile; with `platform`, an npm lockfile's optional packages for other platforms are left out. */
export function parseLockfile(path: string, text: string, platform?: Platform): LockedPackage[] {
  const file = basename(path);
  if (file === 'pnpm-lock.yaml') return parsePnpmLock(text, path);
  if (file === 'yarn.lock') return parseYarnLock(text, path);
  if (file.endsWith('.json')) return parseNpmLock(text, path, platform);
  throw new Error(`not a lockfile this seeder reads: ${path} (${LOCKFILES.join(', ')})`);
}

/** The lockfiles under `dir` (not inside node_modules), or `dir` itself when it is a file. */
export async function findLockfiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const found: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git' && entry.name !== 'dist') found.push(...(await findLockfiles(p)));
    } else if (LOCKFILES.includes(entry.name)) {
      found.push(p);
    }
  }
  return found.sort();
}

// --- tarballs --------------------------------------------------------------------------------------

/** The regular files of a .tgz, as [path, contents] (ustar, GNU long names and pax paths). */
export function* tarEntries(tgz: Uint8Array): Generator<[string, Buffer]> {
  const tar = gunzipSync(tgz);
  let longName: string | undefined;
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a: number, b: number) => header.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(str(124, 136).trim() || '0', 8);
    const type = str(156, 157);
    const prefix = str(345, 500);
    const name = longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    longName = undefined;
    const body = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
    } else if (type === 'x') {
      const path = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      if (path !== undefined) longName = path;
    } else if (type === '0' || type === '') {
      yield [name.replace(/^\.\//, ''), body];
    }
  }
}

/** The package.json at the top of an npm tarball (its top directory is `package/`, or another name for some). */
export function packageJsonOf(tgz: Uint8Array): Record<string, unknown> {
  for (const [path, body] of tarEntries(tgz)) {
    if (/^[^/]+\/package\.json$/.test(path)) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  }
  throw new Error('no package.json at the top of the tarball');
}

function hasTopFile(tgz: Uint8Array, file: string): boolean {
  for (const [path] of tarEntries(tgz)) if (path.slice(path.indexOf('/') + 1) === file && path.indexOf('/') === path.lastIndexOf('/')) return true;
  return false;
}

/** Whether `data` matches a lockfile integrity: `sha512-<base64>` (any listed), `sha1-<base64>` or a hex sha1. */
export function integrityMatches(data: Uint8Array, integrity: string): boolean {
  if (/^[0-9a-f]{40}$/.test(integrity)) return createHash('sha1').update(data).digest('hex') === integrity;
  return integrity.split(/\s+/).some((part) => {
    const m = /^(sha\d+)-(.+)$/.exec(part);
    if (!m?.[1] || !m[2]) return false;
    return createHash(m[1]).update(data).digest('base64') === m[2];
  });
}

/** Numeric comparison of semver versions (a release sorts after its pre-releases). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === undefined || y.pre === undefined) return x.pre === y.pre ? 0 : x.pre === undefined ? 1 : -1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}

// --- processes and HTTP ----------------------------------------------------------------------------

function exec(cmd: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code: code ?? 1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

const pathOf = (name: string) => name.replace('/', '%2f');

export class Verdaccio {
  private token: string | undefined;
  constructor(readonly url: string) {}

  /** The versions and dist-tags verdaccio has for `name` (empty when it has none). */
  async packument(name: string): Promise<{ versions: Set<string>; latest?: string }> {
    const r = await fetch(`${this.url}${pathOf(name)}`, { headers: { accept: 'application/json' } });
    if (r.status === 404) return { versions: new Set() };
    if (!r.ok) throw new Error(`GET ${this.url}${pathOf(name)}: ${r.status} ${await r.text()}`);
    const doc = (await r.json()) as { versions?: Record<string, unknown>; 'dist-tags'?: Record<string, string> };
    const latest = doc['dist-tags']?.['latest'];
    return { versions: new Set(Object.keys(doc.versions ?? {})), ...(latest === undefined ? {} : { latest }) };
  }

  /** A publish token: adds the user, or logs it in when it exists (same request). */
  async login(user = 'dockwright-seed', password = 'dockwright-seed-password'): Promise<string> {
    if (this.token) return this.token;
    const put = (auth: boolean) =>
      fetch(`${this.url}-/user/org.couchdb.user:${user}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          // An existing user logs in with the same request, sent with its credentials.
          ...(auth ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } : {}),
        },
        body: JSON.stringify({ _id: `org.couchdb.user:${user}`, name: user, password, type: 'user', roles: [], date: new Date().toISOString() }),
      });
    let r = await put(false);
    if (r.status === 409) r = await put(true);
    const body = (await r.json().catch(() => ({}))) as { token?: string; error?: string };
    if (!r.ok || !body.token) throw new Error(`verdaccio login as ${user} failed: ${r.status} ${JSON.stringify(body)}`);
    this.token = body.token;
    return body.token;
  }

  /** Publishes one tarball as `npm publish` would: the package.json as the version's manifest, the bytes as they are. */
  async publish(tgz: Uint8Array, opts: { fileName?: string; tagLatest: boolean }): Promise<{ name: string; version: string }> {
    const manifest = packageJsonOf(tgz);
    const name = String(manifest['name']);
    const version = String(manifest['version']);
    const fileName = opts.fileName ?? `${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
    const scripts = (manifest['scripts'] ?? {}) as Record<string, string>;
    const gyp = !scripts['install'] && !scripts['preinstall'] && hasTopFile(tgz, 'binding.gyp');
    const versionDoc: Record<string, unknown> = {
      ...manifest,
      _id: `${name}@${version}`,
      ...(typeof manifest['bin'] === 'string' ? { bin: { [name.replace(/^@[^/]+\//, '')]: manifest['bin'] } } : {}),
      ...(gyp ? { scripts: { ...scripts, install: 'node-gyp rebuild' }, gypfile: true } : {}),
      ...(gyp || scripts['install'] || scripts['preinstall'] || scripts['postinstall'] ? { hasInstallScript: true } : {}),
      dist: {
        integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`,
        shasum: createHash('sha1').update(tgz).digest('hex'),
        tarball: `${this.url}${name}/-/${fileName}`,
      },
    };
    const body = {
      _id: name,
      name,
      ...(typeof manifest['description'] === 'string' ? { description: manifest['description'] } : {}),
      'dist-tags': opts.tagLatest ? { latest: version } : {},
      versions: { [version]: versionDoc },
      access: null,
      _attachments: {
        [fileName]: { content_type: 'application/octet-stream', data: Buffer.from(tgz).toString('base64'), length: tgz.length },
      },
    };
    const r = await fetch(`${this.url}${pathOf(name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.login()}` },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`publishing ${name}@${version} to ${this.url} failed: ${r.status} ${await r.text()}`);
    return { name, version };
  }
}

// --- the seeding -----------------------------------------------------------------------------------

export interface SeedOptions {
  /** Lockfiles, or directories to search for them. */
  readonly paths: readonly string[];
  /** Extra `name@version` specs to seed (e.g. pnpm itself, for `npm install -g pnpm@...` in a build). */
  readonly specs?: readonly string[];
  readonly registry?: string;
  readonly state?: string;
  readonly log?: (line: string) => void;
  /** Seed optional packages of every platform too (default: only those a linux build installs). */
  readonly allPlatforms?: boolean;
}

export interface SeedResult {
  readonly lockfiles: readonly string[];
  /** Distinct name@version the lockfiles and specs name. */
  readonly wanted: number;
  readonly published: readonly string[];
  readonly packed: number;
  readonly seconds: number;
}

/** `npm pack` the specs into `dir` (by up to `jobs` npm processes at once); returns name@version -> file. */
async function npmPack(specs: readonly string[], dir: string, jobs = 10): Promise<Map<string, string>> {
  const upstream = process.env['DOCKWRIGHT_E2E_NPM_UPSTREAM'];
  const chunks: string[][] = [];
  const size = Math.ceil(specs.length / Math.min(jobs, specs.length));
  for (let i = 0; i < specs.length; i += size) chunks.push(specs.slice(i, i + size));
  const files = new Map<string, string>();
  await Promise.all(
    chunks.map(async (chunk) => {
      const work = await mkdtemp(join(dir, '.pack-'));
      try {
        const args = ['pack', '--json', '--pack-destination', work, '--loglevel=error', ...(upstream ? ['--registry', upstream] : []), ...chunk];
        const r = await exec('npm', args, work);
        if (r.code !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
        const packed = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { name: string; version: string; filename: string }[];
        for (const p of packed) {
          const dest = join(dir, `${encodeURIComponent(p.name)}@${p.version}.tgz`);
          await rename(join(work, p.filename), dest);
          files.set(`${p.name}@${p.version}`, dest);
        }
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }),
  );
  return files;
}

export async function seed(opts: SeedOptions): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const log = opts.log ?? (() => {});
  const registry = (opts.registry ?? process.env['DOCKWRIGHT_E2E_NPM_REGISTRY'] ?? 'http://127.0.0.1:4873/').replace(/\/?$/, '/');
  const state = opts.state ?? process.env['DOCKWRIGHT_E2E_STATE'] ?? '/var/tmp/dockwright-e2e';
  const cache = join(state, 'npm-tarballs');
  await mkdir(cache, { recursive: true });

  const lockfiles: string[] = [];
  for (const p of opts.paths) lockfiles.push(...(await findLockfiles(resolve(p))));
  const wanted = new Map<string, LockedPackage>();
  for (const file of lockfiles) {
    const found = parseLockfile(file, await readFile(file, 'utf8'), opts.allPlatforms === true ? undefined : BUILD_PLATFORM);
    if (found.length === 0) log(`WARNING: no registry packages in ${file}`);
    for (const p of found) {
      const key = `${p.name}@${p.version}`;
      const seen = wanted.get(key);
      // Keep the entry that says most (a tarball name, an integrity).
      if (!seen || (!seen.integrity && p.integrity) || (!seen.tarball && p.tarball)) wanted.set(key, { ...seen, ...p });
    }
  }
  for (const spec of opts.specs ?? []) {
    const [name, version] = splitSpec(spec);
    if (!SEMVER.test(version)) throw new Error(`--spec needs an exact version: ${spec}`);
    if (!wanted.has(spec)) wanted.set(spec, { name, version, from: '--spec' });
  }

  const v = new Verdaccio(registry);
  const names = [...new Set([...wanted.values()].map((p) => p.name))];
  const have = new Map<string, { versions: Set<string>; latest?: string }>();
  try {
    await Promise.all(names.map(async (n) => have.set(n, await v.packument(n))));
  } catch (e) {
    throw new Error(`the npm registry ${registry} does not answer (${(e as Error).message}): start it with scripts/e2e/with-engine.sh`);
  }
  const missing = [...wanted.values()].filter((p) => !have.get(p.name)?.versions.has(p.version));
  missing.sort((a, b) => a.name.localeCompare(b.name) || compareVersions(a.version, b.version));

  // Download what the cache lacks, all at once.
  const fileOf = (p: LockedPackage) => join(cache, `${encodeURIComponent(p.name)}@${p.version}.tgz`);
  const toPack = missing.filter((p) => !existsSync(fileOf(p))).map((p) => `${p.name}@${p.version}`);
  if (toPack.length > 0) {
    const t = process.hrtime.bigint();
    log(`npm pack ${toPack.length} package(s)...`);
    await npmPack(toPack, cache);
    log(`packed ${toPack.length} in ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)}s`);
  }

  // One name's versions in order (so `latest` only moves up), several names at once.
  const byName = new Map<string, LockedPackage[]>();
  for (const p of missing) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const published: string[] = [];
  const publishAll = async (group: readonly LockedPackage[]) => {
    for (const p of group) {
      const file = fileOf(p);
      const tgz = await readFile(file);
      if (p.integrity && !integrityMatches(tgz, p.integrity)) {
        await rm(file, { force: true });
        throw new Error(`${p.name}@${p.version}: the packed tarball does not match the integrity in ${p.from} (${p.integrity.slice(0, 30)}...)`);
      }
      const info = have.get(p.name) ?? { versions: new Set<string>() };
      const tagLatest = info.latest === undefined || compareVersions(p.version, info.latest) > 0;
      const got = await v.publish(tgz, { ...(p.tarball === undefined ? {} : { fileName: p.tarball }), tagLatest });
      if (got.name !== p.name || got.version !== p.version) {
        throw new Error(`${file} holds ${got.name}@${got.version}, not ${p.name}@${p.version}`);
      }
      info.versions.add(p.version);
      if (tagLatest) info.latest = p.version;
      have.set(p.name, info);
      published.push(`${p.name}@${p.version}`);
    }
  };
  if (missing.length > 0) await v.login();
  const groups = [...byName.values()];
  await Promise.all(Array.from({ length: Math.min(8, groups.length) }, async () => {
    for (let g = groups.shift(); g !== undefined; g = groups.shift()) await publishAll(g);
  }));
  published.sort();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { lockfiles, wanted: wanted.size, published, packed: toPack.length, seconds };
}

// --- CLI -------------------------------------------------------------------------------------------

async function main(argv: readonly string[]): Promise<void> {
  const paths: string[] = [];
  const specs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--spec') specs.push(argv[++i] ?? '');
    else if (a.startsWith('--spec=')) specs.push(a.slice('--spec='.length));
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm-seed.sh [--spec name@version]... <lockfile-or-dir>...');
      return;
    } else paths.push(a);
  }
  if (paths.length === 0 && specs.length === 0) throw new Error('usage: npm-seed.sh [--spec name@version]... <lockfile-or-dir>...');
  const t0 = Number(process.env['DOCKWRIGHT_E2E_T0'] ?? Date.now() / 1000);
  const log = (line: string) => process.stderr.write(`[e2e] ${(Date.now() / 1000 - t0).toFixed(1).padStart(6)}s npm seed: ${line}\n`);
  const r = await seed({ paths, specs, log });
  log(
    `${r.wanted} package versions from ${r.lockfiles.length} lockfile(s)${specs.length ? ` and ${specs.length} spec(s)` : ''}: ` +
      `${r.published.length} published (${r.packed} downloaded), ${r.wanted - r.published.length} already there (${r.seconds.toFixed(1)}s)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`[e2e] npm seed: ERROR: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
