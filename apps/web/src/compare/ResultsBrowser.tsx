/** @module compare/ResultsBrowser — uploaded results with filters, sort and "more" paging; picks results to compare. */

import type { ResultSummary } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { sig3 } from '../format.js';
import { type ListFilters, listResults } from './api.js';

export interface ResultsBrowserProps {
  /** Ids already in the comparison. */
  readonly picked: readonly string[];
  readonly onPick: (id: string) => void;
  /** Changes when the list should reload (e.g. after an upload). */
  readonly reloadKey?: number;
}

export function ResultsBrowser(props: ResultsBrowserProps) {
  const filters = useSignal<ListFilters>({ sort: 'time' });
  const items = useSignal<ResultSummary[]>([]);
  const next = useSignal<string | undefined>(undefined);
  const error = useSignal<string | undefined>(undefined);

  const load = async (more: boolean) => {
    try {
      const page = await listResults({
        ...filters.value,
        ...(more && next.value ? { cursor: next.value } : {}),
      });
      items.value = more ? [...items.value, ...page.items] : page.items;
      next.value = page.nextCursor;
      error.value = undefined;
    } catch (e) {
      error.value = `The results service is not reachable: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  useEffect(() => void load(false), [filters.value, props.reloadKey]);

  const field = (key: 'device' | 'vendor' | 'browser', label: string) => (
    <label>
      {label}
      <input
        type="search"
        value={filters.value[key] ?? ''}
        onChange={(e) => (filters.value = { ...filters.value, [key]: e.currentTarget.value.trim() })}
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
            value={filters.value.sort}
            onChange={(e) =>
              (filters.value = { ...filters.value, sort: e.currentTarget.value as 'time' | 'bandwidth' })
            }
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
      <table>
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
      {items.value.length === 0 && !error.value ? <p>No uploaded results match.</p> : null}
      {next.value ? (
        <button type="button" onClick={() => void load(true)}>
          More results
        </button>
      ) : null}
    </section>
  );
}
