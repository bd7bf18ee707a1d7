/**
 * Real registries for the lock tests: Debian's `docker-registry` (the CNCF distribution registry)
 * started on a free 127.0.0.1 port with its own configuration and storage in a temporary
 * directory, anonymous, behind htpasswd basic auth, or in `auth: token` mode trusting a test
 * certificate whose key signs the tokens a small token endpoint (here) issues. Images are pushed
 * through the registry API itself (blob uploads, manifest PUTs), so no engine is needed.
 *
 * The binary is `$DOCKWRIGHT_E2E_REGISTRY_BIN` or `docker-registry` on PATH (scripts/e2e/with-engine.sh
 * installs it); without it `requireRegistryBinary()` throws, so the tests fail loudly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The registry binary, checked. */
export function requireRegistryBinary(): string {
  const bin = process.env['DOCKWRIGHT_E2E_REGISTRY_BIN'] || 'docker-registry';
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(`the registry binary ${bin} cannot run (${probe.error?.message ?? probe.stderr}): run the e2e suite through scripts/e2e/with-engine.sh, which installs Debian's docker-registry, or set DOCKWRIGHT_E2E_REGISTRY_BIN`);
  }
  return bin;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const temporaries: string[] = [];

/** A temporary directory removed by `removeTemporaries()`. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaries.push(dir);
  return dir;
}

/** Removes every directory made by temporaryDir(). */
export function removeTemporaries(): void {
  for (const dir of temporaries.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An `Authorization` header for a push or a probe, or none. */
export type AuthHeader = (repo: string) => string | undefined;

/** A running registry. */
export interface RunningRegistry {
  /** `127.0.0.1:<port>`, as in image names. */
  readonly host: string;
  readonly pid: number;
  /** How pushes authenticate. */
  readonly pushAuth: AuthHeader;
  /** SIGSTOP: the port still accepts connections, nothing answers (a registry too slow). */
  pause(): void;
  resume(): void;
  /** Stops it (SIGTERM, then SIGKILL) and waits for the exit. */
  stop(): Promise<void>;
}

/** How a registry authenticates: none, htpasswd, or tokens from the given issuer. */
export type RegistryAuth = { readonly kind: 'none' } | { readonly kind: 'htpasswd'; readonly user: string; readonly password: string } | { readonly kind: 'token'; readonly issuer: TokenIssuer };

/** A bcrypt htpasswd line: `htpasswd -nbB` when installed, else Python's crypt (libxcrypt's bcrypt). */
function htpasswdLine(user: string, password: string): string {
  const apache = spawnSync('htpasswd', ['-nbB', user, password], { encoding: 'utf8' });
  if (apache.status === 0) return apache.stdout.trim();
  const python = spawnSync('python3', ['-W', 'ignore', '-c', 'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))', password], { encoding: 'utf8' });
  const hash = python.stdout.trim();
  if (python.status !== 0 || !hash.startsWith('$2')) throw new Error(`cannot make a bcrypt htpasswd entry: install apache2-utils (htpasswd) or python3 (${python.stderr})`);
  return `${user}:${hash}`;
}

async function waitFor(url: string, child: ChildProcess, log: string, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}:\n${readLog(log)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on ${url} within ${seconds}s:\n${readLog(log)}`);
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts `docker-registry serve` on a free 127.0.0.1 port with storage in `storage` (a new
 * temporary directory unless given, so a restarted registry can keep its images).
 */
export async function startRegistry(auth: RegistryAuth = { kind: 'none' }, storage?: string): Promise<RunningRegistry> {
  const bin = requireRegistryBinary();
  const dir = temporaryDir('dockwright-registry-');
  const root = storage ?? join(dir, 'storage');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  let authYaml = '';
  let pushAuth: AuthHeader = () => undefined;
  if (auth.kind === 'htpasswd') {
    writeFileSync(join(dir, 'htpasswd'), `${htpasswdLine(auth.user, auth.password)}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: dockwright-test\n    path: ${join(dir, 'htpasswd')}\n`;
    pushAuth = () => `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  } else if (auth.kind === 'token') {
    const { issuer } = auth;
    authYaml = `auth:\n  token:\n    realm: ${issuer.realm}\n    service: ${issuer.service}\n    issuer: ${issuer.name}\n    rootcertbundle: ${issuer.certFile}\n`;
    pushAuth = (repo) => `Bearer ${issuer.mint('push-test', [{ type: 'repository', name: repo, actions: ['pull', 'push'] }])}`;
  }
  const config = join(dir, 'config.yml');
  writeFileSync(config, `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${root}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${authYaml}`);
  const log = join(dir, 'registry.log');
  const out = (await import('node:fs')).openSync(log, 'a');
  const child = spawn(bin, ['serve', config], { stdio: ['ignore', out, out], detached: false });
  await waitFor(`http://${host}/v2/`, child, log);
  const pid = child.pid as number;
  let paused = false;
  return {
    host,
    pid,
    pushAuth,
    pause() {
      child.kill('SIGSTOP');
      paused = true;
    },
    resume() {
      child.kill('SIGCONT');
      paused = false;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      if (paused) child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---- the token issuer ------------------------------------------------------------------------

/** One entry of a token's `access` claim. */
export interface Access {
  readonly type: string;
  readonly name: string;
  readonly actions: readonly string[];
}

/** A token endpoint and the key that signs its tokens. */
export interface TokenIssuer {
  readonly realm: string;
  readonly service: string;
  readonly name: string;
  readonly certFile: string;
  /** Requests it answered: the Authorization user it saw (or none) and the scope asked for. */
  readonly requests: { user: string | undefined; scope: string | null; status: number }[];
  /** A signed token for `subject` with `access` (the tests push with one). */
  mint(subject: string, access: readonly Access[]): string;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * A key and self-signed certificate made with openssl, and an HTTP token endpoint on 127.0.0.1
 * that issues ES256 JWTs the registry verifies against that certificate (`x5c` header): to
 * `user`/`password` for the scope asked, and a 401 to anyone else.
 */
export async function startTokenIssuer(user: string, password: string): Promise<TokenIssuer> {
  const dir = temporaryDir('dockwright-token-');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=dockwright-test-issuer'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make the token key and certificate: ${made.stderr}`);
  const key = createPrivateKey(readFileSync(keyFile));
  const der = new X509Certificate(readFileSync(certFile)).raw;
  const port = await freePort();
  const service = 'dockwright-test-registry';
  const name = 'dockwright-test-issuer';
  const requests: TokenIssuer['requests'] = [];
  const mint = (subject: string, access: readonly Access[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c: [der.toString('base64')] };
    const claims = { iss: name, sub: subject, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const scope = url.searchParams.get('scope');
    const given = req.headers.authorization;
    const decoded = given?.startsWith('Basic ') ? Buffer.from(given.slice(6), 'base64').toString('utf8') : undefined;
    const [who, secret] = decoded === undefined ? [undefined, undefined] : [decoded.slice(0, decoded.indexOf(':')), decoded.slice(decoded.indexOf(':') + 1)];
    const ok = url.pathname === '/token' && url.searchParams.get('service') === service && who === user && secret === password;
    requests.push({ user: who, scope, status: ok ? 200 : 401 });
    if (!ok) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }));
      return;
    }
    // scope = repository:<name>:pull[,push]
    const access = scope === null ? [] : [{ type: 'repository', name: scope.split(':')[1] ?? '', actions: ['pull'] }];
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: mint(user, access), expires_in: 300 }));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    name,
    certFile,
    requests,
    mint,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

// ---- pushing through the registry API -------------------------------------------------------

const digestOf = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function check(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

async function pushBlob(registry: RunningRegistry, repo: string, data: Buffer): Promise<string> {
  const digest = digestOf(data);
  const auth = registry.pushAuth(repo);
  const headers: Record<string, string> = auth === undefined ? {} : { Authorization: auth };
  const start = await check(await fetch(`http://${registry.host}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers }), `start upload to ${repo}`);
  const location = new URL(start.headers.get('location') ?? '', `http://${registry.host}`);
  location.searchParams.set('digest', digest);
  await check(await fetch(location, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: data }), `upload blob to ${repo}`);
  return digest;
}

async function putManifest(registry: RunningRegistry, repo: string, reference: string, mediaType: string, body: Buffer): Promise<string> {
  const auth = registry.pushAuth(repo);
  const response = await check(
    await fetch(`http://${registry.host}/v2/${repo}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': mediaType, ...(auth === undefined ? {} : { Authorization: auth }) }, body }),
    `put manifest ${repo}:${reference}`,
  );
  const digest = digestOf(body);
  const announced = response.headers.get('docker-content-digest');
  if (announced !== digest) throw new Error(`the registry announced ${announced} for a manifest whose digest is ${digest}`);
  return digest;
}

/** A single-platform OCI image (a config and one small random layer) under `repo:tag`; its manifest digest. */
export async function pushImage(registry: RunningRegistry, repo: string, tag: string, platform = 'linux/amd64', format: 'oci' | 'docker' = 'oci'): Promise<string> {
  const digest = await pushPlatformManifest(registry, repo, platform, format);
  const body = await manifestBytes(registry, repo, digest);
  return putManifest(registry, repo, tag, MANIFEST_TYPES[format].manifest, body);
}

/** The media types of a single-platform image, OCI or Docker v2 (which older clients need). */
const MANIFEST_TYPES = {
  oci: { manifest: 'application/vnd.oci.image.manifest.v1+json', config: 'application/vnd.oci.image.config.v1+json', layer: 'application/vnd.oci.image.layer.v1.tar+gzip' },
  docker: { manifest: 'application/vnd.docker.distribution.manifest.v2+json', config: 'application/vnd.docker.container.image.v1+json', layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
} as const;

const manifests = new Map<string, Buffer>();

async function manifestBytes(_registry: RunningRegistry, _repo: string, digest: string): Promise<Buffer> {
  const body = manifests.get(digest);
  if (body === undefined) throw new Error(`no manifest ${digest} pushed by these helpers`);
  return body;
}

async function pushPlatformManifest(registry: RunningRegistry, repo: string, platform: string, format: 'oci' | 'docker' = 'oci'): Promise<string> {
  const types = MANIFEST_TYPES[format];
  const [os, architecture, variant] = platform.split('/');
  const layer = gzipSync(randomBytes(64));
  const layerDigest = await pushBlob(registry, repo, layer);
  const config = Buffer.from(JSON.stringify({ architecture, os, ...(variant === undefined ? {} : { variant }), rootfs: { type: 'layers', diff_ids: [digestOf(randomBytes(8))] }, config: {} }));
  const configDigest = await pushBlob(registry, repo, config);
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: types.manifest,
      config: { mediaType: types.config, digest: configDigest, size: config.length },
      layers: [{ mediaType: types.layer, digest: layerDigest, size: layer.length }],
    }),
  );
  const digest = await putManifest(registry, repo, digestOf(body), types.manifest, body);
  manifests.set(digest, body);
  return digest;
}

/** A multi-platform OCI index under `repo:tag`, one image per platform; the index digest. */
export async function pushIndex(registry: RunningRegistry, repo: string, tag: string, platforms: readonly string[]): Promise<string> {
  const entries = [];
  for (const platform of platforms) {
    const digest = await pushPlatformManifest(registry, repo, platform);
    const [os, architecture, variant] = platform.split('/');
    const size = (manifests.get(digest) as Buffer).length;
    entries.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size, platform: { architecture, os, ...(variant === undefined ? {} : { variant }) } });
  }
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: entries }));
  return putManifest(registry, repo, tag, 'application/vnd.oci.image.index.v1+json', body);
}
