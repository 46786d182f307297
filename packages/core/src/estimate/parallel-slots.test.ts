import { describe, expect, it } from 'vitest';
import { estimate } from './estimate.js';

const BASE = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 3090', contextTokens: 16384 } as const;
const GEMMA3 = { model: 'gemma-3-27b', quant: 'Q4_K_M', device: 'rtx 3090', contextTokens: 16384 } as const;

describe('parallel streams', () => {
  it('llama-server -np shares -c across slots: a full-attention model allocates the same cache', () => {
    const one = estimate(BASE);
    const four = estimate({ ...BASE, parallel: 4 });
    expect(four.memory.kvCacheBytes).toBe(one.memory.kvCacheBytes);
    expect(four.parallel?.contextPerStream).toBe(4096);
    expect(one.parallel).toBeUndefined();
  });

  it('--kv-unified lets every slot use the whole context', () => {
    const unified = estimate({ ...BASE, parallel: 4, kvUnified: true });
    expect(unified.parallel?.contextPerStream).toBe(16384);
    expect(unified.memory.kvCacheBytes).toBe(estimate(BASE).memory.kvCacheBytes);
  });

  it("Ollama's OLLAMA_NUM_PARALLEL multiplies the allocated context", () => {
    const one = estimate(BASE);
    const four = estimate({ ...BASE, parallel: 4, parallelRuntime: 'ollama' });
    expect(four.memory.kvCacheBytes).toBeCloseTo(4 * one.memory.kvCacheBytes, -6);
    expect(four.parallel?.contextPerStream).toBe(16384);
  });

  it('sliding-window layers keep one window per slot', () => {
    const one = estimate(GEMMA3);
    const four = estimate({ ...GEMMA3, parallel: 4 });
    expect(four.memory.kvCacheBytes).toBeGreaterThan(one.memory.kvCacheBytes);
  });

  it('each stream decodes slower, all together faster', () => {
    const one = estimate({ ...BASE, depthTokens: 2048 });
    const four = estimate({ ...BASE, depthTokens: 2048, parallel: 4 });
    const p = four.parallel;
    expect(p?.perStreamTokensPerSecond ?? 0).toBeLessThan(one.decodeTokensPerSecond);
    expect(p?.aggregateTokensPerSecond ?? 0).toBeGreaterThan(2 * one.decodeTokensPerSecond);
    expect(p?.aggregateTokensPerSecond ?? 0).toBeLessThanOrEqual(4 * one.decodeTokensPerSecond);
  });
});
