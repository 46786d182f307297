/**
 * @module model/catalog-vision — the vision projector (mmproj) of each multimodal catalog model, for estimates
 * that ask for images without giving the file: its llama.cpp projector type and image geometry (which decide
 * the tokens an image adds, estimate/mmproj.ts) and its size, each from a cited fact. Also the size of a
 * SigLIP projector computed from a Hugging Face `vision_config`, for imported configs. Encoder shapes (for the
 * encode time per image, speed/vision-encode.ts) where a cited source gives them.
 */
import type { VisionEncoder } from '../speed/vision-encode.js';

/** What a catalog model's projector is. */
export interface VisionFacts {
  /** llama.cpp's `clip.projector_type` for it (ggml-org/llama.cpp tools/mtmd/clip-impl.h). */
  readonly projector: string;
  /** `vision_config.image_size` / `patch_size`, pixels (fixed-size projectors take their tokens from them). */
  readonly imageSize: number;
  readonly patchSize: number;
  /** The mmproj file's size, bytes. */
  readonly bytes: number;
  /** Where `bytes` comes from. */
  readonly source: string;
  /** The vision encoder's shape, where cited. */
  readonly encoder?: VisionEncoder;
}

/** The fields of a SigLIP `vision_config` (transformers SiglipVisionConfig) the parameter count needs. */
export interface SiglipVisionConfig {
  readonly hidden_size: number;
  readonly intermediate_size: number;
  readonly num_hidden_layers: number;
  readonly patch_size: number;
  readonly image_size: number;
}

/**
 * Bytes of a SigLIP vision tower plus Gemma 3's projector as llama.cpp's converter writes an F16 mmproj
 * (matrices F16, 1-D norms and biases F32). Tensors as transformers' SiglipVisionModel holds them
 * (modeling_siglip.py): the patch convolution (3·p²·h + bias h), the position table ((image/p)²·h), per layer
 * two LayerNorms (2·2h), q/k/v/out (4·(h² + h)) and the MLP (h·f + f + f·h + h); the post LayerNorm (2h); then
 * Gemma3MultiModalProjector's soft-embedding norm (h) and input projection (h × text hidden) (modeling_gemma3.py).
 */
export function siglipProjectorBytes(v: SiglipVisionConfig, textHidden: number): number {
  const h = v.hidden_size;
  const f = v.intermediate_size;
  const positions = (v.image_size / v.patch_size) ** 2;
  const matrices =
    3 * v.patch_size ** 2 * h +
    positions * h +
    v.num_hidden_layers * (4 * h * h + 2 * h * f) +
    h * textHidden;
  const vectors = h + v.num_hidden_layers * (4 * h + 4 * h + f + h) + 2 * h + h;
  return 2 * matrices + 4 * vectors;
}

/** A SigLIP tower's encoder: its MLP is fc1/fc2, not gated (transformers modeling_siglip.py SiglipMLP). */
export const siglipEncoder = (v: SiglipVisionConfig): VisionEncoder => ({
  layers: v.num_hidden_layers,
  hidden: v.hidden_size,
  ffn: v.intermediate_size,
  gated: false,
});

/**
 * Gemma 3 4B/12B/27B share one SigLIP tower: vision_config of huggingface.co/google/gemma-3-{4b,12b,27b}-it
 * config.json (hidden 1152, intermediate 4304, 27 layers, 14-pixel patches of 896-pixel images); the Gemma 3
 * technical report (arXiv 2503.19786) calls it the 400M SigLIP encoder.
 */
const GEMMA3_SIGLIP: SiglipVisionConfig = {
  hidden_size: 1152,
  intermediate_size: 4304,
  num_hidden_layers: 27,
  patch_size: 14,
  image_size: 896,
};

const gemma3 = (textHidden: number): VisionFacts => ({
  projector: 'gemma3',
  imageSize: GEMMA3_SIGLIP.image_size,
  patchSize: GEMMA3_SIGLIP.patch_size,
  bytes: siglipProjectorBytes(GEMMA3_SIGLIP, textHidden),
  encoder: siglipEncoder(GEMMA3_SIGLIP),
  source:
    'computed from the SigLIP vision_config of google/gemma-3-*-it config.json (F16 matrices, F32 norms and biases)',
});

/**
 * Gemma 4: vision_config image_size 768 / patch_size 16 is only the geometry llama.cpp warms up with; gemma4v is
 * dynamic-resolution (at most 280 tokens an image, estimate/mmproj.ts).
 */
