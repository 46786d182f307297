/**
 * @module import/gguf-architecture — a ModelArchitecture from a GGUF header, for any llama.cpp architecture.
 *
 * One metadata-driven builder: hyper-parameters from the `<arch>.*` keys llama.cpp writes and reads
 * (src/llama-arch.cpp LLM_KV_NAMES; src/llama-model.cpp llama_model_base::load_hparams reads the common ones),
 * per-layer shapes from the tensor table, which is the truth (FFN and expert widths from `ffn_down*`, so fused
 * gate-up tensors need no special case; shared experts from `*_shexp` or a dense FFN beside the experts). A small
 * table of exceptions says only what the file cannot: when llama.cpp applies a sliding window and its default
 * period, which layers of a hybrid are recurrent, whether MTP blocks get a KV cache. An architecture missing from
 * the table is still read — as the standard keys describe it — with `assumptions` saying what was assumed.
 */
import { CliffbenchError } from '../errors.js';
import type {
  AttentionKind,
  FfnSpec,
  LayerSpec,
  MlaSpec,
  ModelArchitecture,
  RecurrentKind,
  RecurrentSpec,
  RopeScaling,
} from '../model/architecture.js';
import type { TensorSpec } from '../model/tensors.js';

export type GgufMetadata = Readonly<Record<string, unknown>>;

/** When llama.cpp gives an architecture sliding-window layers (its src/models/<arch>.cpp load_arch_hparams). */
interface SwaRule {
  /** `always`: the window applies (sliding_window is required); `window-key`: only when the file sets one. */
  readonly when: 'always' | 'window-key' | 'never';
  /** Every `period`-th layer is full attention when the file gives no pattern (llama_hparams::set_swa_pattern). */
  readonly period?: number;
  /** The window applies only to a model of this many layers (EXAONE 4.0: the 32B, not the 1.2B). */
  readonly onlyWithLayers?: number;
  /** Window when the file has none (EXAONE 4.0 32B: 4096). */
  readonly defaultWindow?: number;
}

/** How llama.cpp tells the recurrent layers of a hybrid from its attention layers. */
type RecurrentRule =
  /** Layers whose `head_count_kv` entry is 0 (granitehybrid, lfm2). */
  | 'kv-heads-zero'
  /** Layers whose `head_count_kv` and `feed_forward_length` entries are both 0 (nemotron_h: FFN-only layers have neither). */
  | 'kv-heads-and-ffn-zero'
  /** All but every `full_attention_interval`-th layer (qwen3next, qwen35). */
  | 'full-attention-interval'
  /** Every layer (mamba, mamba2, rwkv). */
  | 'all';

/** What llama.cpp does for an architecture that its GGUF metadata does not say. */
interface ArchRule {
  /** The Hugging Face model_type with the same tensor layout (for tensorsOf and quant rules). */
  readonly modelType: string;
  readonly family: string;
  readonly swa?: SwaRule;
  readonly recurrent?: {
    readonly layers: RecurrentRule;
    readonly kind: RecurrentKind;
    readonly interval?: number;
  };
  /** llama.cpp allocates no KV cache for MTP blocks in the main context (create_memory's layer filter). */
  readonly mtpWithoutKv?: boolean;
}

/**
 * GGUF `general.architecture` → what the file cannot say, each as llama.cpp's code has it (ggml-org/llama.cpp
 * src/models/<arch>.cpp `load_arch_hparams`, src/llama-model.cpp `create_memory`, read at upstream 82bb48500):
 * gpt-oss openai-moe.cpp swa_period 2; gemma3.cpp period 6 when a window is set; gemma3n.cpp period 5; gemma4.cpp
 * the per-layer pattern (required); cohere2.cpp period 4; olmo2.cpp period 4 when a window is set; exaone4.cpp a
 * 4096 window and period 4 for the 64-layer model only; phi3.cpp disables Phi's SWA ("Phi SWA is currently
 * disabled", PR #13676); qwen3next.cpp `full_attention_interval` (default 4) and create_memory filtering MTP
 * layers out of the caches; granite-hybrid.cpp and lfm2.cpp "recurrent IFF n_head_kv is 0"; nemotron-h.cpp
 * "n_head_kv and n_ff are 0". Architectures with no `swa` entry never get a sliding window in llama.cpp.
 */
