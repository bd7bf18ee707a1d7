// The distribution reference grammar (registry host, path components, tag, digest).
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
