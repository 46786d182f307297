import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate/estimate.js';
import type { ScenarioInput } from '../estimate/scenario.js';
import { layerBlocks } from './multi-gpu.js';

const GEMMA = { model: 'gemma-4-31b', quant: 'Q4_K_M' } as const;
/** One hypothetical 48 GB card with the RTX 3090's bandwidth and everything else. */
const BIG_3090 = { name: 'GeForce RTX 3090', kind: 'discrete', bandwidthGBs: 936, memoryGB: 48 } as const;

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

const perDeviceBytes = (e: ReturnType<typeof estimate>): number[] =>
  (e.placement.perDevice ?? []).map((d) => d.weightsBytes + d.kvCacheBytes + d.computeBufferBytes);

describe('layer split (-sm layer)', () => {
  it('two RTX 3090s hold Gemma 4 31B Q4_K_M entirely, a few per cent slower than one 48 GB card', () => {
    const pair = estimate({ ...GEMMA, device: '2x rtx 3090' });
    const big = estimate({ ...GEMMA, device: BIG_3090 });
    expect(pair.fits).toBe(true);
    expect(pair.regime).toBe('gpu');
    expect(pair.placement.gpuLayers).toBe(pair.placement.totalLayers);
    expect(pair.placement.splitMode).toBe('layer');
    expect(pair.placement.perDevice?.map((d) => d.fits)).toEqual([true, true]);
    const ratio = pair.decodeTokensPerSecond / big.decodeTokensPerSecond;
    expect(ratio).toBeLessThan(1);
    expect(ratio).toBeGreaterThan(0.95);
  });

  it('each GPU holds a contiguous block; the output layer sits on the last', () => {
    const blocks = layerBlocks(60, 60, [0.5, 0.5]);
    expect(blocks[0]).toMatchObject({ from: 0, output: false });
    expect(blocks[0]?.to).toBe(blocks[1]?.from);
    expect(blocks[1]).toMatchObject({ to: 60, output: true });
    // 61 slots (60 layers + output) split at 0.5: slots 0..30 on GPU 0 (31 layers), the rest on GPU 1.
    expect(blocks[0]?.to).toBe(31);
    const partial = layerBlocks(60, 20, [0.5, 0.5]);
    expect(partial[0]?.from).toBe(40);
    expect(partial[1]).toMatchObject({ to: 60, output: true });
  });

  it('only the GPU with the output layer holds the logits in its compute buffer; Llama 3 70B F16 fits 6× 3090', () => {
    const e = estimate({ model: 'llama-3-70b', quant: 'F16', device: '6x rtx 3090', contextTokens: 512 });
    const shares = e.placement.perDevice ?? [];
    const out = shares.find((d) => d.output);
    const inner = shares.filter((d) => !d.output);
    expect(inner.length).toBe(5);
    for (const d of inner) expect(d.computeBufferBytes).toBeLessThan((out?.computeBufferBytes ?? 0) / 2);
    // 141 GB of F16 weights over six 24 GB cards: the full compute buffer on each pushed it to partial offload.
    expect(e.regime).toBe('gpu');
  });

  it('a 3090 + 3060: the 3060 holds less and sets the pace', () => {
    const mixed = estimate({ ...GEMMA, devices: ['rtx 3090', 'rtx 3060 12gb'] });
    const fast = estimate({ ...GEMMA, device: '2x rtx 3090' });
    const slow = estimate({ ...GEMMA, device: '2x rtx 3060 12gb' });
    expect(mixed.fits).toBe(true);
    const [a, b] = mixed.placement.perDevice ?? [];
    expect(a?.layers ?? 0).toBeGreaterThan(b?.layers ?? 0);
    expect(mixed.decodeTokensPerSecond).toBeLessThan(fast.decodeTokensPerSecond * 0.8);
    expect(mixed.decodeTokensPerSecond).toBeGreaterThan(slow.decodeTokensPerSecond);
  });

  it('a model that fits one card decodes slightly slower on two, and never fits less', () => {
    for (const model of ['llama-3.1-8b', 'gemma-4-31b', 'qwen3-30b-a3b']) {
      for (const context of [4096, 32768]) {
        const base = { model, quant: 'Q4_K_M', contextTokens: context } satisfies Partial<ScenarioInput>;
        const one = estimate({ ...base, device: 'rtx 3090' });
        const two = estimate({ ...base, device: '2x rtx 3090' });
        if (one.fits) expect(two.fits).toBe(true);
        if (one.regime === 'gpu') {
          expect(two.decodeTokensPerSecond).toBeLessThan(one.decodeTokensPerSecond);
          expect(two.decodeTokensPerSecond).toBeGreaterThan(one.decodeTokensPerSecond * 0.93);
        }
        expect(two.placement.gpuLayers).toBeGreaterThanOrEqual(one.placement.gpuLayers);
      }
    }
  });

  it('per-GPU bytes and the runtime contexts sum to the device total', () => {
    for (const devices of [
      ['rtx 3090', 'rtx 3090'],
      ['rtx 3090', 'rtx 3060 12gb'],
      ['rtx 3060 12gb', 'rtx 3060 12gb', 'rtx 3060 12gb'],
    ]) {
      const e = estimate({ ...GEMMA, devices, contextTokens: 16384 });
      const sum = perDeviceBytes(e).reduce((x, y) => x + y, 0);
      const runtime = e.memory.deviceBytes - sum;
      expect(runtime).toBeGreaterThan(0);
      expect(runtime).toBeLessThan(devices.length * 2 ** 30);
      const weights = (e.placement.perDevice ?? []).reduce((x, d) => x + d.weightsBytes, 0);
      expect(weights).toBeLessThanOrEqual(e.memory.weightsBytes);
    }
  });

  it('moving -ts weight toward a card never lowers its bytes', () => {
    let previous = 0;
    for (const share of [1, 2, 3, 5, 8]) {
      const e = estimate({ ...GEMMA, device: '2x rtx 3090', tensorSplit: [share, 1] });
      const first = perDeviceBytes(e)[0] ?? 0;
      expect(first).toBeGreaterThanOrEqual(previous);
      previous = first;
    }
  });

  it('experts in RAM (--n-cpu-moe) free the first GPU first', () => {
    const base = { model: 'qwen3-30b-a3b', quant: 'Q4_K_M', device: '2x rtx 3060 12gb', gpuLayers: 48 };
    const none = estimate({ ...base, cpuMoeLayers: 0 });
    const some = estimate({ ...base, cpuMoeLayers: 8 });
    const [a0, b0] = perDeviceBytes(none);
    const [a1, b1] = perDeviceBytes(some);
    expect(a1).toBeLessThan(a0 ?? 0);
    expect(b1).toBe(b0);
  });

  it('partial offload over a split: layers that fit neither GPU go to the CPU', () => {
    const e = estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', device: '2x rtx 3060 12gb' });
    expect(e.regime).toBe('partial-offload');
    expect(e.fits).toBe(true);
    expect(e.placement.perDevice?.every((d) => d.fits)).toBe(true);
    expect(e.placement.gpuLayers).toBeLessThan(e.placement.totalLayers);
  });
});

