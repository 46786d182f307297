import { describe, expect, it } from 'vitest';
import { cpuDevices, devices, integratedGpus } from '../device/devices.js';
import { estimateDetailed } from '../estimate/estimate.js';
import type { ScenarioInput } from '../estimate/scenario.js';

const models = ['llama-3.1-8b', 'qwen3-30b-a3b', 'gemma-3-4b'] as const;
const sample = <T>(xs: readonly T[], every: number): T[] => xs.filter((_, i) => i % every === 0);
const accelerators = [...sample(devices, 3), ...integratedGpus];

/** FLOP/s a prefill achieved (tokens/s × FLOPs per token) and the peak of the units it ran on. */
function achievedFlops(input: ScenarioInput): { achieved: number; peak: number; cpuOnly: boolean } {
  const e = estimateDetailed(input);
  const p = e.breakdown.prefill;
  return { achieved: p.tokensPerSecond * p.flopsPerToken, peak: p.peakFlops, cpuOnly: e.regime === 'cpu' };
}

describe('prefill physics', () => {
  it.each(models)('never runs %s faster than the device’s matmul peak allows', (model) => {
    for (const device of accelerators) {
      const { achieved, peak } = achievedFlops({
        model,
        quant: 'Q4_K_M',
        device: device.name,
        promptTokens: 2048,
      });
      expect(achieved, device.name).toBeLessThanOrEqual(peak * (1 + 1e-9));
    }
  });

  it.each(models)('never runs %s on a CPU faster than its int8 or FP32 peak allows', (model) => {
    for (const device of sample(cpuDevices, 2)) {
      const { achieved, peak, cpuOnly } = achievedFlops({ model, quant: 'Q4_K_M', device: device.name });
      expect(cpuOnly).toBe(true);
      expect(achieved, device.name).toBeLessThanOrEqual(peak * (1 + 1e-9));
    }
  });

  it('is slower on a GPU without usable matrix units than on one with them, at equal bandwidth', () => {
    const input = { model: 'llama-3.1-8b', quant: 'Q4_K_M' } as const;
    const pascal = estimateDetailed({ ...input, device: 'tesla p40' });
    const turing = estimateDetailed({ ...input, device: 'quadro rtx 6000' });
    expect(pascal.prefillTokensPerSecond).toBeLessThan(turing.prefillTokensPerSecond / 2);
    expect(pascal.basis).toMatch(/__dp4a/);
  });

  it('copies RAM-held weights per micro-batch only from llama.cpp’s op-offload batch of 32 on', () => {
    const input = { model: 'gemma-4-31b', quant: 'Q4_K_M', device: 'rtx 3060 12gb' } as const;
    const large = estimateDetailed({ ...input, promptTokens: 512 }).breakdown.prefill;
    const small = estimateDetailed({ ...input, promptTokens: 16 }).breakdown.prefill;
    expect(large.transferSeconds).toBeGreaterThan(0);
    expect(small.transferSeconds).toBe(0);
    expect(small.cpuSeconds).toBeGreaterThan(0);
  });

  it('reads every expert of an MoE per micro-batch, so short micro-batches cost more per token', () => {
    const input = {
      model: 'qwen3-30b-a3b',
      quant: 'Q4_K_M',
      device: 'rtx 4090',
      promptTokens: 2048,
    } as const;
    const big = estimateDetailed({ ...input, ubatchTokens: 512 });
    const tiny = estimateDetailed({ ...input, ubatchTokens: 32 });
    expect(tiny.prefillTokensPerSecond).toBeLessThan(big.prefillTokensPerSecond);
  });

  it('names what bounds it in the basis line', () => {
    const e = estimateDetailed({ model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'rtx 4090' });
    expect(e.basis).toMatch(/prefill compute-bound: MMQ int8 on tensor cores at \d+% of \d+ TFLOPS/);
    const cpu = estimateDetailed({ model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'raspberry pi 5' });
    expect(cpu.basis).toMatch(/prefill (compute|CPU)-bound: Raspberry Pi 5, 4 cores/);
    const spill = estimateDetailed({ model: 'gpt-oss-120b', quant: 'MXFP4', device: 'rtx 3060 12gb' });
    expect(spill.basis).toMatch(/prefill PCIe-bound: RAM-held weights copied to the GPU every micro-batch/);
  });

  it('names MoE overhead when routing and gathers, not the matmuls, take most of a micro-batch', () => {
    const e = estimateDetailed({ model: 'qwen3-30b-a3b', quant: 'Q4_K_M', device: 'rtx 4090' });
    const p = e.breakdown.prefill;
    expect(p.bound).toBe('experts');
    expect(p.fixedSeconds).toBeGreaterThan(p.computeSeconds + p.attentionSeconds);
    expect(e.basis).toMatch(/prefill MoE-overhead-bound: .* ms per MoE layer per micro-batch/);
  });
});
