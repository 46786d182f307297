/**
 * Held out: architectures the builder has no table entry for, read from real-shaped headers by the generic path
 * alone. Each must be estimated — with its assumptions stated — and its cache must come out as llama.cpp sizes it
 * for that architecture (src/models/<arch>.cpp, src/llama-model.cpp create_memory).
 */
import { describe, expect, it } from 'vitest';
import {
  f32Tensor as f32,
  type GgufValue,
  q8Tensor as q8,
  type TypedTensor,
  writeTypedGguf,
} from '../../test/gguf-writer.js';
import { kvCacheBytes, recurrentStateBytes } from '../footprint/kv-cache.js';
import { type CliffbenchError, estimate, readGgufHeader } from '../index.js';
import { knownGgufArchitectures } from './gguf-architecture.js';

const MIB = 2 ** 20;
const prefixed = (arch: string, keys: Record<string, GgufValue>): Record<string, GgufValue> => ({
  'general.architecture': arch,
  ...Object.fromEntries(Object.entries(keys).map(([k, v]) => [`${arch}.${k}`, v])),
});

/**
 * bigcode/starcoder2-3b (config.json: hidden 3072, 30 layers, 24 heads / 2 KV heads, GELU MLP 12288, vocab 49152,
 * sliding_window 4096, biases everywhere, tied) as conversion/starcoder.py StarCoder2Model and
 * src/models/starcoder2.cpp lay it out; llama.cpp applies no window to starcoder2.
 */
function starcoder2(): Uint8Array {
  const d = 3072;
  const kv = 2 * 128;
  const tensors: TypedTensor[] = [q8('token_embd.weight', [d, 49152])];
  for (let i = 0; i < 30; i++) {
    const b = `blk.${i}`;
    tensors.push(
      f32(`${b}.attn_norm.weight`, [d]),
      f32(`${b}.attn_norm.bias`, [d]),
      q8(`${b}.attn_q.weight`, [d, d]),
      q8(`${b}.attn_k.weight`, [d, kv]),
      q8(`${b}.attn_v.weight`, [d, kv]),
      f32(`${b}.attn_q.bias`, [d]),
      f32(`${b}.attn_k.bias`, [kv]),
      f32(`${b}.attn_v.bias`, [kv]),
      q8(`${b}.attn_output.weight`, [d, d]),
      f32(`${b}.attn_output.bias`, [d]),
      f32(`${b}.ffn_norm.weight`, [d]),
      f32(`${b}.ffn_norm.bias`, [d]),
      q8(`${b}.ffn_up.weight`, [d, 12288]),
      f32(`${b}.ffn_up.bias`, [12288]),
      q8(`${b}.ffn_down.weight`, [12288, d]),
      f32(`${b}.ffn_down.bias`, [d]),
    );
  }
  tensors.push(f32('output_norm.weight', [d]), f32('output_norm.bias', [d]));
  const keys = prefixed('starcoder2', {
    block_count: 30,
    context_length: 16384,
    embedding_length: d,
    feed_forward_length: 12288,
    'attention.head_count': 24,
    'attention.head_count_kv': 2,
    'attention.layer_norm_epsilon': 0.00001,
    'attention.sliding_window': 4096,
  });
  return writeTypedGguf(keys, tensors);
}

/**
 * internlm/internlm2_5-7b-chat (config.json: hidden 4096, 32 layers, 32 / 8 KV heads, FFN 14336, vocab 92544,
 * 32768 context) as conversion/internlm.py InternLM2Model splits its wqkv and src/models/internlm2.cpp loads it.
 */
