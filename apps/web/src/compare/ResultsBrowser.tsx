/**
 * @module compare/ResultsBrowser — uploaded results with filters, sort and "more" paging; picks results to
 * compare. The filters belong to the caller (they live in the page's URL); every request is tied to the
 * filters it was made for and is aborted when they change, so a slow answer to older filters is never shown.
 */

import type { ResultSummary } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { sig3 } from '../format.js';
import { isAbort, listResults } from './api.js';
import { type BrowseFilters, filtersKey, type SortKey, type TextFilter } from './compare-url.js';

export interface ResultsBrowserProps {
  /** Ids already in the comparison. */
  readonly picked: readonly string[];
  readonly onPick: (id: string) => void;
  /** The list's filters and sort. */
  readonly filters: BrowseFilters;
  /** The user changed a filter or the sort. */
  readonly onFilters: (filters: BrowseFilters) => void;
  /** Changes when the list should reload (e.g. after an upload). */
  readonly reloadKey?: number;
}

export function ResultsBrowser(props: ResultsBrowserProps) {
  const { filters } = props;
  const items = useSignal<ResultSummary[]>([]);
  const next = useSignal<string | undefined>(undefined);
  const error = useSignal<string | undefined>(undefined);
  const loading = useSignal(false);
  /** The request of the filters shown now; aborted (with its "more" pages) when they change. */
  const current = useRef<AbortController | undefined>(undefined);

  const load = async (more: boolean, signal: AbortSignal) => {
    loading.value = true;
    try {
      const page = await listResults(
        { ...filters, ...(more && next.value ? { cursor: next.value } : {}) },
        { signal },
      );
      if (signal.aborted) return;
      items.value = more ? [...items.value, ...page.items] : page.items;
      next.value = page.nextCursor;
      error.value = undefined;
    } catch (e) {
      if (signal.aborted || isAbort(e)) return;
      error.value = `The results service is not reachable: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (!signal.aborted) loading.value = false;
    }
  };
  const key = filtersKey(filters);
  useEffect(() => {
    const request = new AbortController();
    current.current = request;
    items.value = [];
    next.value = undefined;
    void load(false, request.signal);
    return () => request.abort();
  }, [key, props.reloadKey]);

  const field = (name: TextFilter, label: string) => (
    <label>
      {label}
      <input
        type="search"
        value={filters[name] ?? ''}
        onChange={(e) => props.onFilters({ ...filters, [name]: e.currentTarget.value.trim() })}
      />
    </label>
  );

  return (
    <section aria-label="Uploaded results" data-testid="results-browser">
      <h3>Uploaded results</h3>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {field('device', 'Device')}
        {field('vendor', 'Vendor')}
        {field('browser', 'Browser')}
        <label>
          Sort
          <select
            value={filters.sort}
            onChange={(e) => props.onFilters({ ...filters, sort: e.currentTarget.value as SortKey })}
          >
            <option value="time">newest first</option>
            <option value="bandwidth">fastest first</option>
          </select>
        </label>
      </form>
      {error.value ? (
        <p role="alert" class="error">
          {error.value}
        </p>
      ) : null}
      <table aria-busy={loading.value}>
        <thead>
          <tr>
            <th>Uploaded</th>
            <th>Device</th>
            <th>Vendor</th>
            <th>Browser</th>
            <th>Run</th>
            <th>GB/s</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.value.map((r) => (
            <tr key={r.id} data-testid="result-row">
              <td>{r.uploadedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{r.device}</td>
              <td>{r.vendor}</td>
              <td>{r.browser}</td>
              <td>{r.mode}</td>
              <td class="num">{sig3(r.bandwidthGBs)}</td>
              <td>
                <button
                  type="button"
                  class="link"
                  disabled={props.picked.includes(r.id)}
                  onClick={() => props.onPick(r.id)}
                >
                  {props.picked.includes(r.id) ? 'in comparison' : 'add to comparison'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status">
        {loading.value
          ? 'Loading results…'
          : items.value.length === 0 && !error.value
            ? 'No uploaded results match.'
            : ''}
      </p>
      {next.value ? (
        <button
          type="button"
          disabled={loading.value}
          onClick={() => current.current && void load(true, current.current.signal)}
        >
          More results
        </button>
      ) : null}
    </section>
  );
}