const ARCHES: Readonly<Record<string, ArchRule>> = {
  llama: { modelType: 'llama', family: 'llama' },
  qwen2: { modelType: 'qwen2', family: 'qwen2.5' },
  qwen3: { modelType: 'qwen3', family: 'qwen3' },
  qwen3moe: { modelType: 'qwen3_moe', family: 'qwen3' },
  'gpt-oss': { modelType: 'gpt_oss', family: 'gpt-oss', swa: { when: 'always', period: 2 } },
  gemma3: { modelType: 'gemma3_text', family: 'gemma-3', swa: { when: 'window-key', period: 6 } },
  gemma4: { modelType: 'gemma4_text', family: 'gemma-4', swa: { when: 'always' } },
  gemma3n: { modelType: 'gemma3n_text', family: 'gemma-3n', swa: { when: 'always', period: 5 } },
  deepseek2: { modelType: 'deepseek_v2', family: 'deepseek' },
  glm4moe: { modelType: 'glm4_moe', family: 'glm-4.5' },
  phi3: { modelType: 'phi3', family: 'phi-3', swa: { when: 'never' } },
  mistral3: { modelType: 'mistral', family: 'mistral' },
  cohere2: { modelType: 'cohere2', family: 'command-r', swa: { when: 'always', period: 4 } },
  olmo2: { modelType: 'olmo2', family: 'olmo-2', swa: { when: 'window-key', period: 4 } },
  granite: { modelType: 'granite', family: 'granite' },
  exaone4: {
    modelType: 'exaone4',
    family: 'exaone-4',
    swa: { when: 'always', period: 4, onlyWithLayers: 64, defaultWindow: 4096 },
  },
  qwen3next: {
    modelType: 'qwen3_next',
    family: 'qwen3-next',
    recurrent: { layers: 'full-attention-interval', kind: 'gated-delta-net', interval: 4 },
    mtpWithoutKv: true,
  },
  // Qwen3.5 / 3.6 (dense and MoE): the same Gated DeltaNet hybrid as Qwen3-Next (src/models/qwen35.cpp).
  qwen35: {
    modelType: 'qwen3_5',
    family: 'qwen3.5',
    recurrent: { layers: 'full-attention-interval', kind: 'gated-delta-net', interval: 4 },
    mtpWithoutKv: true,
  },
  qwen35moe: {
    modelType: 'qwen3_5_moe',
    family: 'qwen3.5',
    recurrent: { layers: 'full-attention-interval', kind: 'gated-delta-net', interval: 4 },
    mtpWithoutKv: true,
  },
  lfm2: { modelType: 'lfm2', family: 'lfm2', recurrent: { layers: 'kv-heads-zero', kind: 'short-conv' } },
  granitehybrid: {
    modelType: 'granitemoehybrid',
    family: 'granite-4',
    recurrent: { layers: 'kv-heads-zero', kind: 'mamba2' },
  },
  nemotron_h: {
    modelType: 'nemotron_h',
    family: 'nemotron-h',
    recurrent: { layers: 'kv-heads-and-ffn-zero', kind: 'mamba2' },
  },
  mamba2: { modelType: 'mamba2', family: 'mamba', recurrent: { layers: 'all', kind: 'mamba2' } },
};

/** GGUF architectures whose layout cliffbench knows (others are read with stated assumptions). */
export const knownGgufArchitectures: readonly string[] = Object.keys(ARCHES);

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A scalar key or a per-layer array key as n numbers (llama_model_loader::get_key_or_arr). */
function perLayer(meta: GgufMetadata, key: string, n: number): number[] | undefined {
  const v = meta[key];
  if (typeof v === 'number') return Array.from({ length: n }, () => v);
  if (Array.isArray(v) && v.length >= n && v.every((x) => typeof x === 'number'))
    return v.slice(0, n) as number[];
  return undefined;
}

