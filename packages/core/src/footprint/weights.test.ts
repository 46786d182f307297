import { describe, expect, it } from 'vitest';
import {
  type FixtureShape,
  fixtureArch,
  fixtureTensors,
  llama2_7b,
  qwen3_30b_a3b,
} from '../../test/weights-fixtures.js';
import {
  CliffbenchError,
  findQuant,
  quantizeTensors,
  scaleBreakdownToFileSize,
  weightBreakdown,
} from '../index.js';

const breakdown = (shape: FixtureShape, mix: string) => {
  const arch = fixtureArch(shape);
  const tensors = quantizeTensors(fixtureTensors(shape), findQuant(mix), arch);
  return { tensors, b: weightBreakdown(tensors, arch) };
};
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const bytesOf = (ts: { name: string; bytes: number }[], name: string) =>
  ts.find((t) => t.name === name)?.bytes ?? 0;

describe('weightBreakdown', () => {
  it('adds the same bytes whether summed by group, by layer or in total', () => {
    for (const [shape, mix] of [
      [llama2_7b, 'Q4_K_M'],
      [qwen3_30b_a3b, 'Q8_0'],
    ] as const) {
      const { tensors, b } = breakdown(shape, mix);
      expect(b.totalBytes).toBe(sum(tensors.map((t) => t.bytes)));
      expect(sum(Object.values(b.byGroup))).toBe(b.totalBytes);
      expect(sum(b.perLayerBytes) + b.nonRepeatingBytes).toBe(b.totalBytes);
      expect(b.perLayerBytes.length).toBe(shape.layers);
    }
  });

  it('reads everything but the embedding table per token in a dense model', () => {
    const { tensors, b } = breakdown(llama2_7b, 'Q4_K_M');
    const embd = bytesOf(tensors, 'token_embd.weight');
    expect(b.activeBytesPerToken).toBeCloseTo(b.totalBytes - embd + embd / llama2_7b.vocab, 3);
    expect(b.outputHeadBytes).toBe(bytesOf(tensors, 'output.weight'));
    expect(b.lookupTableBytes).toBe(embd);
    expect(sum(b.expertBytesPerLayer)).toBe(0);
  });

  it('reads a tied embedding in full once, as the output head', () => {
    const { tensors, b } = breakdown({ ...llama2_7b, tied: true }, 'Q4_K_M');
    const embd = bytesOf(tensors, 'token_embd.weight');
    expect(b.outputHeadBytes).toBe(embd);
    expect(b.activeBytesPerToken).toBeCloseTo(b.totalBytes + embd / llama2_7b.vocab, 3);
  });

  it('reads top-k of E routed experts per token in an MoE model', () => {
    const { tensors, b } = breakdown(qwen3_30b_a3b, 'Q8_0');
    const experts = sum(tensors.filter((t) => t.group === 'experts').map((t) => t.bytes));
    const embd = bytesOf(tensors, 'token_embd.weight');
    expect(sum(b.expertBytesPerLayer)).toBe(experts);
    expect(b.byGroup.experts).toBe(experts);
    const expected = b.totalBytes - experts * (1 - 8 / 128) - embd + embd / qwen3_30b_a3b.vocab;
    expect(b.activeBytesPerToken).toBeCloseTo(expected, 3);
    expect(b.activeBytesPerToken).toBeLessThan(0.15 * b.totalBytes);
  });

  it('scales every figure to a known file size and keeps their proportions', () => {
    const { b } = breakdown(qwen3_30b_a3b, 'Q4_K_M');
    const scaled = scaleBreakdownToFileSize(b, 1.1 * b.totalBytes);
    expect(scaled.totalBytes).toBeCloseTo(1.1 * b.totalBytes, 0);
    expect(scaled.activeBytesPerToken / scaled.totalBytes).toBeCloseTo(
      b.activeBytesPerToken / b.totalBytes,
      12,
    );
    expect(scaled.byGroup.experts).toBeCloseTo(1.1 * b.byGroup.experts, 0);
    expect(sum(scaled.perLayerBytes) + scaled.nonRepeatingBytes).toBeCloseTo(scaled.totalBytes, 0);
    const onDisk = scaleBreakdownToFileSize(b, b.totalBytes + 5e6, 5e6);
    expect(onDisk.totalBytes).toBe(b.totalBytes);
  });

  it('refuses to scale to a size that leaves no room for tensors', () => {
    const { b } = breakdown(llama2_7b, 'Q4_0');
    expect(() => scaleBreakdownToFileSize(b, 0)).toThrowError(CliffbenchError);
    expect(() => scaleBreakdownToFileSize(b, 1e6, 2e6)).toThrowError(/larger than its header/);
  });
});
