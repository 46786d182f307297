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

/** The results service refused or could not find something; `status` is the HTTP status. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Whether an error only says the request was aborted (a newer one replaced it): never shown to the user. */
export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/**
 * GETs `url` and returns its body as JSON, or throws an {@link ApiRequestError} carrying the server's message.
 * Once `signal` is aborted it rejects with an AbortError even if the response had already arrived, so a stale
 * request can never hand its data to a caller that moved on.
 */
async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  init.signal?.throwIfAborted();
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  init.signal?.throwIfAborted();
  if (!res.ok) {
    throw new ApiRequestError(
      body.error?.message ?? `The results service answered ${res.status}.`,
      res.status,
    );
  }
  return body;
}

/** Options every read takes: aborting `signal` abandons the request. */
export interface ReadOptions {
  readonly signal?: AbortSignal;
}

export const uploadResult = async (doc: ResultDocument): Promise<Uploaded> =>
  json<Uploaded>('/api/results', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });

/** The list URL for these filters: every filter is in it, so two filters never share a request. */
export function listUrl(filters: ListFilters = {}, limit = 25): string {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, String(value));
  return `/api/results?${query}`;
}

export const listResults = async (
  filters: ListFilters = {},
  options: ReadOptions & { limit?: number } = {},
) =>
  json<{ items: ResultSummary[]; nextCursor?: string }>(listUrl(filters, options.limit), {
    signal: options.signal ?? null,
  });

export const fetchResult = async (id: string, options: ReadOptions = {}): Promise<ResultDocument> =>
  ResultDocumentSchema.parse(
    await json<unknown>(`/api/results/${encodeURIComponent(id)}`, { signal: options.signal ?? null }),
  );

export const deviceStats = async (options: ReadOptions = {}): Promise<DeviceStats[]> =>
  (await json<{ devices: DeviceStats[] }>('/api/devices', { signal: options.signal ?? null })).devices;
