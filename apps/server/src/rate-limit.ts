/**
 * @module rate-limit — per-client token buckets in memory (keys are never stored anywhere else). Each request
 * costs tokens; a bucket refills at `perSecond` up to `burst`.
 */

export interface RateLimitOptions {
  /** @default 60 */
  readonly burst?: number;
  /** @default 5 */
  readonly perSecond?: number;
}

export interface RateLimiter {
  /** Takes `cost` tokens for `key`; returns 0 when allowed, else the seconds until it would be. */
  take(key: string, cost: number): number;
}

export function createRateLimiter(
  options: RateLimitOptions = {},
  now = () => Date.now() / 1000,
): RateLimiter {
  const burst = options.burst ?? 60;
  const perSecond = options.perSecond ?? 5;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, cost) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + (t - b.at) * perSecond);
      b.at = t;
      buckets.set(key, b);
      if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens >= cost) {
        b.tokens -= cost;
        return 0;
      }
      return (cost - b.tokens) / perSecond;
    },
  };
}
