/**
 * Test helper: GGUF headers of catalog models as llama.cpp writes them (test/gguf-writer.ts), whole or split
 * into parts the way llama-gguf-split does (metadata in part 1; `split.no`, `split.count`,
 * `split.tensors.count` in every part: ggml-org/llama.cpp tools/gguf-split/gguf-split.cpp), with the file
 * size the header implies, for the local and remote readers' tests.
 */
import {
  findModel,
  findQuant,
  ggmlType,
  type ModelArchitecture,
  type QuantizedTensor,
  quantizeTensors,
  tensorsOf,
} from '../src/index.js';
import { type GgufValue, ggufMetadataOf, writeGguf } from './gguf-writer.js';

export interface GgufFixture {
  /** The header bytes (no tensor data). */
  readonly bytes: Uint8Array;
  /** The whole file's size: header + 32-aligned tensor data. */
  readonly size: number;
  readonly tensors: readonly QuantizedTensor[];
}

const aligned = (bytes: number): number => 32 * Math.ceil(bytes / 32);

/** File type ids of the quants the fixtures use (llama.cpp's llama_ftype). */
const FILE_TYPE: Readonly<Record<string, number>> = { Q4_K_M: 15, Q8_0: 7, Q6_K: 18 };

function fixture(metadata: Record<string, GgufValue>, tensors: readonly QuantizedTensor[]): GgufFixture {
  const infos = tensors.map((t) => ({
    name: t.name,
    shape: t.shape,
    typeId: ggmlType(t.type).id,
    bytes: t.bytes,
  }));
  const bytes = writeGguf(metadata, infos);
  return { bytes, size: bytes.length + tensors.reduce((a, t) => a + aligned(t.bytes), 0), tensors };
}

/** A catalog model's whole GGUF header at a quant; `extra` metadata added (e.g. a large tokenizer). */
export function ggufFixture(
  model: string | ModelArchitecture = 'llama-2-7b',
  quant = 'Q4_K_M',
  extra: Record<string, GgufValue> = {},
): GgufFixture {
  const arch = typeof model === 'string' ? findModel(model) : model;
  const tensors = quantizeTensors(tensorsOf(arch), findQuant(quant), arch);
  const { metadata } = ggufMetadataOf(arch);
  return fixture({ ...metadata, 'general.file_type': FILE_TYPE[quant] ?? 15, ...extra }, tensors);
}

/** The parts of a catalog model's GGUF split into `count` files, in part order. */
export function splitGgufFixture(model = 'llama-2-7b', quant = 'Q8_0', count = 3): GgufFixture[] {
  const arch = findModel(model);
  const tensors = quantizeTensors(tensorsOf(arch), findQuant(quant), arch);
  const { metadata } = ggufMetadataOf(arch);
  const per = Math.ceil(tensors.length / count);
  return Array.from({ length: count }, (_, i) => {
    const split = { 'split.no': i, 'split.count': count, 'split.tensors.count': tensors.length };
    const mine = tensors.slice(i * per, (i + 1) * per);
    const meta = i === 0 ? { ...metadata, 'general.file_type': FILE_TYPE[quant] ?? 7, ...split } : split;
    return fixture(meta, mine);
  });
}

/**
 * Tokenizer metadata of about `bytes` bytes, to make a header as long as real ones (a 262k-token vocabulary
 * takes ~10 MB). Few long tokens: the parser is slow on many short strings, and these tests time the reading.
 */
export const bigTokenizer = (bytes: number): Record<string, GgufValue> => ({
  'tokenizer.ggml.tokens': Array.from({ length: Math.ceil(bytes / 2000) }, (_, i) =>
    `${i}`.padEnd(2000, '.'),
  ),
});
