import { describe, expect, it } from 'vitest';
import { estimateDetailed, FIT_MARGIN_BYTES, runtimeOverheadBytes, type ScenarioInput } from '../index.js';

const GIB = 2 ** 30;
const on3060 = (extra: Partial<ScenarioInput> & { model: string }): ScenarioInput => ({
  quant: 'Q4_K_M',
  device: 'rtx 3060 12gb',
  host: { ramGB: 32 },
  ...extra,
});
const adviceKinds = (e: { advice: readonly { kind: string }[] }): string[] => e.advice.map((a) => a.kind);

describe('automatic fit (llama.cpp --fit)', () => {
  it('moves MoE experts to RAM before whole layers, and keeps the 1 GiB margin free', () => {
    const e = estimateDetailed(on3060({ model: 'gemma-4-26b-a4b' }));
    expect(e.regime).toBe('experts-on-cpu');
    expect(e.placement.gpuLayers).toBe(e.placement.totalLayers);
    expect(e.memory.deviceBytes + FIT_MARGIN_BYTES).toBeLessThanOrEqual(12 * GIB);
    // One more layer of experts on the GPU would break the margin.
    const tighter = estimateDetailed(
      on3060({ model: 'gemma-4-26b-a4b', cpuMoeLayers: (e.placement.cpuMoeLayers ?? 0) - 1 }),
    );
    expect(tighter.memory.deviceBytes + FIT_MARGIN_BYTES).toBeGreaterThan(12 * GIB);
  });

  it('moves whole layers when told to, and says experts in RAM would be faster', () => {
    const experts = estimateDetailed(on3060({ model: 'gemma-4-26b-a4b' }));
    const layers = estimateDetailed(on3060({ model: 'gemma-4-26b-a4b', offload: 'layers' }));
    expect(layers.regime).toBe('partial-offload');
    expect(layers.decodeTokensPerSecond).toBeLessThan(experts.decodeTokensPerSecond);
    const hint = layers.advice.find((a) => a.kind === 'experts-on-cpu');
    expect(hint?.message).toMatch(/--n-cpu-moe \d+/);
    expect(hint?.decodeTokensPerSecond).toBeCloseTo(experts.decodeTokensPerSecond, 6);
  });

  it('puts everything on the GPU when it fits, with no advice', () => {
    const e = estimateDetailed(on3060({ model: 'llama-3-8b' }));
    expect(e.regime).toBe('gpu');
    expect(e.memory.hostBytes).toBeLessThan(1.1 * GIB); // the token-embedding lookup table stays in RAM
    expect(e.advice).toEqual([]);
  });
});

describe('explicit splits', () => {
  it('flags -ngl beyond the GPU as not fitting and names the layer count that fits', () => {
    const e = estimateDetailed(on3060({ model: 'gemma-4-31b', gpuLayers: 60 }));
    expect(e.fits).toBe(false);
    const hint = e.advice.find((a) => a.kind === 'fewer-gpu-layers');
    const fitting = Number(/-ngl (\d+)/.exec(hint?.message ?? '')?.[1]);
    expect(fitting).toBeGreaterThan(0);
    expect(fitting).toBeLessThan(60);
    expect(estimateDetailed(on3060({ model: 'gemma-4-31b', gpuLayers: fitting })).fits).toBe(true);
  });

  it('runs everything on the CPU with the CPU backend', () => {
    const e = estimateDetailed(on3060({ model: 'llama-3-8b', backend: 'cpu' }));
    expect(e.regime).toBe('cpu');
    expect(e.placement.gpuLayers).toBe(0);
    expect(e.memory.deviceBytes).toBe(0);
    expect(e.breakdown.tiers[1]?.weightBytes).toBeGreaterThan(4e9);
  });
});

describe('spill regimes', () => {
  it('reads spilled weights over PCIe in the Windows sysmem fallback, slower than letting llama.cpp split', () => {
    const sysmem = estimateDetailed(on3060({ model: 'gemma-4-31b', offload: 'sysmem' }));
    const auto = estimateDetailed(on3060({ model: 'gemma-4-31b' }));
    expect(sysmem.regime).toBe('sysmem-fallback');
    expect(sysmem.breakdown.tiers[2]?.weightBytes).toBeGreaterThan(0);
    expect(sysmem.decodeTokensPerSecond).toBeLessThan(auto.decodeTokensPerSecond);
    expect(adviceKinds(sysmem)).toContain('disable-sysmem-fallback');
  });

  it("pages past Apple's GPU limit and says how far to raise iogpu.wired_limit_mb", () => {
    const input: ScenarioInput = { model: 'gemma-4-12b', quant: 'Q8_0', device: 'M3 (10-core GPU) 16GB' };
    const over = estimateDetailed(input);
    expect(over.regime).toBe('unified-over-limit');
    expect(over.breakdown.tiers[3]?.weightBytes).toBeGreaterThan(0);
    const hint = over.advice.find((a) => a.kind === 'raise-wired-limit');
    const mb = Number(/iogpu\.wired_limit_mb=(\d+)/.exec(hint?.message ?? '')?.[1]);
    const raised = estimateDetailed({ ...input, gpuMemoryLimitGB: mb / 1024 });
    expect(raised.regime).toBe('unified');
    expect(raised.decodeTokensPerSecond).toBeGreaterThan(over.decodeTokensPerSecond);
    expect(mb * 2 ** 20).toBeLessThan(16 * GIB);
  });

  it('streams from disk when not even RAM holds the model, and says how much RAM would', () => {
    const e = estimateDetailed(on3060({ model: 'llama-3-70b', quant: 'Q8_0' }));
    expect(e.regime).toBe('does-not-fit');
    expect(e.fits).toBe(false);
    expect(e.breakdown.tiers[4]?.weightBytes).toBeGreaterThan(0);
    expect(adviceKinds(e)).toContain('more-ram');
  });

  it('uses almost the whole pool of a non-Apple unified device', () => {
    const e = estimateDetailed({ model: 'gpt-oss-120b', quant: 'MXFP4', device: 'DGX Spark' });
    expect(e.regime).toBe('unified');
    expect(e.memory.deviceBytes).toBeGreaterThan(60e9);
    expect(runtimeOverheadBytes.cuda).toBeGreaterThan(0);
  });
});
