/**
 * What the new layer kinds cost in the estimate: MTP blocks (in the file, neither loaded nor read by llama.cpp) and
 * recurrent state (read and written back by every decoded token).
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, type FamilyCase } from '../../test/family-headers.js';
import { type GgufValue, writeTypedGguf } from '../../test/gguf-writer.js';
import { kvReadBytesAveraged, recurrentStateBytes } from '../footprint/kv-cache.js';
import {
  architectureFromHfConfig,
  estimateDetailed,
  findQuant,
  quantizeTensors,
  readGgufHeader,
  resolveScenario,
  tensorsOf,
} from '../index.js';

async function headerOf(arch: string) {
  const c = FAMILIES.find((f) => f.ggufArch === arch) as FamilyCase;
  const a = architectureFromHfConfig(c.config);
  const tensors = quantizeTensors(tensorsOf(a), findQuant('Q4_K_M'), a);
  const keys: Record<string, GgufValue> = Object.fromEntries(
    Object.entries(c.keys).map(([k, v]) => [`${arch}.${k}`, v]),
  );
  return readGgufHeader(writeTypedGguf({ 'general.architecture': arch, ...keys }, tensors));
}

describe('model sums of the new layer kinds', () => {
  it('keeps GLM-4.5-Air’s MTP block out of memory and out of the bytes a token reads', async () => {
    const model = await headerOf('glm4moe');
    const r = resolveScenario(
      { model: 'glm', quant: 'Q4_K_M', device: 'rtx 4090', contextTokens: 8192 },
      { model: model.architecture, tensors: model.tensors, quantName: 'Q4_K_M' },
    );
    const mtp = model.tensors.filter((t) => t.layer === 46).reduce((a, t) => a + t.bytes, 0);
    const heldBytes = (r.sums.cumLayerBytes[46] ?? 0) + r.sums.outputSideBytes + r.sums.lookupBytes;
    expect(mtp).toBeGreaterThan(1e9);
    expect(heldBytes).toBe(r.sums.totalBytes - mtp);
    // Read per token outside the layers: the output head, norms and one row of the embedding table only.
    const outside = model.tensors
      .filter((t) => t.layer === null && t.name !== 'token_embd.weight')
      .reduce((a, t) => a + t.bytes, 0);
    const embdRow = (model.tensors.find((t) => t.name === 'token_embd.weight')?.bytes ?? 0) / 151552;
    expect(r.sums.outputActiveBytes).toBeCloseTo(outside + embdRow, 0);
  });

  it('reads and writes Qwen3-Next’s recurrent state with every token, beside the KV reads', async () => {
    const model = await headerOf('qwen3next');
    const a = model.architecture;
    const e = estimateDetailed(
      { model: 'q3n', quant: 'Q4_K_M', device: 'H100 SXM5 80GB', contextTokens: 8192, depthTokens: 4096 },
      { model: a, tensors: model.tensors, quantName: 'Q4_K_M' },
    );
    const generated = 128;
    expect(e.breakdown.decode.kvBytes).toBeCloseTo(kvReadBytesAveraged(a, 4096, generated), 0);
    const attentionOnly = kvReadBytesAveraged(
      { ...a, layers: a.layers.map(({ recurrent: _r, ...l }) => l) },
      4096,
      generated,
    );
    expect(e.breakdown.decode.kvBytes - attentionOnly).toBeCloseTo(2 * recurrentStateBytes(a), 0);
  });
});
