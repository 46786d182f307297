import { describe, expect, it } from 'vitest';
import { estimate } from './estimate.js';
import { type Headline, headlineOf } from './headline.js';
import type { ScenarioInput } from './scenario.js';

const on3060 = (model: string, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  model,
  quant: 'Q4_K_M',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32 },
  ...extra,
});

const headline = (input: ScenarioInput): Headline => headlineOf(estimate(input));

describe('headlineOf', () => {
  it('says a model that fits on the GPU fits and runs there', () => {
    expect(headline(on3060('gemma-4-e4b'))).toEqual({
      fitsInGpuMemory: true,
      runs: true,
      verdict: 'Fits in GPU memory',
      how: 'everything on the GPU',
      tone: 'ok',
      text: 'Fits in GPU memory — everything on the GPU',
    });
  });

  it('says the seed 31B does not fit in GPU memory but runs with its layers split', () => {
    const e = estimate(on3060('gemma-4-31b', { contextTokens: 8192 }));
    const h = headlineOf(e);
    expect(e.placement.gpuLayers).toBe(29);
    expect(h).toMatchObject({ fitsInGpuMemory: false, runs: true, tone: 'warn' });
    expect(h.text).toBe('Does not fit in GPU memory — 29 of 60 layers on the GPU, the rest in system RAM');
  });

  it('says a MoE runs with its experts in RAM, naming how many layers', () => {
    const e = estimate(on3060('gemma-4-26b-a4b', { contextTokens: 32768 }));
    const experts = e.placement.cpuMoeLayers ?? 0;
    expect(experts).toBeGreaterThan(0);
    expect(headlineOf(e)).toMatchObject({
      fitsInGpuMemory: false,
      runs: true,
      verdict: 'Runs with its MoE experts in RAM',
      how: `MoE experts of the first ${experts} layers in RAM, the rest on the GPU`,
    });
    const all = headline(on3060('gemma-4-26b-a4b', { offload: 'experts' }));
    expect(all.how).toBe('MoE experts of all 30 layers in RAM, the rest on the GPU');
  });

  it('names whole layers and experts together when both are in RAM', () => {
    const h = headline(on3060('gemma-4-26b-a4b', { gpuLayers: 20, cpuMoeLayers: 12 }));
    expect(h.how).toBe(
      '20 of 30 layers on the GPU, the rest in system RAM, MoE experts of the first 12 layers in RAM',
    );
  });

  it('says an explicit -ngl past the fit does not fit with these settings, and does not run', () => {
    const h = headline(on3060('gemma-4-31b', { gpuLayers: 60, offload: 'layers' }));
    expect(h).toEqual({
      fitsInGpuMemory: false,
      runs: false,
      verdict: 'Does not fit with these settings',
      how: 'all 60 layers on the GPU as set need more than the GPU memory holds',
      tone: 'bad',
      text: 'Does not fit with these settings — all 60 layers on the GPU as set need more than the GPU memory holds',
    });
  });

  it('says a model RAM cannot hold does not fit at all', () => {
    const h = headline({ model: 'llama-3-70b', quant: 'Q8_0', device: 'RTX 3060 12GB', host: { ramGB: 16 } });
    expect(h).toMatchObject({
      fitsInGpuMemory: false,
      runs: false,
      verdict: 'Does not fit at all',
      tone: 'bad',
    });
    expect(h.how).toBe('not even RAM holds it: weights would stream from disk');
  });

  it('says CPU only when there is no GPU', () => {
    const h = headline(on3060('gemma-4-e4b', { backend: 'cpu' }));
    expect(h).toMatchObject({ fitsInGpuMemory: false, runs: true, text: 'Runs on the CPU — CPU only' });
  });

  it('says the driver fallback spills over PCIe', () => {
    const h = headline(on3060('gemma-4-31b', { offload: 'sysmem' }));
    expect(h).toMatchObject({ fitsInGpuMemory: false, runs: true, verdict: 'Does not fit in GPU memory' });
    expect(h.how).toMatch(/spills the excess to system RAM and the GPU reads it over PCIe/);
  });

  it('says unified memory within and past the GPU limit', () => {
    const mac = (quant: string): ScenarioInput => ({
      model: 'gemma-4-31b',
      quant,
      device: 'M3 Max 40-core 64GB',
    });
    expect(headline(mac('Q8_0'))).toMatchObject({
      fitsInGpuMemory: true,
      runs: true,
      text: 'Fits in unified memory — everything on the GPU, within its share of unified memory',
    });
    const over = headline({ ...mac('Q8_0'), gpuMemoryLimitGB: 30 });
    expect(over).toMatchObject({ fitsInGpuMemory: false, runs: true, verdict: 'Does not fit in GPU memory' });
    expect(over.how).toMatch(/past the GPU’s share of unified memory/);
  });

  it('reports no experts for a dense model given --n-cpu-moe', () => {
    const e = estimate(on3060('llama-3-8b', { cpuMoeLayers: 5 }));
    expect(e.placement.cpuMoeLayers).toBe(0);
    expect(headlineOf(e).text).toBe('Fits in GPU memory — everything on the GPU');
  });
});