function required(meta: GgufMetadata, key: string): number {
  const v = num(meta[key]);
  if (v === undefined || v <= 0) {
    throw new CliffbenchError(
      'invalid-gguf',
      `The GGUF header lacks the metadata key "${key}" (a positive number).`,
      { field: key },
    );
  }
  return v;
}

/** What the file says, read once: the architecture's keys without their `<arch>.` prefix. */
class Keys {
  constructor(
    private readonly meta: GgufMetadata,
    readonly arch: string,
  ) {}
  key(name: string): string {
    return `${this.arch}.${name}`;
  }
  has(name: string): boolean {
    return this.meta[this.key(name)] !== undefined;
  }
  num(name: string): number | undefined {
    return num(this.meta[this.key(name)]);
  }
  raw(name: string): unknown {
    return this.meta[this.key(name)];
  }
  required(name: string): number {
    return required(this.meta, this.key(name));
  }
  perLayer(name: string, n: number): number[] | undefined {
    return perLayer(this.meta, this.key(name), n);
  }
}

/** The tensor table by name, with the shape questions the builder asks. */
class Tensors {
  private readonly byName: ReadonlyMap<string, TensorSpec>;
  private readonly layerTensors = new Map<number, string[]>();
  constructor(tensors: readonly TensorSpec[]) {
    this.byName = new Map(tensors.map((t) => [t.name, t]));
    for (const t of tensors) {
      if (t.layer === null) continue;
      const list = this.layerTensors.get(t.layer) ?? [];
      list.push(t.name);
      this.layerTensors.set(t.layer, list);
    }
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  shape(name: string): readonly number[] | undefined {
    return this.byName.get(name)?.shape;
  }
  /** Whether layer i has a tensor whose name (after `blk.i.`) matches. */
  layerHas(i: number, pattern: RegExp): boolean {
    return (this.layerTensors.get(i) ?? []).some((name) => pattern.test(name.slice(`blk.${i}.`.length)));
  }
}

/** Tensors of a recurrent token mixer: Mamba/Gated DeltaNet `ssm_*`, LFM2 `shortconv.*`, RWKV `time_mix_*`. */
const RECURRENT_TENSOR = /^(ssm_|shortconv\.|time_mix_)/;
/** Tensors of an attention block's output projection (every attention layer has one). */
const ATTENTION_OUTPUT = /^attn_output\./;

/** Sliding-window layers as llama.cpp sets them: a per-layer pattern, a period, or none. */
function slidingLayers(
  keys: Keys,
  rule: ArchRule | undefined,
  trunk: number,
  assumptions: string[],
): { readonly sliding: boolean[]; readonly window: number | undefined } {
  const none = { sliding: Array.from({ length: trunk }, () => false), window: undefined };
  const windowKey = keys.num('attention.sliding_window');
  const pattern = keys.raw('attention.sliding_window_pattern');
  const swa = rule?.swa;
  if (!rule) {
    // An unknown architecture: llama.cpp applies a window only where the architecture's code says so; a file
    // that spells out its pattern is taken at its word, a bare window is not applied.
    if (windowKey === undefined || windowKey <= 0) return none;
    if (pattern === undefined) {
      assumptions.push(
        `${keys.key('attention.sliding_window')} (${windowKey}) was not applied: the file gives no sliding_window_pattern, so every layer was assumed to attend over the whole context`,
      );
      return none;
    }
  } else if (!swa || swa.when === 'never') {
    return none;
  } else if (swa.onlyWithLayers !== undefined && swa.onlyWithLayers !== trunk) {
    return none;
  } else if (swa.when === 'window-key' && !(windowKey !== undefined && windowKey > 0)) {
    return none;
  }
  const window = windowKey ?? swa?.defaultWindow;
  if (Array.isArray(pattern) && pattern.length >= trunk) {
    return { sliding: pattern.slice(0, trunk).map((x) => Boolean(x)), window };
  }
  const period = typeof pattern === 'number' ? pattern : swa?.period;
  if (period === undefined) return none;
  // llama_hparams::set_swa_pattern(n): layer il is sliding when il % n < n - 1 (the last of every n is full).
  const sliding = Array.from({ length: trunk }, (_, i) => period === 0 || i % period < period - 1);
  return { sliding, window };
}

/** Which trunk layers are recurrent, and whether they also attend (Falcon-H1 runs both in every layer). */
function recurrentLayers(
  keys: Keys,
  tensors: Tensors,
  rule: ArchRule | undefined,
  trunk: number,
  kvHeads: readonly number[],
  ffnWidths: readonly number[] | undefined,
): { readonly recurrent: boolean[]; readonly attends: boolean[] } {
  const listed = keys.raw('attention.recurrent_layers');
  const all = (v: boolean) => Array.from({ length: trunk }, () => v);
  let recurrent: boolean[];
  if (Array.isArray(listed) && listed.length >= trunk) {
    recurrent = listed.slice(0, trunk).map((x) => Boolean(x));
  } else if (rule?.recurrent) {
    const r = rule.recurrent;
    if (r.layers === 'all') recurrent = all(true);
    else if (r.layers === 'kv-heads-zero') recurrent = kvHeads.map((h) => h === 0);
    else if (r.layers === 'kv-heads-and-ffn-zero')
      recurrent = kvHeads.map((h, i) => h === 0 && (ffnWidths?.[i] ?? 0) === 0);
    else {
      const every = keys.num('full_attention_interval') ?? r.interval ?? 4;
      recurrent = Array.from({ length: trunk }, (_, i) => (i + 1) % every !== 0);
    }
    return { recurrent, attends: recurrent.map((x) => !x) };
  } else {
    // Unknown architecture: a layer with recurrent-mixer tensors is recurrent; one with an attention output
    // projection attends (both for parallel hybrids).
    recurrent = Array.from({ length: trunk }, (_, i) => tensors.layerHas(i, RECURRENT_TENSOR));
    if (!recurrent.some(Boolean)) return { recurrent, attends: all(true) };
    const attends = Array.from(
      { length: trunk },
      (_, i) => (kvHeads[i] ?? 0) > 0 && tensors.layerHas(i, ATTENTION_OUTPUT),
    );
    return { recurrent, attends };
  }
  return { recurrent, attends: recurrent.map((x) => !x) };
}

/**
 * The recurrent state one layer keeps, sized as llama.cpp sizes it (src/llama-hparams.cpp n_embd_r, n_embd_s):
 * RWKV token shifts and WKV heads; LFM2 short-convolution cache; Kimi KDA heads; otherwise Mamba/Gated DeltaNet
 * (d_conv − 1) × (d_inner + 2 · n_group · d_state) conv values and d_state × d_inner state values.
 */
function recurrentSpec(keys: Keys, d: number, heads: number, kind: RecurrentKind | undefined): RecurrentSpec {
  const dConv = keys.num('ssm.conv_kernel') ?? 0;
  const dInner = keys.num('ssm.inner_size') ?? 0;
  const dState = keys.num('ssm.state_size') ?? 0;
  const groups = keys.num('ssm.group_count') ?? 0;
  const dtRank = keys.num('ssm.time_step_rank') ?? 0;
  const geometry = { innerSize: dInner, stateSize: dState, groups, timeStepRank: dtRank };
  const wkv = keys.num('wkv.head_size');
  if (wkv) {
    const shifts = keys.num('token_shift_count') ?? 2;
    return { kind: 'rwkv', convState: shifts * d, ssmState: d * wkv, convKernel: 0, ...geometry };
  }
  const lCache = keys.num('shortconv.l_cache');
  if (lCache) {
    return {
      kind: 'short-conv',
      convState: d * (lCache - 1),
      ssmState: dState * dInner,
      convKernel: lCache,
      ...geometry,
    };
  }
  const kda = keys.num('kda.head_dim');
  if (kda) {
    const inner = heads * kda;
    return {
      kind: kind ?? 'gated-delta-net',
      convState: 3 * (dConv > 0 ? dConv - 1 : 3) * inner,
      ssmState: kda * kda * heads,
      convKernel: dConv,
      ...geometry,
    };
  }
  return {
    kind: kind ?? 'mamba2',
    convState: (dConv > 0 ? dConv - 1 : 0) * (dInner + 2 * groups * dState),
    ssmState: dState * dInner,
    convKernel: dConv,
    ...geometry,
  };
}

function ffnOf(tensors: Tensors, i: number, keys: Keys): FfnSpec {
  const b = `blk.${i}`;
  const downExps = tensors.shape(`${b}.ffn_down_exps.weight`);
  const dense =
    tensors.shape(`${b}.ffn_down.weight`)?.[0] ??
    tensors.shape(`${b}.ffn_gate.weight`)?.[1] ??
    tensors.shape(`${b}.ffn_up.weight`)?.[1];
  if (downExps) {
    return {
      kind: 'moe',
      experts: downExps[2] ?? 1,
      expertsUsed: keys.required('expert_used_count'),
      expertIntermediate: downExps[0] ?? 0,
      sharedIntermediate:
        tensors.shape(`${b}.ffn_down_shexp.weight`)?.[0] ??
        tensors.shape(`${b}.ffn_up_shexp.weight`)?.[1] ??
        dense ??
        0,
    };
  }
  // A layer with neither (a Nemotron-H Mamba or attention layer) has no FFN.
  return { kind: 'dense', intermediate: dense ?? 0 };
}

/** Whether the FFNs are gated: a gate tensor, or an up projection twice as wide as down's input (fused, Phi-3). */
function gatedFfnOf(tensors: Tensors, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const b = `blk.${i}`;
    if (tensors.has(`${b}.ffn_gate.weight`) || tensors.has(`${b}.ffn_gate_exps.weight`)) return true;
    if (tensors.has(`${b}.ffn_gate_up_exps.weight`)) return true;
    const up = tensors.shape(`${b}.ffn_up.weight`)?.[1];
    const down = tensors.shape(`${b}.ffn_down.weight`)?.[0];
    if (up !== undefined && down !== undefined) return up === 2 * down;
  }
  return true;
}

