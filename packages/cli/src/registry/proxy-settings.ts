import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import { isLoopback } from './registry-endpoint.js';

/** A proxy to send requests through, and the variable that named it. */
export interface Proxy {
  readonly url: URL;
  /** `HTTPS_PROXY`, `http_proxy`, ...: what the user set. */
  readonly variable: string;
  /** The URL without its password, for messages. */
  readonly shown: string;
}

/** One `NO_PROXY` entry: a host name or domain, an IP address, or a CIDR block, with an optional port. */
type NoProxyEntry =
  | { readonly kind: 'any' }
  | { readonly kind: 'domain'; readonly name: string; readonly subdomainsOnly: boolean; readonly port: number | undefined }
  | { readonly kind: 'ip'; readonly bytes: readonly number[]; readonly prefix: number; readonly port: number | undefined };

/** The proxy environment: which proxy each scheme uses, and the hosts reached directly. */
export interface ProxySettings {
  readonly http: Proxy | undefined;
  readonly https: Proxy | undefined;
  readonly noProxy: readonly NoProxyEntry[];
}

/** The first variable set (and not empty) among `names`. */
function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): { variable: string; value: string } | undefined {
  for (const variable of names) {
    const value = env[variable]?.trim();
    if (value !== undefined && value !== '') return { variable, value };
  }
  return undefined;
}

function readProxy(env: NodeJS.ProcessEnv, names: readonly string[]): Proxy | undefined {
  const found = firstSet(env, names);
  if (found === undefined) return undefined;
  // `proxy.corp:3128` without a scheme means http://, as Docker (Go) and npm read it.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    const safe = found.value.replace(/\/\/[^@/]*@/, '//***@');
    throw new UsageError([cliIssue('DWC1003', `${found.variable}=${safe} is not a proxy URL`, `set ${found.variable} to http://host:port (or http://user:password@host:port), or unset it`)]);
  }
  const shown = new URL(url.href);
  if (shown.password !== '') shown.password = '***';
  return { url, variable: found.variable, shown: shown.href.replace(/\/$/, '') };
}

function parseIp(text: string): number[] | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4 !== null) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? bytes : undefined;
  }
  if (!text.includes(':') || !/^[0-9a-f:.]+$/i.test(text)) return undefined;
  try {
    // The URL parser normalises IPv6 (`::1`, `fe80::1`) into its full hexadecimal groups.
    const host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
    const [head = '', tail = ''] = host.split('::');
    const groups = (s: string) => (s === '' ? [] : s.split(':'));
    const left = groups(head);
    const right = groups(tail);
    const all = host.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
    return all.flatMap((g) => {
      const n = Number.parseInt(g, 16);
      return [n >> 8, n & 255];
    });
  } catch {
    return undefined;
  }
}

function readNoProxyEntry(raw: string): NoProxyEntry | undefined {
  const entry = raw.trim().toLowerCase();
  if (entry === '') return undefined;
  if (entry === '*') return { kind: 'any' };
  const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
  if (cidr !== null) {
    const bytes = parseIp(cidr[1] ?? '');
    const prefix = Number(cidr[2]);
    return bytes === undefined || prefix > bytes.length * 8 ? undefined : { kind: 'ip', bytes, prefix, port: undefined };
  }
  // `[::1]:5000`, `10.0.0.1:5000`, `registry.corp:5000`; a bare IPv6 address has no port.
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const withPort = bracketed === null ? /^([^:]+):(\d+)$/.exec(entry) : null;
  const host = bracketed?.[1] ?? withPort?.[1] ?? entry;
  const portText = bracketed?.[2] ?? withPort?.[2];
  const port = portText === undefined ? undefined : Number(portText);
  const ip = parseIp(host);
  if (ip !== undefined) return { kind: 'ip', bytes: ip, prefix: ip.length * 8, port };
  // `.corp.example` and `*.corp.example` are the subdomains only; `corp.example` itself and its subdomains.
  const subdomainsOnly = host.startsWith('.') || host.startsWith('*.');
  return { kind: 'domain', name: host.replace(/^\*?\./, ''), subdomainsOnly, port };
}

/**
 * Reads the proxy variables as Docker and npm users set them: `HTTPS_PROXY` for HTTPS requests
 * (else `HTTP_PROXY`, as npm falls back), `HTTP_PROXY` for plain HTTP, each also in lowercase
 * (the uppercase one wins, as Docker reads them), and `NO_PROXY` (or `no_proxy`): a comma- or
 * space-separated list of `*`, host names and domains (`corp.example` is it and its subdomains,
 * `.corp.example` only the subdomains), IP addresses and CIDR blocks, each with an optional port.
 * A proxy URL that cannot be read is a usage error (DWC1003) before any request is made.
 *
 * @example
 * ```ts
 * const settings = proxySettings({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.internal' });
 * proxyFor(settings, new URL('https://ghcr.io/v2/'))?.shown; // 'http://proxy.corp:3128'
 * ```
 */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const http = readProxy(env, ['HTTP_PROXY', 'http_proxy']);
  const https = readProxy(env, ['HTTPS_PROXY', 'https_proxy']) ?? http;
  const list = firstSet(env, ['NO_PROXY', 'no_proxy'])?.value ?? '';
  const noProxy = list.split(/[,\s]+/).flatMap((raw) => readNoProxyEntry(raw) ?? []);
  return { http, https, noProxy };
}

function inBlock(bytes: readonly number[], block: { bytes: readonly number[]; prefix: number }): boolean {
  if (bytes.length !== block.bytes.length) return false;
  for (let bit = 0; bit < block.prefix; bit += 1) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[i] ?? 0) & mask) !== ((block.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function matches(entry: NoProxyEntry, host: string, port: number): boolean {
  if (entry.kind === 'any') return true;
  if (entry.port !== undefined && entry.port !== port) return false;
  if (entry.kind === 'ip') {
    const ip = parseIp(host);
    return ip !== undefined && inBlock(ip, entry);
  }
  return host.endsWith(`.${entry.name}`) || (!entry.subdomainsOnly && host === entry.name);
}

/**
 * The proxy a request to `url` goes through, or undefined to connect directly: loopback hosts
 * (`localhost`, `127.x.x.x`, `[::1]`) and those `NO_PROXY` lists are always reached directly,
 * as Docker does.
 *
 * @example
 * ```ts
 * proxyFor(proxySettings({ HTTPS_PROXY: 'proxy:3128' }), new URL('http://127.0.0.1:5000/v2/')); // undefined
 * ```
 */
export function proxyFor(settings: ProxySettings, url: URL): Proxy | undefined {
  const proxy = url.protocol === 'https:' ? settings.https : settings.http;
  if (proxy === undefined || isLoopback(url.host)) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return settings.noProxy.some((entry) => matches(entry, host, port)) ? undefined : proxy;
}
