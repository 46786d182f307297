import { describe, expect, it } from 'vitest';
import type { DetailedEstimate } from './detailed.js';
import { estimateDetailed } from './estimate.js';
import { type MemoryPool, memoryPools } from './memory-pools.js';
import type { ScenarioInput } from './scenario.js';

const GIB = 2 ** 30;
const seed: ScenarioInput = {
  model: 'gemma-4-31b',
  quant: 'Q4_K_M',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32 },
  contextTokens: 8192,
};
const mac: ScenarioInput = { model: 'gemma-4-31b', quant: 'Q8_0', device: 'M3 Max 40-core 64GB' };

const total = (xs: readonly { readonly bytes: number }[]): number => xs.reduce((a, x) => a + x.bytes, 0);

/** Every pool's spans fill its bar, its parts add up to what it uses, and overflow is what passes the pool. */
function expectConsistent(pool: MemoryPool): void {
  expect(total(pool.spans)).toBeCloseTo(pool.scaleBytes, -3);
  // Every part is drawn; parts under 0.05 GiB are not named.
  const drawn = pool.spans.filter((s) => s.kind !== 'free' && s.kind !== 'reserved');
  expect(total(drawn)).toBeCloseTo(pool.usedBytes, -3);
  expect(pool.usedBytes - total(pool.parts)).toBeLessThan(drawn.length * 0.05 * GIB);
  expect(pool.availableBytes).toBe(pool.totalBytes - pool.reservedBytes);
  expect(pool.overBytes).toBeCloseTo(Math.max(0, pool.usedBytes - pool.availableBytes), -3);
}

describe('memoryPools', () => {
  it('draws a discrete GPU as two bars: its whole memory, and system RAM less the OS', () => {
    const e = estimateDetailed(seed);
    const pools = memoryPools(e);
    expect(pools.map((p) => p.kind)).toEqual(['gpu', 'ram']);
    const [gpu, ram] = pools as [MemoryPool, MemoryPool];
    const m = e.breakdown.memory;
    expect(gpu.totalBytes).toBe(12 * GIB);
    expect(gpu.reservedBytes).toBe(0);
    expect(gpu.usedBytes).toBeCloseTo(
      m.gpuWeightBytes + m.gpuKvBytes + m.gpuComputeBytes + m.runtimeBytes,
      -3,
    );
    expect(gpu.gpuLimit).toBeUndefined();
    expect(gpu.text).toMatch(/^10\.9 of 12\.0 GiB: weights 9\.0, KV cache 0\.9, buffers & runtime 1\.0$/);
    expect(ram.totalBytes).toBe(32 * GIB);
    expect(ram.reservedBytes).toBe(4 * GIB);
    expect(ram.text).toMatch(
      /^10\.4 of 28\.0 GiB available \(32\.0 less 4\.0 for the OS\): weights 9\.5, KV cache 0\.9$/,
    );
    expect(ram.spans.at(-1)).toEqual({ kind: 'reserved', bytes: 4 * GIB });
    for (const p of pools) expectConsistent(p);
  });

  it('draws unified memory as one pool with the GPU wired limit marked, the CPU side and the OS reserve', () => {
    const e = estimateDetailed(mac);
    const pools = memoryPools(e);
    expect(pools).toHaveLength(1);
    const pool = pools[0] as MemoryPool;
    expect(pool).toMatchObject({ kind: 'unified', label: 'Unified memory', totalBytes: 64 * GIB });
    expect(pool.reservedBytes).toBe(4 * GIB);
    // macOS's default recommendedMaxWorkingSetSize for 64 GiB: three quarters.
    expect(pool.gpuLimit?.bytes).toBe(48 * GIB);
    const m = e.breakdown.memory;
    expect(pool.gpuLimit?.usedBytes).toBeCloseTo(m.gpuWeightBytes + m.gpuKvBytes + m.gpuComputeBytes, -3);
    expect(pool.parts.map((p) => p.kind)).toEqual(['weights', 'kv', 'buffers', 'cpu-side']);
    expect(pool.usedBytes).toBeLessThan(64 * GIB); // not 48 + 60 GiB, as two pools would say
    expect(pool.text).toBe(
      '33.8 of 60.0 GiB available (64.0 less 4.0 for the OS): weights 30.4, KV cache 1.5, buffers & runtime 0.5, CPU side 1.4; GPU limit 48.0 GiB, 32.4 on the GPU side',
    );
    expectConsistent(pool);
  });

  it('says when the GPU side passes the wired limit, and what macOS does', () => {
    const pool = memoryPools(estimateDetailed({ ...mac, gpuMemoryLimitGB: 30 }))[0] as MemoryPool;
    expect(pool.gpuLimit?.bytes).toBe(30 * GIB);
    expect(pool.text).toMatch(/GPU limit 30\.0 GiB, 32\.4 on the GPU side, past it: macOS pages the excess$/);
    expect(pool.overBytes).toBe(0);
  });

  it('marks what passes a pool and where it goes', () => {
    const pools = (input: ScenarioInput): readonly MemoryPool[] => memoryPools(estimateDetailed(input));
    const [forced] = pools({ ...seed, gpuLayers: 60, offload: 'layers' });
    expect(forced?.overBytes).toBeGreaterThan(0);
    expect(forced?.text).toMatch(/GiB more than it holds: llama\.cpp fails to allocate$/);

    const [spilling, ram] = pools({ ...seed, offload: 'sysmem' });
    expect(spilling?.overflow).toBe('the driver spills it to system RAM and the GPU reads it over PCIe');
    expect(ram?.parts.find((p) => p.kind === 'spilled')?.bytes).toBeCloseTo(spilling?.overBytes ?? 0, -3);

    const [, small] = pools({ ...seed, model: 'llama-3-70b', quant: 'Q8_0', host: { ramGB: 16 } });
    expect(small?.overflow).toBe('streamed from disk');
    expect(small?.scaleBytes).toBeCloseTo((small?.usedBytes ?? 0) + (small?.reservedBytes ?? 0), -3);
    for (const p of [forced, spilling, ram, small]) expectConsistent(p as MemoryPool);
  });

  it('draws system RAM alone for the CPU backend', () => {
    const e: DetailedEstimate = estimateDetailed({ ...seed, model: 'gemma-4-e4b', backend: 'cpu' });
    expect(memoryPools(e).map((p) => p.label)).toEqual(['System RAM']);
  });
});
