import { describe, expect, it } from 'vitest';
import {
  architectureFromHfConfig,
  CliffbenchError,
  catalogConfig,
  findModel,
  models,
  tensorsOf,
} from '../index.js';

const params = (id: string) => tensorsOf(findModel(id)).reduce((a, t) => a + t.elements, 0);
/** Parameters without the attn_k/attn_v that ggml-org's E-model files keep in KV-shared layers. */
const usedParams = (id: string) => {
  const m = findModel(id);
  return tensorsOf(m)
    .filter(
      (t) =>
        !(
          t.layer !== null &&
          m.layers[t.layer]?.kvSharedFrom !== undefined &&
          /attn_[kv](_norm)?\./.test(t.name)
        ),
    )
    .reduce((a, t) => a + t.elements, 0);
};

describe('model catalog', () => {
  it('counts the Gemma 4 text decoders as gemma4.md computes them from the configs', () => {
    // gemma4.md §0 "Text-decoder params (computed, exact)", reconciled there with the HF safetensors totals.
    const expected: Record<string, number> = {
      'gemma-4-e2b': 4_628_569_379,
      'gemma-4-e4b': 7_463_013_418,
      'gemma-4-12b': 11_907_350_320,
      'gemma-4-26b-a4b': 25_233_141_790,
      'gemma-4-31b': 30_697_345_340,
    };
    for (const [id, n] of Object.entries(expected)) expect(usedParams(id) / n).toBeCloseTo(1, 3);
  });

  it('counts the reference models as their publishers state them', () => {
    // Llama 2 paper 6.74B; Meta Llama 3 8.03B; gpt-oss model card 20.9B / 116.8B; Qwen3-30B-A3B 30.5B; Gemma 3 (gemma4.md §9).
    const expected: Record<string, number> = {
      'llama-2-7b': 6.74e9,
      'llama-3-8b': 8.03e9,
      'gpt-oss-20b': 20.9e9,
      'gpt-oss-120b': 116.8e9,
      'qwen3-30b-a3b': 30.5e9,
      'gemma-3-27b': 27.009e9,
      'gemma-3-4b': 3.88e9,
    };
    for (const [id, n] of Object.entries(expected)) expect(params(id) / n).toBeCloseTo(1, 2);
  });

  it('keeps KV caches only in the layers that own them (Gemma 4 E2B 15, E4B 24)', () => {
    const owners = (id: string) => findModel(id).layers.filter((l) => l.kvSharedFrom === undefined).length;
    expect(owners('gemma-4-e2b')).toBe(15);
    expect(owners('gemma-4-e4b')).toBe(24);
    expect(owners('gemma-4-31b')).toBe(60);
  });

  it('points each KV-shared layer at the last owning layer of the same kind', () => {
    const e2b = findModel('gemma-4-e2b');
    expect(e2b.layers[15]?.kvSharedFrom).toBe(13);
    expect(e2b.layers[19]?.kvSharedFrom).toBe(14);
    const e4b = findModel('gemma-4-e4b');
    expect(e4b.layers[24]?.kvSharedFrom).toBe(22);
    expect(e4b.layers[29]?.kvSharedFrom).toBe(23);
  });

  it('gives Gemma 4 global layers 512-wide heads and, on the large models, no v_proj', () => {
    const m = findModel('gemma-4-31b');
    const globals = m.layers.filter((l) => l.attention === 'full');
    expect(globals).toHaveLength(10);
    expect(globals.every((l) => l.headDimK === 512 && l.kvHeadCount === 4 && !l.hasVProj)).toBe(true);
    expect(findModel('gemma-4-e4b').layers.every((l) => l.hasVProj)).toBe(true);
    expect(findModel('gemma-4-e2b').layers[20]?.ffn).toEqual({ kind: 'dense', intermediate: 12288 });
  });

  it('describes the 26B A4B as 128 experts, top-8, with a shared MLP in every layer', () => {
    const ffn = findModel('gemma-4-26b-a4b').layers[0]?.ffn;
    expect(ffn).toEqual({
      kind: 'moe',
      experts: 128,
      expertsUsed: 8,
      expertIntermediate: 704,
      sharedIntermediate: 2112,
    });
  });

  it('builds every entry from its config.json data through the importer', () => {
    for (const m of models) {
      const config = catalogConfig(m.id);
      expect(config).toBeDefined();
      expect(architectureFromHfConfig(config, { id: m.id, name: m.name, source: m.source })).toEqual(m);
    }
  });

  it('finds models by forgiving names and lists candidates otherwise', () => {
    expect(findModel('Gemma 4 31B').id).toBe('gemma-4-31b');
    expect(findModel('gemma4-26b-a4b').id).toBe('gemma-4-26b-a4b');
    expect(findModel('llama 3.1 8b').id).toBe('llama-3.1-8b');
    expect(findModel('E4B').id).toBe('gemma-4-e4b');
    try {
      findModel('gemma');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliffbenchError);
      expect((error as CliffbenchError).code).toBe('unknown-model');
      expect((error as CliffbenchError).detail.candidates).toContain('gemma-4-31b');
    }
  });

  it('names every tensor once', () => {
    for (const m of models) {
      const names = tensorsOf(m).map((t) => t.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
