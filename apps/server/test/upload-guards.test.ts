/**
 * Issue 14 item 4, on both databases: uploads in the content types any web page may POST across origins
 * without a preflight are refused with 415; impossible WebGPU limits and tuning values are refused with 422
 * naming the field; the stored browser is its name without version, so `?browser=Chrome` finds a page upload
 * whose document says "Chrome 138", and the migration rewrites rows stored the old way.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultDocument } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '../src/db/migrate.js';
import { type Backend, backends, type ErrorBody, openedBackend, post, storedRows } from './backends.js';
import { realDocument, resultDocument } from './documents.js';

type MediaTypeError = { error: { code: string; message: string; details: { sent: string | null } } };
type Page = { items: { id: string; browser: string }[] };

const chrome138 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';

/** A document as the page uploads it: the worker records "Chrome 138" (webgpu-bench's browserOf). */
const pageUpload = (n: number): ResultDocument => {
  const doc = resultDocument({ n, browser: 'Chrome 138' });
  return { ...doc, environment: { ...doc.environment, userAgent: chrome138 } };
};

/** Bodies a cross-origin form or `fetch` without preflight can send, each with the type it carries. */
const simpleBodies: readonly { type: string; body: () => NonNullable<RequestInit['body']> }[] = [
  { type: 'text/plain', body: () => JSON.stringify(realDocument()) },
  {
    type: 'application/x-www-form-urlencoded',
    body: () => new URLSearchParams({ [JSON.stringify(realDocument())]: '' }),
  },
  {
    type: 'multipart/form-data',
    body: () => {
      const form = new FormData();
      form.set('document', JSON.stringify(realDocument()));
      return form;
    },
  },
];

describe.each(backends)('upload guards on $name', (backend: Backend) => {
  const t = openedBackend(backend);
  const count = () => storedRows(t.db);

  it.each(simpleBodies)('refuses a $type upload with 415 and stores nothing', async ({ type, body }) => {
    const before = await count();
    const res = await t.app.request('/api/results', { method: 'POST', body: body() });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = (await res.json()) as MediaTypeError;
    expect(error.code).toBe('unsupported-media-type');
    expect(error.details.sent).toMatch(new RegExp(`^${type}`));
    expect(error.message).toContain(type);
    expect(error.message).toContain('application/json');
    expect(await count()).toBe(before);
  });

  it('refuses a body with no content type, and other JSON-like types, with 415', async () => {
    const before = await count();
    const bytes = new TextEncoder().encode(JSON.stringify(realDocument()));
    const none = await t.app.request('/api/results', { method: 'POST', body: bytes });
    expect(none.status).toBe(415);
    expect(((await none.json()) as MediaTypeError).error.details.sent).toBeNull();
    for (const type of ['application/json; charset=latin1', 'application/jsonx', 'text/json']) {
      const res = await post(t.app, realDocument(), { 'content-type': type });
      expect(res.status, type).toBe(415);
    }
    expect(await count()).toBe(before);
  });

  it('accepts application/json bare or with charset=utf-8, in any case', async () => {
    for (const [n, type] of [
      'application/json; charset=utf-8',
      'Application/JSON;charset="UTF-8"',
      'application/json',
    ].entries()) {
      const res = await post(t.app, resultDocument({ n: 500 + n }), { 'content-type': type });
      expect(res.status, type).toBe(201);
    }
  });

  it.each([
    ['limits', 'maxBufferSize', 1e308],
    ['limits', 'maxStorageBufferBindingSize', 2 ** 53 + 1],
    ['limits', 'maxTextureArrayLayers', 1e308],
    ['limits', 'maxTextureArrayLayers', 2 ** 32],
    ['tuning', 'candidates', 1e308],
    ['tuning', 'rowsPerWorkgroup', -1],
  ] as const)('refuses %s.%s = %d with 422 naming it', async (section, name, value) => {
    const before = await count();
    const doc = realDocument();
    const res = await post(t.app, { ...doc, [section]: { ...doc[section], [name]: value } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('invalid-document');
    expect(error.details?.map((d) => d.path)).toEqual([`${section}.${name}`]);
    expect(error.message).toContain(`${section}.${name}`);
    expect(await count()).toBe(before);
  });

  it('stores the browser without its version and finds a page upload by ?browser=Chrome', async () => {
    const res = await post(t.app, pageUpload(600));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    for (const query of ['Chrome', 'chrome', 'Chrome%20138', 'CHROME%20140']) {
      const list = await t.app.request(`/api/results?limit=100&browser=${query}`);
      const { items } = (await list.json()) as Page;
      expect(
        items.find((item) => item.id === id),
        query,
      ).toMatchObject({ browser: 'Chrome' });
    }
    const firefox = (await (await t.app.request('/api/results?limit=100&browser=Firefox')).json()) as Page;
    expect(firefox.items.map((item) => item.id)).not.toContain(id);
    // The version stays in the stored document.
    const stored = (await (await t.app.request(`/api/results/${id}`)).json()) as ResultDocument;
    expect(stored.environment.browser).toBe('Chrome 138');
  });

  it('migrates rows stored with a versioned browser to the name alone', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'cliffbench-migrations-'));
    try {
      // The database as it was before 002: only 001 applied, a page upload stored as "Chrome 138".
      await t.db.exec(
        'DROP TABLE rate_buckets; DROP TABLE llama_runs; DROP TABLE source_salt; DROP TABLE results; DELETE FROM migrations;',
      );
      copyFileSync(join(MIGRATIONS_DIR, '001-results.sql'), join(oldDir, '001-results.sql'));
      await migrate(t.db, oldDir);
      // Rows as 001's table holds them (the repository's insert writes columns later migrations add).
      const old = async (doc: ResultDocument, browser: string, n: number) => {
        const id = `old-${n}`.padEnd(16, 'x');
        await t.db.query(
          `INSERT INTO results (id, content_hash, delete_token_hash, run_at, device, device_id, vendor, browser,
             mode, bandwidth_gbs, document) VALUES ($1, $2, 'token', $3, 'test', NULL, 'nvidia', $4, 'quick', 300, $5)`,
          [id, `hash-${n}`, doc.createdAt, browser, JSON.stringify(doc)],
        );
        return id;
      };
      const page = await old(pageUpload(700), 'Chrome 138', 700);
      const dawn = await old(realDocument(), 'node', 701);
      expect(await migrate(t.db)).toEqual([
        '002-browser-names.sql',
        '003-llama-runs.sql',
        '004-rate-buckets.sql',
        '005-llama-server-runs.sql',
      ]);
      const { items } = (await (await t.app.request('/api/results?limit=100&browser=Chrome')).json()) as Page;
      expect(items.map((item) => item.id)).toEqual([page]);
      const all = (await (await t.app.request('/api/results?limit=100')).json()) as Page;
      expect(new Map(all.items.map((item) => [item.id, item.browser]))).toEqual(
        new Map([
          [page, 'Chrome'],
          [dawn, 'node'],
        ]),
      );
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });
});
