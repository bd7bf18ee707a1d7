// `dockwright lock` behind a proxy, as a corporate network has it: the registry's name resolves
// nowhere (registry.corp.test), only a real forward proxy on 127.0.0.1 reaches it, through a
// CONNECT tunnel and a real TLS handshake checked against a test CA (NODE_EXTRA_CA_CERTS), to a
// real registry. HTTPS_PROXY, HTTP_PROXY, NO_PROXY and their lowercase forms, proxy credentials,
// a proxy that refuses or is down, and loopback registries reached directly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanup, makeProject, runCli, type CliRun } from '../packages/cli/test/support/cli.js';
import { startProxy, startTlsFront, type RunningProxy, type TlsFront } from './support/proxy.js';
import { freePort, pushImage, removeTemporaries, requireRegistryBinary, startRegistry, type RunningRegistry } from './support/registry.js';

let cli = '';
let registry: RunningRegistry;
let front: TlsFront;
let proxy: RunningProxy;
let guarded: RunningProxy;
let digest = '';
let plainDigest = '';
let localDigest = '';
const closers: (() => Promise<void>)[] = [];

const HOST = 'registry.corp.test';
const PLAIN = 'registry.plain.test:5000';

beforeAll(async () => {
  requireRegistryBinary();
  cli = await buildCli();
  registry = await startRegistry();
  closers.push(() => registry.stop());
  digest = await pushImage(registry, 'acme/base', '1.0', 'linux/amd64');
  plainDigest = await pushImage(registry, 'acme/plain', '2.0', 'linux/arm64');
  localDigest = await pushImage(registry, 'acme/local', '3.0', 'linux/amd64');
  const port = Number(registry.host.split(':')[1]);
  front = await startTlsFront([HOST], port);
  closers.push(() => front.close());
  const routes = { [`${HOST}:443`]: front.port, [PLAIN]: port };
  proxy = await startProxy(routes);
  guarded = await startProxy(routes, { user: 'builder', password: 's3cret:pw' });
  closers.push(() => proxy.close(), () => guarded.close());
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  cleanup();
  removeTemporaries();
});

function project(ref: string, extra: Record<string, string> = {}): string {
  return makeProject({
    'app.dockerfile.ts': `import { dockerfile, stage } from '@dockwright/core';\n\nexport default dockerfile(stage('app').from('${ref}').locked().user(10001));\n`,
    // One attempt per request: the refusals below need no retries to be told apart.
    'dockwright.config.ts': "import { defineConfig } from 'dockwright';\n\nexport default defineConfig({ lock: { retries: 0, insecureRegistries: ['registry.plain.test:5000'] } });\n",
    ...extra,
  });
}

/** Runs `dockwright lock` with only the given proxy variables (the machine's own removed). */
function lock(dir: string, env: Record<string, string>, args: readonly string[] = []): Promise<CliRun> {
  const cleared: Record<string, string> = {};
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) cleared[name] = '';
  return runCli(cli, ['lock', ...args], dir, { ...cleared, NODE_EXTRA_CA_CERTS: front.caFile, ...env });
}

const lockText = (dir: string) => readFileSync(join(dir, 'dockwright.lock.yaml'), 'utf8');
const asked = (p: RunningProxy) => p.requests.map((r) => `${r.method} ${r.target} ${r.status}`);

