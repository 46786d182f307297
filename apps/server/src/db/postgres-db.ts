/**
 * @module db/postgres-db — a PostgreSQL server through a `pg` connection pool. Several server processes may
 * start together, so migrations run under an advisory lock. PostgreSQL's defaults (fsync on,
 * synchronous_commit on) make a commit durable before the client sees it.
 */
import pg from 'pg';
import type { Db, Queryable } from './db.js';
import { migrate } from './migrate.js';

/** Arbitrary constant naming the migration lock (any 64-bit value both servers agree on). */
const MIGRATION_LOCK = 7_461_626;

const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
  query: async <T extends object>(sql: string, params: readonly unknown[] = []) => ({
    rows: (await client.query(sql, [...params])).rows as T[],
  }),
  exec: async (sql) => {
    await client.query(sql);
  },
});

/** Connects to `url` (a `postgres://` connection string), migrates, and returns the pool as a `Db`. */
export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const db: Db = { kind: 'postgresql', ...wrap(pool), transaction, close: () => pool.end() };
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(db);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
  return db;
}
