/**
 * @module rate-limit — per-client token buckets held in memory only (client keys are never written anywhere).
 * Each request costs tokens; a bucket refills at `perSecond` up to `burst`.
 */

export interface RateLimitOptions {
  /** Bucket size, tokens. @default 120 */
  readonly burst?: number;
  /** Refill rate, tokens per second. @default 10 */
  readonly perSecond?: number;
  /** Buckets kept at most; the oldest is dropped past it. @default 10000 */
  readonly maxClients?: number;
}

export interface RateLimiter {
  /** Takes `cost` tokens for `key`; returns 0 when allowed, else the seconds until it would be. */
  take(key: string, cost: number): number;
}

/** `now` returns seconds (injectable for tests). */
export function createRateLimiter(
  options: RateLimitOptions = {},
  now: () => number = () => performance.now() / 1000,
): RateLimiter {
  const burst = options.burst ?? 120;
  const perSecond = options.perSecond ?? 10;
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, cost) {
      const t = now();
      const previous = buckets.get(key);
      const bucket = previous ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perSecond);
      bucket.at = t;
      buckets.delete(key); // re-insert so Map order is least recently used first
      buckets.set(key, bucket);
      if (buckets.size > maxClients) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return 0;
      }
      return (cost - bucket.tokens) / perSecond;
    },
  };
}
