/**
 * @module quant/quant-mixes — the file-level quantisations people download: GGUF file types (llama.cpp
 * `llama_ftype`) and MLX 4/8-bit. A mix names a base type; per-tensor choices live in mix-rules.ts.
 */
import { CliffbenchError } from '../errors.js';

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
}

// File type ids: enum llama_ftype in llama.cpp include/llama.h
// (https://github.com/ggml-org/llama.cpp/blob/master/include/llama.h); base types:
// llama_ftype_get_default_type() in src/llama-quant.cpp.
const FTYPE = 'llama.cpp include/llama.h enum llama_ftype; src/llama-quant.cpp llama_ftype_get_default_type';
// Bits per weight of the K-mixes as measured on Llama-2-7B in llama.cpp tools/quantize/README.md.
const README = `${FTYPE}; bpw from llama.cpp tools/quantize/README.md (Llama-2-7B)`;
const MLX =
  'mlx-lm convert -q (mlx_lm/convert.py): affine, group_size 64, scale + bias per group in the model dtype';

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
  gguf('IQ4_NL', 25, 'IQ4_NL', 4.5, 'Non-linear 4-bit blocks of 32'),
  gguf('IQ4_XS', 30, 'IQ4_XS', 4.25, 'Non-linear 4-bit super-blocks of 256'),
  gguf('MXFP4', 38, 'MXFP4', 4.25, 'gpt-oss style: MoE experts MXFP4, every other matrix Q8_0', [
    'MXFP4_MOE',
  ]),
  gguf('Q3_K_L', 13, 'Q3_K', 4.27, 'Q3_K; attn_v, attn_output, ffn_down at Q5_K', [], README),
  gguf('Q3_K_M', 12, 'Q3_K', 3.91, 'Q3_K; attn_v/attn_output/ffn_down raised to Q4_K/Q5_K', ['Q3_K'], README),
  gguf('Q3_K_S', 11, 'Q3_K', 3.5, 'Q3_K throughout', [], README),
  gguf('Q2_K', 10, 'Q2_K', 3.35, 'Q2_K; attn_v Q3_K/Q4_K, ffn_down and attn_output Q3_K', ['Q2'], README),
  {
    name: 'MLX 8-bit',
    format: 'mlx',
    baseType: 'MLX_Q8',
    nominalBitsPerWeight: 8.5,
    aliases: ['MLX8', 'MLX 8BIT', '8BIT MLX', 'MLX Q8'],
    description: 'MLX affine 8-bit, groups of 64 with a 16-bit scale and bias',
    source: MLX,
  },
  {
    name: 'MLX 4-bit',
    format: 'mlx',
    baseType: 'MLX_Q4',
    nominalBitsPerWeight: 4.5,
    aliases: ['MLX4', 'MLX 4BIT', '4BIT MLX', 'MLX Q4'],
    description: 'MLX affine 4-bit, groups of 64 with a 16-bit scale and bias; routers at 8-bit',
    source: MLX,
  },
];

const normalise = (s: string): string => s.toUpperCase().replace(/[\s_\-.]/g, '');

const index = new Map<string, QuantMix>();
for (const mix of quantMixes) {
  for (const key of [mix.name, ...mix.aliases]) index.set(normalise(key), mix);
}

/**
 * Finds a quant mix by name, forgiving case, spaces, dashes and underscores (`q4_k_m`, `Q4-K-M`, `Q4_K`,
 * `mlx-4bit`, `MXFP4_MOE`).
 * @throws CliffbenchError('unknown-quant') listing the accepted names.
 */
export function findQuant(name: string): QuantMix {
  const found = index.get(normalise(name));
  if (!found) {
    throw new CliffbenchError('unknown-quant', `Unknown quantisation "${name}".`, {
      accepted: quantMixes.map((m) => m.name),
    });
  }
  return found;
}

/**
 * The GGUF mix with this `general.file_type` id, or undefined for ids the estimator has no rules for
 * (IQ1/IQ2/IQ3 mixes, Q2_K_S, TQ*, NVFP4).
 */
export function quantMixByFileType(fileType: number): QuantMix | undefined {
  return quantMixes.find((m) => m.fileType === fileType);
}
