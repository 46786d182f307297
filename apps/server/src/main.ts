/**
 * @module main — `npm start`: the built web app and the API on PORT (default 8787), with embedded PGlite in
 * DATA_DIR (default apps/server/data), or PostgreSQL when DATABASE_URL is set.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app.js';
import { openPglite, openPostgres } from './db.js';
import { ResultsStore } from './results-store.js';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, '../../web/dist');
const dataDir = process.env.DATA_DIR ?? join(here, '../data');
const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';

const db = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL)
  : await openPglite(dataDir);
const app = createApp({
  store: new ResultsStore(db),
  clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
  mountStatic: (a) => {
    if (!existsSync(webRoot)) return;
    const root = relative(process.cwd(), webRoot) || '.';
    a.use('/assets/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    a.use('*', serveStatic({ root }));
    a.get('*', serveStatic({ root, path: 'index.html' }));
  },
});
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(
    `cliffbench on http://${hostname}:${info.port} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${dataDir}`})`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => void db.close().then(() => process.exit(0))));
}