function internlm2(): Uint8Array {
  const d = 4096;
  const tensors: TypedTensor[] = [q8('token_embd.weight', [d, 92544])];
  for (let i = 0; i < 32; i++) {
    const b = `blk.${i}`;
    tensors.push(
      f32(`${b}.attn_norm.weight`, [d]),
      q8(`${b}.attn_q.weight`, [d, d]),
      q8(`${b}.attn_k.weight`, [d, 1024]),
      q8(`${b}.attn_v.weight`, [d, 1024]),
      q8(`${b}.attn_output.weight`, [d, d]),
      f32(`${b}.ffn_norm.weight`, [d]),
      q8(`${b}.ffn_gate.weight`, [d, 14336]),
      q8(`${b}.ffn_up.weight`, [d, 14336]),
      q8(`${b}.ffn_down.weight`, [14336, d]),
    );
  }
  tensors.push(f32('output_norm.weight', [d]), q8('output.weight', [d, 92544]));
  const keys = prefixed('internlm2', {
    block_count: 32,
    context_length: 32768,
    embedding_length: d,
    feed_forward_length: 14336,
    'attention.head_count': 32,
    'attention.head_count_kv': 8,
    'rope.dimension_count': 128,
    'rope.scaling.type': 'linear',
    'rope.scaling.factor': 2,
  });
  return writeTypedGguf(keys, tensors);
}

/**
 * A Falcon-H1-shaped hybrid (illustrative dimensions: 24 layers of 2048, attention of 8 / 2 KV heads of 128 beside
 * a Mamba-2 mixer of d_inner 3072, 24 heads, d_state 256, one group, conv 4, in every layer), with the keys
 * conversion/falcon_h1.py writes (Mamba2Model's ssm.* plus head counts and key/value_length) and the tensors of
 * src/models/falcon-h1.cpp. llama.cpp keeps a KV cache and a recurrent state for every layer (create_memory:
 * filter_attn and filter_recr both true for LLM_ARCH_FALCON_H1).
 */
function falconH1(): Uint8Array {
  const d = 2048;
  const inner = 3072;
  const conv = inner + 2 * 256;
  const tensors: TypedTensor[] = [q8('token_embd.weight', [d, 65536])];
  for (let i = 0; i < 24; i++) {
    const b = `blk.${i}`;
    tensors.push(
      f32(`${b}.attn_norm.weight`, [d]),
      q8(`${b}.ssm_in.weight`, [d, 2 * inner + 2 * 256 + 24]),
      f32(`${b}.ssm_conv1d.weight`, [4, conv]),
      f32(`${b}.ssm_conv1d.bias`, [conv]),
      f32(`${b}.ssm_dt.bias`, [24]),
      f32(`${b}.ssm_a`, [1, 24]),
      f32(`${b}.ssm_d`, [1, 24]),
      f32(`${b}.ssm_norm.weight`, [inner, 1]),
      q8(`${b}.ssm_out.weight`, [inner, d]),
      q8(`${b}.attn_q.weight`, [d, 8 * 128]),
      q8(`${b}.attn_k.weight`, [d, 2 * 128]),
      q8(`${b}.attn_v.weight`, [d, 2 * 128]),
      q8(`${b}.attn_output.weight`, [8 * 128, d]),
      f32(`${b}.ffn_norm`, [d]),
      q8(`${b}.ffn_gate.weight`, [d, 8192]),
      q8(`${b}.ffn_up.weight`, [d, 8192]),
      q8(`${b}.ffn_down.weight`, [8192, d]),
    );
  }
  tensors.push(f32('output_norm.weight', [d]), q8('output.weight', [d, 65536]));
  const keys = prefixed('falcon-h1', {
    block_count: 24,
    context_length: 131072,
    embedding_length: d,
    feed_forward_length: 8192,
    'attention.head_count': 8,
    'attention.head_count_kv': 2,
    'attention.key_length': 128,
    'attention.value_length': 128,
    'ssm.conv_kernel': 4,
    'ssm.inner_size': inner,
    'ssm.state_size': 256,
    'ssm.time_step_rank': 24,
    'ssm.group_count': 1,
  });
  return writeTypedGguf(keys, tensors);
}