/** Per-head K and V widths of layer i: the file's key/value_length (the _swa ones for sliding layers), else the tensors. */
function headDims(
  keys: Keys,
  tensors: Tensors,
  i: number,
  sliding: boolean,
  heads: number,
  kvHeads: number,
  d: number,
): { readonly k: number; readonly v: number } {
  const b = `blk.${i}`;
  const kKey =
    (sliding ? keys.num('attention.key_length_swa') : undefined) ?? keys.num('attention.key_length');
  const vKey =
    (sliding ? keys.num('attention.value_length_swa') : undefined) ?? keys.num('attention.value_length');
  const kTensor = tensors.shape(`${b}.attn_k.weight`)?.[1];
  const vTensor = tensors.shape(`${b}.attn_v.weight`)?.[1];
  const k =
    kKey ??
    (kTensor !== undefined && kvHeads > 0 ? kTensor / kvHeads : undefined) ??
    (heads > 0 ? d / heads : 0);
  const v = vKey ?? (vTensor !== undefined && kvHeads > 0 ? vTensor / kvHeads : undefined) ?? k;
  return { k, v };
}

function ropeScalingOf(keys: Keys): RopeScaling | undefined {
  const type = keys.raw('rope.scaling.type');
  const factor = keys.num('rope.scaling.factor');
  const original = keys.num('rope.scaling.original_context_length');
  if (typeof type !== 'string' || type === 'none' || factor === undefined) return undefined;
  return { type, factor, ...(original !== undefined ? { originalContext: original } : {}) };
}

