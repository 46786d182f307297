/**
 * @module quant/quant-mixes — the file-level quantisations people download: every GGUF file type llama-quantize
 * makes (llama.cpp `llama_ftype`), Unsloth Dynamic (`UD-…`) files, and MLX 4/8-bit. A mix names a base type;
 * per-tensor choices live in mix-rules.ts.
 */
import { CliffbenchError } from '../errors.js';
import { unslothDynamicMixes } from './unsloth-dynamic.js';

/** One downloadable quantisation of a whole model. */
export interface QuantMix {
  /** Canonical name as files and llama.cpp print it: `Q4_K_M`, `MXFP4`, `MLX 4-bit`. */
  readonly name: string;
  readonly format: 'gguf' | 'mlx';
  /** GGUF `general.file_type` (`enum llama_ftype`); undefined for MLX. */
  readonly fileType?: number;
  /** Storage type of most weights (llama_ftype_get_default_type), e.g. `Q4_K` for Q4_K_M. */
  readonly baseType: string;
  /**
   * Typical bits per weight of the whole file, for display and ordering only; byte counts come from
   * the per-tensor rules. K-mixes: llama.cpp tools/quantize README (Llama-2-7B); others: their base type.
   */
  readonly nominalBitsPerWeight: number;
  /** Other spellings `findQuant` accepts. */
  readonly aliases: readonly string[];
  readonly description: string;
  readonly source: string;
  /**
   * Modelled as quantised with an importance matrix (llama-quantize `--imatrix`), which changes a few
   * per-tensor choices. True for the mixes llama-quantize refuses to make without one (IQ1_*, IQ2_*, IQ3_XXS,
   * IQ3_XS, Q2_K_S) and for Unsloth Dynamic files; the other llama.cpp mixes are modelled without one.
   * @default false
   */
  readonly imatrix?: boolean;
  /**
   * The llama-quantize mix whose per-tensor rules the file follows before its own changes (an Unsloth Dynamic
   * file's `general.file_type`, e.g. `Q4_K_M` for `UD-Q4_K_XL`). @default the mix's own name
   */
  readonly rules?: string;
  /** Who makes files of this mix: llama-quantize's own recipe, Unsloth's dynamic one, or mlx-lm. */
  readonly origin?: 'llama.cpp' | 'unsloth-dynamic' | 'mlx';
}

// File type ids: enum llama_ftype in llama.cpp include/llama.h
// (https://github.com/ggml-org/llama.cpp/blob/master/include/llama.h); base types:
// llama_ftype_get_default_type() in src/llama-quant.cpp.
const FTYPE = 'llama.cpp include/llama.h enum llama_ftype; src/llama-quant.cpp llama_ftype_get_default_type';
// Bits per weight of the K-mixes as measured on Llama-2-7B in llama.cpp tools/quantize/README.md.
const README = `${FTYPE}; bpw from llama.cpp tools/quantize/README.md (Llama-2-7B)`;
const MLX =
  'mlx-lm convert -q (mlx_lm/convert.py): affine, group_size 64, scale + bias per group in the model dtype';

// Bits per weight of the IQ mixes, Q2_K_S and the K-mixes the README lists, as llama-quantize made them for
// Llama-3.1-8B (llama.cpp tools/quantize/README.md at 311c2c9f).
const README_31 = `${FTYPE}; bpw from llama.cpp tools/quantize/README.md (Llama-3.1-8B)`;
// The mixes llama-quantize refuses to make without an importance matrix: tensor_requires_imatrix() in
// src/llama-quant.cpp (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S and IQ3_XXS tensors; Q2_K tensors of Q2_K_S files).
const NEEDS_IMATRIX = `${README_31}; needs an importance matrix (tensor_requires_imatrix)`;

const gguf = (
  name: string,
  fileType: number,
  baseType: string,
  nominalBitsPerWeight: number,
  description: string,
  aliases: readonly string[] = [],
  source = FTYPE,
): QuantMix => ({
  name,
  format: 'gguf',
  fileType,
  baseType,
  nominalBitsPerWeight,
  aliases,
  description,
  source,
  origin: 'llama.cpp',
  ...(source === NEEDS_IMATRIX ? { imatrix: true } : {}),
});

