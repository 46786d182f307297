/**
 * @module bench/BenchView — probe, run (in a Worker, with progress, a live bandwidth plot and cancel),
 * result against the device's spec, calibration of every estimate, JSON download, past runs in IndexedDB.
 */
import {
  calibrationFromResult,
  type Device,
  type ResultDocument,
  ResultDocumentSchema,
  searchDevices,
} from '@cliffbench/core';
import { type ProbeInfo, type Progress, quickPlan } from '@cliffbench/webgpu-bench';
import { useSignal } from '@preact/signals';
import { proxy } from 'comlink';
import { useEffect } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.js';
import { UploadButton } from '../compare/UploadButton.js';
import { calibration } from '../state/store.js';
import { benchWorker, webgpuUnavailableReason } from './bench-client.js';
import { listRuns, saveRun } from './run-history.js';

const APP_VERSION = '0.1.0';

function guessDevice(p: ProbeInfo): Device | undefined {
  const q = [p.adapter.description, p.adapter.device, p.adapter.architecture].filter(Boolean).join(' ');
  return q ? searchDevices(q, 1)[0] : undefined;
}

function download(doc: ResultDocument) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `cliffbench-${doc.createdAt.replace(/[:.]/g, '-')}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

export default function BenchView() {
  const unavailable = webgpuUnavailableReason();
  const probe = useSignal<ProbeInfo | undefined>(undefined);
  const error = useSignal<string | undefined>(unavailable);
  const progress = useSignal<Progress | undefined>(undefined);
  const live = useSignal<{ x: number; y: number }[]>([]);
  const running = useSignal(false);
  const result = useSignal<ResultDocument | undefined>(undefined);
  const claimed = useSignal('');
  const history = useSignal<{ id: number; doc: ResultDocument }[]>([]);

  useEffect(() => {
    if (unavailable) return;
    benchWorker()
      .probe()
      .then((p) => {
        probe.value = p;
        claimed.value = guessDevice(p)?.name ?? '';
      })
      .catch((e: Error) => {
        error.value = e.message;
      });
    void listRuns().then((runs) => (history.value = runs));
    const onVisibility = () => void benchWorker().setPaused(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  const run = async () => {
    running.value = true;
    error.value = undefined;
    live.value = [];
    result.value = undefined;
    try {
      const doc = await benchWorker().run(
        quickPlan(),
        proxy((p: Progress) => {
          progress.value = p;
          if (p.latest?.workingSetBytes && (p.phase === 'sweep' || p.phase === 'ceiling')) {
            live.value = [
              ...live.value,
              { x: p.latest.workingSetBytes / 2 ** 20, y: p.latest.bandwidthGBs },
            ].sort((a, b) => a.x - b.x);
          }
        }),
        APP_VERSION,
      );
      const device = searchDevices(claimed.value, 1)[0];
      const withClaim = ResultDocumentSchema.parse(
        claimed.value
          ? { ...doc, claimedDevice: { name: claimed.value, ...(device ? { deviceId: device.id } : {}) } }
          : doc,
      );
      result.value = withClaim;
      calibration.value = calibrationFromResult(withClaim);
      await saveRun(withClaim);
      history.value = await listRuns();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      running.value = false;
    }
  };

  const p = probe.value;
  const r = result.value;
  const spec = searchDevices(claimed.value, 1)[0];
  return (
    <div class="bench">
      <h2>Measure this GPU</h2>
      {error.value ? (
        <p role="alert" class="error" data-testid="bench-error">
          {error.value}
        </p>
      ) : null}
      {p ? (
        <section aria-label="Adapter" data-testid="probe">
          <p>
            Adapter:{' '}
            <strong>
              {[p.adapter.vendor, p.adapter.architecture, p.adapter.description]
                .filter(Boolean)
                .join(' · ') || 'unnamed'}
            </strong>{' '}
            · timing: {p.timingMode} · max binding{' '}
            {((p.limits.maxStorageBufferBindingSize ?? 0) / 2 ** 20).toFixed(0)} MiB
          </p>
          <label>
            This is my
            <input
              list="bench-devices"
              value={claimed.value}
              onInput={(e) => (claimed.value = e.currentTarget.value)}
              placeholder="device name"
            />
            <datalist id="bench-devices">
              {searchDevices(claimed.value, 10).map((d) => (
                <option key={d.id} value={d.name} />
              ))}
            </datalist>
          </label>
          <div class="buttons">
            <button type="button" onClick={() => void run()} disabled={running.value} data-testid="run">
              Run quick benchmark
            </button>
            <button
              type="button"
              onClick={() => void benchWorker().cancel()}
              disabled={!running.value}
              data-testid="cancel"
            >
              Cancel
            </button>
          </div>
        </section>
      ) : null}
      {running.value && progress.value ? (
        <section aria-live="polite">
          <progress max={1} value={progress.value.fraction} aria-label="Benchmark progress" />
          <p data-testid="phase">
            {progress.value.phase}
            {progress.value.latest
              ? ` — ${progress.value.latest.label}: ${progress.value.latest.bandwidthGBs.toFixed(2)} GB/s`
              : ''}
          </p>
        </section>
      ) : null}
      {live.value.length > 1 ? (
        <LineChart
          title="Streaming read bandwidth against working set"
          xLabel="working set (MiB)"
          yLabel="GB/s"
          logX
          x={live.value.map((v) => v.x)}
          series={[{ label: 'GB/s', values: live.value.map((v) => v.y), color: '#2a6fdb' }]}
          summary={`Measured from ${live.value[0]?.x} to ${live.value[live.value.length - 1]?.x} MiB.`}
        />
      ) : null}
      {r ? (
        <section data-testid="bench-result" aria-label="Result">
          <h3>Result</h3>
          <table>
            <thead>
              <tr>
                <th>Format</th>
                <th>Fitted GB/s</th>
                <th>Launch µs</th>
                <th>r²</th>
                {spec ? <th>of {spec.name} spec</th> : null}
              </tr>
            </thead>
            <tbody>
              {r.fits.map((f) => (
                <tr key={f.format}>
                  <td>{f.format}</td>
                  <td class="num">{f.bandwidthGBs.toFixed(2)}</td>
                  <td class="num">{(f.launchSeconds * 1e6).toFixed(0)}</td>
                  <td class="num">{f.r2.toFixed(3)}</td>
                  {spec ? (
                    <td class="num">{((100 * f.bandwidthGBs) / spec.bandwidthGBs).toFixed(1)}%</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Streaming ceiling{' '}
            {r.measurements.find((m) => m.kernel === 'stream-read')?.bandwidthGBs.toFixed(2)} GB/s · upload{' '}
            {r.upload?.bandwidthGBs.toFixed(2)} GB/s · {r.durationSeconds.toFixed(1)} s. Estimates on the
            Estimate tab now show calibrated figures beside the spec ones.
          </p>
          <div class="buttons">
            <button type="button" onClick={() => download(r)} data-testid="download">
              Download result (JSON)
            </button>
            <UploadButton document={r} />
          </div>
        </section>
      ) : null}
      {history.value.length > 0 ? (
        <section aria-label="Past runs">
          <h3>Past runs in this browser</h3>
          <ul>
            {history.value.map((h) => (
              <li key={h.id}>
                {h.doc.createdAt.slice(0, 19).replace('T', ' ')} —{' '}
                {h.doc.claimedDevice?.name ?? h.doc.adapter.description ?? 'adapter'}:{' '}
                {Math.max(...h.doc.fits.map((f) => f.bandwidthGBs), 0).toFixed(2)} GB/s{' '}
                <button
                  type="button"
                  class="link"
                  onClick={() => (calibration.value = calibrationFromResult(h.doc))}
                >
                  use for estimates
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
