import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type Db, openPglite, openPostgres } from '../src/db.js';
import { ResultsStore } from '../src/results-store.js';
import { resultDocument } from './documents.js';
import { startPostgres } from './postgres.js';

type Backend = { name: string; open: () => Promise<{ db: Db; stop: () => void }> };
const backends: Backend[] = [
  { name: 'PGlite', open: async () => ({ db: await openPglite(), stop: () => {} }) },
  {
    name: 'PostgreSQL',
    open: async () => {
      const pg = await startPostgres();
      return { db: await openPostgres(pg.url), stop: pg.stop };
    },
  },
];

describe.each(backends)('results API on $name', (backend) => {
  let db: Db;
  let stop: () => void;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ db, stop } = await backend.open());
    app = createApp({ store: new ResultsStore(db), rateLimit: { burst: 1e6, perSecond: 1e6 } });
  }, 60_000);
  afterAll(async () => {
    await db.close();
    stop();
  });

  const post = (body: unknown, raw = false) =>
    app.request('/api/results', {
      method: 'POST',
      body: raw ? (body as string) : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('stores a document and returns it unchanged', async () => {
    const doc = resultDocument(1);
    const res = await post(doc);
    expect(res.status).toBe(201);
    const { id, url, deleteToken } = (await res.json()) as { id: string; url: string; deleteToken: string };
    expect(url).toBe(`/api/results/${id}`);
    expect(deleteToken.length).toBeGreaterThan(20);
    expect(await (await app.request(url)).json()).toEqual(doc);
  });

  it('stores identical documents once and gives the delete token only to the first uploader', async () => {
    const doc = resultDocument(2);
    const first = (await (await post(doc)).json()) as { id: string };
    const again = await post(doc);
    expect(again.status).toBe(200);
    const body = (await again.json()) as { id: string; deleteToken?: string };
    expect(body.id).toBe(first.id);
    expect(body.deleteToken).toBeUndefined();
  });

  it('deletes only with the right token', async () => {
    const { id, deleteToken } = (await (await post(resultDocument(3))).json()) as {
      id: string;
      deleteToken: string;
    };
    const del = (token?: string) =>
      app.request(`/api/results/${id}`, {
        method: 'DELETE',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await del()).status).toBe(401);
    expect((await del('wrong')).status).toBe(403);
    expect((await del(deleteToken)).status).toBe(204);
    expect((await app.request(`/api/results/${id}`)).status).toBe(404);
    expect((await del(deleteToken)).status).toBe(404);
  });

  it('lists summaries newest first with filters and cursor pagination', async () => {
    for (let n = 10; n < 15; n++)
      await post(resultDocument(n, { claimedDevice: { name: `Test GPU ${n % 2}` } }));
    const page = async (q: string) =>
      (await (await app.request(`/api/results?${q}`)).json()) as {
        items: { id: string; device: string; createdAt: string }[];
        nextCursor?: string;
      };
    const first = await page('device=Test%20GPU%200&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.items.every((i) => i.device === 'Test GPU 0')).toBe(true);
    expect(first.items[0]!.createdAt > first.items[1]!.createdAt).toBe(true);
    const second = await page(`device=Test%20GPU%200&limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
    expect((await app.request('/api/results?limit=1000')).status).toBe(400);
  });

  it('summarises devices with run counts and spread', async () => {
    const { devices } = (await (await app.request('/api/devices')).json()) as {
      devices: { device: string; runs: number; medianGBs: number }[];
    };
    const gpu1 = devices.find((d) => d.device === 'Test GPU 1');
    expect(gpu1?.runs).toBe(2);
    expect(gpu1?.medianGBs).toBeGreaterThan(0);
  });

  it('rejects malformed JSON, schema violations and oversized bodies with clear 4xx errors', async () => {
    const malformed = await post('{"schemaVersion": 1,', true);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('malformed-json');
    const invalid = await post({ ...resultDocument(20), schemaVersion: 99 });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toContain(
      'schemaVersion',
    );
    const huge = await post(`{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`, true);
    expect(huge.status).toBe(413);
  });

  it('rejects implausible figures: a median that is not the median, a bandwidth above the claimed spec', async () => {
    const doc = resultDocument(21);
    const m = doc.measurements[0]!;
    const wrongMedian = {
      ...doc,
      measurements: [
        { ...m, medianSeconds: m.medianSeconds * 2, bandwidthGBs: m.bandwidthGBs / 2 },
        ...doc.measurements.slice(1),
      ],
    };
    expect((await post(wrongMedian)).status).toBe(422);
    const fast = {
      ...doc,
      claimedDevice: { deviceId: 'geforce-rtx-3060-12gb', name: 'RTX 3060' },
      fits: [{ format: 'q4_0' as const, bandwidthGBs: 5000, launchSeconds: 1e-5, r2: 0.99, points: 3 }],
    };
    const res = await post(fast);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/spec/);
  });
});
