/** Aliases BuildKit accepts in `--mount` options, mapped to one name each. */
const ALIASES: Readonly<Record<string, string>> = {
  dst: 'target',
  destination: 'target',
  src: 'source',
  ro: 'readonly',
  rw: 'readwrite',
};

/**
 * The options of a `--mount` flag value as a map (`type` defaulting to `bind`, aliases resolved,
 * bare options as `true`), or `undefined` for what this reader does not handle (quotes).
 *
 * @example
 * ```ts
 * mountOptions('type=cache,dst=/root/.cache,ro'); // Map { 'type' => 'cache', 'target' => '/root/.cache', 'readonly' => true }
 * ```
 */
export function mountOptions(value: string): Map<string, string | true> | undefined {
  if (/["']/.test(value)) return undefined;
  const options = new Map<string, string | true>();
  for (const field of value.split(',')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    const raw = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const key = ALIASES[raw] ?? raw;
    options.set(key, eq < 0 ? true : field.slice(eq + 1));
  }
  if (!options.has('type')) options.set('type', 'bind');
  return options;
}

/**
 * A `--mount` value in a canonical order, so two spellings of one mount compare equal.
 *
 * @example
 * ```ts
 * normalizeMount('target=/c,type=cache'); // 'target=/c,type=cache'
 * ```
 */
export function normalizeMount(value: string): string {
  const options = mountOptions(value);
  if (options === undefined) return value;
  return [...options]
    .map(([k, v]) => (v === true ? k : `${k}=${v}`))
    .sort()
    .join(',');
}
