/**
 * @module quant/quantize-tensors — assigns every tensor of a model the storage type a quant mix gives it
 * (llama-quantize's choices for GGUF, mlx-lm's for MLX) and its exact byte size.
 */
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor, TensorSpec } from '../model/tensors.js';
import { fitsBlocks, tensorBytes } from './ggml-types.js';
import {
  blockFallbacks,
  IQ12_MIXES,
  type MixRule,
  mixAdjustments,
  mixRules,
  type RuleContext,
} from './mix-rules.js';
import type { QuantMix } from './quant-mixes.js';
import { storageType } from './storage-types.js';
import {
  convertedType,
  dimensionCount,
  isAttnVLike,
  isQuantizable,
  type TensorCategory,
  tensorCategory,
} from './tensor-category.js';
import { type DynamicUpcast, dynamicUpcasts } from './unsloth-dynamic.js';

/** llama-quantize's explicit overrides; both default to the mix's own choice. */
export interface QuantizeOptions {
  /** `--token-embedding-type`: type for token_embd (and per_layer_token_embd), e.g. `Q8_0`. */
  readonly tokenEmbeddingType?: string;
  /** `--output-tensor-type`: type for output.weight, e.g. `Q8_0`. */
  readonly outputTensorType?: string;
  /**
   * `--imatrix`: quantised with an importance matrix, which changes a few choices (IQ3_XXS, IQ4_NL/IQ4_XS,
   * Q4_0/Q5_0 ffn_down). @default the mix's own `imatrix` (true where llama-quantize requires one)
   */
  readonly imatrix?: boolean;
}

const FLOAT_TYPES = new Set(['F32', 'F16', 'BF16']);

/** The model-level facts the rules read. */
interface ModelFacts {
  readonly tied: boolean;
  readonly vCount: number;
  readonly layerCount: number;
  readonly gqa: number;
  readonly experts: number;
  readonly is70B: boolean;
}

/** What the rules read of one tensor, whatever the mix. */
interface TensorFacts {
  readonly category: TensorCategory;
  readonly quantizable: boolean;
  readonly isOutput: boolean;
  readonly vIndex: number;
  readonly ffnDownIndex: number;
}

/** A model's tensors with the facts every mix reads: computed once per tensor list, not once per mix. */
interface Prepared {
  readonly model: ModelFacts;
  readonly tensors: readonly TensorFacts[];
}

const prepared = new WeakMap<readonly TensorSpec[], Prepared>();

