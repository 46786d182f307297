/**
 * @module estimate/EstimateView — the answer at a glance (fit, memory bar, decode with its band, prefill,
 * time to first token, regime, advice), the cliff drawn three ways, the Gemma 4 table and the best settings.
 */
import type { Curve, DetailedEstimate } from '@cliffbench/core';
import { useMemo } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.js';
import { calibration, droppedConfig, inputs } from '../state/store.js';
import { BestSettingsCard } from '../tune/BestSettingsCard.js';
import { compute } from './compute.js';
import { GemmaTable } from './GemmaTable.js';
import { InputsForm } from './Inputs.js';
import { MemoryBar } from './MemoryBar.js';

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function Headline(props: { e: DetailedEstimate; calibrated?: DetailedEstimate | undefined }) {
  const { e, calibrated } = props;
  const onGpu = e.regime === 'gpu' || e.regime === 'unified';
  const adviceText = new Set(e.advice.map((a) => a.message));
  const warnings = e.warnings.filter((w) => !adviceText.has(w));
  return (
    <section class="headline" aria-labelledby="answer-title">
      <h2 id="answer-title">
        <span class={onGpu ? 'ok' : 'warn'} data-testid="fit-status">
          {onGpu ? 'Fits in GPU memory' : e.fits ? 'Does not fit in GPU memory' : 'Does not fit at all'}
        </span>{' '}
        <span class="regime" data-testid="regime">
          ({e.regime})
        </span>
      </h2>
      <dl class="figures">
        <div>
          <dt>Decode</dt>
          <dd data-testid="decode">
            {fmt(e.decodeTokensPerSecond)} tok/s{' '}
            <small>
              ({fmt(e.band.low)}–{fmt(e.band.high)})
            </small>
          </dd>
        </div>
        {calibrated ? (
          <div>
            <dt>Decode, calibrated</dt>
            <dd data-testid="decode-calibrated">
              {fmt(calibrated.decodeTokensPerSecond)} tok/s{' '}
              <small>
                ({fmt(calibrated.band.low)}–{fmt(calibrated.band.high)})
              </small>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Prefill</dt>
          <dd>{fmt(e.prefillTokensPerSecond)} tok/s</dd>
        </div>
        <div>
          <dt>Time to first token</dt>
          <dd>{e.timeToFirstTokenSeconds.toFixed(2)} s</dd>
        </div>
        <div>
          <dt>GPU layers</dt>
          <dd>
            {e.placement.gpuLayers} of {e.placement.totalLayers}
          </dd>
        </div>
      </dl>
      <MemoryBar e={e} />
      {e.advice.length > 0 ? (
        <div class="advice">
          <h3>What you can change</h3>
          <ul>
            {e.advice.map((a) => (
              <li key={a.kind + a.message}>{a.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <ul class="warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p class="basis">
        <strong>Basis:</strong> {(calibrated ?? e).basis}
      </p>
    </section>
  );
}

function CurveChart(props: { curve: Curve | undefined; title: string; logX?: boolean; markerLabel: string }) {
  const c = props.curve;
  const data = useMemo(() => {
    if (!c) return undefined;
    return {
      x: c.points.map((p) => p.x),
      series: [
        { label: 'decode tok/s', values: c.points.map((p) => p.decodeTokensPerSecond), color: '#2a6fdb' },
        { label: 'band low', values: c.points.map((p) => p.band.low), color: '#2a6fdb88', dash: [4, 4] },
        { label: 'band high', values: c.points.map((p) => p.band.high), color: '#2a6fdb88', dash: [4, 4] },
      ],
    };
  }, [c]);
  if (!c || !data) return null;
  const top = Math.max(...c.points.map((p) => p.decodeTokensPerSecond));
  const low = Math.min(...c.points.map((p) => p.decodeTokensPerSecond));
  return (
    <LineChart
      title={props.title}
      xLabel={`${c.xLabel} (${c.unit})`}
      yLabel="tok/s"
      x={data.x}
      series={data.series}
      markerX={c.cliffX}
      markerLabel={c.cliffX === undefined ? '' : `${props.markerLabel} at ${fmt(c.cliffX)} ${c.unit}`}
      {...(props.logX ? { logX: true } : {})}
      summary={`Decode ranges from ${fmt(low)} to ${fmt(top)} tokens per second${c.cliffX === undefined ? '' : `; the cliff is at ${fmt(c.cliffX)} ${c.unit}`}.`}
    />
  );
}

export function EstimateView() {
  const i = inputs.value;
  const cal = calibration.value;
  const dropped = droppedConfig.value;
  const result = useMemo(() => {
    const t0 = performance.now();
    const r = compute(i, cal, dropped?.config);
    performance.measure?.('cliffbench:recompute', { start: t0, end: performance.now() });
    return r;
  }, [i, cal, dropped]);
  return (
    <div class="estimate">
      <InputsForm />
      {result.error ? (
        <p role="alert" class="error" data-testid="estimate-error">
          {result.error}
        </p>
      ) : null}
      {result.estimate ? <Headline e={result.estimate} calibrated={result.calibrated} /> : null}
      <section class="charts" aria-label="The cliff">
        <h2>The cliff</h2>
        <CurveChart
          curve={result.curves.context}
          title="Decode speed against context length"
          logX
          markerLabel="working set crosses GPU memory"
        />
        <CurveChart
          curve={result.curves.gpuMemory}
          title="Decode speed against GPU memory"
          markerLabel="everything fits from"
        />
        <CurveChart
          curve={result.curves.gpuLayers}
          title="Decode speed against GPU layers"
          markerLabel="most layers that fit"
        />
      </section>
      <GemmaTable
        rows={result.table}
        onPick={(model, quant) => {
          droppedConfig.value = undefined;
          inputs.value = { ...inputs.value, model, quant };
        }}
      />
      {result.estimate && !dropped ? <BestSettingsCard scenario={result.scenario} calibration={cal} /> : null}
    </div>
  );
}
