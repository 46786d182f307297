/**
 * @module db/db — the one small SQL interface the repository talks to, implemented over embedded PGlite and
 * over a PostgreSQL server; both run the same SQL.
 */

/** Runs SQL on one connection. */
export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs `fn` inside one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