/** Every mix the estimator knows, from largest to smallest within each format. */
export const quantMixes: readonly QuantMix[] = [
  gguf('F32', 0, 'F32', 32, 'Unquantised 32-bit floats', ['FP32', 'FLOAT32']),
  gguf('F16', 1, 'F16', 16, 'Unquantised 16-bit floats', ['FP16', 'FLOAT16', 'HALF']),
  gguf('BF16', 32, 'BF16', 16, 'Unquantised bfloat16', ['BFLOAT16']),
  gguf('Q8_0', 7, 'Q8_0', 8.5, '8-bit blocks of 32 with an f16 scale; output head kept at Q8_0', [
    'Q8',
    'INT8',
  ]),
  gguf('Q6_K', 18, 'Q6_K', 6.56, '6-bit K-quant throughout', ['Q6'], README),
  gguf('Q5_K_M', 17, 'Q5_K', 5.68, 'Q5_K; half of attn_v and ffn_down at Q6_K', ['Q5_K'], README),
  gguf('Q5_K_S', 16, 'Q5_K', 5.52, 'Q5_K throughout', [], README),
  gguf('Q5_1', 9, 'Q5_1', 6, 'Legacy 5-bit blocks with scale and min'),
  gguf('Q5_0', 8, 'Q5_0', 5.5, 'Legacy 5-bit blocks of 32'),
  gguf('Q4_K_M', 15, 'Q4_K', 4.84, 'Q4_K; half of attn_v and ffn_down at Q6_K', ['Q4_K', 'Q4KM'], README),
  gguf('Q4_K_S', 14, 'Q4_K', 4.58, 'Q4_K; first attn_v and first eighth of ffn_down at Q5_K', [], README),
  gguf('Q4_1', 3, 'Q4_1', 5, 'Legacy 4-bit blocks with scale and min'),
  gguf('Q4_0', 2, 'Q4_0', 4.5, 'Legacy 4-bit blocks of 32 with an f16 scale; output head Q6_K'),
  gguf('IQ4_NL', 25, 'IQ4_NL', 4.68, 'Non-linear 4-bit blocks of 32', [], README_31),
  gguf('IQ4_XS', 30, 'IQ4_XS', 4.46, 'Non-linear 4-bit super-blocks of 256', [], README_31),
  gguf('MXFP4', 38, 'MXFP4', 4.25, 'gpt-oss style: MoE experts MXFP4, every other matrix Q8_0', [
    'MXFP4_MOE',
  ]),
  gguf('NVFP4', 39, 'NVFP4', 4.5, 'NVIDIA FP4: E2M1 values, an E4M3 scale per 16; output head Q6_K'),
  gguf('Q3_K_L', 13, 'Q3_K', 4.27, 'Q3_K; attn_v, attn_output, ffn_down at Q5_K', [], README),
  gguf('Q3_K_M', 12, 'Q3_K', 3.91, 'Q3_K; attn_v/attn_output/ffn_down raised to Q4_K/Q5_K', ['Q3_K'], README),
  gguf(
    'IQ3_M',
    27,
    'IQ3_S',
    3.76,
    'IQ3_S; attn_v, attn_output and the first eighth of ffn_down Q4_K',
    [],
    README_31,
  ),
  gguf(
    'IQ3_S',
    26,
    'IQ3_S',
    3.66,
    'IQ3_S throughout; attn_v Q4_K with 4+ query heads per KV head',
    [],
    README_31,
  ),
  gguf('Q3_K_S', 11, 'Q3_K', 3.5, 'Q3_K throughout', [], README),
  gguf(
    'IQ3_XS',
    22,
    'IQ3_S',
    3.5,
    'IQ3_S; attn_q/attn_k and middle ffn_gate/ffn_up IQ3_XXS',
    [],
    NEEDS_IMATRIX,
  ),
  gguf('Q2_K', 10, 'Q2_K', 3.35, 'Q2_K; attn_v Q3_K/Q4_K, ffn_down and attn_output Q3_K', ['Q2'], README),
  gguf('IQ3_XXS', 23, 'IQ3_XXS', 3.25, 'IQ3_XXS; attn_q/attn_k IQ2_S, attn_output IQ3_S', [], NEEDS_IMATRIX),
  gguf(
    'Q2_K_S',
    21,
    'Q2_K',
    2.97,
    'Q2_K; attn_v Q4_K with GQA, first eighth of ffn_down Q4_K',
    [],
    NEEDS_IMATRIX,
  ),
  gguf(
    'IQ2_M',
    29,
    'IQ2_S',
    2.93,
    'IQ2_S; attn_v, attn_output and the first eighth of ffn_down IQ3_S',
    [],
    NEEDS_IMATRIX,
  ),
  gguf(
    'IQ2_S',
    28,
    'IQ2_XS',
    2.74,
    'IQ2_XS; attn_v, attn_output and the first eighth of ffn_down IQ3_S',
    [],
    NEEDS_IMATRIX,
  ),
  gguf(
    'IQ2_XS',
    20,
    'IQ2_XS',
    2.59,
    'IQ2_XS; attn_v Q2_K/Q4_K, first eighth of ffn_down Q2_K',
    [],
    NEEDS_IMATRIX,
  ),
  gguf(
    'IQ2_XXS',
    19,
    'IQ2_XXS',
    2.38,
    'IQ2_XXS; attn_v Q2_K/Q4_K, first eighth of ffn_down Q2_K',
    [],
    NEEDS_IMATRIX,
  ),
  gguf('Q2_0', 41, 'Q2_0', 2.25, '2-bit blocks of 64 with an f16 scale; token_embd Q4_K'),
  gguf(
    'IQ1_M',
    31,
    'IQ1_M',
    2.15,
    'IQ1_M; attn_output IQ2_XXS, attn_v Q2_K/Q4_K, token_embd Q2_K',
    [],
    NEEDS_IMATRIX,
  ),
  gguf('TQ2_0', 37, 'TQ2_0', 2.06, 'Ternary 2-bit (BitNet-style models); token_embd Q4_K'),
  gguf(
    'IQ1_S',
    24,
    'IQ1_S',
    2.0,
    'IQ1_S; attn_output IQ2_XXS, attn_v Q2_K/Q4_K, token_embd Q2_K',
    [],
    NEEDS_IMATRIX,
  ),
  gguf('TQ1_0', 36, 'TQ1_0', 1.69, 'Ternary 1.69-bit (BitNet-style models); token_embd Q4_K'),
  gguf('Q1_0', 40, 'Q1_0', 1.125, '1-bit blocks of 128 with an f16 scale; output head Q6_K'),
  ...unslothDynamicMixes,
  {
    name: 'MLX 8-bit',
    format: 'mlx',
    baseType: 'MLX_Q8',
    nominalBitsPerWeight: 8.5,
    aliases: ['MLX8', 'MLX 8BIT', '8BIT MLX', 'MLX Q8'],
    description: 'MLX affine 8-bit, groups of 64 with a 16-bit scale and bias',
    source: MLX,
    origin: 'mlx',
  },
  {
    name: 'MLX 4-bit',
    format: 'mlx',
    baseType: 'MLX_Q4',
    nominalBitsPerWeight: 4.5,
    aliases: ['MLX4', 'MLX 4BIT', '4BIT MLX', 'MLX Q4'],
    description: 'MLX affine 4-bit, groups of 64 with a 16-bit scale and bias; routers at 8-bit',
    source: MLX,
    origin: 'mlx',
  },
];

