/** The built web app: files, year-long caching of hashed assets, index.html for client routes, headers. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/db.js';
import { openPglite } from '../src/db/pglite-db.js';

describe('the static site', () => {
  let db: Db;
  let root: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cliffbench-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>cliffbench</title>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    db = await openPglite();
    app = createApp({ db, webRoot: root });
  });
  afterAll(async () => {
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html uncached at / and for client-side routes', async () => {
    for (const path of ['/', '/compare', '/bench/run']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>cliffbench</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('caches hashed assets for a year and answers a missing asset with 404, not the page', async () => {
    const asset = await app.request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('keeps API routes as JSON beside the site', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('does not serve files outside its root', async () => {
    const res = await app.request('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });
});
