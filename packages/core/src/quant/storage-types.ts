/**
 * @module quant/storage-types — every tensor storage type a quant mix can assign: the ggml types plus
 * MLX's affine group quantisation, expressed in the same block terms so one byte formula serves both.
 */
import { CliffbenchError } from '../errors.js';
import { type GgmlType, ggmlTypes } from './ggml-types.js';

// MLX affine quantisation: each group of `group_size` values along the last axis shares one scale and one
// bias stored in the weights' dtype (bf16/fp16, 2 bytes each); default group_size 64, bits 4.
// https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.quantize.html
// So a 64-value group takes 64·bits/8 + 2 + 2 bytes: 36 B at 4 bits (4.5 bpw), 68 B at 8 bits (8.5 bpw).
// id -1: not a ggml type, never stored in a GGUF file.
const MLX_SOURCE = 'MLX mlx.core.quantize, mode "affine", group_size 64, fp16/bf16 scale + bias per group';

/** MLX storage types in block terms (`MLX_Q4`: 64 values in 36 bytes; `MLX_Q8`: 64 in 68). */
export const mlxTypes: readonly GgmlType[] = [
  { name: 'MLX_Q4', id: -1, blockSize: 64, bytesPerBlock: 36, quantized: true, source: MLX_SOURCE },
  { name: 'MLX_Q8', id: -1, blockSize: 64, bytesPerBlock: 68, quantized: true, source: MLX_SOURCE },
];

const all = new Map([...ggmlTypes, ...mlxTypes].map((t) => [t.name, t]));

/**
 * Looks up a ggml or MLX storage type by its exact upper-case name (`Q4_K`, `F16`, `MLX_Q4`).
 * @throws CliffbenchError('unknown-quant') listing the accepted names.
 */
export function storageType(name: string): GgmlType {
  const found = all.get(name.toUpperCase());
  if (!found) {
    throw new CliffbenchError('unknown-quant', `Unknown tensor storage type "${name}".`, {
      accepted: [...all.keys()],
    });
  }
  return found;
}
