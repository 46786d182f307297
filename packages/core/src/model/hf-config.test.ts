import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig, CliffbenchError } from '../index.js';

const validationFile = fileURLToPath(
  new URL('../../../../../shared/reference/validation-public.jsonl', import.meta.url),
);

const codeOf = (fn: () => unknown): { code: string; message: string; field?: unknown } => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliffbenchError)
      return { code: error.code, message: error.message, field: error.detail.field };
    throw error;
  }
  throw new Error('expected a CliffbenchError');
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
        hidden_size: 256,
        num_hidden_layers: 6,
        intermediate_size: 512,
        num_attention_heads: 4,
        num_key_value_heads: 2,
        num_global_key_value_heads: 1,
        head_dim: 64,
        global_head_dim: 128,
        vocab_size: 1024,
        sliding_window: 32,
        layer_types: [
          'sliding_attention',
          'sliding_attention',
          'full_attention',
          'sliding_attention',
          'sliding_attention',
          'full_attention',
        ],
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

  it('derives Gemma 3 global layers from sliding_window_pattern', () => {
    const arch = architectureFromHfConfig({
      model_type: 'gemma3_text',
      hidden_size: 1152,
      num_hidden_layers: 12,
      intermediate_size: 6912,
      num_attention_heads: 4,
      num_key_value_heads: 1,
      vocab_size: 262144,
      sliding_window: 512,
      sliding_window_pattern: 6,
    });
    expect(arch.layers.map((l) => l.attention === 'full')).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(arch.slidingWindow).toBe(512);
  });

  it('names the missing field', () => {
    const e = codeOf(() =>
      architectureFromHfConfig({ model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32 }),
    );
    expect(e.code).toBe('invalid-config');
    expect(e.message).toContain('num_attention_heads');
  });

  it('rejects an unknown model_type and lists the supported ones', () => {
    const e = codeOf(() => architectureFromHfConfig({ model_type: 'rwkv7' }));
    expect(e.code).toBe('unsupported-architecture');
    expect(e.message).toContain('llama');
  });

  it('rejects input that is not a config object', () => {
    expect(codeOf(() => architectureFromHfConfig([1, 2])).code).toBe('invalid-config');
    expect(codeOf(() => architectureFromHfConfig({ hidden_size: 1 })).field).toBe('model_type');
    expect(codeOf(() => architectureFromHfConfig({ model_type: 'llama', hidden_size: -5 })).code).toBe(
      'invalid-config',
    );
  });

  it('rejects sliding layers without a window size', () => {
    const e = codeOf(() =>
      architectureFromHfConfig({
        model_type: 'gpt_oss',
        hidden_size: 64,
        num_hidden_layers: 2,
        intermediate_size: 64,
        num_attention_heads: 4,
        vocab_size: 100,
        num_local_experts: 4,
        num_experts_per_tok: 2,
        layer_types: ['sliding_attention', 'full_attention'],
      }),
    );
    expect(e.field).toBe('sliding_window');
  });
});
