/** The two databases every API test runs against: in-memory PGlite and a fresh database on the test cluster. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/db.js';
import { openPglite } from '../src/db/pglite-db.js';
import { openPostgres } from '../src/db/postgres-db.js';
import { createResultsRepository } from '../src/results-repository.js';

/** Creates an empty database on the shared test cluster and returns its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const base = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return base.replace(/\/postgres$/, `/${name}`);
}

export interface Backend {
  readonly name: string;
  open(): Promise<Db>;
}

export const backends: readonly Backend[] = [
  { name: 'PGlite', open: () => openPglite() },
  { name: 'PostgreSQL', open: async () => openPostgres(await freshPostgresDatabase()) },
];

/** An app with rate limiting out of the way (its own test sets it). */
export const testApp = (db: Db) => createApp({ db, rateLimit: { burst: 1e9, perSecond: 1e9 } });

/** `testApp` whose client (the uploader a source is counted by) is each request's `x-test-client` header. */
export const multiClientApp = (db: Db) =>
  createApp({
    db,
    clientKey: (c) => c.req.header('x-test-client') ?? 'local',
    rateLimit: { burst: 1e9, perSecond: 1e9 },
  });

/**
 * `backend` opened for the enclosing `describe`: its database and an app on it, ready from `beforeAll` on
 * (read them inside tests, not at collection time), closed in `afterAll`.
 */
export function openedBackend(backend: Backend): {
  readonly db: Db;
  readonly app: ReturnType<typeof testApp>;
} {
  const opened = {} as { db: Db; app: ReturnType<typeof testApp> };
  beforeAll(async () => {
    opened.db = await backend.open();
    opened.app = testApp(opened.db);
  });
  afterAll(async () => opened.db.close());
  return opened;
}

/** How many results the database holds (the repository's own count, as /healthz reports it). */
export const storedRows = (db: Db): Promise<number> => createResultsRepository(db).count();

export type ErrorBody = {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
};

/** POSTs `body` (JSON-encoded unless already a string) to /api/results. */
export const post = (
  app: ReturnType<typeof createApp>,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  app.request('/api/results', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

/** POSTs a result to /api/results as uploader `client` (a `multiClientApp` counts each client once). */
export const uploadAs = (app: ReturnType<typeof createApp>, body: unknown, client: string) =>
  post(app, body, { 'x-test-client': client });
