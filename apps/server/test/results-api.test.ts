/** The JSON API through `app.request()`, against in-memory PGlite and a real PostgreSQL database. */
import { createHash } from 'node:crypto';
import { quantile, type ResultDocument } from '@cliffbench/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Backend, backends, type ErrorBody, openedBackend, post, storedRows } from './backends.js';
import { realDocument, resultDocument } from './documents.js';

type Created = { id: string; url: string; deleteToken?: string };
type Page = {
  items: {
    id: string;
    device: string;
    vendor: string;
    browser: string;
    bandwidthGBs: number;
    uploadedAt: string;
  }[];
  nextCursor?: string;
};

/** Same keys in reverse order at every depth: the same document to a reader. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe.each(backends)('the results API on $name', (backend: Backend) => {
  const t = openedBackend(backend);

  const count = () => storedRows(t.db);
  const upload = async (doc: ResultDocument) => (await (await post(t.app, doc)).json()) as Created;
  const page = async (query: string) => {
    const res = await t.app.request(`/api/results?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  it('stores a document and returns it unchanged at its url', async () => {
    const doc = resultDocument({
      n: 1,
      claimedDevice: { deviceId: 'geforce-rtx-3060-12gb', name: 'my 3060' },
    });
    const res = await post(t.app, doc);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(body.url).toBe(`/api/results/${body.id}`);
    const got = await t.app.request(body.url);
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await got.json()).toEqual(doc);
  });

  it('accepts a real benchmark run with a RAM section and returns it unchanged', async () => {
    const doc = realDocument();
    const res = await post(t.app, doc);
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as Created;
    expect(await (await t.app.request(url)).json()).toEqual(doc);
  });

  it('reads a version-1 document as the current version and dedupes it against its upgrade', async () => {
    const current = resultDocument({ n: 8 });
    const v1 = await post(t.app, { ...current, schemaVersion: 1 });
    expect(v1.status).toBe(201);
    const { id, url } = (await v1.json()) as Created;
    expect(await (await t.app.request(url)).json()).toEqual(current);
    const again = await post(t.app, current);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Created).id).toBe(id);
  });

  it('keeps only the SHA-256 of the delete token', async () => {
    const { id, deleteToken } = await upload(resultDocument({ n: 2 }));
    const { rows } = await t.db.query<Record<string, unknown>>('SELECT * FROM results WHERE id = $1', [id]);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(deleteToken);
    expect(rows[0]?.delete_token_hash).toBe(
      createHash('sha256')
        .update(deleteToken ?? '')
        .digest('hex'),
    );
  });

  it('stores identical documents once and gives the delete token only to the first uploader', async () => {
    const doc = resultDocument({ n: 3 });
    const first = await upload(doc);
    const before = await count();
    const again = await post(t.app, reversedKeys(doc));
    expect(again.status).toBe(200);
    const body = (await again.json()) as Created;
    expect(body).toEqual({ id: first.id, url: first.url });
    expect(await count()).toBe(before);
    expect((await post(t.app, resultDocument({ n: 4 }))).status).toBe(201);
  });

  it('deletes a result only with its own token', async () => {
    const { id, deleteToken } = await upload(resultDocument({ n: 5 }));
    const other = await upload(resultDocument({ n: 6 }));
    const del = (token?: string, target = id) =>
      t.app.request(`/api/results/${target}`, {
        method: 'DELETE',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await del()).status).toBe(401);
    expect((await del(other.deleteToken)).status).toBe(403);
    expect((await t.app.request(`/api/results/${id}`)).status).toBe(200);
    expect((await del(deleteToken)).status).toBe(204);
    expect((await t.app.request(`/api/results/${id}`)).status).toBe(404);
    expect((await del(deleteToken)).status).toBe(404);
    expect((await del(deleteToken, 'AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.app.request(other.url)).status).toBe(200);
  });

  describe('listing', () => {
    const vendor = 'listvendor';
    const bandwidths = [120, 480, 250, 90, 330, 610, 175];
    const ids: string[] = [];
    beforeAll(async () => {
      for (const [i, bw] of bandwidths.entries()) {
        const device = i % 2 === 0 ? { deviceId: 'geforce-rtx-4090', name: 'x' } : { name: 'Home-made GPU' };
        const doc = resultDocument({
          n: 100 + i,
          bandwidthGBs: bw,
          vendor,
          browser: i < 3 ? 'Firefox' : 'Chrome',
          claimedDevice: device,
        });
        ids.push((await upload(doc)).id);
      }
    });

    const all = async (query: string, limit: number) => {
      const items: Page['items'] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const p = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(p.items.length).toBeLessThanOrEqual(limit);
        items.push(...p.items);
        cursor = p.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      return { items, pages };
    };

    it('pages newest first through every result exactly once', async () => {
      const { items, pages } = await all(`vendor=${vendor}`, 3);
      expect(pages).toBe(3);
      expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
      const times = items.map((i) => i.uploadedAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('sorts by bandwidth across pages', async () => {
      const { items } = await all(`vendor=${vendor}&sort=bandwidth`, 2);
      expect(items.map((i) => i.bandwidthGBs)).toEqual([...bandwidths].sort((a, b) => b - a));
    });

    it('filters by device name or catalog id, vendor and browser, ignoring case', async () => {
      const byName = await page(`vendor=${vendor}&device=geforce%20rtx%204090&limit=100`);
      expect(byName.items).toHaveLength(4);
      expect(byName.items.every((i) => i.device === 'GeForce RTX 4090')).toBe(true);
      expect((await page(`vendor=${vendor}&device=geforce-rtx-4090`)).items).toHaveLength(4);
      expect((await page(`vendor=${vendor}&device=home-made%20gpu`)).items).toHaveLength(3);
      expect((await page(`vendor=LISTVENDOR&browser=firefox`)).items).toHaveLength(3);
      expect((await page('vendor=nobody')).items).toEqual([]);
    });

    it('returns summaries, not documents', async () => {
      const { items } = await page(`vendor=${vendor}&limit=1`);
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(
        [
          'bandwidthGBs',
          'browser',
          'device',
          'deviceId',
          'id',
          'mode',
          'runAt',
          'uploadedAt',
          'vendor',
        ].sort(),
      );
    });

    it('refuses a bad limit, sort or cursor with 400', async () => {
      const timeCursor = (await page(`vendor=${vendor}&limit=1`)).nextCursor;
      for (const query of [
        'limit=0',
        'limit=101',
        'limit=abc',
        'sort=price',
        'cursor=nonsense',
        `sort=bandwidth&cursor=${timeCursor}`,
      ]) {
        const res = await t.app.request(`/api/results?${query}`);
        expect(res.status, query).toBe(400);
        expect(((await res.json()) as ErrorBody).error.code).toBe('invalid-query');
      }
    });

    it('summarises each claimed device with its run count and bandwidth quartiles', async () => {
      const res = await t.app.request('/api/devices');
      const { devices } = (await res.json()) as {
        devices: { device: string; runs: number; medianGBs: number; p25GBs: number; p75GBs: number }[];
      };
      const gpu = devices.find((d) => d.device === 'GeForce RTX 4090');
      const mine = bandwidths.filter((_, i) => i % 2 === 0);
      expect(gpu?.runs).toBe(mine.length);
      expect(gpu?.medianGBs).toBeCloseTo(quantile(mine, 0.5), 9);
      expect(gpu?.p25GBs).toBeCloseTo(quantile(mine, 0.25), 9);
      expect(gpu?.p75GBs).toBeCloseTo(quantile(mine, 0.75), 9);
      const medians = devices.map((d) => d.medianGBs);
      expect(medians).toEqual([...medians].sort((a, b) => b - a));
    });
  });

  it('reports health with the database kind and result count', async () => {
    const body = (await (await t.app.request('/healthz')).json()) as {
      ok: boolean;
      database: string;
      results: number;
    };
    expect(body).toEqual({ ok: true, database: t.db.kind, results: await count() });
  });
});
