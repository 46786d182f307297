/**
 * @module results-store — stores result documents: content-addressed (identical documents once), a delete
 * token kept only as its SHA-256, summaries for listing with keyset pagination, per-device statistics.
 * No client address or other personal data is stored.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ResultDocument } from '@cliffbench/core';
import type { Db } from './db.js';

export interface ResultSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly device: string;
  readonly vendor: string;
  readonly browser: string;
  /** Headline effective bandwidth (best GEMV fit, else the streaming ceiling), GB/s. */
  readonly bandwidthGBs: number;
}

export interface DeviceStats {
  readonly device: string;
  readonly runs: number;
  readonly medianGBs: number;
  readonly p25GBs: number;
  readonly p75GBs: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so equal documents hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The figure a result is ranked by. */
export function headlineBandwidth(doc: ResultDocument): number {
  const fits = doc.fits.map((f) => f.bandwidthGBs);
  if (fits.length > 0) return Math.max(...fits);
  return Math.max(...doc.measurements.map((m) => m.bandwidthGBs));
}

const deviceOf = (doc: ResultDocument) =>
  doc.claimedDevice?.name ||
  doc.adapter.description ||
  [doc.adapter.vendor, doc.adapter.architecture].filter(Boolean).join(' ') ||
  'unknown';

interface Row {
  id: string;
  created_at: string | Date;
  device: string;
  vendor: string;
  browser: string;
  bandwidth_gbs: number;
}

const summary = (r: Row): ResultSummary => ({
  id: r.id,
  createdAt: new Date(r.created_at).toISOString(),
  device: r.device,
  vendor: r.vendor,
  browser: r.browser,
  bandwidthGBs: Number(r.bandwidth_gbs),
});

export interface ListQuery {
  readonly device?: string;
  readonly vendor?: string;
  readonly browser?: string;
  readonly limit: number;
  /** Opaque cursor from the previous page. */
  readonly cursor?: string;
}

export class ResultsStore {
  constructor(private readonly db: Db) {}

  /** Stores `doc` unless an identical one exists; the delete token is returned to the first uploader only. */
  async put(doc: ResultDocument): Promise<{ id: string; created: boolean; deleteToken?: string }> {
    const hash = sha256(canonicalJson(doc));
    const existing = await this.db.query<{ id: string }>('SELECT id FROM results WHERE content_hash = $1', [
      hash,
    ]);
    if (existing.rows[0]) return { id: existing.rows[0].id, created: false };
    const id = randomUUID();
    const deleteToken = randomBytes(24).toString('base64url');
    const inserted = await this.db.query<{ id: string }>(
      `INSERT INTO results (id, content_hash, delete_token_hash, device, vendor, browser, bandwidth_gbs, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
      [
        id,
        hash,
        sha256(deleteToken),
        deviceOf(doc),
        doc.adapter.vendor,
        doc.environment.browser ?? doc.environment.runtime,
        headlineBandwidth(doc),
        JSON.stringify(doc),
      ],
    );
    if (inserted.rows[0]) return { id, created: true, deleteToken };
    const raced = await this.db.query<{ id: string }>('SELECT id FROM results WHERE content_hash = $1', [
      hash,
    ]);
    return { id: raced.rows[0]?.id ?? id, created: false };
  }

  async get(id: string): Promise<ResultDocument | undefined> {
    const { rows } = await this.db.query<{ document: ResultDocument | string }>(
      'SELECT document FROM results WHERE id = $1',
      [id],
    );
    const d = rows[0]?.document;
    return typeof d === 'string' ? (JSON.parse(d) as ResultDocument) : d;
  }

  /** Newest first; `cursor` continues after the last row of the previous page. */
  async list(q: ListQuery): Promise<{ items: ResultSummary[]; nextCursor?: string }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.device) add('device = ?', q.device);
    if (q.vendor) add('vendor = ?', q.vendor);
    if (q.browser) add('browser = ?', q.browser);
    if (q.cursor) {
      const [at, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
      params.push(at, id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(q.limit + 1);
    const { rows } = await this.db.query<Row>(
      `SELECT id, created_at, device, vendor, browser, bandwidth_gbs FROM results
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, q.limit).map(summary);
    const last = items[items.length - 1];
    return rows.length > q.limit && last
      ? { items, nextCursor: Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url') }
      : { items };
  }

  /** Deletes when `token` matches; `missing` when there is no such result. */
  async delete(id: string, token: string): Promise<'deleted' | 'forbidden' | 'missing'> {
    const { rows } = await this.db.query<{ delete_token_hash: string }>(
      'SELECT delete_token_hash FROM results WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return 'missing';
    if (row.delete_token_hash !== sha256(token)) return 'forbidden';
    await this.db.query('DELETE FROM results WHERE id = $1', [id]);
    return 'deleted';
  }

  async devices(): Promise<DeviceStats[]> {
    const { rows } = await this.db.query<{
      device: string;
      runs: number;
      p25: number;
      p50: number;
      p75: number;
    }>(
      `SELECT device, count(*)::int AS runs,
         percentile_cont(0.25) WITHIN GROUP (ORDER BY bandwidth_gbs) AS p25,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY bandwidth_gbs) AS p50,
         percentile_cont(0.75) WITHIN GROUP (ORDER BY bandwidth_gbs) AS p75
       FROM results GROUP BY device ORDER BY p50 DESC`,
    );
    return rows.map((r) => ({
      device: r.device,
      runs: Number(r.runs),
      medianGBs: Number(r.p50),
      p25GBs: Number(r.p25),
      p75GBs: Number(r.p75),
    }));
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM results');
    return Number(rows[0]?.n ?? 0);
  }
}