describe('held-out architectures (no table entry) through the generic path', () => {
  it('knows none of them', () => {
    for (const arch of ['starcoder2', 'internlm2', 'falcon-h1'])
      expect(knownGgufArchitectures).not.toContain(arch);
  });

  it('StarCoder2 3B: a dense transformer with full attention, its bare sliding_window not applied, as llama.cpp does', async () => {
    const model = await readGgufHeader(starcoder2());
    const a = model.architecture;
    expect(a.assumptions?.[0]).toMatch(
      /^architecture 'starcoder2' is not known to cliffbench: assumed a transformer whose every layer attends over the whole context with a KV cache \(starcoder2\.block_count 30, starcoder2\.embedding_length 3072, starcoder2\.attention\.head_count 24, starcoder2\.attention\.head_count_kv 2/,
    );
    expect(a.assumptions?.[1]).toMatch(/starcoder2\.attention\.sliding_window \(4096\) was not applied/);
    expect(a.gatedFfn).toBe(false);
    expect(a.tiedEmbeddings).toBe(true);
    expect(
      a.layers.every((l) => l.attention === 'full' && l.headDimK === 128 && l.ffn.kind === 'dense'),
    ).toBe(true);
    // llama.cpp: 30 layers × 2 KV heads × 128 × (K + V) × 2 B × 8192 cells.
    expect(kvCacheBytes(a, 8192) / MIB).toBe(240);
    const e = estimate(
      { model: 'starcoder2', quant: 'Q8_0', device: 'rtx 3060 12gb', contextTokens: 8192 },
      { model: a, tensors: model.tensors, quantName: 'Q8_0' },
    );
    expect(e.fits).toBe(true);
    expect(e.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it('InternLM2.5 7B: read as the llama-shaped decoder it is', async () => {
    const a = (await readGgufHeader(internlm2())).architecture;
    expect(a.assumptions).toHaveLength(1);
    expect(a.layers).toHaveLength(32);
    expect(a.layers[0]).toMatchObject({
      headCount: 32,
      kvHeadCount: 8,
      headDimK: 128,
      ffn: { intermediate: 14336 },
    });
    expect(a.ropeScaling).toEqual({ type: 'linear', factor: 2 });
    expect(kvCacheBytes(a, 8192) / MIB).toBe(1024);
  });

  it('a Falcon-H1-shaped hybrid: attention and a Mamba-2 state in every layer, sized as llama.cpp sizes them', async () => {
    const model = await readGgufHeader(falconH1());
    const a = model.architecture;
    expect(a.assumptions?.[0]).toMatch(
      /^architecture 'falcon-h1' is not known to cliffbench: assumed a hybrid/,
    );
    expect(a.layers.every((l) => l.recurrent !== undefined && l.kvHeadCount === 2)).toBe(true);
    // n_embd_r = (4 − 1) × (3072 + 2 · 1 · 256), n_embd_s = 256 × 3072, f32, 24 layers.
    const state = 24 * ((3 * (3072 + 512) + 256 * 3072) * 4);
    expect(recurrentStateBytes(a)).toBe(state);
    expect(kvCacheBytes(a, 8192)).toBe(24 * 2 * 128 * 2 * 2 * 8192 + state);
    const e = estimate(
      { model: 'falcon-h1', quant: 'Q8_0', device: 'rtx 4090', contextTokens: 8192 },
      { model: a, tensors: model.tensors, quantName: 'Q8_0' },
    );
    expect(e.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it('refuses what cannot be read as a decoder: no standard keys, an encoder, a projector', async () => {
    const bare = writeTypedGguf({ 'general.architecture': 'rwkv7' }, []);
    const encoder = writeTypedGguf(
      prefixed('newbert', {
        block_count: 12,
        embedding_length: 768,
        'attention.head_count': 12,
        'attention.causal': false,
      }),
      [],
    );
    const clip = writeTypedGguf(
      prefixed('clip', { block_count: 12, embedding_length: 768, 'attention.head_count': 12 }),
      [],
    );
    const codes = await Promise.all(
      [bare, encoder, clip].map((b) => readGgufHeader(b).catch((e: unknown) => e as CliffbenchError)),
    );
    expect(codes.map((e) => (e as CliffbenchError).code)).toEqual([
      'unsupported-architecture',
      'unsupported-architecture',
      'unsupported-architecture',
    ]);
    expect((codes[0] as CliffbenchError).message).toMatch(/lacks the standard key "rwkv7\.block_count"/);
    expect((codes[1] as CliffbenchError).message).toMatch(/not a causal decoder/);
  });
});
