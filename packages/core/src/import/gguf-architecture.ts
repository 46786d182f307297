/**
 * @module import/gguf-architecture — a ModelArchitecture from a GGUF header: hyper-parameters from the
 * metadata keys llama.cpp writes (`<arch>.block_count`, `<arch>.attention.head_count_kv`, ... see llama.cpp
 * src/llama-arch.cpp LLM_KV_NAMES), per-layer shapes from the tensors themselves, which are the truth.
 */
import { CliffbenchError } from '../errors.js';
import type { AttentionKind, FfnSpec, LayerSpec, ModelArchitecture } from '../model/architecture.js';
import type { TensorSpec } from '../model/tensors.js';

export type GgufMetadata = Readonly<Record<string, unknown>>;

interface ArchRule {
  /** The Hugging Face model_type with the same tensor layout. */
  readonly modelType: string;
  readonly family: string;
  /** Every n-th layer is full attention when the file has no per-layer pattern (llama.cpp set_swa_pattern). */
  readonly swaPattern?: number;
}

/** GGUF `general.architecture` → layout and family; llama.cpp hard-codes the SWA pattern of some (llama-model.cpp). */
const ARCHES: Readonly<Record<string, ArchRule>> = {
  llama: { modelType: 'llama', family: 'llama' },
  qwen2: { modelType: 'qwen2', family: 'qwen2.5' },
  qwen3: { modelType: 'qwen3', family: 'qwen3' },
  qwen3moe: { modelType: 'qwen3_moe', family: 'qwen3' },
  'gpt-oss': { modelType: 'gpt_oss', family: 'gpt-oss', swaPattern: 2 },
  gemma3: { modelType: 'gemma3_text', family: 'gemma-3', swaPattern: 6 },
  gemma4: { modelType: 'gemma4_text', family: 'gemma-4' },
};

