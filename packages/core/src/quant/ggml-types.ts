/**
 * @module quant/ggml-types — the ggml tensor storage types: GGUF numeric id, elements per block and
 * bytes per block, so any tensor's exact size in a GGUF file can be computed from its shape and type.
 */
import { CliffbenchError } from '../errors.js';

/** One ggml storage type. A row of `n` elements takes `n / blockSize × bytesPerBlock` bytes. */
export interface GgmlType {
  /** Upper-case name as llama.cpp prints it in logs (`Q4_K`, `F16`, `IQ4_XS`). */
  readonly name: string;
  /** `enum ggml_type` value, the number a GGUF tensor-info record stores. */
  readonly id: number;
  /** Elements per block (1 for plain float/int types). */
  readonly blockSize: number;
  /** Bytes per block (`sizeof(block_x)`). */
  readonly bytesPerBlock: number;
  /** Block-quantised (true) or a plain number type (false). */
  readonly quantized: boolean;
  /** Where the numbers come from. */
  readonly source: string;
}

// Ids: enum ggml_type in https://github.com/ggml-org/ggml/blob/d99724f2b141fed9e1a9f402213506c081433465/include/ggml.h
// (same enum as llama.cpp ggml/include/ggml.h). Block sizes: type_traits[] in src/ggml.c of that commit
// (.blck_size); bytes: sizeof(block_*) in src/ggml-common.h, whose static_asserts pin each struct size.
// Every bytesPerBlock below was re-checked by compiling ggml-common.h and printing sizeof(block_*).
// QK_K = 256 (ggml-common.h).
const TRAITS = 'ggml include/ggml.h enum ggml_type; src/ggml.c type_traits; src/ggml-common.h';

const row = (name: string, id: number, blockSize: number, bytesPerBlock: number, note = ''): GgmlType => ({
  name,
  id,
  blockSize,
  bytesPerBlock,
  quantized: blockSize > 1,
  source: note ? `${TRAITS} (${note})` : TRAITS,
});

/** Every ggml type a GGUF file can hold, in enum order. */
export const ggmlTypes: readonly GgmlType[] = [
  row('F32', 0, 1, 4),
  row('F16', 1, 1, 2),
  row('Q4_0', 2, 32, 18, 'f16 scale + 16 B nibbles'),
  row('Q4_1', 3, 32, 20, 'f16 scale, f16 min + 16 B'),
  row('Q5_0', 6, 32, 22, 'f16 scale + 4 B high bits + 16 B'),
  row('Q5_1', 7, 32, 24, 'f16 scale, f16 min + 4 B + 16 B'),
  row('Q8_0', 8, 32, 34, 'f16 scale + 32 int8'),
  row('Q8_1', 9, 32, 36, 'f16 scale, f16 sum + 32 int8'),
  row('Q2_K', 10, 256, 84, '2 f16 + 16 B scales + 64 B quants'),
  row('Q3_K', 11, 256, 110, 'f16 + 32 B hmask + 64 B quants + 12 B scales'),
  row('Q4_K', 12, 256, 144, '2 f16 + 12 B scales + 128 B quants'),
  row('Q5_K', 13, 256, 176, '2 f16 + 12 B scales + 32 B high bits + 128 B quants'),
  row('Q6_K', 14, 256, 210, 'f16 + 16 B scales + 192 B quants'),
  row('Q8_K', 15, 256, 292, 'f32 scale + 256 int8 + 16 int16 sums; intermediate only'),
  row('IQ2_XXS', 16, 256, 66),
  row('IQ2_XS', 17, 256, 74),
  row('IQ3_XXS', 18, 256, 98),
  row('IQ1_S', 19, 256, 50),
  row('IQ4_NL', 20, 32, 18),
  row('IQ3_S', 21, 256, 110),
  row('IQ2_S', 22, 256, 82),
  row('IQ4_XS', 23, 256, 136),
  row('I8', 24, 1, 1),
  row('I16', 25, 1, 2),
  row('I32', 26, 1, 4),
  row('I64', 27, 1, 8),
  row('F64', 28, 1, 8),
  row('IQ1_M', 29, 256, 56),
  row('BF16', 30, 1, 2),
  row('TQ1_0', 34, 256, 54),
  row('TQ2_0', 35, 256, 66),
  row('MXFP4', 39, 32, 17, 'E8M0 shared exponent + 16 B of E2M1 nibbles'),
  row('NVFP4', 40, 64, 36, '4 UE4M3 sub-block scales + 32 B of E2M1 nibbles'),
  row('Q1_0', 41, 128, 18),
  row('Q2_0', 42, 64, 18),
];

const byName = new Map(ggmlTypes.map((t) => [t.name, t]));
const byId = new Map(ggmlTypes.map((t) => [t.id, t]));

/**
 * Looks a ggml type up by name, ignoring case, dashes and a `GGML_TYPE_` prefix (`q4_k`, `Q4-K`).
 * @throws CliffbenchError('unknown-quant') listing the accepted names.
 */
export function ggmlType(name: string): GgmlType {
  const key = name
    .trim()
    .toUpperCase()
    .replace(/^GGML_TYPE_/, '')
    .replace(/-/g, '_');
  const found = byName.get(key);
  if (!found) {
    throw new CliffbenchError('unknown-quant', `Unknown ggml tensor type "${name}".`, {
      accepted: ggmlTypes.map((t) => t.name),
    });
  }
  return found;
}

/**
 * Looks a ggml type up by its GGUF numeric id (`enum ggml_type`).
 * @throws CliffbenchError('invalid-gguf') for ids that are unknown or were removed from GGUF (4, 5, 31–33, 36–38).
 */
export function ggmlTypeById(id: number): GgmlType {
  const found = byId.get(id);
  if (!found) {
    throw new CliffbenchError('invalid-gguf', `Unknown or removed ggml type id ${id}.`, {
      accepted: ggmlTypes.map((t) => `${t.id} ${t.name}`),
    });
  }
  return found;
}

/** True when a row of `rowElements` can be stored in `type` (whole blocks only). */
export function fitsBlocks(type: GgmlType, rowElements: number): boolean {
  return rowElements % type.blockSize === 0;
}

/**
 * Exact bytes of a tensor of `shape` (GGUF order, innermost first) stored as `type`, as ggml_nbytes
 * computes it for a contiguous tensor: rows × (ne0 / blockSize) × bytesPerBlock.
 * @throws CliffbenchError('invalid-gguf') when ne0 is not a whole number of blocks.
 */
export function tensorBytes(type: GgmlType, shape: readonly number[]): number {
  const ne0 = shape[0] ?? 1;
  if (!fitsBlocks(type, ne0)) {
    throw new CliffbenchError(
      'invalid-gguf',
      `A row of ${ne0} elements is not a whole number of ${type.name} blocks (${type.blockSize}).`,
      { type: type.name, rowElements: ne0 },
    );
  }
  const rows = shape.slice(1).reduce((a, b) => a * b, 1);
  return rows * (ne0 / type.blockSize) * type.bytesPerBlock;
}

/** Bits per weight of a type: 8 × bytesPerBlock / blockSize (Q4_0 4.5, Q4_K 4.5, Q6_K 6.5625, Q8_0 8.5). */
export function bitsPerWeight(type: GgmlType): number {
  return (8 * type.bytesPerBlock) / type.blockSize;
}
