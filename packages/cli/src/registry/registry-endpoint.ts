/** Where to reach a registry, and the names its credentials may be stored under. */
export interface RegistryEndpoint {
  /** The registry as in image names: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  readonly domain: string;
  /** `https://registry-1.docker.io`, `http://127.0.0.1:5000`. */
  readonly baseUrl: string;
  /** Keys of `auths` in ~/.docker/config.json that hold its credentials, best first (hosts, no scheme). */
  readonly credentialHosts: readonly string[];
}

/**
 * True for registries on this machine (`localhost`, `127.x.x.x`, `[::1]`, with any port), which
 * are spoken to over plain HTTP like Docker does.
 *
 * @example
 * ```ts
 * isLoopback('127.0.0.1:5000'); // true
 * ```
 */
export function isLoopback(domain: string): boolean {
  const host = domain.startsWith('[') ? domain.slice(0, domain.indexOf(']') + 1) : domain.replace(/:\d+$/, '');
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The endpoint of a registry: HTTPS, except plain HTTP for loopback registries and those listed
 * as insecure; Docker Hub (`docker.io`) is served by `registry-1.docker.io`, and its
 * credentials are stored under `https://index.docker.io/v1/` by `docker login`.
 *
 * @example
 * ```ts
 * registryEndpoint('docker.io', []).baseUrl; // 'https://registry-1.docker.io'
 * registryEndpoint('registry.internal:5000', ['registry.internal:5000']).baseUrl; // 'http://registry.internal:5000'
 * ```
 */
export function registryEndpoint(domain: string, insecure: readonly string[]): RegistryEndpoint {
  if (domain === 'docker.io') {
    return { domain, baseUrl: 'https://registry-1.docker.io', credentialHosts: ['index.docker.io', 'docker.io', 'registry-1.docker.io'] };
  }
  const plain = isLoopback(domain) || insecure.includes(domain);
  return { domain, baseUrl: `${plain ? 'http' : 'https'}://${domain}`, credentialHosts: [domain] };
}
