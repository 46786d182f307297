import { findDevice } from '@cliffbench/core';
import type { AdapterSummary, Progress } from '@cliffbench/webgpu-bench';
import { describe, expect, it } from 'vitest';
import { guessDevice } from './device-guess.js';
import { calibrationFromLlamaBench } from './llama-bench.js';
import { parseResult } from './result-files.js';
import { resultFileName, resultView } from './result-view.js';
import { foldProgress, INITIAL_RUN_VIEW, liveColumns } from './run-progress.js';
import { compared, formatsOf, sweepOverlay } from './saved-compare.js';
import { documentFor } from './test-documents.js';
import { unavailableBeforeProbe, unavailableFromError } from './webgpu-support.js';

const rtx3060 = findDevice('rtx 3060 12gb');
const adapter = (a: Partial<AdapterSummary>): AdapterSummary => ({
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  ...a,
});
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0';

describe('why WebGPU is unavailable', () => {
  it('blames an insecure context before anything else', () => {
    const w = unavailableBeforeProbe({ isSecureContext: false, hasNavigatorGpu: false, userAgent: FIREFOX });
    expect(w?.reason).toBe('insecure-context');
    expect(w?.fixes.join(' ')).toMatch(/localhost/);
  });

  it('names the browser and its switch when navigator.gpu is missing', () => {
    const ff = unavailableBeforeProbe({ isSecureContext: true, hasNavigatorGpu: false, userAgent: FIREFOX });
    expect(ff?.message).toMatch(/^Firefox/);
    expect(ff?.fixes.join(' ')).toMatch(/dom\.webgpu\.enabled/);
    const chrome = unavailableBeforeProbe({
      isSecureContext: true,
      hasNavigatorGpu: false,
      userAgent: CHROME_LINUX,
    });
    expect(chrome?.fixes.join(' ')).toMatch(/enable-unsafe-webgpu/);
  });

  it('lets the probe go ahead when WebGPU is exposed, and explains a missing adapter by its code', () => {
    expect(
      unavailableBeforeProbe({ isSecureContext: true, hasNavigatorGpu: true, userAgent: FIREFOX }),
    ).toBeUndefined();
    const e = Object.assign(new Error('no adapter'), { code: 'no-adapter' });
    expect(unavailableFromError(e).reason).toBe('no-adapter');
    expect(unavailableFromError(new Error('boom')).reason).toBe('failed');
  });
});

describe('guessDevice', () => {
  it('recognises a software adapter and guesses no GPU for it', () => {
    const g = guessDevice(adapter({ vendor: 'google', architecture: 'swiftshader' }));
    expect(g.software).toBe(true);
    expect(g.candidates).toHaveLength(0);
  });

  it('narrows an NVIDIA Ampere adapter to RTX 30 cards and keeps the estimate device when it is one', () => {
    const g = guessDevice(adapter({ vendor: 'nvidia', architecture: 'ampere' }), rtx3060);
    expect(g.candidates.length).toBeGreaterThan(1);
    for (const d of g.candidates) expect(d.name).toMatch(/RTX 30/);
    expect(g.best?.id).toBe(rtx3060.id);
  });

  it('does not keep an estimate device of another vendor', () => {
    const g = guessDevice(adapter({ vendor: 'amd', architecture: 'rdna-3' }), rtx3060);
    expect(g.best?.id).not.toBe(rtx3060.id);
    for (const d of g.candidates) expect(d.vendor).toBe('AMD');
  });
});

