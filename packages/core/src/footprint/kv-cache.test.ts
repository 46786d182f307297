import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureArch, gemma4Fixture, gemma4Shapes, llama2_7b } from '../../test/weights-fixtures.js';
import type { ModelArchitecture } from '../index.js';
import { kvCacheBytes, kvCacheCells, kvReadBytesAveraged, kvReadBytesPerToken } from '../index.js';
import { meanAttendedPositions } from './kv-cache.js';

const GIB = 2 ** 30;
const KIB = 1024;

/**
 * Gemma 4 E4B with its last 18 layers reading layer 22's (sliding) or 23's (global) cache:
 * num_kv_shared_layers 18 (huggingface/transformers src/transformers/models/gemma4/modular_gemma4.py;
 * ggml-org/llama.cpp src/models/gemma4.cpp).
 */
function gemma4E4b(): ModelArchitecture {
  const { arch } = gemma4Fixture(gemma4Shapes['gemma-4-e4b']!);
  return {
    ...arch,
    slidingWindow: 512,
    layers: arch.layers.map((l, i) =>
      i >= 24 ? { ...l, kvSharedFrom: l.attention === 'full' ? 23 : 22 } : l,
    ),
  };
}

const gemma4_31b = (): ModelArchitecture => ({
  ...gemma4Fixture(gemma4Shapes['gemma-4-31b']!).arch,
  slidingWindow: 1024,
});

describe('kvCacheBytes', () => {
  it('allocates 2 GiB of f16 cache for Llama 2 7B at 4096 tokens, as llama.cpp logs', () => {
    // 32 layers × 32 KV heads × 128 × (K + V) × 2 bytes × 4096 cells
    expect(kvCacheBytes(fixtureArch(llama2_7b), 4096, 'f16')).toBe(2 * GIB);
  });

  // llama.cpp sizes the SWA cache to pad256(min(n_ctx, n_swa + n_ubatch)) cells
  // (ggml-org/llama.cpp src/llama-kv-cache-iswa.cpp).
  it('gives Gemma 4 31B 1.48 GiB at 4K as llama.cpp sizes it (SWA cache of 1536 cells)', () => {
    expect(kvCacheCells(4096, 1024)).toEqual({ full: 4096, sliding: 1536 });
    expect(kvCacheBytes(gemma4_31b(), 4096) / GIB).toBeCloseTo(1.484, 2);
  });

  it('counts no cache for KV-sharing layers: Gemma 4 E4B holds 0.10 GiB at 4K', () => {
    expect(kvCacheBytes(gemma4E4b(), 4096) / GIB).toBeCloseTo(0.1016, 3);
  });

  it('sizes the sliding cache to the whole context with --swa-full', () => {
    const arch = gemma4_31b();
    const trimmed = kvCacheBytes(arch, 32768);
    const full = kvCacheBytes(arch, 32768, 'f16', { swaFull: true });
    // 50 sliding layers × 16 KiB per cell × (32768 − 1536) more cells
    expect(full - trimmed).toBe(50 * 16 * KIB * (32768 - 1536));
  });

  it('pads the context to 256 cells and the SWA cache to min(n_ctx, window + n_ubatch) padded', () => {
    expect(kvCacheCells(1000, undefined).full).toBe(1024);
    expect(kvCacheCells(8192, 512, { ubatchTokens: 2048 }).sliding).toBe(2560);
    expect(kvCacheCells(700, 1024).sliding).toBe(768);
  });

  it('prices K and V separately: q8_0 K with f16 V is (34/32 + 2)/4 of an all-f16 cache', () => {
    const arch = fixtureArch(llama2_7b);
    const f16 = kvCacheBytes(arch, 4096, 'f16');
    expect(kvCacheBytes(arch, 4096, { k: 'q8_0', v: 'f16' })).toBeCloseTo((f16 * (34 / 32 + 2)) / 4, 0);
    expect(kvCacheBytes(arch, 4096, 'q4_0')).toBeCloseTo((f16 * 18) / 64, 0);
  });
});

describe('kvReadBytesPerToken', () => {
  // KV-shared layers attend over their source layer's cache (transformers modular_gemma4.py,
  // llama.cpp src/models/gemma4.cpp), so all 42 layers read one: 35 sliding of 2 KiB a cell,
  // 7 global of 4 KiB.
  it('re-reads shared caches: Gemma 4 E4B reads 35 × 2 KiB × min(ctx, 512) + 7 × 4 KiB × ctx', () => {
    const arch = gemma4E4b();
    for (const depth of [0, 100, 511, 4095, 32767]) {
      const ctx = depth + 1;
      expect(kvReadBytesPerToken(arch, depth)).toBe(35 * 2 * KIB * Math.min(ctx, 512) + 7 * 4 * KIB * ctx);
    }
  });

  it('never reads less at a greater depth', () => {
    const arch = gemma4_31b();
    fc.assert(
      fc.property(fc.nat(300_000), fc.nat(300_000), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return kvReadBytesPerToken(arch, lo) <= kvReadBytesPerToken(arch, hi);
      }),
    );
  });

  it('averages over the generated tokens exactly as token-by-token reads do', () => {
    const arch = gemma4_31b();
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 300 }), (depth, n) => {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += kvReadBytesPerToken(arch, depth + i);
        return Math.abs(kvReadBytesAveraged(arch, depth, n) / (sum / n) - 1) < 1e-9;
      }),
    );
  });

  it('caps a sliding layer at its window', () => {
    expect(meanAttendedPositions(10_000, 50, 1024)).toBe(1024);
    expect(meanAttendedPositions(0, 1, 1024)).toBe(1);
  });
});