describe('dockwright lock through a proxy', () => {
  it('HTTPS_PROXY: tunnels to the HTTPS registry with CONNECT and records its digest', async () => {
    const dir = project(`${HOST}/acme/base:1.0`);
    proxy.requests.length = 0;
    const run = await lock(dir, { HTTPS_PROXY: proxy.url });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`added   ${HOST}/acme/base:1.0 ${digest.slice(0, 19)}… (linux/amd64)`);
    expect(lockText(dir)).toContain(`  "${HOST}/acme/base:1.0":\n    digest: "${digest}"\n`);
    expect(asked(proxy)).toContain(`CONNECT ${HOST}:443 200`);
  });

  it('without a proxy the name resolves nowhere, and the hint says how to set one', async () => {
    const dir = project(`${HOST}/acme/base:1.0`);
    const run = await lock(dir, {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`✖ DWC4003 ${HOST}/acme/base:1.0: cannot reach ${HOST} (ENOTFOUND)`);
    expect(run.stderr).toContain('behind a proxy, set HTTPS_PROXY (and NO_PROXY for the hosts reached directly)');
  });

  it('lowercase https_proxy with credentials in the URL passes a proxy that asks for them; without them, a 407 is reported as the proxy\'s', async () => {
    const dir = project(`${HOST}/acme/base:1.0`);
    const withUser = guarded.url.replace('http://', 'http://builder:s3cret%3Apw@');
    guarded.requests.length = 0;
    const ok = await lock(dir, { https_proxy: withUser });
    expect(ok.code, ok.stderr).toBe(0);
    expect(guarded.requests.at(-1)).toMatchObject({ method: 'CONNECT', target: `${HOST}:443`, authorization: `Basic ${Buffer.from('builder:s3cret:pw').toString('base64')}`, status: 200 });

    const refused = await lock(project(`${HOST}/acme/base:1.0`), { https_proxy: guarded.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`✖ DWC4003 ${HOST}/acme/base:1.0: cannot reach ${HOST} through the proxy ${guarded.url} set by https_proxy (the proxy answered 407 Proxy Authentication Required)`);
    expect(refused.stderr).toContain('check the proxy in https_proxy');
    const wrong = await lock(project(`${HOST}/acme/base:1.0`), { HTTPS_PROXY: guarded.url.replace('http://', 'http://builder:wrong@') });
    expect(wrong.stderr).toContain(`through the proxy ${guarded.url.replace('http://', 'http://builder:***@')} set by HTTPS_PROXY`);
    expect(wrong.stderr).not.toContain('wrong');
  });

  it('HTTPS_PROXY wins over https_proxy, as Docker reads them', async () => {
    const dir = project(`${HOST}/acme/base:1.0`);
    const run = await lock(dir, { HTTPS_PROXY: proxy.url, https_proxy: 'http://127.0.0.1:9' });
    expect(run.code, run.stderr).toBe(0);
  });

  it('HTTP_PROXY carries a plain-HTTP (insecure) registry, and HTTPS requests fall back to it as npm does', async () => {
    const dir = project(`${PLAIN}/acme/plain:2.0`);
    proxy.requests.length = 0;
    const run = await lock(dir, { http_proxy: proxy.url });
    expect(run.code, run.stderr).toBe(0);
    expect(lockText(dir)).toContain(`digest: "${plainDigest}"`);
    expect(proxy.requests.some((r) => r.target.includes(PLAIN) && r.status === 200)).toBe(true);
    const https = await lock(project(`${HOST}/acme/base:1.0`), { HTTP_PROXY: proxy.url });
    expect(https.code, https.stderr).toBe(0);
  });

  it.each([HOST, 'corp.test', '.corp.test', '*.corp.test', `${HOST}:443`, 'example.org, corp.test', '*'])('NO_PROXY=%s reaches the registry directly', async (noProxy) => {
    const dir = project(`${HOST}/acme/base:1.0`);
    proxy.requests.length = 0;
    const run = await lock(dir, { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot reach ${HOST} (ENOTFOUND)`);
    expect(run.stderr).toContain('is reached directly (NO_PROXY or loopback), not through the proxy');
    expect(proxy.requests).toEqual([]);
  });

  it.each(['other.test', 'test.corp.test', `${HOST}:5000`, 'registry.corp'])('no_proxy=%s does not cover it: the proxy is used', async (noProxy) => {
    const run = await lock(project(`${HOST}/acme/base:1.0`), { HTTPS_PROXY: proxy.url, no_proxy: noProxy });
    expect(run.code, run.stderr).toBe(0);
  });

  it('a loopback registry is reached directly even with a proxy set, as Docker does', async () => {
    const dir = project(`${registry.host}/acme/local:3.0`);
    proxy.requests.length = 0;
    const run = await lock(dir, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    expect(run.code, run.stderr).toBe(0);
    expect(lockText(dir)).toContain(`digest: "${localDigest}"`);
    expect(proxy.requests).toEqual([]);
  });

  it('a proxy that is down is named in the error, with what to check', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const run = await lock(project(`${HOST}/acme/base:1.0`), { HTTPS_PROXY: down });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`✖ DWC4003 ${HOST}/acme/base:1.0: cannot reach ${HOST} through the proxy ${down} set by HTTPS_PROXY (ECONNREFUSED)`);
    expect(run.stderr).toContain(`or reach ${HOST} directly by adding it to NO_PROXY`);
  });

  it('a proxy URL that cannot be read is a usage error before any request', async () => {
    const run = await lock(project(`${HOST}/acme/base:1.0`), { HTTPS_PROXY: 'http://user:pw@' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('✖ DWC1003 HTTPS_PROXY=http://***@ is not a proxy URL');
  });
});