function prepare(tensors: readonly TensorSpec[], arch: ModelArchitecture): Prepared {
  const known = prepared.get(tensors);
  if (known !== undefined) return known;
  // llama.cpp: embeddings count as tied when the file has no output.weight.
  const tied = !tensors.some((t) => t.name === 'output.weight');
  const categories = tensors.map((t) => tensorCategory(t.name));
  // i_attention_wv counts attn_v-like tensors in llama.cpp's load order (by layer, then name), and
  // i_ffn_down the ffn_down-like ones it quantises.
  // (llama_model_loader's weight_name_comparer: layer, then std::string byte order, not locale order)
  const loadOrder = (a: TensorSpec, b: TensorSpec) =>
    (a.layer ?? -1) - (b.layer ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const vTensors = tensors.filter((_, i) => isAttnVLike(categories[i] as TensorCategory)).sort(loadOrder);
  const vIndex = new Map(vTensors.map((t, i) => [t.name, i]));
  const quantizable = tensors.map(isQuantizable);
  // (llama.cpp counts ffn_down only as it quantises one, so an expert-scale vector does not count)
  const downIndex = new Map(
    tensors
      .filter((_, i) => categories[i] === 'ffn-down' && quantizable[i])
      .sort(loadOrder)
      .map((t, i) => [t.name, i]),
  );
  // llama.cpp's n_gqa() of the first attention layer (a hybrid's layer 0 may be recurrent, with no heads).
  const first = arch.layers.find((l) => l.kvHeadCount > 0);
  const gqa = first ? first.headCount / first.kvHeadCount : 1;
  const experts = Math.max(0, ...arch.layers.map((l) => (l.ffn.kind === 'moe' ? l.ffn.experts : 0)));
  // llama-model.cpp: an 80-layer Llama-architecture model with GQA (Mistral converts as Llama), or an
  // 80-layer Qwen2, is LLM_TYPE_70B.
  const llamaLike = arch.modelType === 'llama' || arch.modelType === 'mistral';
  const is70B = arch.layers.length === 80 && ((llamaLike && gqa > 1) || arch.modelType === 'qwen2');
  const result: Prepared = {
    model: { tied, vCount: vTensors.length, layerCount: arch.layers.length, gqa, experts, is70B },
    tensors: tensors.map((t, i) => {
      const category = categories[i] as TensorCategory;
      return {
        category,
        quantizable: quantizable[i] as boolean,
        isOutput: category === 'output' || (tied && category === 'token-embd'),
        vIndex: vIndex.get(t.name) ?? 0,
        ffnDownIndex: downIndex.get(t.name) ?? 0,
      };
    }),
  };
  prepared.set(tensors, result);
  return result;
}

const appliesTo = (
  r: {
    readonly categories?: readonly (TensorCategory | 'output-like')[];
    readonly mixes?: readonly string[];
  },
  mix: string,
  category: TensorCategory,
  isOutput: boolean,
): boolean =>
  (r.mixes === undefined || r.mixes.includes(mix)) &&
  (r.categories === undefined ? !isOutput : r.categories.includes(isOutput ? 'output-like' : category));

/** The rows of the main table that can apply to one mix and one category (or to output-like tensors). */
const rulesFor = new Map<string, readonly MixRule[]>();

function candidateRules(mix: string, category: TensorCategory, isOutput: boolean): readonly MixRule[] {
  const key = `${mix} ${isOutput ? 'output-like' : category}`;
  let rows = rulesFor.get(key);
  if (rows === undefined) {
    rows = mixRules.filter((r) => appliesTo(r, mix, category, isOutput));
    rulesFor.set(key, rows);
  }
  return rows;
}

/** The upcasts of one dynamic (Unsloth) mix that can apply to one category, pre-filtered like the rules. */
const upcastsFor = new Map<string, readonly DynamicUpcast[]>();

function candidateUpcasts(
  mix: string,
  category: TensorCategory,
  isOutput: boolean,
): readonly DynamicUpcast[] {
  const key = `${mix} ${isOutput ? 'output-like' : category}`;
  let rows = upcastsFor.get(key);
  if (rows === undefined) {
    rows = dynamicUpcasts.filter((r) => appliesTo(r, mix, category, isOutput));
    upcastsFor.set(key, rows);
  }
  return rows;
}

/** The 1-2 bit IQ mixes take llama.cpp's own attn_v branch, which skips the 70B and 8-expert bumps. */
const OWN_ATTN_V_BRANCH = new Set(['MXFP4', ...IQ12_MIXES]);

function ruleType(ctx: RuleContext): string {
  const row = candidateRules(ctx.mix, ctx.category, ctx.isOutput).find(
    (r) => r.when === undefined || r.when(ctx),
  );
  let type = !row || row.type === 'base' ? ctx.baseType : row.type;
  if (!ctx.isOutput && !OWN_ATTN_V_BRANCH.has(ctx.mix)) {
    for (const adj of mixAdjustments) {
      if (adj.categories.includes(ctx.category) && adj.when(ctx, type)) type = adj.type;
    }
  }
  return type;
}

/** A dynamic mix raises a tensor to at least its upcast's type (never lowers it). */
function upcastType(dynamicMix: string, ctx: RuleContext, type: string): string {
  const row = candidateUpcasts(dynamicMix, ctx.category, ctx.isOutput).find(
    (r) => r.when === undefined || r.when(ctx),
  );
  if (row === undefined) return type;
  if (row.base === true || row.atLeast === undefined) return ctx.baseType;
  const now = storageType(type);
  const up = storageType(row.atLeast);
  return up.bytesPerBlock / up.blockSize > now.bytesPerBlock / now.blockSize ? row.atLeast : type;
}

/** tensor_type_fallback(): a type whose blocks tile the row, else F16. */
function fitRow(type: string, rowElements: number): string {
  if (fitsBlocks(storageType(type), rowElements)) return type;
  const fallback = blockFallbacks[type];
  return fallback && fitsBlocks(storageType(fallback), rowElements) ? fallback : 'F16';
}

function ggufType(
  t: TensorSpec,
  f: TensorFacts,
  mix: QuantMix,
  model: ModelFacts,
  options: QuantizeOptions,
): string {
  const base = mix.baseType;
  if (!f.quantizable) return convertedType(t, base === 'F32' || base === 'BF16' ? base : 'F16');
  const category = f.category;
  if (options.tokenEmbeddingType && category === 'token-embd')
    return options.tokenEmbeddingType.toUpperCase();
  if (options.outputTensorType && category === 'output') return options.outputTensorType.toUpperCase();
  if (FLOAT_TYPES.has(base)) return base;
  const rowElements = t.shape[0] ?? 1;
  const ctx: RuleContext = {
    mix: mix.rules ?? mix.name,
    baseType: base,
    category,
    isOutput: f.isOutput,
    rowElements,
    baseBlockFits: fitsBlocks(storageType(base), rowElements),
    stacked: (t.shape[2] ?? 1) > 1,
    vIndex: f.vIndex,
    vCount: model.vCount,
    layer: t.layer ?? 0,
    layerCount: model.layerCount,
    gqa: model.gqa,
    experts: model.experts,
    is70B: model.is70B,
    imatrix: options.imatrix ?? mix.imatrix ?? false,
    ffnDownIndex: f.ffnDownIndex,
  };
  const type = ruleType(ctx);
  return fitRow(mix.origin === 'unsloth-dynamic' ? upcastType(mix.name, ctx, type) : type, rowElements);
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
 * GGUF mixes follow llama-quantize (with an importance matrix where the mix says so): tensors it never
 * quantises (1-D, norms, routers, biases) keep their converted type (F32, or 16-bit floats); the output head
 * and tied embeddings go to Q6_K (Q5_K in the 1-2 bit IQ mixes, Q8_0 in Q8_0/MXFP4 files); `_M`/`_S`/`_L`
 * and IQ mixes raise attn_v, ffn_down and attn_output by layer; rows that are not whole blocks fall back to a
 * 32-wide type. Unsloth Dynamic mixes follow their file type's rules, then raise the tensors their recipe
 * raises (unsloth-dynamic.ts). MLX mixes quantise every matrix whose row is a multiple of 64.
 */
export function quantizeTensors(
  tensors: readonly TensorSpec[],
  quant: QuantMix,
  arch: ModelArchitecture,
  options: QuantizeOptions = {},
): QuantizedTensor[] {
  const { model, tensors: facts } = prepare(tensors, arch);
  return tensors.map((t, i) => {
    const type =
      quant.format === 'mlx'
        ? mlxType(t, quant)
        : ggufType(t, facts[i] as TensorFacts, quant, model, options);
    const bytes = tensorBytes(storageType(type), t.shape);
    // Written out, not spread: V8 copies a spread object ~20× slower, and the CLI's advice quantises the
    // whole model at nine mixes on every estimate.
    return {
      name: t.name,
      layer: t.layer,
      group: t.group,
      shape: t.shape,
      elements: t.elements,
      type,
      bytes,
    };
  });
}