describe('run progress', () => {
  const events: Progress[] = [
    {
      phase: 'sweep',
      fraction: 0.1,
      latest: { label: 'stream 1 MiB', bandwidthGBs: 2, workingSetBytes: 2 ** 20 },
    },
    { phase: 'tuning', fraction: 0.2, latest: { label: 'wg 64', bandwidthGBs: 9, workingSetBytes: 2 ** 22 } },
    {
      phase: 'gemv',
      fraction: 0.15,
      latest: { label: 'q4_k attn_q', bandwidthGBs: 1, workingSetBytes: 2 ** 24 },
    },
    { phase: 'gemv', fraction: 0.5, latest: { label: 'ffn_up', bandwidthGBs: 3, workingSetBytes: 2 ** 20 } },
  ];
  const view = events.reduce(foldProgress, INITIAL_RUN_VIEW);

  it('never moves the bar backwards and keeps the best figure', () => {
    // The third event reports less done than the second: the bar stays where it was.
    expect(events.slice(0, 3).reduce(foldProgress, INITIAL_RUN_VIEW).fraction).toBe(0.2);
    expect(view.fraction).toBe(0.5);
    expect(view.bestGBs).toBe(9);
    expect(view.phase).toBe('gemv');
  });

  it('plots streaming reads and GEMVs by kind, leaving tuning probes out', () => {
    expect(view.points.map((p) => p.kind)).toEqual(['stream', 'q4_k', 'gemv']);
    const cols = liveColumns(view.points);
    expect(cols.x).toEqual([2 ** 20, 2 ** 24]);
    expect(cols.series.find((s) => s.kind === 'stream')?.values).toEqual([2, null]);
  });
});

describe('result view', () => {
  const doc = documentFor({
    bandwidthGBs: { q4_0: 250, q4_k: 300, q8_0: 320 },
    launchSeconds: 5e-6,
    streamGBs: 340,
    claimed: { deviceId: rtx3060.id, name: rtx3060.name },
  });

  it('calibrates with the Q4_K fit and compares it with the spec sheet and the ceiling', () => {
    const v = resultView(doc, rtx3060);
    expect(v.calibration.gpuBandwidthGBs).toBeCloseTo(300, 6);
    expect(v.measuredOfSpec).toBeCloseTo(300 / rtx3060.bandwidthGBs, 6);
    const q8 = v.formats.find((f) => f.format === 'q8_0')!;
    expect(q8.ofCeiling).toBeCloseTo(320 / 340, 6);
    expect(q8.launchMicros).toBeCloseTo(5, 6);
    expect(v.pcieSpecGBs).toBeGreaterThan(v.uploadGBs ?? 0);
  });

  it('names the download after the device and the time', () => {
    expect(resultFileName(doc)).toBe('cliffbench-geforce-rtx-3060-12gb-2026-11-25-04-00-00.json');
  });

  it('imports a result file and says which field of a bad one is wrong', () => {
    expect('doc' in parseResult(JSON.stringify(doc), 'a.json')).toBe(true);
    const bad = parseResult(JSON.stringify({ ...doc, mode: 'turbo' }), 'b.json');
    expect('error' in bad && bad.error).toMatch(/b\.json .*mode/);
    expect('error' in parseResult('{', 'c.json')).toBe(true);
  });

  it('compares results side by side on one sweep axis', () => {
    const other = documentFor({ bandwidthGBs: { q4_0: 100 }, launchSeconds: 1e-5, streamGBs: 120 });
    expect(compared(other).decodeGBs).toBeCloseTo(100, 6);
    expect(formatsOf([doc, other])).toEqual(['q4_0', 'q4_k', 'q8_0']);
    const overlay = sweepOverlay([doc, other]);
    expect(overlay.series).toHaveLength(2);
    expect(overlay.series[1]).toEqual(overlay.x.map(() => 120));
  });
});

describe('llama-bench calibration', () => {
  it('recovers η from a tokens/s the model itself predicts at that η', async () => {
    const { estimateDetailed } = await import('@cliffbench/core');
    const scenario = {
      model: 'gemma-4-e4b',
      quant: 'Q4_K_M',
      device: rtx3060.id,
      contextTokens: 640,
      generatedTokens: 128,
      promptTokens: 512,
      gpuLayers: 999,
      offload: 'layers' as const,
    };
    const truth = estimateDetailed({ ...scenario, calibration: { eta: 0.7 } });
    const c = calibrationFromLlamaBench(rtx3060.id, [
      { model: 'gemma-4-e4b', quant: 'Q4_K_M', tokensPerSecond: truth.decodeTokensPerSecond },
    ]);
    expect(c.eta).toBeCloseTo(0.7, 2);
    expect(c.source).toMatch(/llama-bench/);
  });

  it('refuses a model that does not fit on the card', () => {
    expect(() =>
      calibrationFromLlamaBench(rtx3060.id, [{ model: 'gemma-4-31b', quant: 'Q8_0', tokensPerSecond: 5 }]),
    ).toThrow(/does not fit/);
  });
});
