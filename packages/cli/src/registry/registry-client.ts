import { createHash } from 'node:crypto';
import { normalizeImageName, parseLockKey } from '@dockwright/core';
import { fetch, ProxyAgent, type Dispatcher } from 'undici';
import { cliIssue, type CliIssue } from '../errors/cli-issue.js';
import type { CredentialLookup, Credentials } from './credentials.js';
import { proxyFor, type Proxy, type ProxySettings } from './proxy-settings.js';
import { registryEndpoint, type RegistryEndpoint } from './registry-endpoint.js';
import { isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

/** The media types of what a tag may point to. */
export const MEDIA_TYPES = Object.freeze({
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
});

const ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest].join(', ');

/** What a tag points to now. */
export interface Resolved {
  readonly digest: string;
  readonly mediaType: string;
  /** `os/arch[/variant]`, sorted; attestation entries (`unknown/unknown`) left out. */
  readonly platforms: readonly string[];
  /** True for an index (manifest list), false for a single-platform manifest. */
  readonly index: boolean;
}

/** The answer for one image: what the tag points to, or why it could not be found out. */
export type Resolution = { readonly ok: true; readonly resolved: Resolved } | { readonly ok: false; readonly issue: CliIssue };

/** How the client talks to registries. */
export interface RegistryClientOptions {
  /** Per request, including reading the body. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Registries (`host:port`) spoken to over plain HTTP besides loopback ones. */
  readonly insecure: readonly string[];
  readonly credentials: CredentialLookup;
  readonly userAgent: string;
  /** HTTPS_PROXY, HTTP_PROXY and NO_PROXY, read by proxySettings(); none: every request is direct. */
  readonly proxy?: ProxySettings;
  /** For tests of retries: waits between attempts. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A registry client: `resolve('docker.io/library/node:22')`. */
export interface RegistryClient {
  resolve(key: string, written: string): Promise<Resolution>;
}

/** A failed request, as the issue to report once retries are spent. */
class RequestFailure extends Error {
  constructor(readonly issue: CliIssue) {
    super(issue.message);
  }
}

interface Answer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: Buffer;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function networkCause(error: unknown): string {
  // fetch wraps the cause, and undici wraps a proxy's refusal once more: look down the chain.
  const chain: { code?: unknown; message?: unknown }[] = [];
  for (let at = (error as { cause?: unknown }).cause; at !== undefined && at !== null && chain.length < 5; at = (at as { cause?: unknown }).cause) chain.push(at as { code?: unknown; message?: unknown });
  for (const cause of chain) {
    const status = typeof cause.message === 'string' ? /^Proxy response \((\d{3})\)/.exec(cause.message)?.[1] : undefined;
    if (status !== undefined) return `the proxy answered ${status}${status === '407' ? ' Proxy Authentication Required' : ''}`;
  }
  const coded = chain.find((c) => typeof c.code === 'string');
  if (coded !== undefined) return String(coded.code);
  const said = chain.find((c) => typeof c.message === 'string');
  if (said !== undefined) return String(said.message);
  return error instanceof Error ? error.message : String(error);
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown }).name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"..."}]}` as `MANIFEST_UNKNOWN: ...`. */
function registryErrors(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: { code?: string; message?: string }[] };
    const text = (parsed.errors ?? []).map((e) => [e.code, e.message].filter((x) => x !== undefined && x !== '').join(': ')).join('; ');
    return text === '' ? '' : ` (${text})`;
  } catch {
    return '';
  }
}

function platformOf(p: { os?: unknown; architecture?: unknown; variant?: unknown } | undefined): string | undefined {
  if (p === undefined || typeof p.os !== 'string' || typeof p.architecture !== 'string') return undefined;
  if (p.os === 'unknown' || p.architecture === 'unknown') return undefined;
  return typeof p.variant === 'string' && p.variant !== '' ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

/**
 * A client for the OCI distribution API that finds the digest a tag points to: it asks for the
 * manifest accepting an OCI index, a Docker manifest list and both single manifests, checks the
 * body against `Docker-Content-Digest`, and reads the platforms (from the index, or from a single
 * manifest's config). Authentication follows the registry's challenge: anonymous first, then a
 * bearer token from the realm it names (with credentials when there are some) or basic auth.
 * Timeouts, connection failures, 429 and 5xx are retried with backoff; every failure comes back
 * as an issue naming the image.
 *
 * @example
 * ```ts
 * const client = createRegistryClient({ timeoutMs: 10_000, retry: defaultRetryPolicy, insecure: [], credentials: () => undefined, userAgent: 'dockwright' });
 * const result = await client.resolve('docker.io/library/node:22', 'node:22');
 * ```
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const sleep = options.sleep ?? sleepFor;
  // One authorization per registry and scope, shared by parallel requests.
  const authorizations = new Map<string, Promise<string | undefined>>();

  // One tunnelling agent per proxy, shared by every request through it.
  const agents = new Map<string, Dispatcher>();
  function dispatcherFor(proxy: Proxy | undefined): Dispatcher | undefined {
    if (proxy === undefined) return undefined;
    let agent = agents.get(proxy.url.href);
    if (agent === undefined) {
      agent = new ProxyAgent({ uri: proxy.url.href });
      agents.set(proxy.url.href, agent);
    }
    return agent;
  }

  async function once(url: string, headers: Record<string, string>, what: string): Promise<Answer> {
    let current = url;
    let sent = headers;
    // Redirects by hand: credentials never follow a redirect to another origin (blob storage).
    for (let hops = 0; hops < 5; hops += 1) {
      let response: Awaited<ReturnType<typeof fetch>>;
      const proxy = options.proxy === undefined ? undefined : proxyFor(options.proxy, new URL(current));
      try {
        const dispatcher = dispatcherFor(proxy);
        response = await fetch(current, { headers: { 'User-Agent': options.userAgent, ...sent }, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs), ...(dispatcher === undefined ? {} : { dispatcher }) });
        const body = Buffer.from(await response.arrayBuffer());
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location !== null) {
          const next = new URL(location, current);
          if (next.origin !== new URL(current).origin) {
            const { Authorization: _dropped, ...rest } = sent;
            sent = rest;
          }
          current = next.toString();
          continue;
        }
        return { status: response.status, headers: response.headers, body };
      } catch (error) {
        const host = new URL(current).host;
        if (isTimeout(error)) {
          throw new RequestFailure(cliIssue('DWC4004', `${what}: ${host} did not answer within ${options.timeoutMs / 1000}s`, 'check that the registry is up and not overloaded, or allow more time with --timeout <seconds>'));
        }
        if (proxy !== undefined) {
          throw new RequestFailure(cliIssue('DWC4003', `${what}: cannot reach ${host} through the proxy ${proxy.shown} set by ${proxy.variable} (${networkCause(error)})`, `check the proxy in ${proxy.variable} (its address, that it is running, user and password as http://user:password@host:port), or reach ${new URL(current).hostname} directly by adding it to NO_PROXY`));
        }
        const behind = options.proxy?.https === undefined && options.proxy?.http === undefined ? '; behind a proxy, set HTTPS_PROXY (and NO_PROXY for the hosts reached directly)' : `; ${host} is reached directly (NO_PROXY or loopback), not through the proxy`;
        throw new RequestFailure(cliIssue('DWC4003', `${what}: cannot reach ${host} (${networkCause(error)})`, `check the registry address, that it is running, and your network${behind}`));
      }
    }
    throw new RequestFailure(cliIssue('DWC4005', `${what}: too many redirects from ${new URL(url).host}`, 'check the registry address'));
  }

  /** One request with retries on timeouts, connection failures, 429 and 5xx. */
  async function request(url: string, headers: Record<string, string>, what: string): Promise<Answer> {
    for (let attempt = 0; ; attempt += 1) {
      let answer: Answer | undefined;
      let failure: RequestFailure | undefined;
      try {
        answer = await once(url, headers, what);
      } catch (error) {
        if (!(error instanceof RequestFailure)) throw error;
        failure = error;
      }
      const retryable = failure !== undefined || (answer !== undefined && isRetryableStatus(answer.status));
      if (!retryable || attempt >= options.retry.retries) {
        if (failure !== undefined) {
          const tries = attempt + 1;
          throw tries > 1 ? new RequestFailure({ ...failure.issue, message: `${failure.issue.message}, ${tries} attempts` }) : failure;
        }
        return answer as Answer;
      }
      await sleep(retryDelayMs(attempt, options.retry, answer?.headers.get('retry-after') ?? undefined));
    }
  }

  function basic(credentials: Credentials): string {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  }

  /** The Authorization header a challenge asks for, or undefined for none possible. */
  async function authorize(endpoint: RegistryEndpoint, challengeHeader: string | null, scope: string, what: string): Promise<string> {
    const credentials = options.credentials(endpoint.credentialHosts);
    const challenges = parseWwwAuthenticate(challengeHeader ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const noCredentials = `log in first (\`docker login ${endpoint.domain}\`), or provide credentials in DOCKER_AUTH_CONFIG or ~/.docker/config.json`;
    if (bearer !== undefined) {
      const realm = bearer.params['realm'];
      if (realm === undefined) throw new RequestFailure(cliIssue('DWC4005', `${what}: ${endpoint.domain} asks for a bearer token without saying where to get it`, 'check the registry configuration'));
      const tokenUrl = new URL(realm);
      if (bearer.params['service'] !== undefined) tokenUrl.searchParams.set('service', bearer.params['service']);
      tokenUrl.searchParams.set('scope', scope);
      const answer = await request(tokenUrl.toString(), credentials === undefined ? {} : { Authorization: basic(credentials) }, what);
      if (answer.status === 401 || answer.status === 403) {
        const why = credentials === undefined ? 'anonymous access is refused' : `the credentials from ${credentials.source} were refused`;
        throw new RequestFailure(cliIssue('DWC4001', `${what}: ${tokenUrl.host} would not issue a token (${answer.status}): ${why}`, credentials === undefined ? noCredentials : `check the user name and password for ${endpoint.domain} (\`docker login ${endpoint.domain}\`)`));
      }
      if (answer.status !== 200) throw new RequestFailure(cliIssue('DWC4005', `${what}: the token service ${tokenUrl.host} answered ${answer.status}${registryErrors(answer.body)}`, 'try again later; if it persists, check the registry'));
      let token: unknown;
      try {
        const parsed = JSON.parse(answer.body.toString('utf8')) as { token?: unknown; access_token?: unknown };
        token = parsed.token ?? parsed.access_token;
      } catch {
        token = undefined;
      }
      if (typeof token !== 'string' || token === '') throw new RequestFailure(cliIssue('DWC4005', `${what}: the token service ${tokenUrl.host} answered without a token`, 'check the registry configuration'));
      return `Bearer ${token}`;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      if (credentials === undefined) throw new RequestFailure(cliIssue('DWC4001', `${what}: ${endpoint.domain} needs a login and no credentials were found for it`, noCredentials));
      return basic(credentials);
    }
    throw new RequestFailure(cliIssue('DWC4001', `${what}: ${endpoint.domain} answered 401 without a challenge this client knows (${challengeHeader ?? 'none'})`, 'check the registry; dockwright speaks bearer-token and basic auth'));
  }

  /** GET with the registry's authentication: anonymous, then what its 401 challenge asks for. */
  async function authedGet(endpoint: RegistryEndpoint, url: string, headers: Record<string, string>, scope: string, what: string): Promise<Answer> {
    const key = `${endpoint.domain} ${scope}`;
    const known = authorizations.get(key);
    const withAuth = (auth: string | undefined) => (auth === undefined ? headers : { ...headers, Authorization: auth });
    let answer = await request(url, withAuth(known === undefined ? undefined : await known.catch(() => undefined)), what);
    if (answer.status !== 401) return answer;
    const pending = authorize(endpoint, answer.headers.get('www-authenticate'), scope, what);
    authorizations.set(key, pending);
    answer = await request(url, withAuth(await pending), what);
    if (answer.status === 401 || answer.status === 403) {
      const credentials = options.credentials(endpoint.credentialHosts);
      const why = credentials === undefined ? 'no credentials were found for it' : `the credentials from ${credentials.source} were refused`;
      throw new RequestFailure(cliIssue('DWC4001', `${what}: ${endpoint.domain} refused access (${answer.status})${registryErrors(answer.body)}: ${why}`, `check the user name, password and permissions for ${endpoint.domain} (\`docker login ${endpoint.domain}\`)`));
    }
    return answer;
  }

  async function configPlatform(endpoint: RegistryEndpoint, path: string, manifest: { config?: { digest?: unknown } }, scope: string, what: string): Promise<string[]> {
    const digest = manifest.config?.digest;
    if (typeof digest !== 'string') return [];
    const answer = await authedGet(endpoint, `${endpoint.baseUrl}/v2/${path}/blobs/${digest}`, {}, scope, what);
    if (answer.status !== 200) return [];
    try {
      const platform = platformOf(JSON.parse(answer.body.toString('utf8')) as { os?: unknown; architecture?: unknown; variant?: unknown });
      return platform === undefined ? [] : [platform];
    } catch {
      return [];
    }
  }

  async function resolveOrThrow(key: string, written: string): Promise<Resolved> {
    const parsed = parseLockKey(key);
    const what = written === key ? key : `${written} (${key})`;
    if (parsed === undefined) throw new RequestFailure(cliIssue('DWC4005', `${what} has no tag to resolve`, 'give the image a tag'));
    const name = normalizeImageName(parsed.name);
    const endpoint = registryEndpoint(name.domain, options.insecure);
    const scope = `repository:${name.path}:pull`;
    const url = `${endpoint.baseUrl}/v2/${name.path}/manifests/${parsed.tag}`;
    const answer = await authedGet(endpoint, url, { Accept: ACCEPT }, scope, what);
    if (answer.status === 404) {
      throw new RequestFailure(cliIssue('DWC4002', `${what}: not found in ${endpoint.domain}${registryErrors(answer.body)}`, `check the repository and tag; \`docker buildx imagetools inspect ${written}\` shows what the registry has`));
    }
    if (answer.status !== 200) {
      throw new RequestFailure(cliIssue('DWC4005', `${what}: ${endpoint.domain} answered ${answer.status}${registryErrors(answer.body)}`, 'try again later; if it persists, check the registry'));
    }
    const digest = `sha256:${createHash('sha256').update(answer.body).digest('hex')}`;
    const announced = answer.headers.get('docker-content-digest');
    if (announced !== null && announced.startsWith('sha256:') && announced !== digest) {
      throw new RequestFailure(cliIssue('DWC4005', `${what}: the manifest's digest ${digest} is not the ${announced} the registry announced`, 'something between you and the registry changed the answer; check proxies, then try again'));
    }
    let manifest: { mediaType?: unknown; manifests?: { platform?: { os?: unknown; architecture?: unknown; variant?: unknown } }[]; config?: { digest?: unknown } };
    try {
      manifest = JSON.parse(answer.body.toString('utf8')) as typeof manifest;
    } catch {
      throw new RequestFailure(cliIssue('DWC4005', `${what}: ${endpoint.domain} sent a manifest that is not JSON`, 'check the registry'));
    }
    const contentType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const mediaType = typeof manifest.mediaType === 'string' && manifest.mediaType !== '' ? manifest.mediaType : contentType;
    const index = mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList || Array.isArray(manifest.manifests);
    const platforms = index
      ? (manifest.manifests ?? []).map((m) => platformOf(m.platform)).filter((p): p is string => p !== undefined)
      : await configPlatform(endpoint, name.path, manifest, scope, what);
    return { digest, mediaType, platforms: [...new Set(platforms)].sort(), index };
  }

  return {
    async resolve(key, written) {
      try {
        return { ok: true, resolved: await resolveOrThrow(key, written) };
      } catch (error) {
        if (error instanceof RequestFailure) return { ok: false, issue: error.issue };
        throw error;
      }
    },
  };
}
