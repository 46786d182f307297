/**
 * @module db/pglite-db — embedded PostgreSQL (PGlite, WebAssembly) in a data directory, or in memory.
 *
 * Durability: with a directory, PGlite mounts it through Emscripten's NODEFS, which passes every write of the
 * WAL straight to the operating system, and `relaxedDurability: false` (the default, set explicitly) makes a
 * query resolve only after its writes are flushed to that filesystem. A committed upload therefore survives
 * the process being killed; surviving power loss would need fsync, which NODEFS does not issue — use
 * PostgreSQL (`DATABASE_URL`) where that matters. Options: https://pglite.dev/docs/api
 * Uploads and deletes are single top-level statements, never `transaction()`: PGlite's `transaction()` does
 * not sync after its COMMIT (https://github.com/electric-sql/pglite/issues/1065), top-level `query()` does.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';
import { migrate } from './migrate.js';

type LiteQueryable = Pick<PGlite, 'query' | 'exec'>;

const wrap = (lite: LiteQueryable): Queryable => ({
  query: async <T extends object>(sql: string, params: readonly unknown[] = []) => ({
    rows: (await lite.query<T>(sql, [...params])).rows,
  }),
  exec: async (sql) => {
    await lite.exec(sql);
  },
});

/** Opens PGlite in `dataDir` (created when missing), or in memory when undefined, and migrates it. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const lite = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    relaxedDurability: false,
  });
  const db: Db = {
    kind: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: () => lite.close(),
  };
  await migrate(db);
  return db;
}
