/**
 * @module footprint/weights-file — a GGUF file's size from its tensors (header, metadata, alignment), and
 * rescaling a predicted weight breakdown to a known real size.
 */
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { dimensionCount } from '../quant/tensor-category.js';
import type { WeightBreakdown } from './weights.js';

// GGUF layout (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): a 24-byte header (magic, version,
// tensor count, KV count); KV pairs; one info record per tensor (name as u64 length + bytes, u32 dimension
// count, u64 per dimension, u32 type, u64 offset); padding to general.alignment (default 32); then each
// tensor's data, each starting on an aligned offset.
const GGUF_HEADER_BYTES = 24;
const GGUF_ALIGNMENT = 32;
const STRING_LENGTH_BYTES = 8;

/** How a model's vocabulary is stored, which sets the size of the GGUF key-value section. */
export type VocabKind = 'gemma' | 'spm' | 'bpe';

/** Bytes of the whole key-value section (tokenizer, scalar keys, chat template) per vocabulary entry. */
interface MetadataFit {
  readonly bytesPerToken: number;
  readonly source: string;
}

const metadataFits: Readonly<Record<VocabKind, MetadataFit>> = {
  // File size minus exact tensor bytes, tensor records, padding and header for five GGUFs sharing one
  // 262,144-entry vocabulary: ggml-org gemma-4-26B-A4B-it and gemma-4-31B-it at Q8_0 and Q4_K_M, and google's
  // gemma-4-12b-it QAT q4_0 (file listings of huggingface.co/ggml-org/gemma-4-26B-A4B-it-GGUF,
  // huggingface.co/ggml-org/gemma-4-31B-it-GGUF and huggingface.co/google/gemma-4-12B-it-qat-q4_0-gguf;
  // the sizes are in test/published-sizes.ts). All five leave 15,781,067-15,782,039
  // bytes: 60.2 per entry. Assumed for Gemma 3's 262,208-entry vocabulary too (not checked against a file).
  gemma: { bytesPerToken: 60.2, source: 'Gemma 4 GGUF file sizes minus tensors (5 files agree within 1 KB)' },
  // TheBloke llama-2-7b-chat.Q2_K.gguf starts its tensor data at byte 741,056 (asserted by @huggingface/gguf's
  // own tests, src/gguf.spec.ts); less the 24-byte header and 17,286 bytes of tensor records, its 32,000-entry
  // SentencePiece vocabulary (string, f32 score, i32 type each) and 19 scalar keys take 22.6 bytes an entry.
  spm: { bytesPerToken: 22.6, source: 'llama-2-7b-chat.Q2_K.gguf header (741,056 bytes)' },
  // Byte-level BPE (Llama 3, Qwen, gpt-oss): per entry a ~7-byte string with its 8-byte length, an i32 type,
  // and ~1.5 merges of ~15 bytes plus length (Qwen2 has ~1 merge per entry, Llama 3 ~2.2). Structural, not
  // fitted to a file: even 50% off, it moves a catalog file size by under 0.2%.
  bpe: { bytesPerToken: 50, source: 'structural estimate (strings, types, merges); not fitted' },
};

/**
 * Gemma's 262k vocabulary, 32k-entry SentencePiece vocabularies (Llama 2, Mistral 7B), or byte-level BPE
 * (Llama 3, Qwen, gpt-oss), as convert_hf_to_gguf.py writes them.
 */
export function vocabKind(arch: ModelArchitecture): VocabKind {
  if (arch.family.startsWith('gemma') || arch.modelType.startsWith('gemma')) return 'gemma';
  return arch.vocabSize <= 32768 ? 'spm' : 'bpe';
}

/**
 * Estimated bytes of the GGUF key-value section (tokenizer, scalar keys, chat template): vocabulary entries
 * × bytes per entry fitted per vocabulary kind (see metadataFits for each fit's source).
 */
export function tokenizerMetadataBytes(arch: ModelArchitecture): number {
  return arch.vocabSize * metadataFits[vocabKind(arch)].bytesPerToken;
}

/** Exact bytes of the tensor-info records (names, shapes, types, offsets). */
export function tensorInfoBytes(tensors: readonly QuantizedTensor[]): number {
  const encoder = new TextEncoder();
  return tensors.reduce(
    (sum, t) =>
      sum + STRING_LENGTH_BYTES + encoder.encode(t.name).length + 4 + 8 * dimensionCount(t.shape) + 4 + 8,
    0,
  );
}

const pad = (n: number): number => (GGUF_ALIGNMENT - (n % GGUF_ALIGNMENT)) % GGUF_ALIGNMENT;

/** Header, metadata, tensor records and alignment padding: everything in the file except tensor data. */
export function ggufOverheadBytes(tensors: readonly QuantizedTensor[], arch: ModelArchitecture): number {
  const head = GGUF_HEADER_BYTES + tokenizerMetadataBytes(arch) + tensorInfoBytes(tensors);
  const dataPadding = tensors.reduce((sum, t) => sum + pad(t.bytes), 0);
  return head + pad(head) + dataPadding;
}

/** Predicted size of the GGUF file on disk: tensor bytes plus ggufOverheadBytes. */
export function ggufFileBytes(tensors: readonly QuantizedTensor[], arch: ModelArchitecture): number {
  return tensors.reduce((sum, t) => sum + t.bytes, 0) + ggufOverheadBytes(tensors, arch);
}

/**
 * Rescales every byte figure of a predicted breakdown so its tensors add up to a known real size.
 *
 * @param fileBytes the real size. llama-bench's "size" column (and the validation set's `weightsBytes`) is
 *   already tensor bytes — llama_model_size() sums ggml_nbytes of the weights — so pass it as is.
 * @param overheadBytes bytes of `fileBytes` that are not tensor data; give ggufOverheadBytes() when
 *   `fileBytes` is a file's size on disk. @default 0
 */
export function scaleBreakdownToFileSize(
  b: WeightBreakdown,
  fileBytes: number,
  overheadBytes = 0,
): WeightBreakdown {
  if (!(fileBytes > overheadBytes) || !(b.totalBytes > 0)) {
    throw new CliffbenchError(
      'invalid-scenario',
      `Cannot scale weights of ${b.totalBytes} bytes to a file of ${fileBytes} bytes with ${overheadBytes} bytes of header; both sizes must be positive and the file larger than its header.`,
      { fileBytes, overheadBytes, predictedBytes: b.totalBytes },
    );
  }
  const k = (fileBytes - overheadBytes) / b.totalBytes;
  const scale = (x: number): number => x * k;
  return {
    totalBytes: fileBytes - overheadBytes,
    byGroup: Object.fromEntries(
      Object.entries(b.byGroup).map(([g, v]) => [g, scale(v)]),
    ) as WeightBreakdown['byGroup'],
    perLayerBytes: b.perLayerBytes.map(scale),
    nonRepeatingBytes: scale(b.nonRepeatingBytes),
    expertBytesPerLayer: b.expertBytesPerLayer.map(scale),
    outputHeadBytes: scale(b.outputHeadBytes),
    lookupTableBytes: scale(b.lookupTableBytes),
    activeBytesPerToken: scale(b.activeBytesPerToken),
  };
}
