/**
 * Real-shaped headers of the families the generic GGUF path covers (test/family-headers.ts: one published model
 * each). For every family: the header, written as llama.cpp's converter writes it, is read back with exact tensor
 * bytes; its architecture equals the one its config.json gives; its KV cache (and recurrent state) at 8k is what
 * llama.cpp allocates, and equals llama.cpp's own logged figure where one was found.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, type FamilyCase } from '../../test/family-headers.js';
import {
  f32Tensor as f32,
  type GgufValue,
  q8Tensor as q8,
  type TypedTensor,
  writeTypedGguf,
} from '../../test/gguf-writer.js';
import { kvCacheBytes, recurrentStateBytes } from '../footprint/kv-cache.js';
import {
  architectureFromHfConfig,
  estimate,
  findQuant,
  type ModelArchitecture,
  quantizeTensors,
  readGgufHeader,
  tensorsOf,
} from '../index.js';

const MIB = 2 ** 20;

/** The keys of a case with their `<arch>.` prefix, the general ones and a Q4_K_M file type. */
function metadataOf(c: FamilyCase, name = c.id.split(' — ')[1] ?? c.id): Record<string, GgufValue> {
  const keys = Object.fromEntries(Object.entries(c.keys).map(([k, v]) => [`${c.ggufArch}.${k}`, v]));
  return { 'general.architecture': c.ggufArch, 'general.name': name, 'general.file_type': 15, ...keys };
}

/** The tensors a Q4_K_M file of the case's model holds (tensorsOf the config's architecture, llama-quantize's mix). */
function tensorsOfCase(c: FamilyCase): { arch: ModelArchitecture; tensors: TypedTensor[] } {
  const arch = architectureFromHfConfig(c.config);
  return { arch, tensors: quantizeTensors(tensorsOf(arch), findQuant('Q4_K_M'), arch) };
}

/** What must agree between the two paths: everything but names, sources and the RoPE scaling the GGUF omits. */
function comparable(a: ModelArchitecture) {
  const { id: _i, name: _n, source: _s, modelType: _m, family: _f, ropeScaling: _r, ...rest } = a;
  return rest;
}

describe.each(FAMILIES)('$id', (c) => {
  it('reads the header back with every tensor and its exact bytes', async () => {
    const { tensors } = tensorsOfCase(c);
    const model = await readGgufHeader(writeTypedGguf(metadataOf(c), tensors));
    expect(model.architecture.assumptions).toBeUndefined();
    expect(model.tensors.map((t) => [t.name, t.type, t.bytes])).toEqual(
      tensors.map((t) => [t.name, t.type, t.bytes]),
    );
    const e = estimate(
      { model: 'x', quant: 'Q4_K_M', device: 'rtx 4090', contextTokens: 8192 },
      { model: model.architecture, tensors: model.tensors, quantName: 'Q4_K_M' },
    );
    expect(e.memory.weightsBytes).toBe(tensors.reduce((a, t) => a + t.bytes, 0));
  });

  it('describes the model as its config.json does', async () => {
    const { arch, tensors } = tensorsOfCase(c);
    const model = await readGgufHeader(writeTypedGguf(metadataOf(c), tensors));
    expect(comparable(model.architecture)).toEqual(comparable(arch));
  });

  it('allocates the KV cache (and recurrent state) llama.cpp allocates at 8k', async () => {
    const { tensors } = tensorsOfCase(c);
    const { architecture } = await readGgufHeader(writeTypedGguf(metadataOf(c), tensors));
    expect(kvCacheBytes(architecture, 8192) / MIB).toBe(c.kv8kMiB);
    expect(recurrentStateBytes(architecture) / MIB).toBe(c.stateMiB ?? 0);
  });

  if (c.publishedTensors) {
    const published = c.publishedTensors;
    it(`lists as many tensors as the published GGUF (${published.count})`, () => {
      const { tensors } = tensorsOfCase(c);
      // Qwen3-Next files of the published converter hold one ssm_in per DeltaNet layer for attn_qkv + attn_gate.
      const fused = tensors.filter((t) => t.name.endsWith('.attn_gate.weight')).length;
      expect(tensors.length - fused).toBe(published.count);
    });
  }

  if (c.publishedParamsB) {
    const published = c.publishedParamsB;
    it(`has the parameter count llama.cpp printed (${published.value} B)`, () => {
      const { tensors } = tensorsOfCase(c);
      const params = tensors.reduce((a, t) => a + t.shape.reduce((x, y) => x * y, 1), 0);
      expect((params / 1e9).toFixed(published.digits)).toBe(published.value.toFixed(published.digits));
    });
  }
});

