/**
 * @module db — one small query interface over embedded PGlite (default) and a PostgreSQL server
 * (`DATABASE_URL`), with the same SQL migrations applied in order and recorded in a table.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Db {
  query<T extends object>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

/** Schema migrations, in order; never edit an applied one, add a new one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE results (
     id text PRIMARY KEY,
     content_hash text NOT NULL UNIQUE,
     delete_token_hash text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     device text NOT NULL,
     vendor text NOT NULL,
     browser text NOT NULL,
     bandwidth_gbs double precision NOT NULL,
     document jsonb NOT NULL
   );
   CREATE INDEX results_created_at ON results (created_at DESC, id DESC);
   CREATE INDEX results_device ON results (device);`,
];

async function migrate(db: Db): Promise<void> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const { rows } = await db.query<{ version: number }>('SELECT version FROM migrations');
  const applied = new Set(rows.map((r) => Number(r.version)));
  for (const [i, sql] of MIGRATIONS.entries()) {
    if (applied.has(i + 1)) continue;
    await db.query('BEGIN');
    try {
      for (const statement of sql.split(/;\s*(?:\n|$)/).filter((s) => s.trim())) await db.query(statement);
      await db.query('INSERT INTO migrations (version) VALUES ($1)', [i + 1]);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }
}

/** Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when undefined; durable writes (no relaxed durability). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const lite = new PGlite(dataDir);
  const db: Db = {
    query: async <T extends object>(sql: string, params?: unknown[]) => ({
      rows: (await lite.query<T>(sql, params)).rows,
    }),
    close: () => lite.close(),
  };
  await migrate(db);
  return db;
}

/** A PostgreSQL server at `url`. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db: Db = {
    query: async <T extends object>(sql: string, params?: unknown[]) => ({
      rows: (await pool.query(sql, params)).rows as T[],
    }),
    close: () => pool.end(),
  };
  // One migrator at a time when several servers start together.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7461626)');
    await migrate({
      query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }),
      close: async () => {},
    });
    await client.query('SELECT pg_advisory_unlock(7461626)');
  } finally {
    client.release();
  }
  return db;
}
