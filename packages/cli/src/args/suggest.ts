/**
 * Edits between two words (optimal string alignment): insertions, deletions, substitutions and
 * swaps of two neighbouring letters, each one edit, so `lnit` is one edit from `lint`.
 *
 * @example
 * ```ts
 * editDistance('lnit', 'lint'); // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, (d[i - 2]?.[j - 2] as number) + 1);
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * The known name a mistyped word most likely meant: the fewest edits (at most 2, and fewer than
 * the word is long), then the longest shared start, then the order given. Undefined when none
 * is close.
 *
 * @example
 * ```ts
 * suggest('lnit', ['render', 'lint', 'lock']); // 'lint'
 * suggest('deploy', ['render', 'lint']); // undefined
 * ```
 */
export function suggest(word: string, names: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.max(word.length - 1, 0));
  let best: { name: string; distance: number; prefix: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance > limit) continue;
    const prefix = sharedPrefix(word.toLowerCase(), name);
    if (best === undefined || distance < best.distance || (distance === best.distance && prefix > best.prefix)) best = { name, distance, prefix };
  }
  return best?.name;
}
