import { resolveScenario } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { sig3 } from '../format.js';
import { DEFAULT_INPUTS, type Inputs } from '../state/url-state.js';
import { concurrencyCurve } from './concurrency.js';
import { concurrencyChart } from './concurrency-view.js';
import { scenarioOf } from './scenario-of.js';

const curveOf = (inputs: Inputs) => concurrencyCurve(resolveScenario(scenarioOf(inputs).input));
/** Gemma 4 26B A4B on two RTX 3060 12GB: Ollama's N-fold cache stops fitting within 32 streams. */
const ollama: Inputs = {
  ...DEFAULT_INPUTS,
  extraDevices: ['geforce-rtx-3060-12gb'],
  parallel: 4,
  parallelRuntime: 'ollama',
};

describe('the concurrency chart', () => {
  it('draws per-stream and aggregate decode at every stream count, and marks the crossing and the setting', () => {
    const curve = curveOf(ollama);
    const chart = concurrencyChart(curve, undefined);
    expect(chart.x).toEqual(curve.points.map((p) => p.streams));
    expect(chart.series.map((s) => s.label)).toEqual([
      'per stream, spec (tok/s)',
      'all streams, spec (tok/s)',
    ]);
    expect(chart.series[1]?.values).toEqual(curve.points.map((p) => p.aggregateTokensPerSecond));
    const stop = curve.stopsFittingAt;
    expect(stop).toBeDefined();
    expect(chart.markers.map((m) => m.x)).toEqual([stop, 4]);
    const four = curve.points.find((p) => p.streams === 4);
    expect(chart.summary).toContain(
      `With 4 streams each gets ${sig3(four?.perStreamTokensPerSecond ?? 0)} tok/s`,
    );
    expect(chart.summary).toContain(`from ${stop} streams part of it moves to system RAM`);
  });

  it('puts measured lines beside the spec ones, at the same stream counts', () => {
    const spec = curveOf(ollama);
    const measured = concurrencyCurve(
      resolveScenario({ ...scenarioOf(ollama).input, calibration: { gpuBandwidthGBs: 250 } }),
    );
    const chart = concurrencyChart(spec, measured);
    expect(chart.series).toHaveLength(4);
    expect(chart.series[2]?.values).toEqual(measured.points.map((p) => p.perStreamTokensPerSecond));
    // Less bandwidth than the spec sheet's 360 GB/s: slower at every count that stays on the GPU.
    for (const [i, p] of spec.points.entries())
      if (p.onGpu) expect(chart.series[2]?.values[i]).toBeLessThan(p.perStreamTokensPerSecond);
  });

  it('says so when even one stream does not fit in GPU memory', () => {
    const chart = concurrencyChart(
      curveOf({ ...ollama, model: 'gemma-4-31b', extraDevices: undefined }),
      undefined,
    );
    expect(chart.markers).toHaveLength(1);
    expect(chart.summary).toContain('does not fit entirely in GPU memory even with one stream');
  });
});
