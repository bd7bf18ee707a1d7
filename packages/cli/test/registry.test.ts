// The registry client's pure parts (challenges, retries, endpoints, credentials), and its retry
// and digest checks against a small HTTP server: the real registry (tested in e2e/lock.e2e.test.ts)
// cannot be made to answer 429, 503 or a wrong digest on demand, so this stands in for those only.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialLookup } from '../src/registry/credentials.js';
import { createRegistryClient, MEDIA_TYPES } from '../src/registry/registry-client.js';
import { isLoopback, registryEndpoint } from '../src/registry/registry-endpoint.js';
import { defaultRetryPolicy, isRetryableStatus, retryDelayMs } from '../src/registry/retry-policy.js';
import { parseWwwAuthenticate } from '../src/registry/www-authenticate.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('WWW-Authenticate', () => {
  it('reads the bearer challenge registries send', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' } },
    ]);
  });

  it('reads basic, several challenges, token values, spaces and escapes', () => {
    expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual([{ scheme: 'basic', params: { realm: 'Registry Realm' } }]);
    expect(parseWwwAuthenticate('Bearer realm="a\\"b", error=invalid_token , Basic realm=x')).toEqual([
      { scheme: 'bearer', params: { realm: 'a"b', error: 'invalid_token' } },
      { scheme: 'basic', params: { realm: 'x' } },
    ]);
    expect(parseWwwAuthenticate('BEARER REALM = "r"')).toEqual([{ scheme: 'bearer', params: { realm: 'r' } }]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('Bearer realm="unterminated')).toEqual([{ scheme: 'bearer', params: {} }]);
  });
});

