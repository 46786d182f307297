import { findDevice, models } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, type Inputs } from '../state/url-state.js';
import { gemmaTable, sortRows, TABLE_QUANTS } from './gemma-table.js';

const seed: Inputs = { ...DEFAULT_INPUTS, device: 'rtx 3060 12gb', ramGB: 32, contextTokens: 8192 };
const gemma4 = models.filter((m) => m.family === 'gemma-4');

describe('gemmaTable', () => {
  const rows = gemmaTable(seed);

  it('has one row for every Gemma 4 model and table quant', () => {
    expect(rows).toHaveLength(gemma4.length * TABLE_QUANTS.length);
    for (const m of gemma4)
      expect(rows.filter((r) => r.modelId === m.id).map((r) => r.quant)).toEqual([...TABLE_QUANTS]);
  });

  it('answers the seed: on a 3060 12GB the 26B A4B at Q4_K_M decodes faster than the 31B', () => {
    const at = (id: string) => rows.find((r) => r.modelId === id && r.quant === 'Q4_K_M')!;
    expect(at('gemma-4-26b-a4b').decode).toBeGreaterThan(at('gemma-4-31b').decode);
    expect(at('gemma-4-31b').onGpu).toBe(false);
  });

  it('grows the weights with every step up in bits, for each model', () => {
    for (const m of gemma4) {
      const sizes = rows.filter((r) => r.modelId === m.id).map((r) => r.weightsBytes);
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThan(sizes[i - 1]!);
    }
  });

  it('ignores the GPU-layer and offload inputs, which belong to the model above it', () => {
    const pinned = gemmaTable({ ...seed, gpuLayers: 0, offload: 'layers' });
    expect(pinned.map((r) => r.decode)).toEqual(rows.map((r) => r.decode));
  });

  it('adds calibrated decode for every row when measurements are given', () => {
    const spec = findDevice('rtx 3060 12gb').bandwidthGBs;
    const cal = gemmaTable(seed, { gpuBandwidthGBs: spec / 2 });
    for (const r of cal) expect(r.decodeCalibrated).toBeLessThanOrEqual(r.decode);
  });

  it('sorts by decode speed, and by model in catalog order', () => {
    const fast = sortRows(rows, 'decode', true);
    for (let i = 1; i < fast.length; i++) expect(fast[i]!.decode).toBeLessThanOrEqual(fast[i - 1]!.decode);
    const byModel = sortRows(rows, 'modelName', false).map((r) => r.modelId);
    expect([...new Set(byModel)]).toEqual(gemma4.map((m) => m.id));
  });

  it('follows the GPUs beside the first, and leaves the streams, projector and images to the model above', () => {
    const two = gemmaTable({ ...seed, extraDevices: ['geforce-rtx-3060-12gb'] });
    const at = (r: typeof rows, id: string) => r.find((x) => x.modelId === id && x.quant === 'Q4_K_M');
    expect(at(rows, 'gemma-4-31b')?.onGpu).toBe(false);
    expect(at(two, 'gemma-4-31b')?.onGpu).toBe(true);
    expect(at(two, 'gemma-4-31b')!.decode).toBeGreaterThan(at(rows, 'gemma-4-31b')!.decode);
    const busy = gemmaTable({
      ...seed,
      extraDevices: ['geforce-rtx-3060-12gb'],
      parallel: 4,
      parallelRuntime: 'ollama',
      mmprojBytes: 2e9,
      images: 3,
    });
    expect(busy).toEqual(two);
  });
});
