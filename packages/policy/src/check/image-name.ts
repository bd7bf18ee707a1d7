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
