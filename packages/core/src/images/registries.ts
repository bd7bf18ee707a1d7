import { fullImageName, registryHost } from './image-name.js';

// A registry host (a dotted name, `localhost`, or one label with a port), optionally `*.` for
// every subdomain of a dotted name, then an optional path prefix. The policy's JSON Schema takes
// this pattern as is, so the file and the run time accept and refuse the same entries.
const HOST = String.raw`(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?=:))(?::\d{1,5})?`;
const WILDCARD_HOST = String.raw`\*\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?`;
const PATH = String.raw`(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*`;

/** The pattern of an `allowedRegistries` entry, as a regular expression source (JSON Schema `pattern`). */
export const REGISTRY_ENTRY_PATTERN = `^(?:${HOST}|${WILDCARD_HOST})${PATH}$`;

const ENTRY = new RegExp(REGISTRY_ENTRY_PATTERN);

/** What a refused entry is told, by the schema and by the run time alike. */
export const REGISTRY_ENTRY_MESSAGE =
  'is not a registry: write a host such as docker.io, ghcr.io or registry.example.com:5000, or *.example.com for every subdomain, optionally with a path such as ghcr.io/acme';

/**
 * True when `entry` is an `allowedRegistries` entry: a registry host, or `*.` and a domain for
 * its subdomains, optionally followed by a path prefix.
 *
 * @example
 * ```ts
 * isRegistryEntry('*.acme.example'); // true
 * isRegistryEntry('*acme.example'); // false
 * ```
 */
export function isRegistryEntry(entry: string): boolean {
  return ENTRY.test(entry);
}

function hostMatches(host: string, entryHost: string): boolean {
  if (!entryHost.startsWith('*.')) return host === entryHost;
  const suffix = entryHost.slice(1);
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * True when the image name is under one of the allowed entries: a registry (`ghcr.io`), every
 * subdomain of one (`*.acme.example`, not `acme.example` itself), or a registry and path prefix
 * (`ghcr.io/acme`), matched whole path components at a time. A port is part of the host.
 *
 * @example
 * ```ts
 * isAllowedImage('node', ['docker.io/library']); // true
 * isAllowedImage('ghcr.io/acme-evil/api', ['ghcr.io/acme']); // false
 * isAllowedImage('eu.registry.acme.example/api', ['*.acme.example']); // true
 * ```
 */
export function isAllowedImage(name: string, allowed: readonly string[]): boolean {
  const [host = '', ...path] = fullImageName(name).split('/');
  return allowed.some((entry) => {
    const [first = '', ...prefix] = entry.toLowerCase().replace(/\/+$/, '').split('/');
    const entryHost = registryHost(first);
    return hostMatches(host, entryHost) && prefix.every((p, i) => path[i] === p);
  });
}
