/** Migrations, concurrent identical uploads and the rate limiter's refill, below the HTTP surface. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.js';
import { MIGRATIONS_DIR } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite-db.js';
import { createRateLimiter } from '../src/rate-limit.js';
import { type Backend, backends, post, storedRows, testApp } from './backends.js';
import { resultDocument } from './documents.js';

describe('migrations', () => {
  it('applies every .sql file once, records it, and keeps data across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cliffbench-migrate-'));
    try {
      const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
      let db = await openPglite(dir);
      const { id } = (await (await post(testApp(db), resultDocument({ n: 1 }))).json()) as { id: string };
      await db.close();
      db = await openPglite(dir);
      const { rows } = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(files.sort());
      expect((await testApp(db).request(`/api/results/${id}`)).status).toBe(200);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(backends)('concurrent identical uploads on $name', (backend: Backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db.close());

  it('store one row and give one uploader the delete token', async () => {
    const app = testApp(db);
    const doc = resultDocument({ n: 77 });
    const replies = await Promise.all(Array.from({ length: 8 }, () => post(app, doc)));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(replies.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    expect(await storedRows(db)).toBe(1);
  });
});

describe('the rate limiter', () => {
  it('refills at its rate up to the burst and keeps clients apart', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 10, perSecond: 2 }, () => now);
    expect(limiter.take('a', 10)).toBe(0);
    expect(limiter.take('a', 1)).toBeCloseTo(0.5, 9);
    expect(limiter.take('b', 5)).toBe(0);
    now = 2; // 4 tokens back
    expect(limiter.take('a', 4)).toBe(0);
    expect(limiter.take('a', 1)).toBeGreaterThan(0);
    now = 1000; // never more than the burst
    expect(limiter.take('a', 10)).toBe(0);
    expect(limiter.take('a', 1)).toBeGreaterThan(0);
  });

  it('forgets the least recently seen client past its size limit', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001, maxClients: 2 }, () => 0);
    limiter.take('a', 1);
    limiter.take('b', 1);
    limiter.take('c', 1);
    expect(limiter.take('a', 1)).toBe(0); // 'a' was dropped, so it starts with a full bucket
    expect(limiter.take('c', 1)).toBeGreaterThan(0);
  });
});