describe('row and tensor split', () => {
  it('row split keeps the KV cache on the main GPU', () => {
    const e = estimate({ ...GEMMA, device: '2x rtx 3090', splitMode: 'row', mainGpu: 1 });
    const [a, b] = e.placement.perDevice ?? [];
    expect(a?.kvCacheBytes).toBe(0);
    expect(b?.kvCacheBytes ?? 0).toBeGreaterThan(0);
    expect(e.placement.splitMode).toBe('row');
  });

  it('tensor split reads both shares at once: faster than layer split for a dense model', () => {
    const layer = estimate({ ...GEMMA, device: '2x rtx 3090' });
    const tensor = estimate({ ...GEMMA, device: '2x rtx 3090', splitMode: 'tensor' });
    expect(tensor.decodeTokensPerSecond).toBeGreaterThan(layer.decodeTokensPerSecond * 1.3);
  });

  it('tensor split refuses a quantised KV cache or flash attention off', () => {
    expect(
      errorOf(() => estimate({ ...GEMMA, device: '2x rtx 3090', splitMode: 'tensor', kvCacheType: 'q8_0' })),
    ).toMatch(/flash attention on and an unquantised/);
    expect(
      errorOf(() =>
        estimate({ ...GEMMA, device: '2x rtx 3090', splitMode: 'tensor', flashAttention: false }),
      ),
    ).toMatch(/Tensor split/);
  });

  it('rejects a -ts of the wrong length and a main GPU out of range', () => {
    expect(errorOf(() => estimate({ ...GEMMA, device: '2x rtx 3090', tensorSplit: [1, 1, 1] }))).toMatch(
      /one proportion per GPU/,
    );
    expect(errorOf(() => estimate({ ...GEMMA, device: '2x rtx 3090', mainGpu: 2 }))).toMatch(/mainGpu 2/);
  });
});
