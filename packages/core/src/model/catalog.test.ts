import { describe, expect, it } from 'vitest';
import { architectureFromHfConfig, catalogConfig, findModel, models, tensorsOf } from '../index.js';

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
  it('counts the Gemma 4 text decoders as computed from their configs', () => {
    // Text-decoder parameters computed from the models' configs (huggingface/transformers
    // src/transformers/models/gemma4/convert_gemma4_weights.py `_VARIANTS` and modular_gemma4.py; for the
    // 12B models/gemma4_unified/convert_gemma4_unified_weights.py; config.json of
    // huggingface.co/google/gemma-4-E4B-it and its siblings), reconciled exactly with the safetensors
    // parameter totals the Hugging Face API reports.
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
    // Llama 2 paper 6.74B; Meta Llama 3 8.03B, 3.1 70B 70.6B; gpt-oss model card 20.9B / 116.8B; Qwen model cards
    // (Qwen3-30B-A3B 30.5B, Qwen2.5-7B 7.61B, Qwen3-8B 8.2B, Qwen3-32B 32.8B); Mistral 7B v0.3 7.25B;
    // Gemma 3 text parameters computed from its configs (config.json of huggingface.co/google/gemma-3-4b-it;
    // the 27B's as quoted in AI-Hypercomputer/maxtext MaxText/utils/ckpt_conversion/utils/hf_model_configs.py).
    const expected: Record<string, number> = {
      'llama-2-7b': 6.74e9,
      'llama-3-8b': 8.03e9,
      'gpt-oss-20b': 20.9e9,
      'gpt-oss-120b': 116.8e9,
      'qwen3-30b-a3b': 30.5e9,
      'gemma-3-27b': 27.009e9,
      'gemma-3-4b': 3.88e9,
      'mistral-7b': 7.25e9,
      'qwen2.5-7b': 7.61e9,
      'qwen3-8b': 8.19e9,
      'qwen3-32b': 32.8e9,
      'llama-3.1-70b': 70.6e9,
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

  it('names every tensor once', () => {
    for (const m of models) {
      const names = tensorsOf(m).map((t) => t.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('has as many tensors as the published GGUF files of the same models', () => {
    // llama.cpp load logs ("llama_model_loader: loaded meta data with … N tensors") of the common GGUFs.
    const published: Record<string, number> = {
      'llama-2-7b': 291,
      'llama-3.1-8b': 292,
      'qwen2.5-7b': 339,
      'gpt-oss-20b': 459,
      'qwen3-30b-a3b': 579,
    };
    for (const [id, n] of Object.entries(published)) expect(tensorsOf(findModel(id)), id).toHaveLength(n);
  });

  it('names tensors as llama.cpp does (src/llama-arch.cpp LLM_TENSOR_NAMES)', () => {
    const global =
      /^(token_embd|output|output_norm|rope_freqs|per_layer_token_embd|per_layer_model_proj|per_layer_proj_norm)\.weight$/;
    const block =
      /^blk\.\d+\.(attn_(norm|q|k|v|output|q_norm|k_norm|sinks)|post_attention_norm|ffn_(norm|gate|up|down|gate_inp|gate_exps|up_exps|down_exps|gate_up_exps)|pre_ffw_norm_2|post_ffw_norm(_1|_2)?|inp_gate|proj|post_norm|layer_output_scale)\.(weight|bias|scale)$/;
    for (const m of models) {
      for (const t of tensorsOf(m))
        expect(global.test(t.name) || block.test(t.name), `${m.id} ${t.name}`).toBe(true);
    }
  });

  it('keeps norms, biases and scales as 1-D vectors and every matrix at least 2-D', () => {
    for (const m of models) {
      for (const t of tensorsOf(m)) {
        const vector =
          t.group === 'norm' || /\.(bias|scale)$|attn_sinks|rope_freqs|layer_output_scale/.test(t.name);
        const expertBias = /_exps\.bias$/.test(t.name);
        expect(t.shape.length, `${m.id} ${t.name}`).toBe(
          vector ? (expertBias ? 2 : 1) : t.group === 'experts' ? 3 : 2,
        );
      }
    }
  });

  it('shapes routed experts as [input, output, experts]', () => {
    const shape = (id: string, name: string) => tensorsOf(findModel(id)).find((t) => t.name === name)?.shape;
    expect(shape('qwen3-30b-a3b', 'blk.0.ffn_gate_exps.weight')).toEqual([2048, 768, 128]);
    expect(shape('qwen3-30b-a3b', 'blk.0.ffn_down_exps.weight')).toEqual([768, 2048, 128]);
    expect(shape('gemma-4-26b-a4b', 'blk.0.ffn_gate_up_exps.weight')).toEqual([2816, 1408, 128]);
    expect(shape('gemma-4-26b-a4b', 'blk.0.ffn_down_exps.weight')).toEqual([704, 2816, 128]);
    expect(shape('gpt-oss-20b', 'blk.0.ffn_up_exps.weight')).toEqual([2880, 2880, 32]);
    expect(shape('gpt-oss-20b', 'blk.0.ffn_gate_inp.weight')).toEqual([2880, 32]);
  });

  it('gives gpt-oss attention sinks and biases and its post_attention_norm in place of ffn_norm', () => {
    const names = new Set(tensorsOf(findModel('gpt-oss-20b')).map((t) => t.name));
    for (const n of [
      'attn_sinks.weight',
      'attn_q.bias',
      'attn_output.bias',
      'ffn_gate_inp.bias',
      'ffn_down_exps.bias',
    ]) {
      expect(names.has(`blk.23.${n}`), n).toBe(true);
    }
    expect(names.has('blk.0.post_attention_norm.weight')).toBe(true);
    expect(names.has('blk.0.ffn_norm.weight')).toBe(false);
  });

  it('gives the Gemma E-models their per-layer embedding table, projections and gates', () => {
    const shape = (name: string) => tensorsOf(findModel('gemma-4-e2b')).find((t) => t.name === name)?.shape;
    expect(shape('per_layer_token_embd.weight')).toEqual([35 * 256, 262144]);
    expect(shape('per_layer_model_proj.weight')).toEqual([1536, 35 * 256]);
    expect(shape('blk.34.inp_gate.weight')).toEqual([1536, 256]);
    expect(shape('blk.34.proj.weight')).toEqual([256, 1536]);
    expect(shape('output.weight')).toBeUndefined();
  });

  it('lists the Coder variants with the shape of their base models', () => {
    expect(findModel('qwen3-coder-30b-a3b').layers).toEqual(findModel('qwen3-30b-a3b').layers);
    expect(findModel('qwen2.5-coder-7b').layers).toEqual(findModel('qwen2.5-7b').layers);
    expect(findModel('qwen3-coder-30b-a3b').maxContext).toBe(262144);
  });

  it('cites a source for every entry', () => {
    for (const m of models) expect(m.source.length, m.id).toBeGreaterThan(20);
  });
});
