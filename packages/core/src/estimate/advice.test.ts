import { describe, expect, it } from 'vitest';
import { estimateDetailed, type ScenarioInput } from '../index.js';

const onA3060 = (over: Partial<ScenarioInput>): ScenarioInput => ({
  model: 'gemma-4-31b',
  quant: 'Q8_0',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32, ramBandwidthGBs: 51.2 },
  ...over,
});

/** The advice's claims, re-estimated: each change must do what its message says. */
describe('advice for a model that does not fit', () => {
  it('with -ngl past the fit, suggests fewer layers and nothing that still overflows the GPU', () => {
    const e = estimateDetailed(onA3060({ gpuLayers: 999, offload: 'layers' }));
    expect(e.fits).toBe(false);
    const kinds = e.advice.map((a) => a.kind);
    expect(kinds[0]).toBe('fewer-gpu-layers');
    // Q6_K, a 3840-token context or a q8_0 KV cache at -ngl 999 still need ~25-33 GiB: none fits 12 GB.
    expect(kinds).not.toContain('shorter-context');
    expect(kinds).not.toContain('quantised-kv');
    for (const a of e.advice) expect(a.message).not.toMatch(/fits entirely in GPU memory/);
  });

  it('names a smaller quant only when that quant really fits on the GPU', () => {
    const e = estimateDetailed(onA3060({ model: 'gemma-4-e4b', quant: 'F16', device: 'RTX 3060 8GB' }));
    const quant = e.advice.find((a) => a.kind === 'smaller-quant');
    expect(quant?.message).toMatch(/fits entirely in GPU memory/);
    const name = quant?.message.split(' ')[0] ?? '';
    const smaller = estimateDetailed(onA3060({ model: 'gemma-4-e4b', quant: name, device: 'RTX 3060 8GB' }));
    expect(smaller.fits).toBe(true);
    expect(smaller.regime).toBe('gpu');
  });
});