/** Keys without which an unknown architecture cannot be read as a decoder (llama_model_base::load_hparams). */
const STANDARD_KEYS = ['block_count', 'embedding_length', 'attention.head_count'] as const;

/**
 * Refuses an architecture cliffbench does not know unless it is a causal decoder described by the standard keys:
 * a vision/audio projector (`clip`), an encoder (`attention.causal` false) or a file without block_count,
 * embedding_length and head_count cannot be estimated as a language model.
 */
function refuseUnmodellable(keys: Keys): void {
  const missing = STANDARD_KEYS.find((k) => !keys.has(k));
  const encoder = keys.raw('attention.causal') === false;
  if (missing === undefined && !encoder && keys.arch !== 'clip') return;
  const why = encoder
    ? `it is not a causal decoder (${keys.key('attention.causal')} is false)`
    : missing !== undefined
      ? `its header lacks the standard key "${keys.key(missing)}"`
      : 'it is a vision/audio projector, not a language model';
  throw new CliffbenchError(
    'unsupported-architecture',
    `GGUF architecture "${keys.arch}" is not known to cliffbench and cannot be read as a generic decoder: ${why}. Known architectures: ${knownGgufArchitectures.join(', ')}.`,
    { field: 'general.architecture', value: keys.arch, ...(missing ? { missing: keys.key(missing) } : {}) },
  );
}

