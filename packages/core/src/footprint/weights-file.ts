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
const ARRAY_HEADER_BYTES = 4 + 8; // element type u32 + count u64

/**
 * Average stored length in bytes of one vocabulary string. Fitted to the one header whose size we know
 * exactly: TheBloke llama-2-7b-chat.Q2_K.gguf has its tensor data at offset 741,056
 * (@huggingface/gguf src/gguf.spec.ts, "calculate tensor data offset"); with its 291 tensor records
 * (17.3 KB) and ~1 KB of scalar keys removed, its 32,000-token SentencePiece vocabulary (string + f32
 * score + i32 type per token) takes 22.6 B a token, so 6.6 B for the string itself.
 */
const TOKEN_STRING_BYTES = 6.6;
/** Scalar keys, names and a chat template: ~20–40 small KVs plus a template of a few KB (not fitted). */
const OTHER_METADATA_BYTES = 8192;

/** How the vocabulary is stored: SentencePiece (strings, scores, types) or BPE (strings, types, merges). */
export type VocabKind = 'spm' | 'bpe';

/**
 * SentencePiece for Gemma and for 32k-vocabulary Llama/Mistral models; byte-level BPE (Llama 3, Qwen,
 * gpt-oss) otherwise, as convert_hf_to_gguf.py writes them (tokenizer.ggml.model `llama` vs `gpt2`).
 */
export function vocabKind(arch: ModelArchitecture): VocabKind {
  return arch.family.startsWith('gemma') || arch.modelType.startsWith('gemma') || arch.vocabSize <= 32768
    ? 'spm'
    : 'bpe';
}

/**
 * Estimated bytes of the tokenizer metadata. SentencePiece: per token a string, an f32 score and an i32
 * type. BPE: a string and an i32 type per token plus the merge list, taken as one merge per token of about
 * two token lengths each (Qwen2 has ~1 merge per token, Llama 3 ~2.2: this term is the least certain,
 * at most ~0.1% of any file in the catalog).
 */
export function tokenizerMetadataBytes(arch: ModelArchitecture): number {
  const v = arch.vocabSize;
  const strings = ARRAY_HEADER_BYTES + v * (STRING_LENGTH_BYTES + TOKEN_STRING_BYTES);
  const types = ARRAY_HEADER_BYTES + v * 4;
  if (vocabKind(arch) === 'spm') return strings + types + ARRAY_HEADER_BYTES + v * 4;
  const merges = ARRAY_HEADER_BYTES + v * (STRING_LENGTH_BYTES + 2 * TOKEN_STRING_BYTES + 1);
  return strings + types + merges;
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
  const head =
    GGUF_HEADER_BYTES + OTHER_METADATA_BYTES + tokenizerMetadataBytes(arch) + tensorInfoBytes(tensors);
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
