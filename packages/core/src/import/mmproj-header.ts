/**
 * @module import/mmproj-header — a vision projector (llama.cpp's `--mmproj FILE`) read from its GGUF header: its
 * size (header + tensor data, from the tensor infos) and the tokens one image adds to the context, from its
 * `clip.*` keys. Keys and rules as llama.cpp's mtmd reads them (ggml-org/llama.cpp tools/mtmd/clip-impl.h key
 * names; tools/mtmd/clip.cpp `load_hparams` and `clip_n_output_tokens`, commit
 * e98e7bc070680e4bb6457296b9dcbf6b14c8eedf). Only the header is read.
 */
import { CliffbenchError } from '../errors.js';
import { finite, imageTokensOf, type ProjectorFile } from '../estimate/mmproj.js';
import { readGgufFileHeader } from './gguf-header.js';
import { type ByteSource, bytesSource } from './gguf-source.js';

/** What a projector's header says. */
export type MmprojHeader = ProjectorFile;

/**
 * Reads a vision projector's GGUF header from a source (a local file, a URL by HTTP Range).
 * @throws CliffbenchError `invalid-gguf`: not a GGUF, header cut short, corrupt (gguf-header.ts); or a GGUF that
 *   is not a projector (no `clip.*` keys: a model file given as --mmproj), or a projector without a vision
 *   encoder (audio only).
 */
export async function readMmprojSource(source: ByteSource): Promise<MmprojHeader> {
  const { metadata, fileBytes, tensors } = await readGgufFileHeader(source);
  const clipKeys = Object.keys(metadata).filter((k) => k.startsWith('clip.'));
  if (clipKeys.length === 0) {
    const arch = metadata['general.architecture'];
    throw new CliffbenchError(
      'invalid-gguf',
      `${source.name} is a GGUF but not a vision projector (mmproj): it has no clip.* keys${typeof arch === 'string' ? ` (it is a "${arch}" model file)` : ''}. Give the mmproj-*.gguf published beside the model.`,
      { file: source.name, notMmproj: true },
    );
  }
  if (metadata['clip.has_vision_encoder'] === false) {
    throw new CliffbenchError(
      'invalid-gguf',
      `${source.name} is a projector without a vision encoder (clip.has_vision_encoder is false): it takes audio, not images.`,
      { file: source.name, notMmproj: true },
    );
  }
  const type = metadata['clip.projector_type'] ?? metadata['clip.vision.projector_type'];
  const projector = typeof type === 'string' ? type : 'unknown';
  const geometry = {
    imageSize: finite(metadata['clip.vision.image_size']),
    patchSize: finite(metadata['clip.vision.patch_size']),
    scaleFactor: finite(metadata['clip.vision.projector.scale_factor']),
  };
  const { tokens, note } = imageTokensOf(projector, geometry);
  // The encoder's shape (speed/vision-encode.ts): block count, width and MLP width; gated where the blocks have
  // an ffn_gate tensor (clip.cpp's build_ffn uses one when the file has it).
  const [layers, hidden, ffn] = [
    metadata['clip.vision.block_count'],
    metadata['clip.vision.embedding_length'],
    metadata['clip.vision.feed_forward_length'],
  ].map(finite);
  const gated = tensors.some((t) => t.name.startsWith('v.blk.') && t.name.includes('.ffn_gate.'));
  return {
    name: source.name,
    bytes: fileBytes,
    projector,
    ...(tokens === undefined ? {} : { imageTokens: tokens }),
    tokensNote: note,
    geometry,
    ...(layers && hidden && ffn ? { encoder: { layers, hidden, ffn, gated } } : {}),
  };
}

/** Reads a projector's header from bytes in memory (its first MiBs, or the whole file). */
export function readMmprojHeader(bytes: Uint8Array, name = 'the mmproj given'): Promise<MmprojHeader> {
  return readMmprojSource(bytesSource(bytes, name));
}
