/**
 * @module db/migrate — applies the plain `.sql` files in `apps/server/migrations` in name order, each in its own
 * transaction, recording applied names in the `migrations` table. Never edit an applied file; add a new one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Queryable } from './db.js';

/** The migrations folder beside `src/` and `dist/` (same depth from both). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Migration files in the order they apply, e.g. `001-results.sql`. */
function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}-[a-z0-9-]+\.sql$/.test(name))
    .sort();
}

/** Applies every migration not yet recorded; `transaction` runs one file atomically. */
export async function migrate(
  db: Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const { rows } = await db.query<{ name: string }>('SELECT name FROM migrations');
  const applied = new Set(rows.map((r) => r.name));
  const pending = migrationFiles(dir).filter((name) => !applied.has(name));
  for (const name of pending) {
    const sql = readFileSync(`${dir}/${name}`, 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO migrations (name) VALUES ($1)', [name]);
    });
  }
  return pending;
}
