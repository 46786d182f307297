/**
 * @module http/static-site — serves the built web app: files from `root`, hashed files under `/assets/`
 * cached for a year (their names change with their content), `index.html` never cached and returned for any
 * other GET that is not a file (client-side routes).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Vite's default output folder for hashed assets. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Mounts the site at `root` (an absolute path to `apps/web/dist`) on `app`; does nothing when it is missing. */
export function mountStaticSite(app: Hono, root: string): boolean {
  if (!existsSync(join(root, 'index.html'))) return false;
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    c.res.headers.set('Cache-Control', c.req.path.startsWith(ASSETS_PREFIX) ? IMMUTABLE : 'no-cache');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith(ASSETS_PREFIX)) return next();
    return serveStatic({ root, path: 'index.html' })(c, next);
  });
  return true;
}
