/**
 * @module results-repository — every query the API runs, as one small interface over `Db` (the same SQL on
 * PGlite and PostgreSQL). Rows are written by single statements, so nothing is ever half-written. No client
 * address or other personal data is stored; the delete token only as its SHA-256.
 */
import { randomBytes } from 'node:crypto';
import type { DeviceStats, ResultSummary } from '@cliffbench/core';
import { type Cursor, encodeCursor, type SortKey } from './cursor.js';
import type { Db } from './db/db.js';
import { insertLlamaRunsSql, type LlamaRunRow } from './llama-run-rows.js';
import type { ResultFacts } from './result-facts.js';

export interface ListQuery {
  readonly sort: SortKey;
  /** Page size, 1–100. */
  readonly limit: number;
  readonly cursor?: Cursor;
  /** Exact device name (case-insensitive) or catalog id. */
  readonly device?: string;
  readonly vendor?: string;
  readonly browser?: string;
}

export interface NewResult {
  readonly contentHash: string;
  readonly deleteTokenHash: string;
  readonly facts: ResultFacts;
  /** The validated document as JSON text. */
  readonly documentJson: string;
  /** Salted hash of the uploader's client address (community aggregates count each source once). */
  readonly sourceHash?: string | null;
  /** Its checked llama.cpp runs, stored in the same statement as the result. */
  readonly llamaRuns?: readonly LlamaRunRow[];
}

export interface ResultsRepository {
  /** Stores the result unless one with the same content hash exists; returns the stored id either way. */
  insert(result: NewResult): Promise<{ id: string; created: boolean }>;
  /** The stored document's JSON text. */
  documentJson(id: string): Promise<string | undefined>;
  list(query: ListQuery): Promise<{ items: ResultSummary[]; nextCursor?: string }>;
  /** Deletes when the token hash matches. */
  deleteWithTokenHash(id: string, tokenHash: string): Promise<'deleted' | 'forbidden' | 'missing'>;
  deviceStats(): Promise<DeviceStats[]>;
  count(): Promise<number>;
}

/** Result ids: 12 random bytes, base64url (16 characters). */
export const RESULT_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;
const newId = () => randomBytes(12).toString('base64url');

interface SummaryRow {
  id: string;
  uploaded_at: Date | string;
  run_at: Date | string;
  device: string;
  device_id: string | null;
  vendor: string;
  browser: string;
  mode: string;
  bandwidth_gbs: number | string;
}

const toSummary = (r: SummaryRow): ResultSummary => ({
  id: r.id,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
  runAt: new Date(r.run_at).toISOString(),
  device: r.device,
  deviceId: r.device_id,
  vendor: r.vendor,
  browser: r.browser,
  mode: r.mode,
  bandwidthGBs: Number(r.bandwidth_gbs),
});

/** Keyset columns and SQL casts per sort; both sorts are descending. */
const SORTS: Record<SortKey, { column: string; cast: string; key: (s: ResultSummary) => string | number }> = {
  time: { column: 'uploaded_at', cast: 'timestamptz', key: (s) => s.uploadedAt },
  bandwidth: { column: 'bandwidth_gbs', cast: 'double precision', key: (s) => s.bandwidthGBs },
};

export function createResultsRepository(db: Db): ResultsRepository {
  return {
    async insert({ contentHash, deleteTokenHash, facts, documentJson, sourceHash, llamaRuns }) {
      const id = newId();
      // One statement (a data-modifying CTE), so a result and its llama.cpp runs are stored together or not at all.
      const inserted = await db.query<{ id: string }>(
        `WITH ins AS (
           INSERT INTO results (id, content_hash, delete_token_hash, run_at, device, device_id, vendor, browser,
             mode, bandwidth_gbs, document, source_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (content_hash) DO NOTHING RETURNING id
         ), runs AS (
           ${insertLlamaRunsSql('ins.id', '$12', '$13', 'ins')}
         )
         SELECT id FROM ins`,
        [
          id,
          contentHash,
          deleteTokenHash,
          facts.runAt,
          facts.device,
          facts.deviceId,
          facts.vendor,
          facts.browser,
          facts.mode,
          facts.bandwidthGBs,
          documentJson,
          sourceHash ?? null,
          JSON.stringify(llamaRuns ?? []),
        ],
      );
      if (inserted.rows[0]) return { id, created: true };
      const existing = await db.query<{ id: string }>('SELECT id FROM results WHERE content_hash = $1', [
        contentHash,
      ]);
      const row = existing.rows[0];
      if (!row) throw new Error('a result with this content hash was neither inserted nor found');
      return { id: row.id, created: false };
    },

    async documentJson(id) {
      const { rows } = await db.query<{ document: string }>('SELECT document FROM results WHERE id = $1', [
        id,
      ]);
      return rows[0]?.document;
    },

    async list(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (q.device) {
        const p = param(q.device);
        where.push(`(lower(device) = lower(${p}) OR device_id = ${p})`);
      }
      if (q.vendor) where.push(`lower(vendor) = lower(${param(q.vendor)})`);
      if (q.browser) where.push(`lower(browser) = lower(${param(q.browser)})`);
      const sort = SORTS[q.sort];
      if (q.cursor) {
        where.push(`(${sort.column}, id) < (${param(q.cursor.key)}::${sort.cast}, ${param(q.cursor.id)})`);
      }
      const { rows } = await db.query<SummaryRow>(
        `SELECT id, uploaded_at, run_at, device, device_id, vendor, browser, mode, bandwidth_gbs FROM results
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${sort.column} DESC, id DESC LIMIT ${param(q.limit + 1)}`,
        params,
      );
      const items = rows.slice(0, q.limit).map(toSummary);
      const last = items.at(-1);
      if (rows.length <= q.limit || !last) return { items };
      return { items, nextCursor: encodeCursor({ sort: q.sort, key: sort.key(last), id: last.id }) };
    },

    async deleteWithTokenHash(id, tokenHash) {
      const deleted = await db.query<{ id: string }>(
        'DELETE FROM results WHERE id = $1 AND delete_token_hash = $2 RETURNING id',
        [id, tokenHash],
      );
      if (deleted.rows.length > 0) return 'deleted';
      const exists = await db.query<{ id: string }>('SELECT id FROM results WHERE id = $1', [id]);
      return exists.rows.length > 0 ? 'forbidden' : 'missing';
    },

    async deviceStats() {
      const { rows } = await db.query<{
        device: string;
        device_id: string | null;
        runs: number;
        p25: number;
        p50: number;
        p75: number;
      }>(
        `SELECT device, max(device_id) AS device_id, count(*)::int AS runs,
           percentile_cont(0.25) WITHIN GROUP (ORDER BY bandwidth_gbs) AS p25,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY bandwidth_gbs) AS p50,
           percentile_cont(0.75) WITHIN GROUP (ORDER BY bandwidth_gbs) AS p75
         FROM results GROUP BY device ORDER BY p50 DESC, device`,
      );
      return rows.map((r) => ({
        device: r.device,
        deviceId: r.device_id,
        runs: Number(r.runs),
        medianGBs: Number(r.p50),
        p25GBs: Number(r.p25),
        p75GBs: Number(r.p75),
      }));
    },

    async count() {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM results');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
