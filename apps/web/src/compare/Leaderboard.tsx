/** @module compare/Leaderboard — devices by median measured bandwidth, with the p25–p75 spread and run count. */

import type { DeviceStats } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { sig3 } from '../format.js';
import { deviceStats, isAbort } from './api.js';

export function Leaderboard(props: { reloadKey?: number }) {
  const rows = useSignal<DeviceStats[]>([]);
  const error = useSignal<string | undefined>(undefined);
  useEffect(() => {
    // A reload aborts the request before it, so an older answer never replaces a newer one.
    const request = new AbortController();
    deviceStats({ signal: request.signal })
      .then((d) => {
        rows.value = d;
        error.value = undefined;
      })
      .catch((e: unknown) => {
        if (!request.signal.aborted && !isAbort(e)) error.value = e instanceof Error ? e.message : String(e);
      });
    return () => request.abort();
  }, [props.reloadKey]);
  return (
    <section aria-label="Device leaderboard">
      <h3>Device leaderboard</h3>
      {error.value ? (
        <p role="alert" class="error">
          {error.value}
        </p>
      ) : null}
      <table data-testid="leaderboard">
        <thead>
          <tr>
            <th>Device</th>
            <th>Runs</th>
            <th>Median GB/s</th>
            <th>Spread p25–p75 GB/s</th>
          </tr>
        </thead>
        <tbody>
          {rows.value.map((d) => (
            <tr key={d.device}>
              <td>{d.device}</td>
              <td class="num">{d.runs}</td>
              <td class="num">{sig3(d.medianGBs)}</td>
              <td class="num">
                {sig3(d.p25GBs)}–{sig3(d.p75GBs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
