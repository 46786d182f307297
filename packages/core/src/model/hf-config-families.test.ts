/**
 * config.json of the families beyond the catalog's (transformers configuration_<type>.py fields): what each field
 * makes of the layers, beside the cross-check against GGUF headers in src/import/gguf-families.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../test/family-headers.js';
import { kvCacheBytes, recurrentStateBytes } from '../footprint/kv-cache.js';
import { architectureFromHfConfig, CliffbenchError, supportedModelTypes, tensorsOf } from '../index.js';

const MIB = 2 ** 20;
const configOf = (arch: string) =>
  FAMILIES.find((c) => c.ggufArch === arch)?.config as Record<string, unknown>;

/** deepseek-ai/DeepSeek-V3 config.json (configuration_deepseek_v3.py fields). */
const DEEPSEEK_V3 = {
  model_type: 'deepseek_v3',
  hidden_size: 7168,
  intermediate_size: 18432,
  moe_intermediate_size: 2048,
  num_hidden_layers: 61,
  num_nextn_predict_layers: 1,
  num_attention_heads: 128,
  num_key_value_heads: 128,
  n_shared_experts: 1,
  n_routed_experts: 256,
  num_experts_per_tok: 8,
  first_k_dense_replace: 3,
  moe_layer_freq: 1,
  kv_lora_rank: 512,
  q_lora_rank: 1536,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  v_head_dim: 128,
  topk_method: 'noaux_tc',
  vocab_size: 129280,
  max_position_embeddings: 163840,
  tie_word_embeddings: false,
  rope_scaling: { type: 'yarn', factor: 40, original_max_position_embeddings: 4096 },
};

