/**
 * @module quant/quantize-tensors — assigns every tensor of a model the storage type a quant mix gives it
 * (llama-quantize's choices for GGUF, mlx-lm's for MLX) and its exact byte size.
 */
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor, TensorSpec } from '../model/tensors.js';
import { fitsBlocks, tensorBytes } from './ggml-types.js';
import { blockFallbacks, mixAdjustments, mixRules, type RuleContext } from './mix-rules.js';
import type { QuantMix } from './quant-mixes.js';
import { storageType } from './storage-types.js';
import {
  convertedType,
  dimensionCount,
  isAttnVLike,
  isQuantizable,
  tensorCategory,
} from './tensor-category.js';

/** llama-quantize's explicit overrides; both default to the mix's own choice. */
export interface QuantizeOptions {
  /** `--token-embedding-type`: type for token_embd (and per_layer_token_embd), e.g. `Q8_0`. */
  readonly tokenEmbeddingType?: string;
  /** `--output-tensor-type`: type for output.weight, e.g. `Q8_0`. */
  readonly outputTensorType?: string;
}

const FLOAT_TYPES = new Set(['F32', 'F16', 'BF16']);

/** The model-level facts the rules read, computed once per call. */
interface ModelFacts {
  readonly tied: boolean;
  readonly vIndex: ReadonlyMap<string, number>;
  readonly vCount: number;
  readonly layerCount: number;
  readonly gqa: number;
  readonly experts: number;
  readonly is70B: boolean;
}

function modelFacts(tensors: readonly TensorSpec[], arch: ModelArchitecture): ModelFacts {
  // llama.cpp: embeddings count as tied when the file has no output.weight.
  const tied = !tensors.some((t) => t.name === 'output.weight');
  // i_attention_wv counts attn_v-like tensors in llama.cpp's load order (by layer, then name).
  const vTensors = tensors
    .filter((t) => isAttnVLike(tensorCategory(t.name)))
    .sort((a, b) => (a.layer ?? -1) - (b.layer ?? -1) || a.name.localeCompare(b.name));
  const first = arch.layers[0];
  const gqa = first ? first.headCount / first.kvHeadCount : 1;
  const experts = Math.max(0, ...arch.layers.map((l) => (l.ffn.kind === 'moe' ? l.ffn.experts : 0)));
  // llama-model.cpp: an 80-layer Llama-architecture model with GQA (Mistral converts as Llama), or an
  // 80-layer Qwen2, is LLM_TYPE_70B.
  const llamaLike = arch.modelType === 'llama' || arch.modelType === 'mistral';
  const is70B = arch.layers.length === 80 && ((llamaLike && gqa > 1) || arch.modelType === 'qwen2');
  return {
    tied,
    vIndex: new Map(vTensors.map((t, i) => [t.name, i])),
    vCount: vTensors.length,
    layerCount: arch.layers.length,
    gqa,
    experts,
    is70B,
  };
}

function ruleType(ctx: RuleContext): string {
  const row = mixRules.find(
    (r) =>
      (r.mixes === undefined || r.mixes.includes(ctx.mix)) &&
      (r.categories === undefined
        ? !ctx.isOutput
        : ctx.isOutput
          ? r.categories.includes('output-like')
          : r.categories.includes(ctx.category)) &&
      (r.when === undefined || r.when(ctx)),
  );
  let type = !row || row.type === 'base' ? ctx.baseType : row.type;
  if (!ctx.isOutput && ctx.mix !== 'MXFP4') {
    for (const adj of mixAdjustments) {
      if (adj.categories.includes(ctx.category) && adj.when(ctx, type)) type = adj.type;
    }
  }
  return type;
}

/** tensor_type_fallback(): a type whose blocks tile the row, else F16. */
function fitRow(type: string, rowElements: number): string {
  if (fitsBlocks(storageType(type), rowElements)) return type;
  const fallback = blockFallbacks[type];
  return fallback && fitsBlocks(storageType(fallback), rowElements) ? fallback : 'F16';
}

function ggufType(t: TensorSpec, mix: QuantMix, facts: ModelFacts, options: QuantizeOptions): string {
  const base = mix.baseType;
  if (!isQuantizable(t)) return convertedType(t, base === 'F32' || base === 'BF16' ? base : 'F16');
  const category = tensorCategory(t.name);
  if (options.tokenEmbeddingType && category === 'token-embd')
    return options.tokenEmbeddingType.toUpperCase();
  if (options.outputTensorType && category === 'output') return options.outputTensorType.toUpperCase();
  if (FLOAT_TYPES.has(base)) return base;
  const rowElements = t.shape[0] ?? 1;
  const ctx: RuleContext = {
    mix: mix.name,
    baseType: base,
    category,
    isOutput: category === 'output' || (facts.tied && category === 'token-embd'),
    rowElements,
    baseBlockFits: fitsBlocks(storageType(base), rowElements),
    stacked: (t.shape[2] ?? 1) > 1,
    vIndex: facts.vIndex.get(t.name) ?? 0,
    vCount: facts.vCount,
    layer: t.layer ?? 0,
    layerCount: facts.layerCount,
    gqa: facts.gqa,
    experts: facts.experts,
    is70B: facts.is70B,
  };
  return fitRow(ruleType(ctx), rowElements);
}

// mlx-lm quantises every Linear/Embedding whose input width is a multiple of the group size (nn.quantize's
// default class_predicate in mlx_lm/utils.py); MoE models keep routers at 8 bits via their quant_predicate
// (e.g. mlx_lm/models/qwen3_moe.py). Norms, biases and odd-width matrices stay in the 16-bit model dtype.
function mlxType(t: TensorSpec, mix: QuantMix): string {
  if (dimensionCount(t.shape) < 2 || !t.name.endsWith('.weight')) return 'F16';
  const type = t.name.includes('ffn_gate_inp') ? 'MLX_Q8' : mix.baseType;
  return fitsBlocks(storageType(type), t.shape[0] ?? 1) ? type : 'F16';
}

/**
 * Gives each tensor the storage type `quant` assigns it and its exact bytes.
 *
 * GGUF mixes follow llama-quantize without an importance matrix: tensors it never quantises (1-D, norms,
 * routers, biases) keep their converted type (F32, or 16-bit floats); the output head and tied embeddings
 * go to Q6_K (Q8_0 in Q8_0/MXFP4 files); `_M`/`_S`/`_L` mixes raise attn_v, ffn_down and attn_output by
 * layer; rows that are not whole blocks fall back to a 32-wide type. MLX mixes quantise every matrix whose
 * row is a multiple of 64.
 */
export function quantizeTensors(
  tensors: readonly TensorSpec[],
  quant: QuantMix,
  arch: ModelArchitecture,
  options: QuantizeOptions = {},
): QuantizedTensor[] {
  const facts = modelFacts(tensors, arch);
  return tensors.map((t) => {
    const type = quant.format === 'mlx' ? mlxType(t, quant) : ggufType(t, quant, facts, options);
    return { ...t, type, bytes: tensorBytes(storageType(type), t.shape) };
  });
}
