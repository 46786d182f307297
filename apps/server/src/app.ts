/**
 * @module app — the HTTP API and the built web app as one Hono app; tests call it with `app.request()` and
 * main.ts serves it. Every error is `{ error: { code, message, details? } }`; user text leaves only as JSON.
 */
import { type Context, Hono } from 'hono';
import { createCommunityRepository } from './community-repository.js';
import type { Db } from './db/db.js';
import { ApiError, errorResponse } from './http/api-error.js';
import { securityHeaders } from './http/security-headers.js';
import { mountStaticSite } from './http/static-site.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createResultsRepository } from './results-repository.js';
import { communityRoutes } from './routes/community-routes.js';
import { resultsRoutes } from './routes/results-routes.js';
import { createSharedRateLimiter } from './shared-rate-limit.js';

export interface AppOptions {
  readonly db: Db;
  /** Rate-limit key of a request (the peer address); held in memory only, never stored. @default 'local' */
  readonly clientKey?: (c: Context) => string;
  /** Per-client token bucket; a read costs 1 token, an upload or delete 5. */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Where the buckets live: `memory` (this process only) or `database` (shared by every process on the
   * database, src/shared-rate-limit). @default 'database' on PostgreSQL, 'memory' on PGlite (one process)
   */
  readonly rateStore?: 'memory' | 'database';
  /** Absolute path of the built web app (`apps/web/dist`); not served when undefined or missing. */
  readonly webRoot?: string;
}

/** Tokens an upload or delete costs; a read costs 1. */
const WRITE_COST = 5;

export function createApp(options: AppOptions): Hono {
  const repo = createResultsRepository(options.db);
  const community = createCommunityRepository(options.db);
  const store = options.rateStore ?? (options.db.kind === 'postgresql' ? 'database' : 'memory');
  const memoryLimiter = createRateLimiter(options.rateLimit);
  const sharedLimiter = createSharedRateLimiter(options.db, options.rateLimit);
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    console.error(error);
    return errorResponse(c, new ApiError(500, 'internal', 'The server failed; nothing was stored.'));
  });
  app.use('*', securityHeaders());
  app.use('/api/*', async (c, next) => {
    const key = options.clientKey?.(c) ?? 'local';
    const cost = c.req.method === 'GET' || c.req.method === 'HEAD' ? 1 : WRITE_COST;
    const wait =
      store === 'database'
        ? await sharedLimiter.take(await community.sourceHash(key), cost)
        : memoryLimiter.take(key, cost);
    if (wait > 0) {
      const seconds = Math.ceil(wait);
      c.header('Retry-After', String(seconds));
      throw new ApiError(429, 'rate-limited', `Too many requests; try again in ${seconds} s.`);
    }
    await next();
  });

  app.get('/healthz', async (c) =>
    c.json({ ok: true, database: options.db.kind, results: await repo.count() }),
  );
  // The source of an upload, for community aggregates: the salted hash of its client key, never the key.
  const sourceOf = (c: Context) => community.sourceHash(options.clientKey?.(c) ?? 'local');
  app.route('/api/results', resultsRoutes(repo, sourceOf));
  app.route('/api', communityRoutes(community));
  app.get('/api/devices', async (c) => c.json({ devices: await repo.deviceStats() }));
  app.all('/api/*', () => {
    throw new ApiError(404, 'not-found', 'No such API route; see apps/server/README.md.');
  });
  if (options.webRoot) mountStaticSite(app, options.webRoot);
  app.notFound((c) => errorResponse(c, new ApiError(404, 'not-found', 'Nothing here.')));
  return app;
}
