import { readFileSync } from 'node:fs';
import { type CommunityCalibration, findDevice } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { calibrationFromPastedJson } from '../bench/llama-bench.js';
import { communityUpdate } from './community.js';
import { mergeCalibration } from './page-calibration.js';

const agg = (median: number, sources: number) => ({
  median,
  p25: median - 0.02,
  p75: median + 0.02,
  mad: 0.02,
  sources,
  runs: sources,
  rejected: 0,
});
const community: CommunityCalibration = {
  deviceId: 'geforce-rtx-4090',
  decodeEta: { all: agg(0.7, 5), byBackend: { cuda: agg(0.72, 4) } },
  decodeEfficiency: { byBackend: {} },
  prefillEfficiency: { byBackend: {} },
  webgpuToLlama: { 'nvidia/cuda': agg(1.1, 3) },
};
const rtx4090 = findDevice('geforce-rtx-4090');

describe('community calibration on the page', () => {
  it('gives a fresh visitor the device η with "calibrated by N uploaded runs"', () => {
    const c = communityUpdate(community, rtx4090, undefined);
    expect(c?.eta).toBeCloseTo(0.72);
    expect(c?.source).toMatch(/calibrated by 4 uploaded runs/);
  });

  it('applies the WebGPU → llama.cpp ratio to a visitor with only a WebGPU run', () => {
    const page = { deviceId: rtx4090.id, calibration: { gpuBandwidthGBs: 800, source: 'WebGPU benchmark' } };
    expect(communityUpdate(community, rtx4090, page)?.gpuBandwidthGBs).toBeCloseTo(880);
  });

  it('keeps the sources’ spread and prefill efficiency on the page, until the visitor’s own η replaces η', () => {
    const withPrefill = { ...community, prefillEfficiency: { all: agg(0.9, 3), byBackend: {} } };
    const applied = mergeCalibration(
      undefined,
      rtx4090.id,
      communityUpdate(withPrefill, rtx4090, undefined) ?? {},
    );
    expect(applied.calibration).toMatchObject({ eta: 0.72, prefillEfficiency: 0.9 });
    expect(applied.calibration.decodeSpread).toBeCloseTo(0.04 / 0.72, 3);
    expect(applied.calibration.prefillSpread).toBeCloseTo(0.04 / 0.9, 3);
    const own = mergeCalibration(applied, rtx4090.id, { eta: 0.8, t0Seconds: 0.001, source: 'llama-bench' });
    expect(own.calibration.eta).toBe(0.8);
    expect(own.calibration.decodeSpread).toBeUndefined();
    expect(own.calibration.prefillSpread).toBeCloseTo(0.04 / 0.9, 3);
  });

  it('never overrides the visitor’s own llama-bench η or another device’s figures', () => {
    expect(
      communityUpdate(community, rtx4090, { deviceId: rtx4090.id, calibration: { eta: 0.9 } }),
    ).toBeUndefined();
    const other = { deviceId: 'geforce-rtx-3060-12gb', calibration: { gpuBandwidthGBs: 300 } };
    expect(communityUpdate(community, rtx4090, other)).toBeUndefined();
  });
});

describe('pasted llama-bench JSON', () => {
  const json = readFileSync(
    new URL('../../../../packages/core/src/result/fixtures/llama-bench-4090.json', import.meta.url),
    'utf8',
  );

  it('calibrates from -o json output as llama-bench prints it and keeps the runs for the upload', () => {
    const { calibration, runs, used } = calibrationFromPastedJson(rtx4090.id, json);
    expect(runs).toHaveLength(2);
    expect(used).toBe(1);
    expect(calibration.source).toMatch(/llama-bench tg on GeForce RTX 4090/);
  });

  it('refuses a run faster than the card can read its weights, saying why', () => {
    const fast = json.replace('"avg_ts": 136.2', '"avg_ts": 900');
    expect(() => calibrationFromPastedJson(rtx4090.id, fast)).toThrow(/faster than its memory allows/);
  });
});

describe('startCommunityCalibration', () => {
  it('applies the community η to a fresh visitor once, then the ratio once their WebGPU run calibrates the device', async () => {
    const { signal } = await import('@preact/signals');
    const { vi } = await import('vitest');
    const { startCommunityCalibration } = await import('./community.js');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(community)));
    vi.stubGlobal('fetch', fetchMock);
    const page = signal<import('./page-calibration.js').PageCalibration | undefined>(undefined);
    const applied: unknown[] = [];
    const settle = () => new Promise((r) => setTimeout(r, 10));
    startCommunityCalibration(
      () => 'rtx 4090',
      page,
      (deviceId, c) => {
        applied.push(c);
        page.value = { deviceId, calibration: { ...page.peek()?.calibration, ...c } };
      },
    );
    await settle();
    expect(applied).toHaveLength(1);
    expect((applied[0] as { eta: number }).eta).toBeCloseTo(0.72);
    page.value = { deviceId: rtx4090.id, calibration: { gpuBandwidthGBs: 800, source: 'WebGPU benchmark' } };
    await settle();
    await settle();
    expect(applied).toHaveLength(2);
    expect((applied[1] as { gpuBandwidthGBs: number }).gpuBandwidthGBs).toBeCloseTo(880);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