const normalise = (s: string): string => s.toUpperCase().replace(/[\s_\-.]/g, '');

const index = new Map<string, QuantMix>();
for (const mix of quantMixes) {
  for (const key of [mix.name, ...mix.aliases]) index.set(normalise(key), mix);
}

/**
 * `UD-` + a llama-quantize mix Unsloth publishes without a recipe of ours (`UD-Q4_K_M`, `UD-IQ4_XS`, `UD-TQ1_0`):
 * that mix, quantised with an importance matrix as every Unsloth file is, under the UD name.
 */
function dynamicVariant(key: string): QuantMix | undefined {
  if (!key.startsWith('UD')) return undefined;
  const base = index.get(key.slice(2));
  if (base === undefined || base.format !== 'gguf' || base.origin !== 'llama.cpp') return undefined;
  const mix: QuantMix = {
    name: `UD-${base.name}`,
    format: 'gguf',
    baseType: base.baseType,
    nominalBitsPerWeight: base.nominalBitsPerWeight,
    aliases: [],
    description: `Unsloth Dynamic ${base.name}: modelled as llama-quantize's ${base.name} with an importance matrix`,
    source: `${base.source}; Unsloth Dynamic files carry quantize.imatrix.* keys`,
    imatrix: true,
    rules: base.rules ?? base.name,
    origin: 'unsloth-dynamic',
  };
  index.set(key, mix);
  return mix;
}

/**
 * Finds a quant mix by name, forgiving case, spaces, dashes and underscores (`q4_k_m`, `Q4-K-M`, `Q4_K`,
 * `mlx-4bit`, `MXFP4_MOE`, `UD-Q4_K_XL`, `Q4_K_XL`, `ud-iq2_m`). `UD-` before any other llama-quantize mix
 * (`UD-Q4_K_M`) names that mix as Unsloth makes it, with an importance matrix.
 * @throws CliffbenchError('unknown-quant') listing the accepted names.
 */
export function findQuant(name: string): QuantMix {
  const key = normalise(name);
  const found = index.get(key) ?? dynamicVariant(key);
  if (!found) {
    throw new CliffbenchError('unknown-quant', `Unknown quantisation "${name}".`, {
      accepted: quantMixes.map((m) => m.name),
    });
  }
  return found;
}

/** True when `findQuant(name)` would find a mix. */
export function isKnownQuant(name: string): boolean {
  const key = normalise(name);
  return index.has(key) || dynamicVariant(key) !== undefined;
}

/**
 * The llama-quantize mix with this GGUF `general.file_type` id (`enum llama_ftype`), or undefined for ids
 * llama.cpp does not define (4-6, 33-35, 1024 "guessed"). Unsloth Dynamic files carry their base mix's id;
 * gguf-file-types.ts tells them apart by file name.
 */
export function quantMixByFileType(fileType: number): QuantMix | undefined {
  return quantMixes.find((m) => m.fileType === fileType && m.origin === 'llama.cpp');
}