/** The architecture a GGUF header describes. */
export function architectureFromGguf(
  meta: GgufMetadata,
  tensorList: readonly TensorSpec[],
): ModelArchitecture {
  const arch = meta['general.architecture'];
  if (typeof arch !== 'string') {
    throw new CliffbenchError('invalid-gguf', 'The GGUF header has no "general.architecture" string.', {
      field: 'general.architecture',
    });
  }
  const rule = ARCHES[arch];
  const keys = new Keys(meta, arch);
  if (!rule) refuseUnmodellable(keys);
  const tensors = new Tensors(tensorList);
  const assumptions: string[] = [];
  const nAll = keys.required('block_count');
  const d = keys.required('embedding_length');
  const nextn = Math.min(nAll - 1, Math.max(0, keys.num('nextn_predict_layers') ?? 0));
  const trunk = nAll - nextn;
  const heads = keys.perLayer('attention.head_count', nAll);
  const kvHeads = keys.perLayer('attention.head_count_kv', nAll) ?? heads;
  if (!heads || !kvHeads) {
    throw new CliffbenchError(
      'invalid-gguf',
      `The GGUF header lacks "${keys.key('attention.head_count')}".`,
      {
        field: keys.key('attention.head_count'),
      },
    );
  }
  const { sliding, window } = slidingLayers(keys, rule, trunk, assumptions);
  const { recurrent, attends } = recurrentLayers(
    keys,
    tensors,
    rule,
    trunk,
    kvHeads,
    keys.perLayer('feed_forward_length', nAll),
  );
  const anyRecurrent = recurrent.some(Boolean);
  const sharedKv = keys.num('attention.shared_kv_layers') ?? 0;
  const firstShared = trunk - sharedKv;
  const kinds: AttentionKind[] = sliding.map((s) => (s ? 'sliding' : 'full'));
  const kvLoraRank = keys.num('attention.kv_lora_rank');
  const kMla = keys.num('attention.key_length_mla');
  const vMla = keys.num('attention.value_length_mla');
  // llama_hparams::is_mla: a file with key/value_length_mla caches the latent (converted since PR #12801);
  // older DeepSeek files cache full K and V.
  const mla: MlaSpec | undefined =
    kvLoraRank !== undefined && kMla !== undefined && vMla !== undefined
      ? {
          kvLoraRank,
          qLoraRank: keys.num('attention.q_lora_rank') ?? 0,
          ropeDim: keys.num('rope.dimension_count') ?? 0,
        }
      : undefined;
  const state = anyRecurrent ? recurrentSpec(keys, d, heads[0] ?? 0, rule?.recurrent?.kind) : undefined;

  const layerAt = (i: number, isTrunk: boolean): LayerSpec => {
    const b = `blk.${i}`;
    const attention = isTrunk ? (kinds[i] ?? 'full') : 'full';
    const isRecurrent = isTrunk && (recurrent[i] ?? false);
    const attendsHere = !isTrunk || (attends[i] ?? true);
    const h = attendsHere ? (heads[i] ?? 0) : 0;
    const kvh = attendsHere ? (kvHeads[i] ?? 0) : 0;
    const dims = mla
      ? { k: kMla ?? 0, v: vMla ?? 0 }
      : headDims(keys, tensors, i, attention === 'sliding', h, kvh, d);
    const kvSharedFrom =
      isTrunk && sharedKv > 0 && i >= firstShared ? kinds.lastIndexOf(attention, firstShared - 1) : -1;
    const kvOnly = tensors.has(`${b}.attn_k.weight`) && !tensors.has(`${b}.attn_v.weight`);
    return {
      attention,
      headCount: h,
      kvHeadCount: kvh,
      headDimK: h > 0 ? dims.k : 0,
      headDimV: h > 0 ? dims.v : 0,
      // Gemma 4 "K=V" layers: a key projection and no value projection.
      hasVProj: !kvOnly || kvSharedFrom >= 0,
      ...(kvSharedFrom >= 0 ? { kvSharedFrom } : {}),
      ...(mla && h > 0 ? { mla } : {}),
      ...(isRecurrent && state ? { recurrent: state } : {}),
      ffn: ffnOf(tensors, i, keys),
    };
  };
  const layers = Array.from({ length: trunk }, (_, i) => layerAt(i, true));
  const mtpLayers = Array.from({ length: nextn }, (_, j) => layerAt(trunk + j, false));

  if (!rule) {
    const shape =
      `${keys.key('block_count')} ${nAll}, ${keys.key('embedding_length')} ${d}, ` +
      `${keys.key('attention.head_count')} ${heads[0]}, ${keys.key('attention.head_count_kv')} ${kvHeads[0]}`;
    const what = anyRecurrent
      ? `a hybrid whose layers with ssm/shortconv tensors keep a recurrent state sized from ${keys.key('ssm.*')}, and whose layers with attn_output attend over the whole context with a KV cache`
      : 'a transformer whose every layer attends over the whole context with a KV cache';
    assumptions.unshift(
      `architecture '${arch}' is not known to cliffbench: assumed ${what} (${shape}; FFN and expert widths from the tensor table)`,
    );
    if (nextn > 0) assumptions.push(`assumed llama.cpp keeps a KV cache for the ${nextn} MTP block(s)`);
  }

  const ple = keys.num('embedding_length_per_layer_input');
  const name = typeof meta['general.name'] === 'string' ? (meta['general.name'] as string) : `${arch} GGUF`;
  const ropeScaling = ropeScalingOf(keys);
  return {
    id: `gguf-${arch}-${trunk}l-${d}d`,
    name,
    family: rule?.family ?? arch,
    modelType: rule?.modelType ?? arch,
    hiddenSize: d,
    vocabSize: tensors.shape('token_embd.weight')?.[1] ?? keys.required('vocab_size'),
    tiedEmbeddings: !tensors.has('output.weight'),
    gatedFfn: gatedFfnOf(tensors, trunk),
    ...(kinds.includes('sliding') && window !== undefined ? { slidingWindow: window } : {}),
    ...(ple !== undefined && ple > 0 ? { perLayerInputSize: ple } : {}),
    maxContext: keys.num('context_length') ?? 4096,
    ...(ropeScaling ? { ropeScaling } : {}),
    layers,
    ...(nextn > 0 ? { mtpLayers, mtpKvCached: !rule?.mtpWithoutKv } : {}),
    source: 'GGUF header',
    ...(assumptions.length > 0 ? { assumptions } : {}),
  };
}