describe('architectureFromHfConfig: the families beyond the catalog', () => {
  it('accepts their model_types', () => {
    for (const t of [
      'deepseek_v2',
      'deepseek_v3',
      'glm4_moe',
      'phi3',
      'qwen3_next',
      'gemma3n',
      'gemma3n_text',
    ])
      expect(supportedModelTypes).toContain(t);
    for (const t of ['cohere2', 'olmo2', 'granite', 'exaone4', 'mistral3'])
      expect(supportedModelTypes).toContain(t);
  });

  it('DeepSeek-V3: latent attention with a compressed query, 3 dense layers, 256 experts + 1 shared, as its GGUFs hold it', () => {
    const a = architectureFromHfConfig(DEEPSEEK_V3);
    expect(a.layers.slice(0, 4).map((l) => l.ffn.kind)).toEqual(['dense', 'dense', 'dense', 'moe']);
    expect(a.layers[3]?.ffn).toEqual({
      kind: 'moe',
      experts: 256,
      expertsUsed: 8,
      expertIntermediate: 2048,
      sharedIntermediate: 2048,
    });
    expect(a.layers[0]).toMatchObject({
      headCount: 128,
      kvHeadCount: 1,
      headDimK: 192,
      headDimV: 128,
      mla: { kvLoraRank: 512, qLoraRank: 1536, ropeDim: 64 },
    });
    // The converter drops DeepSeek-V3's MTP layer (conversion/deepseek.py skip_mtp).
    expect(a.mtpLayers).toBeUndefined();
    const tensors = tensorsOf(a);
    expect(tensors.filter((t) => t.name === 'blk.3.exp_probs_b.bias')).toHaveLength(1);
    expect(tensors.find((t) => t.name === 'blk.0.attn_q_b.weight')?.shape).toEqual([1536, 128 * 192]);
    // Files of the pre-MLA converter hold attn_kv_b where current ones hold attn_k_b + attn_v_b (one tensor a layer
    // fewer, the same parameters): "… 1025 tensors" and "model params = 671.03 B" in llama.cpp logs of
    // DeepSeek-V3 and R1 GGUFs (search index files 49073766711, 17125236548).
    expect(tensors.length - 61).toBe(1025);
    expect((tensors.reduce((s, t) => s + t.elements, 0) / 1e9).toFixed(2)).toBe('671.03');
    // One latent of 512 + 64 per token and layer: 274.5 MiB at 4096 tokens in f16, no V.
    expect(kvCacheBytes(a, 4096) / MIB).toBe(274.5);
  });

  it('DeepSeek-V3 in a pre-MLA file: the K (q5_0) and V (f16) caches llama.cpp logged at 4096 tokens', () => {
    // "KV self size = 11834.00 MiB, K (q5_0): 4026.00 MiB, V (f16): 7808.00 MiB" for 61 layers at 4096 cells
    // (search index file 49073766711): 128 KV heads of K 192 and V 128 per layer, no latent.
    const a = architectureFromHfConfig(DEEPSEEK_V3);
    const legacy = {
      ...a,
      layers: a.layers.map(({ mla: _m, ...l }) => ({ ...l, kvHeadCount: 128 })),
    };
    expect(kvCacheBytes(legacy, 4096, { k: 'q5_0', v: 'f16' }) / MIB).toBe(11834);
  });

  it('Qwen3-Next: layer_types with linear_attention or the full_attention_interval give the same layers', () => {
    const base = configOf('qwen3next');
    const layerTypes = Array.from({ length: 48 }, (_, i) =>
      (i + 1) % 4 === 0 ? 'full_attention' : 'linear_attention',
    );
    const a = architectureFromHfConfig(base);
    const b = architectureFromHfConfig({ ...base, layer_types: layerTypes, full_attention_interval: 2 });
    expect(b.layers).toEqual(a.layers);
    expect(a.layers.filter((l) => l.recurrent)).toHaveLength(36);
    expect(a.layers[3]).toMatchObject({ headCount: 16, kvHeadCount: 2, headDimK: 256 });
    expect(a.layers[0]?.recurrent).toEqual({
      kind: 'gated-delta-net',
      convState: 3 * (4096 + 2 * 16 * 128),
      ssmState: 128 * 4096,
      convKernel: 4,
      innerSize: 4096,
      stateSize: 128,
      groups: 16,
      timeStepRank: 32,
    });
    expect(recurrentStateBytes(a) / MIB).toBe(75.375);
  });

  it('EXAONE 4.0 with sliding_window null (the 1.2B) attends over the whole context in every layer', () => {
    const a = architectureFromHfConfig({
      ...configOf('exaone4'),
      num_hidden_layers: 30,
      sliding_window: null,
      sliding_window_pattern: 4,
    });
    expect(a.layers.every((l) => l.attention === 'full')).toBe(true);
    expect(a.slidingWindow).toBeUndefined();
  });

  it('EXAONE 4.0: an integer sliding_window_pattern, a "LLLG" string and layer_types agree', () => {
    const c = configOf('exaone4');
    const types = Array.from({ length: 64 }, (_, i) =>
      (i + 1) % 4 === 0 ? 'full_attention' : 'sliding_attention',
    );
    const byString = architectureFromHfConfig(c);
    expect(architectureFromHfConfig({ ...c, sliding_window_pattern: 4 }).layers).toEqual(byString.layers);
    expect(architectureFromHfConfig({ ...c, layer_types: types }).layers).toEqual(byString.layers);
  });

  it('Phi-3.5: longrope as a scaling of 32 from 4096 tokens, with its two factor tensors; no sliding window', () => {
    const a = architectureFromHfConfig(configOf('phi3'));
    expect(a.ropeScaling).toEqual({ type: 'longrope', factor: 32, originalContext: 4096 });
    expect(a.slidingWindow).toBeUndefined();
    const names = tensorsOf(a).map((t) => t.name);
    expect(names).toContain('rope_factors_long.weight');
    expect(names).toContain('blk.0.attn_qkv.weight');
    expect(tensorsOf(a).find((t) => t.name === 'blk.0.ffn_up.weight')?.shape).toEqual([3072, 2 * 8192]);
  });

  it('GLM-4.5-Air keeps its MTP block after the layers, with the KV cache llama.cpp allocates for it', () => {
    const a = architectureFromHfConfig(configOf('glm4moe'));
    expect(a.layers).toHaveLength(46);
    expect(a.mtpLayers).toHaveLength(1);
    expect(a.mtpKvCached).toBe(true);
    expect(tensorsOf(a).filter((t) => t.layer === 46)).toHaveLength(23);
  });

  it('names the missing MLA field of a DeepSeek config', () => {
    const { kv_lora_rank: _k, ...rest } = DEEPSEEK_V3;
    try {
      architectureFromHfConfig(rest);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(CliffbenchError);
      expect((error as CliffbenchError).detail.field).toBe('kv_lora_rank');
    }
  });
});
