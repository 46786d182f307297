/**
 * @module bench/BenchView — the Benchmark view (loaded on first visit): probe the GPU, confirm the device, run
 * in a Worker with progress, a live plot and cancel; the result against the spec sheet, applied to every
 * estimate; the host RAM benchmark; results kept in this browser. Without WebGPU it says why, and the
 * estimates keep working.
 */
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { setPaused } from './bench-client.js';
import { addRamSection, current, probeGpu, probeInfo, refreshSaved, unavailable } from './bench-state.js';
import { NoWebGpu } from './NoWebGpu.js';
import { ProbePanel } from './ProbePanel.js';
import { ResultPanel } from './ResultPanel.js';
import { RunPanel } from './RunPanel.js';
import { SavedResults } from './SavedResults.js';
import './bench.css';

const RamBenchPanel = lazy(() =>
  import('../ram/RamBenchPanel.js').then((m) => ({ default: m.RamBenchPanel })),
);

export default function BenchView() {
  useEffect(() => {
    void probeGpu();
    void refreshSaved();
    const onVisibility = () => setPaused(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  const why = unavailable.value;
  const info = probeInfo.value;
  const result = current.value;
  return (
    <div class="bench">
      <h2>Measure this machine</h2>
      <p class="hint">
        The GPU benchmark times matrix-vector products shaped like Gemma 4’s layers, in the weight formats
        llama.cpp uses, in a Web Worker; it fits the bandwidth your GPU really delivers and re-computes every
        estimate from it. The page stays usable while it runs.
      </p>
      {why !== undefined ? <NoWebGpu why={why} /> : null}
      {info === undefined ? (
        why === undefined ? (
          <p class="card">Asking the browser for a GPU…</p>
        ) : null
      ) : (
        <>
          <ProbePanel info={info} />
          <RunPanel />
        </>
      )}
      {result === undefined ? null : <ResultPanel doc={result.doc} />}
      <div class="card ram-card">
        <Suspense fallback={<p>Loading the RAM benchmark…</p>}>
          <RamBenchPanel onResult={(ram) => void addRamSection(ram)} />
        </Suspense>
      </div>
      <SavedResults />
    </div>
  );
}
