import { describe, expect, it } from 'vitest';
import {
  CliffbenchError,
  type EstimateError,
  type EstimateResult,
  resolveScenario,
  runBatch,
} from '../index.js';

const line = (o: Record<string, unknown>) =>
  JSON.stringify({ model: 'llama-3-8b', device: 'rtx 4090', ...o });
const isError = (r: EstimateResult | EstimateError): r is EstimateError => 'error' in r;

describe('resolveScenario: quant names and given sizes', () => {
  it('answers batch lines with Unsloth Dynamic names, with or without UD-, given a size or not', () => {
    const results = runBatch([
      line({ id: 'a', quant: 'Q4_K_XL', weightsBytes: 4917737553 }),
      line({ id: 'b', quant: 'UD-Q4_K_XL' }),
      line({ id: 'c', quant: 'UD-Q8_K_XL' }),
      line({ id: 'd', quant: 'UD-IQ1_S' }),
      line({ id: 'e', quant: 'IQ2_M' }),
    ]);
    for (const r of results) expect(isError(r), JSON.stringify(r)).toBe(false);
    const [a, b] = results as EstimateResult[];
    expect(a?.memory.weightsBytes).toBe(4917737553);
    expect(a?.basis).toMatch(/^Llama 3 8B UD-Q4_K_XL weights 4\.92 GB file size/);
    expect(b?.basis).toMatch(/UD-Q4_K_XL weights [\d.]+ GB predicted/);
  });

  it('estimates a label no mix models when the size is given, spread over the tensors as a 16-bit file', () => {
    const base = { model: 'qwen3-30b-a3b', device: 'rtx 3060 12gb', weightsBytes: 16_000_000_000 };
    const r = resolveScenario({ ...base, quant: 'IQ4_KSS' });
    const f16 = resolveScenario({ ...base, quant: 'F16' });
    expect(r.quantName).toBe('IQ4_KSS');
    expect(r.weightsSource).toBe('file size');
    expect(r.sums.totalBytes).toBe(16_000_000_000);
    expect(r.basis).toContain('quant IQ4_KSS not modelled: the given size is spread over the tensors');
    // the same proportions as an F16 file scaled to the same size: same memory, same placement
    expect(r.weights.byGroup).toEqual(f16.weights.byGroup);
    expect(r.sums.activeBytesPerToken).toBeCloseTo(f16.sums.activeBytesPerToken, 0);
    const [answer] = runBatch([line({ quant: 'IQ4_KSS', weightsBytes: 4917737553 })]) as EstimateResult[];
    expect(answer?.decodeTokensPerSecond).toBeGreaterThan(0);
    expect(answer?.basis).toContain('not modelled');
  });

  it('refuses a label no mix models without a size, saying how to give one', () => {
    try {
      resolveScenario({ model: 'llama-3-8b', device: 'rtx 4090', quant: 'IQ4_KSS' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliffbenchError);
      expect((e as CliffbenchError).code).toBe('unknown-quant');
      expect((e as CliffbenchError).message).toMatch(/weightsBytes.*--file-size/);
    }
    const [r] = runBatch([line({ id: 'x', quant: 'Q4_K_XXL' })]);
    expect(r).toEqual({ id: 'x', error: expect.stringMatching(/^Unknown quantisation "Q4_K_XXL"/) });
    expect(() =>
      resolveScenario({ model: 'llama-3-8b', device: 'rtx 4090', quant: 'x'.repeat(101) }),
    ).toThrow(/quant/);
  });
});
