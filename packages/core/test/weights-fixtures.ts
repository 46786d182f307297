/**
 * Small models for the quant, weights and tuner tests, built by the real importer
 * (`architectureFromHfConfig`) and tensor lister (`tensorsOf`), so the tests check the code the
 * estimator runs. A FixtureShape is a compact way to write a config.json.
 */
import {
  architectureFromHfConfig,
  catalogConfig,
  findModel,
  type ModelArchitecture,
  type TensorSpec,
  tensorsOf,
} from '../src/index.js';

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
  /** The rest of a real config.json (layer_types, sliding_window...); the fields above override it. */
  readonly config?: Readonly<Record<string, unknown>>;
}

/** The config.json a shape stands for. */
function fixtureConfig(s: FixtureShape): Record<string, unknown> {
  return {
    ...s.config,
    // The importer reads experts only from MoE model types: a Mixtral-style shape is written as qwen3_moe.
    model_type: s.experts && (s.modelType ?? 'llama') === 'llama' ? 'qwen3_moe' : (s.modelType ?? 'llama'),
    hidden_size: s.hidden,
    intermediate_size: s.ffn,
    num_hidden_layers: s.layers,
    num_attention_heads: s.heads,
    num_key_value_heads: s.kvHeads,
    vocab_size: s.vocab,
    tie_word_embeddings: s.tied ?? false,
    ...(s.headDim ? { head_dim: s.headDim } : {}),
    ...(s.experts
      ? {
          num_experts: s.experts,
          num_experts_per_tok: s.expertsUsed ?? 2,
          moe_intermediate_size: s.expertFfn ?? s.ffn,
        }
      : {}),
  };
}

/** The architecture of a fixture shape. */
export const fixtureArch = (s: FixtureShape): ModelArchitecture =>
  architectureFromHfConfig(fixtureConfig(s), { id: 'fixture', name: 'Fixture', source: 'test fixture' });

/** Every weight tensor of a fixture, named and shaped as llama.cpp writes them. */
export const fixtureTensors = (s: FixtureShape): TensorSpec[] => tensorsOf(fixtureArch(s));

const num = (cfg: Readonly<Record<string, unknown>>, key: string): number | undefined =>
  typeof cfg[key] === 'number' ? (cfg[key] as number) : undefined;

/** A fixture shape for a Hugging Face config.json (the validation set's rows). */
export function fixtureFromHfConfig(cfg: Readonly<Record<string, unknown>>): FixtureShape {
  const heads = num(cfg, 'num_attention_heads') ?? 1;
  const experts = num(cfg, 'num_local_experts') ?? num(cfg, 'num_experts');
  const ffn = num(cfg, 'intermediate_size') ?? 0;
  const headDim = num(cfg, 'head_dim');
  return {
    config: cfg,
    modelType: String(cfg.model_type),
    hidden: num(cfg, 'hidden_size') ?? 0,
    ffn,
    layers: num(cfg, 'num_hidden_layers') ?? 0,
    heads,
    kvHeads: num(cfg, 'num_key_value_heads') ?? heads,
    vocab: num(cfg, 'vocab_size') ?? 0,
    tied: cfg.tie_word_embeddings === true,
    ...(headDim ? { headDim } : {}),
    ...(experts
      ? {
          experts,
          expertsUsed: num(cfg, 'num_experts_per_tok') ?? 2,
          expertFfn: num(cfg, 'moe_intermediate_size') ?? ffn,
        }
      : {}),
  };
}

/** Llama 2 7B and Qwen3-30B-A3B, from the catalog's config data. */
export const llama2_7b: FixtureShape = fixtureFromHfConfig(catalogConfig('llama-2-7b') ?? {});
export const qwen3_30b_a3b: FixtureShape = fixtureFromHfConfig(catalogConfig('qwen3-30b-a3b') ?? {});

/** A Gemma 4 catalog model; `keepSharedKv: false` drops the unused k/v projections of KV-shared layers. */
export interface Gemma4Shape {
  readonly id: string;
  /** ggml-org's E-model GGUFs keep them (tensorsOf lists them); Google's QAT files do not. */
  readonly keepSharedKv?: boolean;
}

/** Gemma 4 tensors and architecture from the catalog. */
export function gemma4Fixture(g: Gemma4Shape): { tensors: TensorSpec[]; arch: ModelArchitecture } {
  const arch = findModel(g.id);
  const unused = (t: TensorSpec) =>
    t.layer !== null &&
    arch.layers[t.layer]?.kvSharedFrom !== undefined &&
    /\.attn_(k|v|k_norm)\.weight$/.test(t.name);
  const tensors = tensorsOf(arch).filter((t) => g.keepSharedKv !== false || !unused(t));
  return { tensors, arch };
}

/** The Gemma 4 catalog models, by id. */
export const gemma4Shapes: Readonly<Record<string, Gemma4Shape>> = Object.fromEntries(
  ['gemma-4-e2b', 'gemma-4-e4b', 'gemma-4-12b', 'gemma-4-26b-a4b', 'gemma-4-31b'].map((id) => [id, { id }]),
);
