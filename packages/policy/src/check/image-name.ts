/**
 * An image name with its registry and path spelled out, the way the engine reads it: no registry
 * means Docker Hub (`docker.io`), and a one-part Hub name is an official image (`library/`).
 *
 * @example
 * ```ts
 * fullImageName('node'); // 'docker.io/library/node'
 * fullImageName('ghcr.io/acme/api'); // 'ghcr.io/acme/api'
 * ```
 */
export function fullImageName(name: string): string {
  const lower = name.toLowerCase();
  const slash = lower.indexOf('/');
  const first = slash < 0 ? '' : lower.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) return `docker.io/${slash < 0 ? `library/${lower}` : lower}`;
  const registry = first === 'index.docker.io' || first === 'registry-1.docker.io' ? 'docker.io' : first;
  return `${registry}${lower.slice(slash)}`;
}

/**
 * True when the image name is under one of the allowed entries: a registry (`ghcr.io`) or a
 * registry and path prefix (`ghcr.io/acme`), matched whole path components at a time.
 *
 * @example
 * ```ts
 * isAllowedImage('node', ['docker.io/library']); // true
 * isAllowedImage('ghcr.io/acme-evil/api', ['ghcr.io/acme']); // false
 * ```
 */
export function isAllowedImage(name: string, allowed: readonly string[]): boolean {
  const full = fullImageName(name);
  return allowed.some((entry) => {
    // The schema makes every entry start with a registry host, so it normalises like a name under it.
    const prefix = fullImageName(`${entry}/x`).slice(0, -2);
    return full === prefix || full.startsWith(`${prefix}/`);
  });
}

/**
 * The name of an image reference written as text (`docker/dockerfile:1.7@sha256:...` gives
 * `docker/dockerfile`), and whether it carries a digest.
 *
 * @example
 * ```ts
 * splitReference('docker/dockerfile:1.7'); // { name: 'docker/dockerfile', digest: false }
 * ```
 */
export function splitReference(ref: string): { name: string; digest: boolean } {
  const at = ref.indexOf('@');
  const rest = at < 0 ? ref : ref.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  return { name: colon > slash ? rest.slice(0, colon) : rest, digest: at >= 0 && /^sha256:[0-9a-f]{64}$/.test(ref.slice(at + 1)) };
}
