/**
 * Test helper: vision projector (mmproj) GGUF headers as llama.cpp's converter writes them — `clip.*` keys
 * (names from ggml-org/llama.cpp tools/mtmd/clip-impl.h) and a small SigLIP-style tower's tensor infos (Q8_0
 * matrices; F32 norms and patch convolution, whose 14-wide rows are no whole Q8_0 block) — with
 * the file size the header implies, written by test/gguf-writer.ts.
 */
import { f32Tensor, type GgufValue, q8Tensor, type TypedTensor, writeTypedGguf } from './gguf-writer.js';

export interface MmprojFixture {
  /** The header bytes (no tensor data). */
  readonly bytes: Uint8Array;
  /** Header + tensor data, each tensor padded to 32 bytes (the GGUF default alignment). */
  readonly size: number;
}

const aligned = (bytes: number): number => 32 * Math.ceil(bytes / 32);
/** A tower of `layers` blocks of width `width` projecting into a text model of width `textWidth`. */
function tower(layers: number, width: number, patch: number, textWidth: number): TypedTensor[] {
  const blocks = Array.from({ length: layers }, (_, i) => [
    q8Tensor(`v.blk.${i}.attn_q.weight`, [width, width]),
    q8Tensor(`v.blk.${i}.attn_k.weight`, [width, width]),
    q8Tensor(`v.blk.${i}.attn_v.weight`, [width, width]),
    q8Tensor(`v.blk.${i}.attn_out.weight`, [width, width]),
    q8Tensor(`v.blk.${i}.ffn_up.weight`, [width, 4 * width]),
    q8Tensor(`v.blk.${i}.ffn_down.weight`, [4 * width, width]),
    f32Tensor(`v.blk.${i}.ln1.weight`, [width]),
    f32Tensor(`v.blk.${i}.ln2.weight`, [width]),
  ]).flat();
  return [
    f32Tensor('v.patch_embd.weight', [patch, patch, 3, width]),
    f32Tensor('v.position_embd.weight', [width, 64]),
    ...blocks,
    q8Tensor('mm.input_projection.weight', [width, textWidth]),
  ];
}

/** An mmproj header with the given `clip.*` keys (and a general.architecture of "clip"). */
export function mmprojFixture(keys: Record<string, GgufValue>, layers = 2): MmprojFixture {
  const tensors = tower(layers, 64, 14, 256);
  const bytes = writeTypedGguf({ 'general.architecture': 'clip', ...keys }, tensors);
  return { bytes, size: bytes.length + tensors.reduce((a, t) => a + aligned(t.bytes), 0) };
}

/** Gemma 3's projector keys: 896-pixel images in 14-pixel patches, pooled 4 × 4 (llama.cpp's default). */
export const GEMMA3_KEYS: Record<string, GgufValue> = {
  'clip.projector_type': 'gemma3',
  'clip.has_vision_encoder': true,
  'clip.vision.image_size': 896,
  'clip.vision.patch_size': 14,
};

/** Gemma 4's projector keys (dynamic resolution; at most 280 tokens an image in llama.cpp). */
export const GEMMA4_KEYS: Record<string, GgufValue> = {
  'clip.projector_type': 'gemma4v',
  'clip.has_vision_encoder': true,
  'clip.has_audio_encoder': false,
  'clip.vision.image_size': 768,
  'clip.vision.patch_size': 16,
};
