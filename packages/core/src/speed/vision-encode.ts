/**
 * @module speed/vision-encode — the time llama.cpp's vision encoder (mtmd's clip graph) takes per image, added to
 * the time to first token before the image's tokens are prefilled. The encoder is a ViT: every patch of the image
 * passes through `layers` transformer blocks of width `hidden` (ggml-org/llama.cpp tools/mtmd/clip.cpp
 * `build_vit`, commit e98e7bc070680e4bb6457296b9dcbf6b14c8eedf), so per image:
 *
 * - matmuls: 2 FLOPs per weight per patch, with per block 4·hidden² attention weights (q, k, v, out) and
 *   2·hidden·ffn MLP weights (3·hidden·ffn where the MLP is gated: ffn_gate, ffn_up, ffn_down);
 * - attention: every patch attends to every patch of its image, 4·layers·patches²·hidden FLOPs (QKᵀ and AV);
 *
 * counted at the patch count before any pooling or merging (that comes after the blocks). The rates are the
 * prefill model's (speed/coefficients.ts, speed/prefill.ts): matmuls at the F16 path's effective rate (projector
 * files are F16/BF16) with the same tile occupancy, attention at `attentionEfficiency` of the matmul rate — on the
 * GPU when the projector is offloaded, else on the CPU. Qwen2.5-VL's window-attention layers count as full
 * attention: llama.cpp computes them over all patches under a mask (tools/mtmd/models/qwen2vl.cpp, commit
 * 06e514f61476a45c38b36ac37ca5133114b90ab3). Left out: the patch embedding and the projection into the text model
 * (Gemma's one matrix over the pooled tokens is under 0.1% of its blocks' FLOPs; Qwen2.5-VL's two-layer merger
 * about 2%).
 */
import type { SpeedCoefficients } from './coefficients.js';

/** A ViT encoder's shape. */
export interface VisionEncoder {
  /** Transformer blocks (`clip.vision.block_count`). */
  readonly layers: number;
  /** Width (`clip.vision.embedding_length`). */
  readonly hidden: number;
  /** MLP width (`clip.vision.feed_forward_length`). */
  readonly ffn: number;
  /** The MLP has a gate matrix (ffn_gate) beside ffn_up and ffn_down. */
  readonly gated: boolean;
}

/** Weights one patch is multiplied by, in the block stack. */
export const encoderParams = (e: VisionEncoder): number =>
  e.layers * (4 * e.hidden * e.hidden + (e.gated ? 3 : 2) * e.hidden * e.ffn);

/** FLOPs of one image of `patches` patches: matmuls and attention. */
export function encoderFlops(e: VisionEncoder, patches: number): { matmul: number; attention: number } {
  return {
    matmul: 2 * encoderParams(e) * patches,
    attention: 4 * e.layers * patches * patches * e.hidden,
  };
}

/** Encode time of one image and where it ran. */
export interface ImageEncodeTime {
  readonly secondsPerImage: number;
  readonly flopsPerImage: number;
  readonly onGpu: boolean;
}

/**
 * Seconds one image of `patches` patches takes on the GPU (`onGpu`) or the CPU, at the prefill model's effective
 * F16 matmul rate and attention efficiency.
 */
export function imageEncodeTime(
  speed: SpeedCoefficients,
  e: VisionEncoder,
  patches: number,
  onGpu: boolean,
): ImageEncodeTime {
  const pc = speed.prefill;
  const { matmul, attention } = encoderFlops(e, patches);
  const matmulRate = onGpu ? pc.gpuFloatFlops : pc.cpuFloatFlops;
  const attentionRate =
    (onGpu ? Math.max(pc.gpuQuantFlops, pc.gpuFloatFlops) : pc.cpuFloatFlops) * pc.attentionEfficiency;
  // All patches of an image go through each weight matrix at once: the prefill model's tile occupancy at that m.
  const occupancy = patches / (patches + pc.halfEfficiencyTokens);
  return {
    secondsPerImage: matmul / (matmulRate * occupancy) + attention / attentionRate,
    flopsPerImage: matmul + attention,
    onGpu,
  };
}

/**
 * Measured ÷ predicted encode time over the published rows of test/fixtures/validation-vision.jsonl (printed by
 * `npm run validate:vision`), rounded outwards: the encode part of the time-to-first-token band. The two rows,
 * 6.6× apart, show no consistent factor to fit: LLaVA 1.5's CLIP on an Apple M2 (llama.cpp, 0.91) and Gemma 4
 * 31B's tower on a V100 (ollama's own graph, flash attention off, 6.01).
 */
export const ENCODE_RANGE = { low: 0.91, high: 6.02 } as const;
