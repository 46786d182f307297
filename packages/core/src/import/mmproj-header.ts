/**
 * @module import/mmproj-header — a vision projector (llama.cpp's `--mmproj FILE`) read from its GGUF header: its
 * size (header + tensor data, from the tensor infos) and the tokens one image adds to the context, from its
 * `clip.*` keys. Keys and rules as llama.cpp's mtmd reads them (ggml-org/llama.cpp tools/mtmd/clip-impl.h key
 * names; tools/mtmd/clip.cpp `load_hparams` and `clip_n_output_tokens`, commit
 * e98e7bc070680e4bb6457296b9dcbf6b14c8eedf). Only the header is read.
 */
import { CliffbenchError } from '../errors.js';
import { readGgufFileHeader } from './gguf-header.js';
import { type ByteSource, bytesSource } from './gguf-source.js';

/**
 * How many tokens one image becomes, by projector type (`clip.projector_type`):
 * - `grid`: a fixed-size image, (image_size / patch_size)² patches, each side pooled by `merge` (overridden by
 *   `clip.vision.projector.scale_factor` where llama.cpp reads it);
 * - `fixed`: always that many;
 * - `budget`: dynamic resolution, at most `max` tokens (llama.cpp's `set_limit_image_tokens(min, max)`): the
 *   worst case an image adds.
 */
type TokenRule =
  | { readonly kind: 'grid'; readonly merge: number; readonly scaleKey: boolean }
  | { readonly kind: 'fixed'; readonly tokens: number }
  | { readonly kind: 'budget'; readonly max: number };

const grid = (merge: number, scaleKey = false): TokenRule => ({ kind: 'grid', merge, scaleKey });
const budget = (max: number): TokenRule => ({ kind: 'budget', max });

/** clip.cpp (commit above): `load_hparams` defaults and limits, `clip_n_output_tokens` cases. */
const TOKEN_RULES: Readonly<Record<string, TokenRule>> = {
  // LLaVA-style MLP projectors: one token per patch ("do nothing").
  mlp: grid(1),
  mlp_norm: grid(1),
  janus_pro: grid(1),
  // LDP / LDPv2: n_patches / 4.
  ldp: grid(2),
  ldpv2: grid(2),
  // Gemma 3: n_merge = 4 (896 / 14 = 64 per side → 16 → 256 tokens), scale_factor may override.
  gemma3: grid(4, true),
  // Gemma 3n: MobileNetV5's MSFA adapter always outputs 16 × 16.
  gemma3nv: { kind: 'fixed', tokens: 256 },
  // Gemma 4 (gemma4v) and its unified 12B (gemma4uv): set_limit_image_tokens(40, 280).
  gemma4v: budget(280),
  gemma4uv: budget(280),
  // Qwen2/2.5/3-VL and GLM-4V: set_limit_image_tokens(8, 4096).
  qwen2vl_merger: budget(4096),
  'qwen2.5vl_merger': budget(4096),
  qwen3vl_merger: budget(4096),
  glm4v: budget(4096),
  // Pixtral and Kimi-VL: set_limit_image_tokens(8, 1024).
  pixtral: budget(1024),
  kimivl: budget(1024),
  // LFM2-VL: set_limit_image_tokens(64, 256).
  lfm2: budget(256),
};

/** What a projector's header says. */
export interface MmprojHeader {
  /** The file (or URL) read. */
  readonly name: string;
  /** Header + tensor data, bytes: what llama.cpp loads (on the GPU unless `--no-mmproj-offload`). */
  readonly bytes: number;
  /** `clip.projector_type` (or `clip.vision.projector_type`), e.g. "gemma4v". */
  readonly projector: string;
  /** Tokens one image adds to the context (the most, for dynamic-resolution projectors); undefined if unknown. */
  readonly imageTokens?: number;
  /** How `imageTokens` was found, for the basis line. */
  readonly tokensNote: string;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function imageTokensOf(
  projector: string,
  meta: Readonly<Record<string, unknown>>,
): { tokens?: number; note: string } {
  const rule = TOKEN_RULES[projector];
  if (rule === undefined) return { note: `tokens per image not known for projector "${projector}"` };
  if (rule.kind === 'fixed') return { tokens: rule.tokens, note: `${projector}: ${rule.tokens} per image` };
  if (rule.kind === 'budget')
    return { tokens: rule.max, note: `${projector}: at most ${rule.max} per image (llama.cpp's limit)` };
  const imageSize = num(meta['clip.vision.image_size']);
  const patchSize = num(meta['clip.vision.patch_size']);
  const merge = (rule.scaleKey ? num(meta['clip.vision.projector.scale_factor']) : undefined) ?? rule.merge;
  if (imageSize === undefined || patchSize === undefined || patchSize <= 0 || merge <= 0) {
    return { note: `${projector}: clip.vision.image_size / patch_size missing, tokens per image unknown` };
  }
  const side = Math.floor(Math.floor(imageSize / patchSize) / merge);
  return {
    tokens: side * side,
    note: `${projector}: (${imageSize} / ${patchSize}${merge > 1 ? ` / ${merge}` : ''})² = ${side * side} per image`,
  };
}

/**
 * Reads a vision projector's GGUF header from a source (a local file, a URL by HTTP Range).
 * @throws CliffbenchError `invalid-gguf`: not a GGUF, header cut short, corrupt (gguf-header.ts); or a GGUF that
 *   is not a projector (no `clip.*` keys: a model file given as --mmproj), or a projector without a vision
 *   encoder (audio only).
 */
export async function readMmprojSource(source: ByteSource): Promise<MmprojHeader> {
  const { metadata, fileBytes } = await readGgufFileHeader(source);
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
  const { tokens, note } = imageTokensOf(projector, metadata);
  return {
    name: source.name,
    bytes: fileBytes,
    projector,
    ...(tokens === undefined ? {} : { imageTokens: tokens }),
    tokensNote: note,
  };
}

/** Reads a projector's header from bytes in memory (its first MiBs, or the whole file). */
export function readMmprojHeader(bytes: Uint8Array, name = 'the mmproj given'): Promise<MmprojHeader> {
  return readMmprojSource(bytesSource(bytes, name));
}
