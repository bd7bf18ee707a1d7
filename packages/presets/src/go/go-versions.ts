// The Go release lines the Go preset knows: a go.mod's `go 1.x` directive becomes exactly one pinned
// toolchain image. One table, read by the preset and by `dockwright init`.

/**
 * Exact Go versions per minor, as of December 2026: the newest patch of each line the preset knows
 * (lines past their end of life keep their last patch, so an old go.mod still gets a pinned image).
 */
export const goReleases: Readonly<Record<string, string>> = Object.freeze({
  '1.19': '1.19.13',
  '1.20': '1.20.14',
  '1.21': '1.21.13',
  '1.22': '1.22.12',
  '1.23': '1.23.12',
  '1.24': '1.24.13',
  '1.25': '1.25.7',
  '1.26': '1.26.7',
  '1.27': '1.27.0',
});

/**
 * The pinned default toolchain image for a go.mod's `go` directive (`1.23` or `1.23.4`): the
 * table's patch of that minor; undefined when the table does not know the minor.
 *
 * @example
 * ```ts
 * goImageFor('1.23'); // 'golang:1.23.12-bookworm'
 * ```
 */
export function goImageFor(goVersion: string): string | undefined {
  if (typeof goVersion !== 'string') return undefined;
  const minor = /^(\d+\.\d+)(?:\.\d+)?$/.exec(goVersion.trim())?.[1];
  const exact = minor === undefined ? undefined : goReleases[minor];
  return exact === undefined ? undefined : `golang:${exact}-bookworm`;
}
