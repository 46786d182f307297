import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig, CliffbenchError, tensorsOf } from '../index.js';

const validationFile = fileURLToPath(new URL('../../test/fixtures/validation-public.jsonl', import.meta.url));

const errorOf = (fn: () => unknown): CliffbenchError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliffbenchError) return error;
    throw error;
  }
  throw new Error('expected a CliffbenchError');
};

const LLAMA3_8B = {
  model_type: 'llama',
  hidden_size: 4096,
  num_hidden_layers: 32,
  intermediate_size: 14336,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  max_position_embeddings: 131072,
};
const LLAMA31_ROPE = {
  factor: 8.0,
  low_freq_factor: 1.0,
  high_freq_factor: 4.0,
  original_max_position_embeddings: 8192,
  rope_type: 'llama3',
};
/** A small Gemma 4 text config: 12 layers, the last 4 sharing KV. */
const GEMMA4_SMALL = {
  hidden_size: 256,
  num_hidden_layers: 12,
  intermediate_size: 512,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  head_dim: 64,
  global_head_dim: 128,
  vocab_size: 1024,
  sliding_window: 32,
};

describe('architectureFromHfConfig', () => {
  it('reads every config in the public validation set', () => {
    const rows = readFileSync(validationFile, 'utf8').split('\n').filter(Boolean);
    const types = new Set<string>();
    for (const line of rows) {
      const row = JSON.parse(line) as { model: { hfConfig: Record<string, unknown> } };
      const arch = architectureFromHfConfig(row.model.hfConfig);
      types.add(arch.modelType);
      expect(arch.layers).toHaveLength(row.model.hfConfig.num_hidden_layers as number);
    }
    expect([...types].sort()).toEqual(['gemma3_text', 'gpt_oss', 'llama', 'qwen2', 'qwen3_moe']);
  });

  it('reads a multimodal Gemma 4 config through its text_config', () => {
    const arch = architectureFromHfConfig({
      model_type: 'gemma4',
      tie_word_embeddings: true,
      text_config: {
        ...GEMMA4_SMALL,
        num_global_key_value_heads: 1,
        layer_types: Array.from({ length: 12 }, (_, i) =>
          i % 3 === 2 ? 'full_attention' : 'sliding_attention',
        ),
        attention_k_eq_v: true,
        enable_moe_block: true,
        num_experts: 4,
        top_k_experts: 2,
        moe_intermediate_size: 128,
      },
    });
    expect(arch.modelType).toBe('gemma4_text');
    expect(arch.tiedEmbeddings).toBe(true);
    expect(arch.layers[2]).toMatchObject({
      attention: 'full',
      kvHeadCount: 1,
      headDimK: 128,
      hasVProj: false,
    });
    expect(arch.layers[0]).toMatchObject({
      attention: 'sliding',
      kvHeadCount: 2,
      headDimK: 64,
      hasVProj: true,
    });
    expect(arch.layers[0]?.ffn).toEqual({
      kind: 'moe',
      experts: 4,
      expertsUsed: 2,
      expertIntermediate: 128,
      sharedIntermediate: 512,
    });
  });

  it('lays out Gemma 4 as transformers does when layer_types is absent: every 6th layer and the last global', () => {
    const arch = architectureFromHfConfig({
      model_type: 'gemma4_text',
      ...GEMMA4_SMALL,
      num_hidden_layers: 14,
    });
    const globals = arch.layers.flatMap((l, i) => (l.attention === 'full' ? [i] : []));
    expect(globals).toEqual([5, 11, 13]);
  });

  it('keeps the sliding KV heads on Gemma 4 global layers unless K=V is set', () => {
    const base = { model_type: 'gemma4_text', ...GEMMA4_SMALL, num_global_key_value_heads: 1 };
    expect(architectureFromHfConfig(base).layers[5]?.kvHeadCount).toBe(2);
    expect(architectureFromHfConfig({ ...base, attention_k_eq_v: true }).layers[5]?.kvHeadCount).toBe(1);
  });

  it('shares KV in the last layers, each reading the last owning layer of its kind, with double-wide FFNs', () => {
    const arch = architectureFromHfConfig({
      model_type: 'gemma4_text',
      ...GEMMA4_SMALL,
      num_kv_shared_layers: 4,
      use_double_wide_mlp: true,
      hidden_size_per_layer_input: 16,
    });
    // Layers 0-7 own KV (global: 5), 8-11 share: sliding → 7, global 11 → 5.
    expect(arch.layers.map((l) => l.kvSharedFrom ?? null)).toEqual([
      ...Array.from({ length: 8 }, () => null),
      7,
      7,
      7,
      5,
    ]);
    expect(arch.layers.map((l) => (l.ffn.kind === 'dense' ? l.ffn.intermediate : 0))).toEqual([
      ...Array.from({ length: 8 }, () => 512),
      ...Array.from({ length: 4 }, () => 1024),
    ]);
    expect(arch.perLayerInputSize).toBe(16);
  });

  it('reads Gemma 4 Unified (12B) as a wrapper or as its text config', () => {
    const text = { ...GEMMA4_SMALL, num_global_key_value_heads: 1, attention_k_eq_v: true };
    const wrapped = architectureFromHfConfig({ model_type: 'gemma4_unified', text_config: text });
    const flat = architectureFromHfConfig({ model_type: 'gemma4_unified_text', ...text });
    expect(wrapped.modelType).toBe('gemma4_unified_text');
    expect(wrapped.layers).toEqual(flat.layers);
    expect(wrapped.layers[5]).toMatchObject({ kvHeadCount: 1, hasVProj: false, headDimK: 128 });
  });

  it('reads a multimodal Gemma 3 config and derives global layers from sliding_window_pattern', () => {
    const arch = architectureFromHfConfig({
      model_type: 'gemma3',
      text_config: {
        hidden_size: 1152,
        num_hidden_layers: 12,
        intermediate_size: 6912,
        num_attention_heads: 4,
        num_key_value_heads: 1,
        vocab_size: 262144,
        sliding_window: 512,
        sliding_window_pattern: 6,
      },
    });
    expect(arch.modelType).toBe('gemma3_text');
    expect(arch.layers.flatMap((l, i) => (l.attention === 'full' ? [i] : []))).toEqual([5, 11]);
    expect(arch.slidingWindow).toBe(512);
    expect(arch.layers[0]?.headDimK).toBe(256);
  });

  it('records Llama 3.1 rope_scaling, in either spelling, and adds its rope_freqs tensor', () => {
    const old = architectureFromHfConfig({ ...LLAMA3_8B, rope_scaling: LLAMA31_ROPE });
    const v5 = architectureFromHfConfig({
      ...LLAMA3_8B,
      rope_parameters: { ...LLAMA31_ROPE, rope_theta: 500000 },
    });
    expect(old.ropeScaling).toEqual({ type: 'llama3', factor: 8, originalContext: 8192 });
    expect(v5.ropeScaling).toEqual(old.ropeScaling);
    expect(tensorsOf(old).find((t) => t.name === 'rope_freqs.weight')?.shape).toEqual([64]);
    const plain = architectureFromHfConfig({ ...LLAMA3_8B, rope_scaling: null });
    expect(plain.ropeScaling).toBeUndefined();
    expect(tensorsOf(plain).some((t) => t.name === 'rope_freqs.weight')).toBe(false);
  });

  it('attends over the whole context for Mistral and Qwen2 whatever sliding_window says, as llama.cpp does', () => {
    const mistral = architectureFromHfConfig({ ...LLAMA3_8B, model_type: 'mistral', sliding_window: 4096 });
    const qwen2 = architectureFromHfConfig({
      ...LLAMA3_8B,
      model_type: 'qwen2',
      use_sliding_window: false,
      sliding_window: 131072,
    });
    for (const arch of [mistral, qwen2]) {
      expect(arch.layers.every((l) => l.attention === 'full')).toBe(true);
      expect(arch.slidingWindow).toBeUndefined();
    }
  });

  it('keeps Qwen3-MoE layers in mlp_only_layers and off the sparse step dense', () => {
    const arch = architectureFromHfConfig({
      ...LLAMA3_8B,
      model_type: 'qwen3_moe',
      num_hidden_layers: 6,
      num_experts: 8,
      num_experts_per_tok: 2,
      moe_intermediate_size: 256,
      decoder_sparse_step: 2,
      mlp_only_layers: [3],
    });
    expect(arch.layers.map((l) => l.ffn.kind)).toEqual(['dense', 'moe', 'dense', 'dense', 'dense', 'moe']);
    expect(arch.layers[0]?.ffn).toEqual({ kind: 'dense', intermediate: 14336 });
  });

  it('gives gpt-oss its transformers defaults: alternating layers from sliding, a 128-token window', () => {
    const arch = architectureFromHfConfig({
      model_type: 'gpt_oss',
      hidden_size: 64,
      num_hidden_layers: 4,
      intermediate_size: 64,
      num_attention_heads: 4,
      vocab_size: 100,
      num_local_experts: 4,
      num_experts_per_tok: 2,
    });
    expect(arch.layers.map((l) => l.attention)).toEqual(['sliding', 'full', 'sliding', 'full']);
    expect(arch.slidingWindow).toBe(128);
  });

  it('counts parameters of any Llama-shaped config by the closed form', () => {
    fc.assert(
      fc.property(
        fc.record({
          d: fc.integer({ min: 1, max: 64 }).map((k) => 64 * k),
          layers: fc.integer({ min: 1, max: 80 }),
          heads: fc.constantFrom(8, 16, 32),
          groups: fc.constantFrom(1, 2, 4, 8),
          ff: fc.integer({ min: 64, max: 30000 }),
          vocab: fc.integer({ min: 1000, max: 300000 }),
          tied: fc.boolean(),
        }),
        ({ d, layers, heads, groups, ff, vocab, tied }) => {
          const arch = architectureFromHfConfig({
            model_type: 'llama',
            hidden_size: d,
            num_hidden_layers: layers,
            num_attention_heads: heads,
            num_key_value_heads: heads / groups,
            intermediate_size: ff,
            vocab_size: vocab,
            tie_word_embeddings: tied,
          });
          const kv = (d / groups) * 2;
          const perLayer = d * d * 2 + d * kv + 3 * d * ff + 2 * d;
          const expected = vocab * d * (tied ? 1 : 2) + layers * perLayer + d;
          expect(tensorsOf(arch).reduce((a, t) => a + t.elements, 0)).toBe(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('architectureFromHfConfig errors', () => {
  it('names a missing field and what it accepts', () => {
    const e = errorOf(() =>
      architectureFromHfConfig({ model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32 }),
    );
    expect(e.code).toBe('invalid-config');
    expect(e.detail.field).toBe('num_attention_heads');
    expect(e.message).toMatch(/"num_attention_heads" is missing; a llama config needs a positive integer/);
  });

  it('names a field of the wrong type', () => {
    const e = errorOf(() => architectureFromHfConfig({ ...LLAMA3_8B, hidden_size: '4096' }));
    expect(e.detail.field).toBe('hidden_size');
    expect(e.message).toMatch(/invalid/);
    expect(errorOf(() => architectureFromHfConfig({ ...LLAMA3_8B, num_hidden_layers: -5 })).code).toBe(
      'invalid-config',
    );
  });

  it('lists the accepted layer types', () => {
    const e = errorOf(() =>
      architectureFromHfConfig({
        model_type: 'gemma4_text',
        ...GEMMA4_SMALL,
        layer_types: ['linear_attention'],
      }),
    );
    expect(e.detail.field).toBe('layer_types.0');
    expect(e.message).toContain('"full_attention"');
  });

  it('says how many layer_types a config needs', () => {
    const e = errorOf(() =>
      architectureFromHfConfig({
        model_type: 'gemma4_text',
        ...GEMMA4_SMALL,
        layer_types: ['full_attention'],
      }),
    );
    expect(e.message).toMatch(/one per layer \(12\)/);
  });

  it('asks for the expert count of a Gemma 4 MoE block', () => {
    const e = errorOf(() =>
      architectureFromHfConfig({ model_type: 'gemma4_text', ...GEMMA4_SMALL, enable_moe_block: true }),
    );
    expect(e.detail.field).toBe('num_experts');
  });

  it('rejects an unknown model_type and lists the supported ones', () => {
    const e = errorOf(() => architectureFromHfConfig({ model_type: 'rwkv7' }));
    expect(e.code).toBe('unsupported-architecture');
    expect(e.message).toContain('gemma4');
    expect(e.message).toContain('qwen3_moe');
  });

  it('rejects input that is not a config object', () => {
    expect(errorOf(() => architectureFromHfConfig([1, 2])).code).toBe('invalid-config');
    expect(errorOf(() => architectureFromHfConfig(null)).code).toBe('invalid-config');
    expect(errorOf(() => architectureFromHfConfig({ hidden_size: 1 })).detail.field).toBe('model_type');
  });
});
