import { estimate, type ScenarioInput } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { placementText, verdict } from './regimes.js';

const on3060 = (model: string, extra: Partial<ScenarioInput> = {}) =>
  estimate({ model, quant: 'Q4_K_M', device: 'RTX 3060 12GB', host: { ramGB: 32 }, ...extra });

describe('the verdict line', () => {
  it('tells the seed story: E4B fits, 26B A4B runs with its experts in RAM, 31B does not fit', () => {
    expect(verdict(on3060('gemma-4-e4b'))).toEqual({ text: 'Fits in GPU memory', tone: 'ok' });
    expect(verdict(on3060('gemma-4-26b-a4b')).text).toBe('Runs with its MoE experts in RAM');
    expect(verdict(on3060('gemma-4-31b')).text).toBe('Does not fit in GPU memory');
    const forced = on3060('gemma-4-31b', { gpuLayers: 60, offload: 'layers' });
    expect(forced.fits).toBe(false);
    expect(verdict(forced)).toEqual({ text: 'Does not fit with these settings', tone: 'bad' });
  });

  it('says where the layers and the experts are, also when some whole layers are on the CPU', () => {
    const auto = on3060('gemma-4-26b-a4b');
    expect(placementText(auto)).toMatch(/^all 30 layers on the GPU, experts of \d+ in RAM$/);
    const split = on3060('gemma-4-26b-a4b', { gpuLayers: 20, cpuMoeLayers: 12, offload: 'experts' });
    expect(placementText(split)).toBe(
      `${split.placement.gpuLayers} of 30 layers on the GPU, experts of 12 in RAM`,
    );
    expect(split.placement.gpuLayers).toBeLessThan(30);
  });
});
