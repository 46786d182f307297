/**
 * @module db/migrate — applies the plain `.sql` files in `apps/server/migrations` in name order, each in its own
 * transaction, recording applied names in the `migrations` table. Never edit an applied file; add a new one.
 * A file may have a code step (`CODE_STEPS`) for what SQL cannot do, e.g. re-deriving a column by core's rule;
 * it runs after the file's SQL in the same transaction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ResultDocument, resultBrowser } from '@cliffbench/core';
import { documentLlamaRunRows, insertLlamaRunsSql } from '../llama-run-rows.js';
import type { Queryable } from './db.js';

/** The migrations folder beside `src/` and `dist/` (same depth from both). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Migration files in the order they apply, e.g. `001-results.sql`. */
function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}-[a-z0-9-]+\.sql$/.test(name))
    .sort();
}

/**
 * Re-derives every stored `browser` from its document by core's `resultBrowser` (the browser's name without
 * version): rows stored before it hold the page's "Chrome 138" where others hold "Chrome".
 */
async function rederiveBrowsers(tx: Queryable): Promise<void> {
  const { rows } = await tx.query<{ id: string; browser: string; environment: unknown }>(
    `SELECT id, browser, (document::jsonb) -> 'environment' AS environment FROM results`,
  );
  const idsByBrowser = new Map<string, string[]>();
  for (const row of rows) {
    const browser = resultBrowser({ environment: row.environment as ResultDocument['environment'] });
    if (browser !== row.browser) idsByBrowser.set(browser, [...(idsByBrowser.get(browser) ?? []), row.id]);
  }
  for (const [browser, ids] of idsByBrowser) {
    await tx.query('UPDATE results SET browser = $1 WHERE id = ANY($2::text[])', [browser, ids]);
  }
}

/**
 * Re-derives the llama.cpp rows of every stored result that carries runs, by the upload's own rule
 * (llama-run-rows): its llama-server timings become rows too, and prompt runs keep their scenario.
 */
async function rederiveLlamaRuns(tx: Queryable): Promise<void> {
  const { rows } = await tx.query<{ id: string; source_hash: string | null; document: string }>(
    `SELECT id, source_hash, document FROM results WHERE (document::jsonb) ? 'llamaCpp'`,
  );
  for (const row of rows) {
    const doc = JSON.parse(row.document) as ResultDocument;
    await tx.query('DELETE FROM llama_runs WHERE result_id = $1', [row.id]);
    await tx.query(insertLlamaRunsSql('$1', '$2', '$3'), [
      row.id,
      row.source_hash,
      JSON.stringify(documentLlamaRunRows(doc)),
    ]);
  }
}

/** Code run after a migration file's SQL, in its transaction, keyed by file name. */
const CODE_STEPS: Readonly<Record<string, (tx: Queryable) => Promise<void>>> = {
  '002-browser-names.sql': rederiveBrowsers,
  '005-llama-server-runs.sql': rederiveLlamaRuns,
};

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
      await CODE_STEPS[name]?.(tx);
      await tx.query('INSERT INTO migrations (name) VALUES ($1)', [name]);
    });
  }
  return pending;
}
