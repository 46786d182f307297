import { describe, expect, it } from 'vitest';
import { place } from '../placement/place.js';
import { decodeTime } from '../speed/decode.js';
import { prefillSums } from '../speed/prefill-sums.js';
import { estimate } from './estimate.js';
import { batchedStep, expertsTouchedFactor } from './parallel-slots.js';
import { resolveScenario } from './resolve-scenario.js';
import type { ScenarioInput } from './scenario.js';

/** The resolved scenario, its single-stream decode, and its KV seconds per token (decode time past the weights). */
function single(input: ScenarioInput) {
  const r = resolveScenario(input);
  const decode = decodeTime(r, place(r));
  let kvSeconds = 0;
  for (const t of decode.tiers)
    kvSeconds += t.seconds - (t.weightBytes > 0 ? t.weightBytes / t.bytesPerSecond : 0);
  return { r, decode, kvSeconds };
}

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

  it('one stream is exactly the single-stream decode', () => {
    for (const input of [BASE, { ...BASE, model: 'qwen3-30b-a3b' }, { ...BASE, device: 'p40' }]) {
      const { r, decode } = single(input);
      expect(batchedStep(r, decode, 1).seconds).toBe(decode.secondsPerToken);
    }
  });

  it('aggregate never falls and per-stream never rises as streams are added', () => {
    for (const input of [
      { ...BASE, depthTokens: 2048 },
      { ...BASE, model: 'qwen3-30b-a3b', depthTokens: 2048 },
      { ...BASE, device: 'p40' },
    ]) {
      const { r, decode } = single(input);
      let previous = batchedStep(r, decode, 1).seconds;
      for (let n = 2; n <= 32; n++) {
        const step = batchedStep(r, decode, n).seconds;
        expect(step).toBeGreaterThanOrEqual(previous); // per-stream 1/step never rises
        expect(n / step).toBeGreaterThan((n - 1) / previous); // aggregate rises
        previous = step;
      }
    }
  });

  it('an MoE reads the union of the experts its tokens route to, growing toward all of them', () => {
    // 128 experts, 8 per token: two tokens touch 128·(1 − (15/16)²) = 15.5 experts = 1.9375 × 8.
    expect(expertsTouchedFactor(128, 8, 1)).toBe(1);
    expect(expertsTouchedFactor(128, 8, 2)).toBeCloseTo(1.9375, 12);
    expect(expertsTouchedFactor(128, 8, 1000)).toBeCloseTo(128 / 8, 6);
    expect(expertsTouchedFactor(0, 0, 8)).toBe(1);
    const { r, decode, kvSeconds } = single({ ...BASE, model: 'qwen3-30b-a3b', depthTokens: 2048 });
    const ps = prefillSums(r.model, r.tensors);
    expect([ps.experts, ps.expertsUsed]).toEqual([128, 8]);
    const one = batchedStep(r, decode, 1);
    let previousExtra = 0;
    for (const n of [2, 4, 8, 16, 32]) {
      const step = batchedStep(r, decode, n);
      expect(step.expertFactor).toBeCloseTo(expertsTouchedFactor(128, 8, n), 12);
      // Weight bytes read beyond one token's, in seconds: grows with N (the KV part is N times one stream's).
      const extra = step.acceleratorMemorySeconds - one.acceleratorMemorySeconds - (n - 1) * kvSeconds;
      expect(extra).toBeGreaterThan(previousExtra);
      previousExtra = extra;
    }
  });

  it("a dense model's weights are read once per step: memory grows by the streams' KV reads only", () => {
    const { r, decode, kvSeconds } = single({ ...BASE, depthTokens: 2048 });
    const one = batchedStep(r, decode, 1);
    expect(kvSeconds).toBeGreaterThan(0);
    for (const n of [2, 8, 32]) {
      const step = batchedStep(r, decode, n);
      expect(step.expertFactor).toBe(1);
      expect(step.acceleratorMemorySeconds - one.acceleratorMemorySeconds).toBeCloseTo(
        (n - 1) * kvSeconds,
        12,
      );
    }
  });

  it('a small GPU is compute-bound at 32 streams', () => {
    // Tesla P40 (Pascal: MMQ with __dp4a, 4 × 11.76 TFLOPS int8 at the fitted efficiency ≈ 13.2 TFLOPS),
    // Llama 3.1 8B Q4_K_M: P ≈ 6.98e9 matmul parameters + ≈ 0.70e9 for the output head (from its bytes).
    // 31 more tokens cost 2 × 7.68e9 × 31 / 13.2e12 ≈ 36 ms of matmuls (the tile-occupancy intercept cancels
    // in the growth) against < 1 ms of extra KV reads: step ≈ 18.2 + 36 = 54 ms, 32 / 54 ms ≈ 590 tok/s.
    const { r, decode, kvSeconds } = single({ ...BASE, device: 'p40' });
    const s = r.sums;
    const ps = prefillSums(r.model, r.tensors);
    const params = ps.denseParams + (s.outputActiveBytes * s.activeParams) / s.activeBytesPerToken;
    const step = batchedStep(r, decode, 32);
    expect(step.bound).toBe('compute');
    const growth = (2 * params * 31) / r.speed.prefill.gpuQuantFlops;
    expect(growth).toBeGreaterThan(31 * kvSeconds);
    expect(step.seconds).toBeCloseTo(decode.secondsPerToken + growth, 9);
    expect(32 / step.seconds).toBeGreaterThan(500);
    expect(32 / step.seconds).toBeLessThan(700);
    // A large GPU at 2 streams is still memory-bound.
    const big = single({ ...BASE, depthTokens: 2048 });
    expect(batchedStep(big.r, big.decode, 2).bound).toBe('memory');
  });
});