describe('retry policy', () => {
  it('retries 408, 429 and 5xx except 501 and 505', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 501, 505].some(isRetryableStatus)).toBe(false);
  });

  it('doubles the wait from half a second, with at most half of it as jitter, capped', () => {
    expect([0, 1, 2, 3].map((a) => retryDelayMs(a, defaultRetryPolicy, undefined, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => retryDelayMs(a, defaultRetryPolicy, undefined, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect(retryDelayMs(10, defaultRetryPolicy, undefined, () => 1)).toBe(10_000);
  });

  it('honours Retry-After in seconds or as a date, capped', () => {
    expect(retryDelayMs(0, defaultRetryPolicy, '3')).toBe(3000);
    expect(retryDelayMs(0, defaultRetryPolicy, '3600')).toBe(10_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs(0, defaultRetryPolicy, 'Thu, 01 Jan 2026 00:00:02 GMT', () => 0, now)).toBe(2000);
    expect(retryDelayMs(0, defaultRetryPolicy, 'soon', () => 1)).toBe(500);
  });
});

describe('registry endpoints', () => {
  it('talk HTTPS, plain HTTP only to loopback and listed registries, and Docker Hub through registry-1', () => {
    expect(registryEndpoint('docker.io', [])).toEqual({ domain: 'docker.io', baseUrl: 'https://registry-1.docker.io', credentialHosts: ['index.docker.io', 'docker.io', 'registry-1.docker.io'] });
    expect(registryEndpoint('ghcr.io', []).baseUrl).toBe('https://ghcr.io');
    expect(registryEndpoint('127.0.0.1:5000', []).baseUrl).toBe('http://127.0.0.1:5000');
    expect(registryEndpoint('localhost', []).baseUrl).toBe('http://localhost');
    expect(registryEndpoint('registry.internal:5000', []).baseUrl).toBe('https://registry.internal:5000');
    expect(registryEndpoint('registry.internal:5000', ['registry.internal:5000']).baseUrl).toBe('http://registry.internal:5000');
    expect(['127.0.0.1', '127.1.2.3:80', '[::1]:5000', 'localhost:1'].every(isLoopback)).toBe(true);
    expect(['127.0.0.1.example.com', '10.0.0.1:5000', 'localhost.evil.io', '1127.0.0.1'].some(isLoopback)).toBe(false);
  });
});

describe('credentials', () => {
  const home = mkdtempSync(join(tmpdir(), 'dockwright-creds-'));
  dirs.push(home);
  mkdirSync(join(home, '.docker'));
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  writeFileSync(
    join(home, '.docker', 'config.json'),
    JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw:with:colons') }, 'ghcr.io': { username: 'gh', password: 'tok' } } }),
  );

  it('come from ~/.docker/config.json auths, by host, whatever the key spelling', () => {
    const lookup = credentialLookup({}, home);
    expect(lookup(registryEndpoint('docker.io', []).credentialHosts)).toEqual({ username: 'hub', password: 'pw:with:colons', source: '~/.docker/config.json' });
    expect(lookup(['ghcr.io'])).toEqual({ username: 'gh', password: 'tok', source: '~/.docker/config.json' });
    expect(lookup(['quay.io'])).toBeUndefined();
  });

  it('DOCKER_AUTH_CONFIG comes first; DOCKER_CONFIG moves the file; unreadable config counts as none', () => {
    const env = { DOCKER_AUTH_CONFIG: JSON.stringify({ auths: { 'ghcr.io': { auth: b64('ci:secret') } } }) };
    expect(credentialLookup(env, home)(['ghcr.io'])).toEqual({ username: 'ci', password: 'secret', source: 'DOCKER_AUTH_CONFIG' });
    expect(credentialLookup(env, home)(['index.docker.io'])?.username).toBe('hub');
    const other = mkdtempSync(join(tmpdir(), 'dockwright-creds-'));
    dirs.push(other);
    writeFileSync(join(other, 'config.json'), '{ not json');
    expect(credentialLookup({ DOCKER_CONFIG: other }, home)(['ghcr.io'])).toBeUndefined();
    expect(credentialLookup({ DOCKER_AUTH_CONFIG: 'nope' }, home)(['ghcr.io'])?.source).toBe('~/.docker/config.json');
  });
});

describe('the client against a stand-in server', () => {
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: [{ platform: { os: 'linux', architecture: 'amd64' } }, { platform: { os: 'unknown', architecture: 'unknown' } }] }));
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;

  async function serve(handler: (req: IncomingMessage, res: ServerResponse, count: number) => void): Promise<{ host: string; count: () => number; close: () => Promise<void> }> {
    let count = 0;
    const server = createServer((req, res) => {
      count += 1;
      handler(req, res, count);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address() as { port: number };
    return { host: `127.0.0.1:${address.port}`, count: () => count, close: () => new Promise((r) => server.close(() => r())) };
  }

  const waits: number[] = [];
  const client = createRegistryClient({ timeoutMs: 2000, retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 50 }, insecure: [], credentials: () => undefined, userAgent: 'test', sleep: async (ms) => void waits.push(ms) });

  it('retries 503 and 429 (honouring Retry-After) until the manifest comes, and reads the index platforms', async () => {
    waits.length = 0;
    const server = await serve((_req, res, n) => {
      if (n === 1) res.writeHead(503).end();
      else if (n === 2) res.writeHead(429, { 'Retry-After': '0' }).end();
      else res.writeHead(200, { 'Content-Type': MEDIA_TYPES.ociIndex, 'Docker-Content-Digest': digest }).end(manifest);
    });
    try {
      expect(await client.resolve(`${server.host}/acme/app:1`, `${server.host}/acme/app:1`)).toEqual({ ok: true, resolved: { digest, mediaType: MEDIA_TYPES.ociIndex, platforms: ['linux/amd64'], index: true } });
      expect(server.count()).toBe(3);
      expect(waits).toHaveLength(2);
      expect(waits[1]).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('gives up after the retries with DWC4005 naming the image and the status', async () => {
    const server = await serve((_req, res) => void res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":"UNAVAILABLE","message":"upstream down"}]}'));
    try {
      const result = await client.resolve(`${server.host}/acme/app:1`, 'app:1');
      expect(result).toEqual({ ok: false, issue: expect.objectContaining({ code: 'DWC4005', message: `app:1 (${server.host}/acme/app:1): ${server.host} answered 502 (UNAVAILABLE: upstream down)` }) });
      expect(server.count()).toBe(4);
    } finally {
      await server.close();
    }
  });

  it('refuses a manifest whose bytes do not match the announced digest', async () => {
    const server = await serve((_req, res) => void res.writeHead(200, { 'Content-Type': MEDIA_TYPES.ociIndex, 'Docker-Content-Digest': `sha256:${'0'.repeat(64)}` }).end(manifest));
    try {
      const result = await client.resolve(`${server.host}/acme/app:1`, `${server.host}/acme/app:1`);
      expect(result.ok === false && result.issue.code).toBe('DWC4005');
      expect(result.ok === false && result.issue.message).toContain(`the manifest's digest ${digest} is not the sha256:${'0'.repeat(64)} the registry announced`);
    } finally {
      await server.close();
    }
  });

  it('does not retry a 404, and does not send credentials after a redirect to another origin', async () => {
    const storageSaw: (string | undefined)[] = [];
    const registrySaw: (string | undefined)[] = [];
    const storage = await serve((req, res) => {
      storageSaw.push(req.headers.authorization);
      res.writeHead(200).end(JSON.stringify({ os: 'linux', architecture: 'arm64' }));
    });
    const single = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config: { digest: `sha256:${'1'.repeat(64)}` } }));
    const server = await serve((req, res) => {
      registrySaw.push(req.headers.authorization);
      if (req.headers.authorization === undefined) return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end();
      if (req.url?.includes('/manifests/missing')) return void res.writeHead(404).end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
      if (req.url?.includes('/blobs/')) return void res.writeHead(307, { Location: `http://${storage.host}/blob` }).end();
      res.writeHead(200, { 'Content-Type': MEDIA_TYPES.ociManifest }).end(single);
    });
    const withCreds = createRegistryClient({ timeoutMs: 2000, retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 1 }, insecure: [], credentials: () => ({ username: 'u', password: 'p', source: 'test' }), userAgent: 'test' });
    try {
      const missing = await withCreds.resolve(`${server.host}/acme/app:missing`, `${server.host}/acme/app:missing`);
      expect(missing.ok === false && missing.issue).toMatchObject({ code: 'DWC4002', message: `${server.host}/acme/app:missing: not found in ${server.host} (MANIFEST_UNKNOWN: manifest unknown)` });
      expect(server.count()).toBe(2); // the challenge, then the 404: no retry
      const found = await withCreds.resolve(`${server.host}/acme/app:1`, `${server.host}/acme/app:1`);
      expect(found).toMatchObject({ ok: true, resolved: { mediaType: MEDIA_TYPES.ociManifest, platforms: ['linux/arm64'], index: false } });
      const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
      expect(registrySaw.at(-1)).toBe(basic);
      expect(storageSaw).toEqual([undefined]);
    } finally {
      await server.close();
      await storage.close();
    }
  });
});