const gemma4 = (projector: string, bytes: number, source: string, encoder?: VisionEncoder): VisionFacts => ({
  projector,
  imageSize: 768,
  patchSize: 16,
  bytes,
  source,
  ...(encoder === undefined ? {} : { encoder }),
});

/** Published F16 mmproj of Gemma 4 26B A4B, bytes (mmproj-gemma-4-26b-a4b-it-f16.gguf). */
const GEMMA4_26B_MMPROJ = 1_193_058_432;
/** The vision tower's width; the projection into the text model is 1152 × its hidden size (F16). */
const GEMMA4_VISION_HIDDEN = 1152;

/**
 * Gemma 4 26B A4B / 31B vision tower: 27 blocks of width 1152 with an MLP of 4304 (llama.cpp's load_hparams for
 * the 31B's gemma4v projector: n_embd 1152, n_ff 4304, n_layer 27, github.com/ggml-org/llama.cpp/issues/24758),
 * gated (ffn_gate, ffn_up and ffn_down tensors of [1152, 4304], 9,916,416 bytes each in BF16, as the loader lists
 * them in github.com/ggml-org/llama.cpp/pull/21760). Cross-check on the 26B's F16 file: 27 blocks of
 * 2 × (4·1152² + 3·1152·4304) = 40,366,080 bytes, the projection (2 × 1152 × 2816), the patch embedding
 * (2 × 3 × 16² × 1152) and two F32 position tables of 10,240 × 1152 come to 1,192,513,536 of its 1,193,058,432
 * bytes, the rest (0.5 MB) being 1-D norms.
 */
const GEMMA4_VISION: VisionEncoder = { layers: 27, hidden: GEMMA4_VISION_HIDDEN, ffn: 4304, gated: true };

/**
 * Gemma 4 E2B/E4B vision tower: gemma4.vision.block_count 16, embedding_length 768, feed_forward_length 3072 (the
 * GGUF's keys as llama.cpp prints them in github.com/ollama/ollama/issues/16532); gated like the larger tower
 * (the same Gemma4VisionModel).
 */
const GEMMA4_EDGE_VISION: VisionEncoder = { layers: 16, hidden: 768, ffn: 3072, gated: true };

/**
 * Gemma 4 E2B/E4B: the model card gives a vision encoder of ≈150M and an audio encoder of ≈300M parameters
 * (ai.google.dev/gemma/docs/core/model_card_4); llama.cpp's Gemma 4 mmproj holds both (gemma4v + gemma4a), F16.
 */
const GEMMA4_EDGE_MMPROJ = 2 * (150e6 + 300e6);

const VISION: Readonly<Record<string, VisionFacts>> = {
  'gemma-4-e2b': gemma4(
    'gemma4v',
    GEMMA4_EDGE_MMPROJ,
    'Gemma 4 model card: ≈150M vision + ≈300M audio encoder parameters, F16 (rounded figures)',
    GEMMA4_EDGE_VISION,
  ),
  'gemma-4-e4b': gemma4(
    'gemma4v',
    GEMMA4_EDGE_MMPROJ,
    'Gemma 4 model card: ≈150M vision + ≈300M audio encoder parameters, F16 (rounded figures)',
    GEMMA4_EDGE_VISION,
  ),
  'gemma-4-12b': gemma4(
    'gemma4uv',
    175_115_264,
    'mmproj-gemma-4-12b-it-qat-q4_0.gguf in google/gemma-4-12B-it-qat-q4_0-gguf (175,115,264 bytes, as listed in github.com/pekkah/SharpInference issue 250)',
  ),
  'gemma-4-26b-a4b': gemma4(
    'gemma4v',
    GEMMA4_26B_MMPROJ,
    'mmproj-gemma-4-26b-a4b-it-f16.gguf, 1,193,058,432 bytes (huggingface.co/keyuan01/Gemma-4-26B-A4B-it-MixQ-13G-GGUF)',
    GEMMA4_VISION,
  ),
  // The same tower as 26B A4B; only the projection into the text model is wider (5376 vs 2816).
  'gemma-4-31b': gemma4(
    'gemma4v',
    GEMMA4_26B_MMPROJ + 2 * GEMMA4_VISION_HIDDEN * (5376 - 2816),
    "26B A4B's F16 mmproj plus the wider projection, 2 bytes × 1152 × (5376 − 2816) (hidden sizes of the two config.json files)",
    GEMMA4_VISION,
  ),
  'gemma-3-4b': gemma3(2560),
  'gemma-3-12b': gemma3(3840),
  'gemma-3-27b': gemma3(5376),
};

/** The projector of a catalog model, or undefined for a text-only one. */
export const catalogVision = (id: string): VisionFacts | undefined => VISION[id];
