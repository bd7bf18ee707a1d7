/** How often and how long to wait before asking a registry again. */
export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retries: number;
  /** The wait before the first retry; each later one doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** 3 retries after 0.5 s, 1 s and 2 s (each with up to half of it as random jitter). */
export const defaultRetryPolicy: RetryPolicy = Object.freeze({ retries: 3, baseDelayMs: 500, maxDelayMs: 10_000 });

/**
 * True for answers worth asking again: 429 (rate limited), 408, and 5xx except 501 and 505,
 * which will not change.
 *
 * @example
 * ```ts
 * isRetryableStatus(503); // true
 * isRetryableStatus(404); // false
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** Seconds, or an HTTP date, as milliseconds from `now`; undefined when unreadable. */
function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `attempt` (0 for the first retry): the registry's
 * `Retry-After` when it gives one (capped at `maxDelayMs`), else `baseDelayMs * 2^attempt`
 * capped, with up to half of it replaced by jitter so parallel clients do not retry in step.
 *
 * @example
 * ```ts
 * retryDelayMs(1, defaultRetryPolicy, undefined, () => 1); // 1000
 * retryDelayMs(0, defaultRetryPolicy, '3'); // 3000
 * ```
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfter?: string, random: () => number = Math.random, now: number = Date.now()): number {
  const asked = retryAfterMs(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  const full = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return Math.round(full / 2 + (full / 2) * random());
}
