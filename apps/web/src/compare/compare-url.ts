/**
 * @module compare/compare-url — the Compare view's state in the URL's hash, so a comparison is a link:
 * `#compare=<id>,<id>&device=<text>&vendor=<text>&browser=<text>&sort=bandwidth`. The hash (not the query,
 * which holds the estimate inputs) because App routes between views by hash, and `#compare=<id>` is the link
 * an upload shows. Parsing never throws: what is not a result id is reported and left out. Writing omits
 * empty filters and the default sort. No DOM here: pure and tested.
 */

/** Results compared at once, at most. */
export const MAX_PICKED = 6;
/** The server's result ids (apps/server `RESULT_ID_PATTERN`): 16 base64url characters. */
export const RESULT_ID = /^[A-Za-z0-9_-]{16}$/;
/** The server cuts filters to this many characters; longer text would only make the link longer. */
export const MAX_FILTER_CHARS = 200;

export type SortKey = 'time' | 'bandwidth';
const SORT_KEYS: readonly SortKey[] = ['time', 'bandwidth'];
/** The text filters, in the order the link writes them. */
export const TEXT_FILTERS = ['device', 'vendor', 'browser'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

/** The results list's filters: absent text filters match everything. */
export interface BrowseFilters {
  readonly device?: string;
  readonly vendor?: string;
  readonly browser?: string;
  readonly sort: SortKey;
}

/** What a comparison link holds: the picked result ids, in order, and the list's filters. */
export interface CompareSelection {
  readonly ids: readonly string[];
  readonly filters: BrowseFilters;
}

/** Something in a link that was left out, and why (shown to the user). */
export interface Rejected {
  readonly value: string;
  readonly reason: string;
}

export interface ParsedCompareUrl extends CompareSelection {
  readonly rejected: readonly Rejected[];
}

export const EMPTY_SELECTION: CompareSelection = { ids: [], filters: { sort: 'time' } };

/** Whether the hash shows the Compare view (App's `viewOf` reads it the same way). */
export const isCompareHash = (hash: string): boolean => hash.startsWith('#compare');

/** The filters trimmed and cut as the server would, empty ones dropped. */
export function normalFilters(f: Partial<BrowseFilters>): BrowseFilters {
  const out: { -readonly [K in keyof BrowseFilters]: BrowseFilters[K] } = {
    sort: SORT_KEYS.includes(f.sort as SortKey) ? (f.sort as SortKey) : 'time',
  };
  for (const key of TEXT_FILTERS) {
    const text = f[key]?.trim().slice(0, MAX_FILTER_CHARS);
    if (text) out[key] = text;
  }
  return out;
}

/**
 * The selection a hash asks for. Undefined when the hash is not a Compare link, or is the bare `#compare`
 * of the navigation link (the view then keeps what it shows). Ids that are not result ids, repeats and ids
 * past {@link MAX_PICKED} are rejected with a reason; an unknown sort falls back to newest first.
 */
export function selectionFromUrl(hash: string): ParsedCompareUrl | undefined {
  if (!isCompareHash(hash) || hash === '#compare') return undefined;
  const params = new URLSearchParams(hash.slice(1));
  if (!params.has('compare')) return undefined;
  const rejected: Rejected[] = [];
  const ids: string[] = [];
  for (const raw of (params.get('compare') ?? '').split(',')) {
    const id = raw.trim();
    if (id === '') continue;
    if (!RESULT_ID.test(id)) rejected.push({ value: id, reason: 'not a result id' });
    else if (ids.includes(id)) rejected.push({ value: id, reason: 'listed twice' });
    else if (ids.length >= MAX_PICKED) {
      rejected.push({ value: id, reason: `at most ${MAX_PICKED} results are compared at once` });
    } else ids.push(id);
  }
  const sort = params.get('sort');
  if (sort !== null && !SORT_KEYS.includes(sort as SortKey)) {
    rejected.push({ value: `sort=${sort}`, reason: 'unknown sort (newest first is used)' });
  }
  const filters = normalFilters({
    sort: (sort ?? 'time') as SortKey,
    ...Object.fromEntries(TEXT_FILTERS.map((k) => [k, params.get(k) ?? undefined])),
  });
  return { ids, filters, rejected };
}

/** The hash for a selection, e.g. `#compare=a…,b…&device=RTX%203060&sort=bandwidth`; `#compare=` when empty. */
export function urlOfSelection(s: CompareSelection): string {
  const f = normalFilters(s.filters);
  const ids = s.ids.filter((id) => RESULT_ID.test(id));
  let hash = `#compare=${ids.join(',')}`;
  for (const key of TEXT_FILTERS) {
    const text = f[key];
    if (text) hash += `&${key}=${encodeURIComponent(text)}`;
  }
  if (f.sort !== 'time') hash += `&sort=${f.sort}`;
  return hash;
}

/** A key that changes exactly when the list query changes (for effects and stale-response checks). */
export const filtersKey = (f: BrowseFilters): string => urlOfSelection({ ids: [], filters: f });
