/**
 * Maps items with at most `limit` calls in flight, and returns the results in the items' order.
 *
 * @example
 * ```ts
 * const outcomes = await mapConcurrent(targets, 16, (t) => planTarget(t, cwd));
 * ```
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
