// Heading anchors as GitHub writes them, so links between the docs work on GitHub and on the site.

/**
 * A slugger: each heading's anchor, numbered (`-1`, `-2`) when a page repeats a heading.
 *
 * @example
 * ```ts
 * const slug = slugger();
 * slug('raw(line, reason)'); // 'rawline-reason'
 * ```
 */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  };
}
