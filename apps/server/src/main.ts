/**
 * @module main — `npm start`: the built web app and the API on HOST:PORT (default 127.0.0.1:8787), with
 * embedded PGlite in DATA_DIR (default apps/server/data), or PostgreSQL when DATABASE_URL is set.
 * RATE_BURST / RATE_PER_SECOND tune the per-client limit, RATE_STORE=memory|database where it is kept; TRUST_PROXY=1 keys it by X-Forwarded-For.
 */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createApp } from './app.js';
import { openPglite } from './db/pglite-db.js';
import { openPostgres } from './db/postgres-db.js';

const env = process.env;
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const dataDir = env.DATA_DIR ?? fileURLToPath(new URL('../data', import.meta.url));
const port = Number(env.PORT ?? 8787);
const hostname = env.HOST ?? '127.0.0.1';
const numberOr = (text: string | undefined, fallback: number) => (text ? Number(text) : fallback);

const clientKey = (c: Context): string => {
  const forwarded =
    env.TRUST_PROXY === '1' ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || getConnInfo(c).remote.address || 'unknown';
};

const db = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(dataDir);
const app = createApp({
  db,
  clientKey,
  webRoot,
  rateLimit: { burst: numberOr(env.RATE_BURST, 120), perSecond: numberOr(env.RATE_PER_SECOND, 10) },
  ...(env.RATE_STORE === 'memory' || env.RATE_STORE === 'database' ? { rateStore: env.RATE_STORE } : {}),
});
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  const where = db.kind === 'postgresql' ? 'PostgreSQL' : `PGlite in ${dataDir}`;
  console.log(`cliffbench server on http://${hostname}:${info.port} (${where})`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void db.close().finally(() => process.exit(0))));
}
