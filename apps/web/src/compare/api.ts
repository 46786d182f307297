/** @module compare/api — the results service (same origin, see apps/server/README.md): upload, list, fetch, device stats. */
import {
  type DeviceStats,
  type ResultDocument,
  ResultDocumentSchema,
  type ResultSummary,
} from '@cliffbench/core';

export interface ListFilters {
  readonly device?: string;
  readonly vendor?: string;
  readonly browser?: string;
  readonly sort?: 'time' | 'bandwidth';
  readonly cursor?: string;
}

export interface Uploaded {
  readonly id: string;
  readonly url: string;
  /** Only for the first uploader of a document; deletes it (`DELETE url`, `Authorization: Bearer`). */
  readonly deleteToken?: string;
}

/** The body as JSON, or an Error carrying the server's message. */
async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `The results service answered ${res.status}.`);
  return body;
}

export const uploadResult = async (doc: ResultDocument): Promise<Uploaded> =>
  json<Uploaded>(
    await fetch('/api/results', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    }),
  );

export async function listResults(filters: ListFilters = {}, limit = 25) {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, String(value));
  return json<{ items: ResultSummary[]; nextCursor?: string }>(await fetch(`/api/results?${query}`));
}

export const fetchResult = async (id: string): Promise<ResultDocument> =>
  ResultDocumentSchema.parse(await json<unknown>(await fetch(`/api/results/${encodeURIComponent(id)}`)));

export const deviceStats = async (): Promise<DeviceStats[]> =>
  (await json<{ devices: DeviceStats[] }>(await fetch('/api/devices'))).devices;
