/**
 * @module cursor — opaque keyset-pagination cursors: base64url of `[sort, key, id]`, where `key` is the last
 * row's upload time (ISO, ms) or bandwidth (GB/s). A cursor only continues the sort it was made for.
 */

export type SortKey = 'time' | 'bandwidth';
export const SORT_KEYS: readonly SortKey[] = ['time', 'bandwidth'];

export interface Cursor {
  readonly sort: SortKey;
  readonly key: string | number;
  readonly id: string;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');

/** The cursor, or undefined when `text` is not one this server made for `sort`. */
export function decodeCursor(text: string, sort: SortKey): Cursor | undefined {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || parts[0] !== sort) return undefined;
  const [, key, id] = parts as [unknown, unknown, unknown];
  if (typeof id !== 'string' || id.length > 64) return undefined;
  if (sort === 'time' && typeof key === 'string' && !Number.isNaN(Date.parse(key))) return { sort, key, id };
  if (sort === 'bandwidth' && typeof key === 'number' && Number.isFinite(key)) return { sort, key, id };
  return undefined;
}
