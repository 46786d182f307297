/**
 * @module shared-rate-limit — the per-client token bucket held in the database, so every server process on one
 * PostgreSQL enforces one limit (`RATE_STORE=database`, the default with DATABASE_URL). One statement per
 * request: an upsert whose ON CONFLICT DO UPDATE locks the client's row, refills it by the time since its
 * last request (the database clock, so processes on different hosts agree), takes the cost when the bucket
 * holds it, and returns whether it did — concurrent requests from any process serialise on that row.
 * The client key is stored only as its salted hash (community-repository's `sourceHash`).
 */
import type { Db } from './db/db.js';

export interface SharedRateLimiter {
  /** Takes `cost` tokens for `keyHash`; 0 when allowed, else the seconds until it would be. */
  take(keyHash: string, cost: number): Promise<number>;
}

/** Idle buckets older than this are deleted (a full bucket's worth of refill has long passed). */
const IDLE_SECONDS = 3600;

export function createSharedRateLimiter(
  db: Db,
  options: { readonly burst?: number; readonly perSecond?: number } = {},
): SharedRateLimiter {
  const burst = options.burst ?? 120;
  const perSecond = options.perSecond ?? 10;
  let requests = 0;
  return {
    async take(keyHash, cost) {
      const refilled = `LEAST($2::double precision, rate_buckets.tokens +
        EXTRACT(EPOCH FROM clock_timestamp() - rate_buckets.at) * $3::double precision)`;
      const { rows } = await db.query<{ tokens: number; allowed: boolean }>(
        `INSERT INTO rate_buckets (key_hash, tokens, at, allowed)
         VALUES ($1, $2::double precision - $4::double precision, clock_timestamp(), $2::double precision >= $4)
         ON CONFLICT (key_hash) DO UPDATE SET
           tokens = CASE WHEN ${refilled} >= $4 THEN ${refilled} - $4 ELSE ${refilled} END,
           allowed = ${refilled} >= $4,
           at = clock_timestamp()
         RETURNING tokens, allowed`,
        [keyHash, burst, perSecond, cost],
      );
      if (++requests % 1000 === 0) {
        await db.query(
          `DELETE FROM rate_buckets WHERE at < clock_timestamp() - interval '${IDLE_SECONDS} seconds'`,
        );
      }
      const row = rows[0];
      if (row === undefined || row.allowed) return 0;
      return (cost - Number(row.tokens)) / perSecond;
    },
  };
}
