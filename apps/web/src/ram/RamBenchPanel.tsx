/**
 * @module ram/RamBenchPanel — "Measure this machine's RAM": runs the WebAssembly RAM benchmark in Workers
 * (thread sweep, copy, working-set sweep), shows progress and the figures, and hands the section to the page
 * through `onResult`, whose best read bandwidth calibrates the CPU-side and system-RAM tiers of every estimate.
 */
import type { RamSection } from '@cliffbench/core';
import { type RamProgress, runRamBenchmark } from '@cliffbench/host-bench';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.js';
import { logicalCores, ramUnavailableReason, spawnRamWorker } from './ram-client.js';
import {
  conditionsText,
  formatBytes,
  formatGBs,
  formatSpread,
  plateauText,
  sweepColumns,
  threadRows,
} from './ram-view.js';

export interface RamBenchPanelProps {
  /** Called with the validated RAM section when a run finishes. */
  readonly onResult: (ram: RamSection) => void;
}

const HIDDEN_NOTE = 'the tab was hidden during the run (background tabs are throttled): figures may be low';

function RamResult({ ram }: { readonly ram: RamSection }) {
  const { x, y } = sweepColumns(ram);
  return (
    <section data-testid="ram-result" aria-label="RAM result">
      <p data-testid="ram-best">
        Read: <strong>{formatGBs(ram.bestReadGBs)}</strong> with {ram.bestReadThreads} worker
        {ram.bestReadThreads === 1 ? '' : 's'} · {formatGBs(ram.singleThreadReadGBs)} single thread · copy{' '}
        {formatGBs(ram.bestCopyGBs)} (bytes read + written)
      </p>
      <table>
        <thead>
          <tr>
            <th>Workers</th>
            <th>Buffer each</th>
            <th>Read</th>
            <th>Copy</th>
          </tr>
        </thead>
        <tbody>
          {threadRows(ram).map((row) => (
            <tr key={row.threads} class={row.best ? 'selected' : undefined}>
              <td class="num">{row.threads}</td>
              <td class="num">{formatBytes(row.bytesPerWorker)}</td>
              <td class="num">
                {row.read ? `${formatGBs(row.read.bandwidthGBs)} ${formatSpread(row.read)}` : '–'}
              </td>
              <td class="num">
                {row.copy ? `${formatGBs(row.copy.bandwidthGBs)} ${formatSpread(row.copy)}` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {x.length > 1 ? (
        <LineChart
          title="Read bandwidth of one worker against working set"
          xLabel="working set (MiB)"
          yLabel="GB/s"
          logX
          x={x}
          series={[{ label: 'read GB/s', values: y, color: '--series-3' }]}
          summary={plateauText(ram).join('; ') || 'no plateau found'}
        />
      ) : null}
      <ul>
        {plateauText(ram).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <small>{conditionsText(ram)}</small>
      </p>
      {ram.notes.length > 0 ? (
        <ul data-testid="ram-notes">
          {ram.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function RamBenchPanel({ onResult }: RamBenchPanelProps) {
  const unavailable = ramUnavailableReason();
  const error = useSignal<string | undefined>(unavailable);
  const progress = useSignal<RamProgress | undefined>(undefined);
  const running = useSignal(false);
  const result = useSignal<RamSection | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  const hidden = useRef(false);

  useEffect(() => {
    const onVisibility = () => {
      if (document.hidden) hidden.current = true;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      abort.current?.abort();
    };
  }, []);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    hidden.current = document.hidden;
    running.value = true;
    error.value = undefined;
    progress.value = undefined;
    try {
      const ram = await runRamBenchmark({
        spawn: spawnRamWorker,
        runtime: 'browser',
        logicalCores: logicalCores(),
        signal: controller.signal,
        onProgress: (p) => {
          progress.value = p;
        },
      });
      const section = hidden.current ? { ...ram, notes: [...ram.notes, HIDDEN_NOTE].slice(0, 20) } : ram;
      result.value = section;
      onResult(section);
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      running.value = false;
    }
  };

  const p = progress.value;
  return (
    <section class="ram-bench" data-testid="ram-bench" aria-label="RAM bandwidth">
      <h2>Measure this machine's RAM</h2>
      <p>
        Layers and experts that spill out of VRAM are read from system RAM, so its bandwidth sets the speed
        past the cliff. This reads buffers far larger than the CPU's caches with WebAssembly SIMD in 1, 2, 4 …
        Workers at once.
      </p>
      {error.value ? (
        <p role="alert" class="error" data-testid="ram-error">
          {error.value}
        </p>
      ) : null}
      <div class="buttons">
        <button
          type="button"
          onClick={() => void run()}
          disabled={running.value || unavailable !== undefined}
          data-testid="ram-run"
        >
          Measure RAM bandwidth
        </button>
        <button
          type="button"
          onClick={() => abort.current?.abort()}
          disabled={!running.value}
          data-testid="ram-cancel"
        >
          Cancel
        </button>
      </div>
      {running.value ? (
        <div aria-live="polite">
          <progress max={p?.total ?? 1} value={p?.done ?? 0} aria-label="RAM benchmark progress" />
          <p data-testid="ram-phase">
            {p ? `${p.phase}: ${p.latest.label} — ${formatGBs(p.latest.bandwidthGBs)}` : 'starting Workers…'}
          </p>
        </div>
      ) : null}
      {result.value ? <RamResult ram={result.value} /> : null}
    </section>
  );
}
