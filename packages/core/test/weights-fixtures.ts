/**
 * Small hand-built models for the quant and weights tests: llama.cpp tensor names and GGUF shapes for a
 * dense Llama-style decoder and a Qwen3-MoE-style decoder, independent of the model catalog.
 */
import type { LayerSpec, ModelArchitecture, TensorSpec } from '@cliffbench/core';

export interface FixtureShape {
  readonly hidden: number;
  readonly ffn: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim?: number;
  readonly vocab: number;
  readonly tied?: boolean;
  /** Routed experts (MoE when set), top-k and expert FFN width. */
  readonly experts?: number;
  readonly expertsUsed?: number;
  readonly expertFfn?: number;
  readonly modelType?: string;
}

const tensor = (
  name: string,
  layer: number | null,
  group: TensorSpec['group'],
  shape: number[],
): TensorSpec => ({
  name,
  layer,
  group,
  shape,
  elements: shape.reduce((a, b) => a * b, 1),
});

/** The architecture record for a fixture shape. */
export function fixtureArch(s: FixtureShape): ModelArchitecture {
  const headDim = s.headDim ?? s.hidden / s.heads;
  const layer: LayerSpec = {
    attention: 'full',
    headCount: s.heads,
    kvHeadCount: s.kvHeads,
    headDimK: headDim,
    headDimV: headDim,
    hasVProj: true,
    ffn: s.experts
      ? {
          kind: 'moe',
          experts: s.experts,
          expertsUsed: s.expertsUsed ?? 2,
          expertIntermediate: s.expertFfn ?? s.ffn,
          sharedIntermediate: 0,
        }
      : { kind: 'dense', intermediate: s.ffn },
  };
  return {
    id: 'fixture',
    name: 'Fixture',
    family: 'fixture',
    modelType: s.modelType ?? 'llama',
    hiddenSize: s.hidden,
    vocabSize: s.vocab,
    tiedEmbeddings: s.tied ?? false,
    gatedFfn: true,
    maxContext: 4096,
    layers: Array.from({ length: s.layers }, () => layer),
    source: 'test fixture',
  };
}

/** Every weight tensor of a fixture, named and shaped as llama.cpp writes them. */
export function fixtureTensors(s: FixtureShape): TensorSpec[] {
  const headDim = s.headDim ?? s.hidden / s.heads;
  const q = s.heads * headDim;
  const kv = s.kvHeads * headDim;
  const out: TensorSpec[] = [tensor('token_embd.weight', null, 'token-embedding', [s.hidden, s.vocab])];
  for (let i = 0; i < s.layers; i++) {
    const b = `blk.${i}`;
    out.push(
      tensor(`${b}.attn_norm.weight`, i, 'norm', [s.hidden]),
      tensor(`${b}.attn_q.weight`, i, 'attention', [s.hidden, q]),
      tensor(`${b}.attn_k.weight`, i, 'attention', [s.hidden, kv]),
      tensor(`${b}.attn_v.weight`, i, 'attention', [s.hidden, kv]),
      tensor(`${b}.attn_output.weight`, i, 'attention', [q, s.hidden]),
      tensor(`${b}.ffn_norm.weight`, i, 'norm', [s.hidden]),
    );
    if (s.experts) {
      const f = s.expertFfn ?? s.ffn;
      out.push(
        tensor(`${b}.ffn_gate_inp.weight`, i, 'router', [s.hidden, s.experts]),
        tensor(`${b}.ffn_gate_exps.weight`, i, 'experts', [s.hidden, f, s.experts]),
        tensor(`${b}.ffn_up_exps.weight`, i, 'experts', [s.hidden, f, s.experts]),
        tensor(`${b}.ffn_down_exps.weight`, i, 'experts', [f, s.hidden, s.experts]),
      );
    } else {
      out.push(
        tensor(`${b}.ffn_gate.weight`, i, 'ffn', [s.hidden, s.ffn]),
        tensor(`${b}.ffn_up.weight`, i, 'ffn', [s.hidden, s.ffn]),
        tensor(`${b}.ffn_down.weight`, i, 'ffn', [s.ffn, s.hidden]),
      );
    }
  }
  out.push(tensor('output_norm.weight', null, 'norm', [s.hidden]));
  if (!s.tied) out.push(tensor('output.weight', null, 'output', [s.hidden, s.vocab]));
  return out;
}

/** Llama 2 7B (meta-llama/Llama-2-7b-hf config.json). */
export const llama2_7b: FixtureShape = {
  hidden: 4096,
  ffn: 11008,
  layers: 32,
  heads: 32,
  kvHeads: 32,
  vocab: 32000,
};

/** Qwen3-30B-A3B (Qwen/Qwen3-30B-A3B config.json): 128 experts, top-8, expert FFN 768, head_dim 128. */
export const qwen3_30b_a3b: FixtureShape = {
  hidden: 2048,
  ffn: 6144,
  layers: 48,
  heads: 32,
  kvHeads: 4,
  headDim: 128,
  vocab: 151936,
  experts: 128,
  expertsUsed: 8,
  expertFfn: 768,
  modelType: 'qwen3_moe',
};