describe('llama.cpp logged figures', () => {
  const glm = FAMILIES.find((c) => c.ggufArch === 'glm4moe') as FamilyCase;

  it('GLM-4.5-Air: the 46-layer cache a 2025 build logged at 131072 tokens, plus the MTP block current llama.cpp adds', async () => {
    const { tensors } = tensorsOfCase(glm);
    const { architecture } = await readGgufHeader(writeTypedGguf(metadataOf(glm), tensors));
    const logged = glm.logged?.[0] as { mib: number; contextTokens: number };
    const trunkOnly = { ...architecture, mtpKvCached: false };
    expect(kvCacheBytes(trunkOnly, logged.contextTokens) / MIB).toBe(logged.mib);
    expect(kvCacheBytes(architecture, logged.contextTokens) / MIB).toBe((logged.mib * 47) / 46);
  });

  it('DeepSeek-V2-Lite-Chat converted before MLA caches full K and V: 1080 MiB at 4096, 540 MiB at 2048, as logged', async () => {
    // Files converted before ggml-org/llama.cpp PR #12801 keep attn_kv_b and per-head K/V lengths (192 and 128,
    // 16 KV heads) without the *_mla keys; llama.cpp logged "size = 1080.00 MiB (4096 cells, 27 layers, 1/1 seqs),
    // K (f16): 648.00 MiB, V (f16): 432.00 MiB" (search index file 60665970451) and "540.00 MiB (2048 cells,
    // 27 layers...), K 324.00, V 216.00" (files 35807442239, 61880559644) for DeepSeek-V2-Lite-Chat.
    const c = FAMILIES.find((f) => f.ggufArch === 'deepseek2') as FamilyCase;
    const { tensors } = tensorsOfCase(c);
    const legacy: TypedTensor[] = [];
    for (const t of tensors) {
      if (t.name.endsWith('.attn_v_b.weight')) continue;
      if (t.name.endsWith('.attn_k_b.weight')) {
        const shape = [512, 16 * (128 + 128)];
        legacy.push({
          name: t.name.replace('attn_k_b', 'attn_kv_b'),
          shape,
          type: 'Q8_0',
          bytes: (512 * 4096 * 34) / 32,
        });
      } else legacy.push(t);
    }
    const keys = {
      ...c.keys,
      'attention.head_count_kv': 16,
      'attention.key_length': 192,
      'attention.value_length': 128,
    };
    delete (keys as Record<string, GgufValue>)['attention.key_length_mla'];
    delete (keys as Record<string, GgufValue>)['attention.value_length_mla'];
    const { architecture } = await readGgufHeader(writeTypedGguf(metadataOf({ ...c, keys }), legacy));
    expect(legacy).toHaveLength(377); // "… 42 key-value pairs and 377 tensors" (ggml-org/llama.cpp PR #7519)
    expect(architecture.layers[0]?.mla).toBeUndefined();
    expect(kvCacheBytes(architecture, 4096) / MIB).toBe(1080);
    expect(kvCacheBytes(architecture, 2048) / MIB).toBe(540);
  });

  it('Qwen3.5 27B (qwen35, the same Gated DeltaNet hybrid): 512 MiB of KV at 8192 in 16 layers and 149.62 MiB of state, as logged', async () => {
    // "llama_kv_cache: size = 512.00 MiB (8192 cells, 16 layers)" and "llama_memory_recurrent: size = 149.62 MiB
    // (1 cells, 64 layers)" (search index file 61561819241: qwen35, 64 blocks, 24/4 heads of 256,
    // full_attention_interval 4, ssm conv 4 / state 128 / groups 16); 448.88 MiB, R 16.88 + S 432.00, for three
    // sequences of the same model (ggml-org/llama.cpp PR #23792). ssm.inner_size 6144 = 48 value heads × 128.
    const keys: Record<string, GgufValue> = {
      'general.architecture': 'qwen35',
      'qwen35.block_count': 64,
      'qwen35.embedding_length': 5120,
      'qwen35.attention.head_count': 24,
      'qwen35.attention.head_count_kv': 4,
      'qwen35.attention.key_length': 256,
      'qwen35.attention.value_length': 256,
      'qwen35.full_attention_interval': 4,
      'qwen35.ssm.conv_kernel': 4,
      'qwen35.ssm.state_size': 128,
      'qwen35.ssm.group_count': 16,
      'qwen35.ssm.time_step_rank': 48,
      'qwen35.ssm.inner_size': 6144,
    };
    const tensors: TypedTensor[] = [
      { name: 'token_embd.weight', shape: [5120, 248320], type: 'Q8_0', bytes: (5120 * 248320 * 34) / 32 },
    ];
    const { architecture } = await readGgufHeader(writeTypedGguf(keys, tensors));
    expect(architecture.layers.filter((l) => l.recurrent)).toHaveLength(48);
    expect(recurrentStateBytes(architecture) / MIB).toBeCloseTo(149.62, 2);
    expect((3 * recurrentStateBytes(architecture)) / MIB).toBeCloseTo(448.88, 2);
    expect((kvCacheBytes(architecture, 8192) - recurrentStateBytes(architecture)) / MIB).toBe(512);
  });

  it('LFM2 1.2B (lfm2, short-convolution hybrid): 48 MiB of KV at 4096 in 6 layers and 0.16 MiB of conv state, as logged', async () => {
    // "llama_kv_cache: size = 48.00 MiB (4096 cells, 6 layers, 1/1 seqs)" and "llama_memory_recurrent: size =
    // 0.16 MiB (1 cells, 16 layers, 1 seqs), R (f32): 0.16 MiB, S (f32): 0.00 MiB" for an LFM2 1.2B backbone
    // (n_ctx_train 128000; search index file 62876895581). Shapes: huggingface.co/LiquidAI/LFM2-1.2B config.json
    // (hidden 2048, 16 layers of which 6 full_attention, 32 / 8 KV heads, conv_L_cache 3, FFN 12288 auto-adjusted
    // to 8192 by conversion/lfm2.py); tensors per src/models/lfm2.cpp; recurrent iff head_count_kv is 0.
    const d = 2048;
    const attention = new Set([2, 5, 8, 10, 12, 14]);
    const tensors: TypedTensor[] = [q8('token_embd.weight', [d, 65536]), f32('token_embd_norm.weight', [d])];
    for (let i = 0; i < 16; i++) {
      const b = `blk.${i}`;
      tensors.push(
        f32(`${b}.ffn_norm.weight`, [d]),
        q8(`${b}.ffn_gate.weight`, [d, 8192]),
        q8(`${b}.ffn_up.weight`, [d, 8192]),
        q8(`${b}.ffn_down.weight`, [8192, d]),
        f32(`${b}.attn_norm.weight`, [d]),
      );
      if (attention.has(i)) {
        tensors.push(
          f32(`${b}.attn_q_norm.weight`, [64]),
          f32(`${b}.attn_k_norm.weight`, [64]),
          q8(`${b}.attn_q.weight`, [d, d]),
          q8(`${b}.attn_k.weight`, [d, 512]),
          q8(`${b}.attn_v.weight`, [d, 512]),
          q8(`${b}.attn_output.weight`, [d, d]),
        );
      } else {
        tensors.push(
          f32(`${b}.shortconv.conv.weight`, [3, d]),
          q8(`${b}.shortconv.in_proj.weight`, [d, 3 * d]),
          q8(`${b}.shortconv.out_proj.weight`, [d, d]),
        );
      }
    }
    const keys: Record<string, GgufValue> = {
      'general.architecture': 'lfm2',
      'lfm2.block_count': 16,
      'lfm2.context_length': 128000,
      'lfm2.embedding_length': d,
      'lfm2.feed_forward_length': 8192,
      'lfm2.attention.head_count': 32,
      'lfm2.attention.head_count_kv': Array.from({ length: 16 }, (_, i) => (attention.has(i) ? 8 : 0)),
      'lfm2.shortconv.l_cache': 3,
      'lfm2.vocab_size': 65536,
    };
    const { architecture } = await readGgufHeader(writeTypedGguf(keys, tensors));
    expect(architecture.assumptions).toBeUndefined();
    expect(architecture.layers.filter((l) => l.recurrent?.kind === 'short-conv')).toHaveLength(10);
    const state = recurrentStateBytes(architecture);
    expect(state).toBe(10 * d * 2 * 4);
    expect((state / MIB).toFixed(2)).toBe('0.16');
    expect((kvCacheBytes(architecture, 4096) - state) / MIB).toBe(48);
  });
});
