/**
 * @module estimate/CliffCharts — the cliff drawn three ways: decode tok/s against context length (where the
 * working set crosses GPU memory), against usable GPU memory, and against GPU layers; the band shaded, the
 * crossing and the current setting marked, measured figures dashed beside the spec line.
 */
import type { DetailedEstimate } from '@cliffbench/core';
import { useMemo } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.js';
import { sig3 } from '../format.js';
import type { Outcome } from './compute.js';
import { curveChart } from './curve-view.js';

const GIB = 2 ** 30;

/** Regimes a point of the GPU-layers curve (whole layers on the CPU) can stand for. */
const LAYER_SPLITS: readonly DetailedEstimate['regime'][] = ['gpu', 'unified', 'partial-offload', 'cpu'];

/** The current setting on each axis; none on the layers axis when the estimate splits otherwise (experts, sysmem). */
function currentOf(e: DetailedEstimate, contextTokens: number) {
  const m = e.breakdown.memory;
  return {
    context: contextTokens,
    gpuMemory: (m.gpuUsableBytes + m.runtimeBytes) / GIB,
    gpuLayers: LAYER_SPLITS.includes(e.regime) ? e.placement.gpuLayers : undefined,
  };
}

export function CliffCharts(props: {
  readonly spec: Outcome;
  readonly calibrated?: Outcome | undefined;
  readonly contextTokens: number;
}) {
  const { spec, calibrated: cal } = props;
  const now = currentOf(spec.estimate, props.contextTokens);
  const context = useMemo(
    () => curveChart(spec.context, cal?.context, now.context, 'you'),
    [spec.context, cal?.context, now.context],
  );
  const memory = useMemo(
    () =>
      spec.gpuMemory === undefined
        ? undefined
        : curveChart(spec.gpuMemory, cal?.gpuMemory, now.gpuMemory, 'this GPU'),
    [spec.gpuMemory, cal?.gpuMemory, now.gpuMemory],
  );
  const layers = useMemo(
    () => curveChart(spec.gpuLayers, cal?.gpuLayers, now.gpuLayers, 'now'),
    [spec.gpuLayers, cal?.gpuLayers, now.gpuLayers],
  );
  return (
    <section class="charts" aria-labelledby="cliff-title">
      <h2 id="cliff-title">The cliff</h2>
      <LineChart
        testId="chart-context"
        title="Decode speed against context length"
        xLabel="context (tokens)"
        yLabel="tok/s"
        logX
        formatY={sig3}
        {...context}
      />
      {memory === undefined ? null : (
        <LineChart
          testId="chart-memory"
          title="Decode speed against GPU memory"
          xLabel="usable GPU memory (GB)"
          yLabel="tok/s"
          formatY={sig3}
          {...memory}
        />
      )}
      <LineChart
        testId="chart-layers"
        title="Decode speed against GPU layers"
        xLabel="GPU layers (-ngl)"
        yLabel="tok/s"
        formatY={sig3}
        {...layers}
      />
    </section>
  );
}
