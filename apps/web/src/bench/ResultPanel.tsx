/**
 * @module bench/ResultPanel — a result against the device's spec sheet: the bandwidth the estimates now use,
 * the streaming ceiling, every format's fit (bandwidth, launch cost, r², share of spec and of the ceiling),
 * upload against the PCIe link, the sweep, the estimate re-computed from it beside the spec one, and the
 * buttons to download, upload, or apply it.
 */
import type { ResultDocument } from '@cliffbench/core';
import { lazy, Suspense } from 'preact/compat';
import { LineChart } from '../charts/LineChart.js';
import { estimate } from '../estimate/use-estimate.js';
import { binaryBytes, gbPerSec, percent, seconds, sig3 } from '../format.js';
import { deviceOf } from '../inputs/DeviceCombobox.js';
import { pageCalibration } from '../state/store.js';
import { useForEstimates } from './bench-state.js';
import { LlamaBenchForm } from './LlamaBenchForm.js';
import { downloadResult } from './result-files.js';
import { resultView } from './result-view.js';
import { ServerTimingsForm } from './ServerTimingsForm.js';

const UploadButton = lazy(() => import('../compare/index.js').then((m) => ({ default: m.UploadButton })));

function EstimateSideBySide() {
  const c = estimate.value;
  const s = c.spec?.estimate;
  const m = c.calibrated?.estimate;
  if (s === undefined || m === undefined) return null;
  const rows: [string, string, string][] = [
    ['Decode', `${sig3(s.decodeTokensPerSecond)} tok/s`, `${sig3(m.decodeTokensPerSecond)} tok/s`],
    ['Decode band', `${sig3(s.band.low)}–${sig3(s.band.high)}`, `${sig3(m.band.low)}–${sig3(m.band.high)}`],
    ['Prefill', `${sig3(s.prefillTokensPerSecond)} tok/s`, `${sig3(m.prefillTokensPerSecond)} tok/s`],
    ['Time to first token', seconds(s.timeToFirstTokenSeconds), seconds(m.timeToFirstTokenSeconds)],
    [
      'GPU bandwidth used',
      gbPerSec(s.breakdown.bandwidths.gpuEffectiveGBs),
      gbPerSec(m.breakdown.bandwidths.gpuEffectiveGBs),
    ],
  ];
  return (
    <table class="side-by-side" data-testid="calibrated-side-by-side">
      <caption>
        {c.model?.name} on {c.device?.name}: the estimate re-computed from your measurement
      </caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Spec sheet</th>
          <th scope="col">Measured</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, a, b]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td class="num">{a}</td>
            <td class="num">{b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResultPanel(props: { readonly doc: ResultDocument }) {
  const doc = props.doc;
  const device = doc.claimedDevice?.deviceId === undefined ? undefined : deviceOf(doc.claimedDevice.deviceId);
  const v = resultView(doc, device);
  const measured = v.calibration.gpuBandwidthGBs;
  const applied = device !== undefined && pageCalibration.value?.deviceId === device.id;
  return (
    <section class="card result" aria-labelledby="result-title" data-testid="bench-result">
      <h3 id="result-title">
        Result{device === undefined ? '' : ` for ${device.name}`}
        <small>
          {' '}
          {doc.mode} run, {doc.createdAt.slice(0, 16).replace('T', ' ')} UTC, {sig3(doc.durationSeconds)} s
        </small>
      </h3>
      <div class="headline-figures">
        <div>
          <span class="label">Decode bandwidth (what estimates use)</span>
          <span class="big" data-testid="measured-bandwidth">
            {measured === undefined ? '–' : gbPerSec(measured)}
          </span>
          {v.specGBs === undefined ? null : (
            <span>
              spec {gbPerSec(v.specGBs)}
              {v.measuredOfSpec === undefined ? '' : ` · ${percent(v.measuredOfSpec)} of it`}
            </span>
          )}
        </div>
        <div>
          <span class="label">Streaming-read ceiling</span>
          <span class="big" data-testid="ceiling">
            {v.ceilingGBs === undefined ? '–' : gbPerSec(v.ceilingGBs)}
          </span>
          {v.ceilingBytes === undefined ? null : (
            <span>
              tuned, over {binaryBytes(v.ceilingBytes)}
              {v.copyGBs === undefined ? '' : ` · copy cross-check ${gbPerSec(v.copyGBs)} read + written`}
            </span>
          )}
        </div>
        <div>
          <span class="label">Upload to the GPU</span>
          <span class="big">{v.uploadGBs === undefined ? '–' : gbPerSec(v.uploadGBs)}</span>
          {v.pcieSpecGBs === undefined ? null : <span>PCIe link {gbPerSec(v.pcieSpecGBs)}</span>}
        </div>
      </div>
      <p class="basis">{v.calibration.source}</p>
      <div class="table-scroll">
        <table data-testid="fits">
          <caption>Fitted t = launch + bytes / bandwidth, per weight format</caption>
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col">Bandwidth</th>
              <th scope="col">Launch</th>
              <th scope="col">r²</th>
              <th scope="col">Of ceiling</th>
              {device === undefined ? null : <th scope="col">Of spec</th>}
            </tr>
          </thead>
          <tbody>
            {v.formats.map((f) => (
              <tr key={f.format}>
                <th scope="row">{f.format}</th>
                <td class="num">{gbPerSec(f.bandwidthGBs)}</td>
                <td class="num">{sig3(f.launchMicros)} µs</td>
                <td class="num">{f.r2.toFixed(3)}</td>
                <td class="num">{f.ofCeiling === undefined ? '–' : percent(f.ofCeiling)}</td>
                {device === undefined ? null : (
                  <td class="num">{f.ofSpec === undefined ? '–' : percent(f.ofSpec)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {doc.sweep.length > 1 ? (
        <LineChart
          title="Streaming read against working set"
          xLabel="working set"
          yLabel="GB/s"
          logX
          formatX={binaryBytes}
          formatY={sig3}
          x={doc.sweep.map((s) => s.workingSetBytes)}
          series={[
            {
              label: 'GB/s',
              values: doc.sweep.map((s) => s.bandwidthGBs),
              color: '--series-spec',
              points: true,
            },
          ]}
          summary={`From ${gbPerSec(doc.sweep[0]?.bandwidthGBs ?? 0)} at ${binaryBytes(doc.sweep[0]?.workingSetBytes ?? 0)} to ${gbPerSec(doc.sweep[doc.sweep.length - 1]?.bandwidthGBs ?? 0)} at ${binaryBytes(doc.sweep[doc.sweep.length - 1]?.workingSetBytes ?? 0)}.`}
          height={200}
        />
      ) : null}
      {device === undefined ? (
        <p class="warn-box">
          Pick the device above and run again to compare with its spec and calibrate its estimates.
        </p>
      ) : applied ? (
        <EstimateSideBySide />
      ) : (
        <p>
          <button type="button" onClick={() => useForEstimates(doc)} data-testid="use-result">
            Use this result for {device.name}’s estimates
          </button>
        </p>
      )}
      <div class="buttons">
        <button type="button" onClick={() => downloadResult(doc)} data-testid="download">
          Download result (JSON)
        </button>
        <Suspense fallback={null}>
          <UploadButton document={doc} />
        </Suspense>
        <a href="#estimate">See every estimate, calibrated</a>
      </div>
      {device === undefined ? null : <LlamaBenchForm device={device} />}
      {device === undefined ? null : <ServerTimingsForm device={device} />}
    </section>
  );
}
