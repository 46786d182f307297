/**
 * @module compare/SpeedLeaderboard — measured llama.cpp tokens/s per device, model and quant (decode or
 * prefill, at the stated prompt/generation/depth), beside the server's estimate for the same runs' scenarios,
 * filterable by backend and llama.cpp build; each row links to the results carrying its runs.
 */
import { findDevice, findModel, type LeaderboardRow } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { sig3 } from '../format.js';
import { isAbort } from './api.js';

const BACKENDS = ['', 'cuda', 'metal', 'vulkan', 'rocm', 'cpu'] as const;

const nameOf = (find: (id: string) => { name: string }, id: string): string => {
  try {
    return find(id).name;
  } catch {
    return id;
  }
};

/** The query string of the leaderboard's filters. */
export function speedQuery(f: { backend: string; build: string; kind: string }): string {
  const p = new URLSearchParams({ kind: f.kind, limit: '100' });
  if (f.backend !== '') p.set('backend', f.backend);
  if (/^\d+$/.test(f.build)) p.set('build', f.build);
  return p.toString();
}

export function SpeedLeaderboard() {
  const filters = useSignal({ backend: '', build: '', kind: 'tg' });
  const rows = useSignal<readonly LeaderboardRow[]>([]);
  const error = useSignal<string | undefined>(undefined);
  useEffect(() => {
    const request = new AbortController();
    fetch(`/api/llama-runs?${speedQuery(filters.value)}`, { signal: request.signal })
      .then(async (res) => {
        const body = (await res.json()) as { items?: LeaderboardRow[]; error?: { message: string } };
        if (!res.ok) throw new Error(body.error?.message ?? `The results service answered ${res.status}.`);
        rows.value = body.items ?? [];
        error.value = undefined;
      })
      .catch((e: unknown) => {
        if (!request.signal.aborted && !isAbort(e)) error.value = e instanceof Error ? e.message : String(e);
      });
    return () => request.abort();
  }, [filters.value]);
  const set = (change: Partial<typeof filters.value>) => {
    filters.value = { ...filters.value, ...change };
  };
  const test = (r: LeaderboardRow) =>
    `${r.kind === 'tg' ? `tg${r.nGen}` : `pp${r.nPrompt}`}${r.nDepth > 0 ? ` @ d${r.nDepth}` : ''}`;
  return (
    <section aria-label="Measured speed leaderboard">
      <h3>Measured llama.cpp speed</h3>
      <div class="filters">
        <label>
          Test
          <select value={filters.value.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
            <option value="tg">decode (tg)</option>
            <option value="pp">prefill (pp)</option>
          </select>
        </label>
        <label>
          Backend
          <select value={filters.value.backend} onChange={(e) => set({ backend: e.currentTarget.value })}>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {b === '' ? 'any' : b}
              </option>
            ))}
          </select>
        </label>
        <label>
          llama.cpp build ≥
          <input
            inputMode="numeric"
            value={filters.value.build}
            onChange={(e) => set({ build: e.currentTarget.value.trim() })}
          />
        </label>
      </div>
      {error.value ? (
        <p role="alert" class="error">
          {error.value}
        </p>
      ) : null}
      <table data-testid="speed-leaderboard">
        <thead>
          <tr>
            <th>Device</th>
            <th>Model</th>
            <th>Test</th>
            <th>Backend</th>
            <th>Measured tok/s (median)</th>
            <th>Estimate tok/s</th>
            <th>Runs (sources)</th>
            <th>Builds</th>
            <th>Results</th>
          </tr>
        </thead>
        <tbody>
          {rows.value.map((r) => (
            <tr key={`${r.deviceId} ${r.backend} ${r.modelId} ${r.quant} ${test(r)}`}>
              <td>{nameOf(findDevice, r.deviceId)}</td>
              <td>
                {nameOf(findModel, r.modelId)} {r.quant}
              </td>
              <td>{test(r)}</td>
              <td>{r.backend}</td>
              <td class="num">{sig3(r.medianTokensPerSecond)}</td>
              <td class="num">
                {r.estimateTokensPerSecond === null ? '–' : sig3(r.estimateTokensPerSecond)}
              </td>
              <td class="num">
                {r.runs} ({r.sources})
              </td>
              <td>{r.minBuild === r.maxBuild ? `b${r.minBuild}` : `b${r.minBuild}–b${r.maxBuild}`}</td>
              <td>
                <a href={`#compare=${r.resultIds.slice(0, 4).join(',')}`}>
                  {r.resultIds.length} result{r.resultIds.length === 1 ? '' : 's'}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
