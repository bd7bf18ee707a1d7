// The one reading of image references: the distribution grammar, how a reference splits into
// name, tag and digest, and how a name is normalised (registry and path spelled out). Builder,
// rules, lint, policy and the lockfile all ask here, so they give one answer (docs/architecture.md).
const HOST = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const NAME = new RegExp(`^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The parts of an image reference. */
export interface ParsedImageRef {
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Splits `name[:tag][@digest]`; the tag separator is the last `:` after the last `/`. Nothing is
 * checked: test the parts with `isImageName()` and `isTag()`.
 *
 * @example
 * ```ts
 * splitImageRef('127.0.0.1:5000/shop/api:1.2'); // { name: '127.0.0.1:5000/shop/api', tag: '1.2' }
 * ```
 */
export function splitImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/**
 * True when `name` is a valid `[registry/]path` of the distribution reference grammar.
 *
 * @example
 * ```ts
 * isImageName('registry.example.com/shop/api'); // true
 * isImageName('Shop/API'); // false: path components are lower case
 * ```
 */
export function isImageName(name: string): boolean {
  return name.length <= 255 && NAME.test(name);
}

/**
 * True when `tag` is a valid tag: a word character, then up to 127 word characters, `.` or `-`.
 *
 * @example
 * ```ts
 * isTag('1.2.3'); // true
 * isTag('-dev'); // false
 * ```
 */
export function isTag(tag: string): boolean {
  return TAG.test(tag);
}

/** True when `digest` is `sha256:` and 64 lowercase hex digits. */
export function isDigest(digest: string): boolean {
  return DIGEST.test(digest);
}

/** An image name split the way registries see it. */
export interface NormalizedName {
  /** The registry, `docker.io` for Docker Hub names, e.g. `ghcr.io` or `127.0.0.1:5000`. */
  readonly domain: string;
  /** The repository inside the registry, e.g. `library/node` or `acme/app`. */
  readonly path: string;
  /** `domain/path`, e.g. `docker.io/library/node`. */
  readonly full: string;
}

// Docker Hub's other host names: `index.docker.io` is the legacy name Docker's reference library
// rewrites to `docker.io`, and `registry-1.docker.io` is the host that serves Docker Hub's registry
// API. An image named through either is pulled from Docker Hub, so it is a `docker.io` image.
const HUB_ALIASES: ReadonlySet<string> = new Set(['index.docker.io', 'registry-1.docker.io']);

/**
 * A registry host as the allow-list and the lockfile compare it: Docker Hub's aliases are `docker.io`.
 *
 * @example
 * ```ts
 * registryHost('index.docker.io'); // 'docker.io'
 * ```
 */
export function registryHost(host: string): string {
  return HUB_ALIASES.has(host.toLowerCase()) ? 'docker.io' : host;
}

/**
 * The registry and repository of an image name, with Docker Hub's defaults made explicit, as
 * `docker pull` reads them: a first component without `.` or `:` (and not `localhost`) is a
 * Docker Hub path, a one-component Docker Hub name lives under `library/`, and Docker Hub's
 * other host names (`index.docker.io`, `registry-1.docker.io`) are `docker.io`.
 *
 * @example
 * ```ts
 * normalizeImageName('node').full; // 'docker.io/library/node'
 * normalizeImageName('index.docker.io/library/node').full; // 'docker.io/library/node'
 * normalizeImageName('ghcr.io/acme/app').domain; // 'ghcr.io'
 * ```
 */
export function normalizeImageName(name: string): NormalizedName {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  const domain = hasDomain ? registryHost(first) : 'docker.io';
  let path = hasDomain ? name.slice(slash + 1) : name;
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return Object.freeze({ domain, path, full: `${domain}/${path}` });
}

/**
 * An image name with its registry and path spelled out, in lower case, the way the engine reads
 * it: no registry means Docker Hub (`docker.io`), and a one-part Hub name is an official image
 * (`library/`).
 *
 * @example
 * ```ts
 * fullImageName('node'); // 'docker.io/library/node'
 * fullImageName('ghcr.io/acme/api'); // 'ghcr.io/acme/api'
 * ```
 */
export function fullImageName(name: string): string {
  return normalizeImageName(name.toLowerCase()).full;
}