function perLayer(meta: GgufMetadata, key: string, n: number): number[] | undefined {
  const v = meta[key];
  if (typeof v === 'number') return Array.from({ length: n }, () => v);
  if (Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number')) return v as number[];
  return undefined;
}

function required(meta: GgufMetadata, key: string): number {
  const v = meta[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new CliffbenchError(
      'invalid-gguf',
      `The GGUF header lacks the metadata key "${key}" (a positive number).`,
      {
        field: key,
      },
    );
  }
  return v;
}

function attentionKinds(meta: GgufMetadata, arch: string, n: number, rule: ArchRule): AttentionKind[] {
  const pattern = meta[`${arch}.attention.sliding_window_pattern`];
  if (Array.isArray(pattern) && pattern.length === n) return pattern.map((swa) => (swa ? 'sliding' : 'full'));
  const every = typeof pattern === 'number' ? pattern : rule.swaPattern;
  if (!every) return Array.from({ length: n }, () => 'full');
  return Array.from({ length: n }, (_, i) => ((i + 1) % every === 0 ? 'full' : 'sliding'));
}

function shapeOf(byName: ReadonlyMap<string, TensorSpec>, name: string): readonly number[] | undefined {
  return byName.get(name)?.shape;
}

function ffnOf(
  byName: ReadonlyMap<string, TensorSpec>,
  i: number,
  meta: GgufMetadata,
  arch: string,
): FfnSpec {
  const b = `blk.${i}`;
  const down = shapeOf(byName, `${b}.ffn_down_exps.weight`);
  const dense = shapeOf(byName, `${b}.ffn_up.weight`) ?? shapeOf(byName, `${b}.ffn_gate.weight`);
  if (down) {
    const used = required(meta, `${arch}.expert_used_count`);
    return {
      kind: 'moe',
      experts: down[2] ?? 1,
      expertsUsed: used,
      expertIntermediate: down[0] ?? 0,
      sharedIntermediate: dense?.[1] ?? shapeOf(byName, `${b}.ffn_up_shexp.weight`)?.[1] ?? 0,
    };
  }
  if (!dense) {
    throw new CliffbenchError('invalid-gguf', `Layer ${i} has neither ffn_up/ffn_gate nor expert tensors.`, {
      tensor: `${b}.ffn_up.weight`,
    });
  }
  return { kind: 'dense', intermediate: dense[1] ?? 0 };
}

/** The architecture a GGUF header describes. */
export function architectureFromGguf(meta: GgufMetadata, tensors: readonly TensorSpec[]): ModelArchitecture {
  const arch = meta['general.architecture'];
  if (typeof arch !== 'string') {
    throw new CliffbenchError('invalid-gguf', 'The GGUF header has no "general.architecture" string.', {
      field: 'general.architecture',
    });
  }
  const rule = ARCHES[arch];
  if (!rule) {
    throw new CliffbenchError(
      'unsupported-architecture',
      `GGUF architecture "${arch}" is not supported; supported: ${Object.keys(ARCHES).join(', ')}.`,
      { field: 'general.architecture', value: arch },
    );
  }
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const n = required(meta, `${arch}.block_count`);
  const d = required(meta, `${arch}.embedding_length`);
  const heads = perLayer(meta, `${arch}.attention.head_count`, n);
  const kvHeads = perLayer(meta, `${arch}.attention.head_count_kv`, n) ?? heads;
  if (!heads || !kvHeads) {
    throw new CliffbenchError('invalid-gguf', `The GGUF header lacks "${arch}.attention.head_count".`, {
      field: `${arch}.attention.head_count`,
    });
  }
  const kinds = attentionKinds(meta, arch, n, rule);
  const sharedKv = Number(meta[`${arch}.attention.shared_kv_layers`] ?? 0);
  const firstShared = n - sharedKv;
  const embd = byName.get('token_embd.weight');
  const layers: LayerSpec[] = kinds.map((attention, i) => {
    const b = `blk.${i}`;
    const h = heads[i] as number;
    const q = shapeOf(byName, `${b}.attn_q.weight`)?.[1];
    const headDim = shapeOf(byName, `${b}.attn_q_norm.weight`)?.[0] ?? (q ? q / h : d / h);
    const kvSharedFrom = i >= firstShared ? kinds.lastIndexOf(attention, firstShared - 1) : -1;
    return {
      attention,
      headCount: h,
      kvHeadCount: kvHeads[i] as number,
      headDimK: headDim,
      headDimV: headDim,
      hasVProj: byName.has(`${b}.attn_v.weight`) || kvSharedFrom >= 0,
      ...(kvSharedFrom >= 0 ? { kvSharedFrom } : {}),
      ffn: ffnOf(byName, i, meta, arch),
    };
  });
  const window = meta[`${arch}.attention.sliding_window`];
  const ple = meta[`${arch}.embedding_length_per_layer_input`];
  const name = typeof meta['general.name'] === 'string' ? (meta['general.name'] as string) : `${arch} GGUF`;
  const ropeType = meta[`${arch}.rope.scaling.type`];
  const ropeFactor = meta[`${arch}.rope.scaling.factor`];
  const ropeOriginal = meta[`${arch}.rope.scaling.original_context_length`];
  const ropeScaling =
    typeof ropeType === 'string' && ropeType !== 'none' && typeof ropeFactor === 'number'
      ? {
          type: ropeType,
          factor: ropeFactor,
          ...(typeof ropeOriginal === 'number' ? { originalContext: ropeOriginal } : {}),
        }
      : undefined;
  return {
    id: `gguf-${arch}-${n}l-${d}d`,
    name,
    family: rule.family,
    modelType: rule.modelType,
    hiddenSize: d,
    vocabSize: embd?.shape[1] ?? required(meta, `${arch}.vocab_size`),
    tiedEmbeddings: !byName.has('output.weight'),
    gatedFfn: true,
    ...(kinds.includes('sliding') && typeof window === 'number' ? { slidingWindow: window } : {}),
    ...(typeof ple === 'number' && ple > 0 ? { perLayerInputSize: ple } : {}),
    maxContext: Number(meta[`${arch}.context_length`] ?? 4096),
    ...(ropeScaling ? { ropeScaling } : {}),
    layers,
    source: 'GGUF header',
  };
}
