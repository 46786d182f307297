import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate/estimate.js';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import type { ScenarioInput } from '../estimate/scenario.js';
import { place } from '../placement/place.js';
import { pipelineSeconds, prefillTimeAnyGpus, SCHED_MAX_COPIES } from './multi-gpu-prefill.js';
import { prefillTime } from './prefill.js';

const stages = (gpus: number, batches: number, s = 1): number[][] =>
  Array.from({ length: gpus }, () => Array.from({ length: batches }, () => s));

describe('pipelineSeconds', () => {
  it('one micro-batch passes the GPUs one after another', () => {
    expect(pipelineSeconds([[1], [2], [3]], 4)).toBe(6);
  });

  it('equal stages with enough graph copies: fill the pipe, then one stage per micro-batch', () => {
    // D GPUs, U micro-batches: (U + D − 1) stage times.
    expect(pipelineSeconds(stages(2, 8), 8)).toBe(9);
    expect(pipelineSeconds(stages(4, 8), 8)).toBe(11);
  });

  it('with fewer graph copies than GPUs, a micro-batch waits for its copy to leave the last GPU', () => {
    // 8 GPUs, 4 copies: batches 0-3 finish at 8..11; batch 4 enters at 8 (batch 0's copy is free), ... 7 ends 19.
    expect(pipelineSeconds(stages(8, 8), 4)).toBe(19);
    expect(pipelineSeconds(stages(8, 8), 4)).toBeGreaterThan(pipelineSeconds(stages(8, 8), 8));
  });

  it('the slowest GPU sets the pace of a long prompt', () => {
    const slow = [Array.from({ length: 64 }, () => 1), Array.from({ length: 64 }, () => 3)];
    const t = pipelineSeconds(slow, SCHED_MAX_COPIES);
    expect(t).toBeGreaterThanOrEqual(64 * 3);
    expect(t).toBeLessThan(64 * 3 + 2);
  });
});

describe('prefill on several GPUs (layer split)', () => {
  const model = { model: 'llama-3-8b', quant: 'Q4_K_M', backend: 'cuda' } as const;
  const at = (promptTokens: number, device: string): number => {
    const s: ScenarioInput = { ...model, device, promptTokens, contextTokens: promptTokens };
    return estimate(s).prefillTokensPerSecond;
  };

  it('a one-micro-batch prompt gains nothing from a second card (the hand-over costs a little)', () => {
    const one = at(512, 'rtx 4090');
    const two = at(512, '2x rtx 4090');
    expect(two).toBeLessThanOrEqual(one);
    expect(two).toBeGreaterThan(one * 0.9);
  });

  it('a long prompt is pipelined: faster on two cards, faster again on four, never past min(GPUs, 4) ×', () => {
    const one = at(4096, 'rtx 4090');
    const two = at(4096, '2x rtx 4090');
    const four = at(4096, '4x rtx 4090');
    const eight = at(4096, '8x rtx 4090');
    expect(two).toBeGreaterThan(one * 1.3);
    expect(two).toBeLessThan(one * 2);
    expect(four).toBeGreaterThan(two);
    expect(eight).toBeLessThan(one * SCHED_MAX_COPIES);
  });

  it('no pipeline when a layer stays in RAM: the same split prefilled as on one card, plus the hand-overs', () => {
    const r = resolveScenario({
      model: 'llama-3-70b',
      quant: 'Q4_K_M',
      backend: 'cuda',
      device: '2x rtx 3060 12gb',
      promptTokens: 4096,
      contextTokens: 4096,
    });
    const p = place(r);
    expect(p.regime).toBe('partial-offload');
    const plain = prefillTime(r, p).seconds;
    const split = prefillTimeAnyGpus(r, p).seconds;
    expect(split).toBeGreaterThan(plain);
    expect(split).toBeLessThan(plain * 1.05);
  });
});
