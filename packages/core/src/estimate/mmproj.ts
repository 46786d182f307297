/**
 * @module estimate/mmproj — the vision projector (mmproj) a multimodal model loads beside its weights
 * (llama-server `--mmproj FILE`) and the tokens images add to the prompt. llama.cpp's mtmd loads it on the GPU
 * unless `--no-mmproj-offload` (ggml-org/llama.cpp tools/mtmd/mtmd.h `use_gpu`, common/arg.cpp
 * `--no-mmproj-offload`, commit a5410f046c01d01330c8a42f13b64a211fedf2c3); it is read only while an image is
 * encoded, so it takes memory but no decode time. Its size is the file's header (import/mmproj-header.ts), the
 * size given (`mmprojBytes`), or the catalog's (model/catalog-vision.ts) or a SigLIP `vision_config`'s.
 *
 * Tokens an image becomes, by projector type, as llama.cpp's `clip_n_output_tokens` and `load_hparams` count
 * them (tools/mtmd/clip.cpp, commit e98e7bc070680e4bb6457296b9dcbf6b14c8eedf), and the patches its vision encoder
 * runs before pooling or merging them into those tokens (speed/vision-encode.ts times the encoder).
 */
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from '../model/architecture.js';
import {
  catalogVision,
  type SiglipVisionConfig,
  siglipEncoder,
  siglipProjectorBytes,
} from '../model/catalog-vision.js';
import type { SpeedCoefficients } from '../speed/coefficients.js';
import { imageEncodeTime, type VisionEncoder } from '../speed/vision-encode.js';
import type { ResolvedHardware } from './resolve-hardware.js';

/**
 * - `grid`: a fixed-size image, (image_size / patch_size)² patches, each side pooled by `merge`
 *   (`clip.vision.projector.scale_factor` overrides it where llama.cpp reads that key);
 * - `fixed`: always that many;
 * - `budget`: dynamic resolution, at most `max` (llama.cpp's `set_limit_image_tokens(min, max)`): the worst case;
 *   `patchesPerToken` is the encoder's patches pooled or merged into one token, where cited.
 */
type TokenRule =
  | { readonly kind: 'grid'; readonly merge: number; readonly scaleKey: boolean }
  | { readonly kind: 'fixed'; readonly tokens: number }
  | { readonly kind: 'budget'; readonly max: number; readonly patchesPerToken?: number };

const grid = (merge: number, scaleKey = false): TokenRule => ({ kind: 'grid', merge, scaleKey });
const budget = (max: number, patchesPerToken?: number): TokenRule =>
  patchesPerToken === undefined ? { kind: 'budget', max } : { kind: 'budget', max, patchesPerToken };

const TOKEN_RULES: Readonly<Record<string, TokenRule>> = {
  // LLaVA-style MLP projectors: one token per patch.
  mlp: grid(1),
  mlp_norm: grid(1),
  janus_pro: grid(1),
  // LDP / LDPv2: n_patches / 4.
  ldp: grid(2),
  ldpv2: grid(2),
  // Gemma 3: n_merge 4 (896 / 14 = 64 a side → 16 → 256 tokens); scale_factor may override.
  gemma3: grid(4, true),
  // Gemma 3n: MobileNetV5's adapter always outputs 16 × 16.
  gemma3nv: { kind: 'fixed', tokens: 256 },
  // Gemma 4: set_limit_image_tokens(40, 280); the pooler averages n_merge × n_merge = 3 × 3 patches a token
  // (tools/mtmd/models/gemma4v.cpp "Gemma4VisionPooler"): 2520 patches, the image_max_pixels 645,120 = 2520 × 16²
  // llama.cpp logs for it (github.com/ggml-org/llama.cpp/issues/24758). The unified 12B has no encoder.
  gemma4v: budget(280, 9),
  gemma4uv: budget(280),
  // Qwen2/2.5/3-VL and GLM-4V: set_limit_image_tokens(8, 4096); Qwen's merger joins 2 × 2 patches a token
  // (load_hparams n_merge 2, tools/mtmd/models/qwen2vl.cpp).
  qwen2vl_merger: budget(4096, 4),
  'qwen2.5vl_merger': budget(4096, 4),
  qwen3vl_merger: budget(4096, 4),
  glm4v: budget(4096),
  // Pixtral and Kimi-VL: set_limit_image_tokens(8, 1024).
  pixtral: budget(1024),
  kimivl: budget(1024),
  // LFM2-VL: set_limit_image_tokens(64, 256).
  lfm2: budget(256),
};

/**
 * Projectors with no ViT: Gemma 4 12B's unified projector is a patch embedding, position tables, norms and one
 * projection into the text model, no transformer blocks (ggml-org/llama.cpp tools/mtmd/models/gemma4uv.cpp, commit
 * 06e514f61476a45c38b36ac37ca5133114b90ab3): nothing for the encode time to count.
 */
const ENCODER_FREE: ReadonlySet<string> = new Set(['gemma4uv']);

/** The image geometry a projector's header (or config) gives. */
export interface ImageGeometry {
  readonly imageSize?: number | undefined;
  readonly patchSize?: number | undefined;
  /** `clip.vision.projector.scale_factor`. */
  readonly scaleFactor?: number | undefined;
}

/** Tokens one image adds (the most, for dynamic-resolution projectors), and how that was found. */
export interface ImageTokens {
  readonly tokens?: number;
  readonly note: string;
}

export function imageTokensOf(projector: string, g: ImageGeometry): ImageTokens {
  const rule = TOKEN_RULES[projector];
  if (rule === undefined) return { note: `tokens per image not known for projector "${projector}"` };
  if (rule.kind === 'fixed') return { tokens: rule.tokens, note: `${projector}: ${rule.tokens} an image` };
  if (rule.kind === 'budget')
    return { tokens: rule.max, note: `${projector}: at most ${rule.max} an image, llama.cpp's limit` };
  const merge = (rule.scaleKey ? g.scaleFactor : undefined) ?? rule.merge;
  const { imageSize, patchSize } = g;
  if (imageSize === undefined || patchSize === undefined || !(patchSize > 0) || !(merge > 0)) {
    return { note: `${projector}: no image_size / patch_size, tokens per image unknown` };
  }
  const side = Math.floor(Math.floor(imageSize / patchSize) / merge);
  return {
    tokens: side * side,
    note: `${projector}: (${imageSize} / ${patchSize}${merge > 1 ? ` / ${merge}` : ''})² = ${side * side} an image`,
  };
}

/**
 * Patches the encoder runs for one image of `tokens` tokens: a fixed-size image's (image_size / patch_size)²,
 * a dynamic-resolution one's tokens × patches per token; undefined where the rule or geometry is not known.
 */
export function imagePatchesOf(projector: string, g: ImageGeometry, tokens: number): number | undefined {
  const rule = TOKEN_RULES[projector];
  if (rule?.kind === 'budget')
    return rule.patchesPerToken === undefined ? undefined : tokens * rule.patchesPerToken;
  if (rule?.kind !== 'grid' || g.imageSize === undefined || !(g.patchSize !== undefined && g.patchSize > 0))
    return undefined;
  return Math.floor(g.imageSize / g.patchSize) ** 2;
}

/** A projector as read from its file (import/mmproj-header.ts). */
export interface ProjectorFile {
  /** The file (or URL) read. */
  readonly name: string;
  /** Header + tensor data, bytes: what llama.cpp loads (on the GPU unless `--no-mmproj-offload`). */
  readonly bytes: number;
  /** `clip.projector_type` (or `clip.vision.projector_type`), e.g. "gemma4v". */
  readonly projector: string;
  /** Tokens one image adds (the most, for dynamic-resolution projectors); undefined if unknown. */
  readonly imageTokens?: number;
  /** How `imageTokens` was found, for the basis line. */
  readonly tokensNote: string;
  /** The image geometry its header gives (for the encoder's patch count). */
  readonly geometry?: ImageGeometry;
  /** Its vision encoder's shape, from the header's clip.vision.* keys, when they are all there. */
  readonly encoder?: VisionEncoder;
}

/** The scenario fields about the projector and images. */
export interface ProjectorRequest {
  readonly mmproj?: string | undefined;
  readonly mmprojBytes?: number | undefined;
  readonly mmprojOffload?: boolean | undefined;
  readonly images?: number | undefined;
  readonly imageTokens?: number | undefined;
}

/** The projector of a scenario. */
export interface Mmproj {
  readonly bytes: number;
  /** On the accelerator (the first GPU of several), or in RAM. */
  readonly onGpu: boolean;
  /** llama.cpp's projector type, "unknown" when only a size was given. */
  readonly projector: string;
  /** Where the size comes from. */
  readonly source: string;
  /** Images in the prompt. */
  readonly images: number;
  /** Tokens each image adds; undefined when unknown (then `images` is 0). */
  readonly imageTokens?: number | undefined;
  readonly tokensNote: string;
  /** The vision encoder's shape, when known (its time per image, speed/vision-encode.ts). */
  readonly encoder?: VisionEncoder | undefined;
  /** Patches the encoder runs per image (before pooling), when known. */
  readonly patches?: number | undefined;
}

type Known = Omit<Mmproj, 'onGpu' | 'images' | 'patches'> & { readonly geometry?: ImageGeometry };

/** A finite number, or undefined. */
export const finite = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** A SigLIP `vision_config` of an imported config.json (Gemma 3's kind), if it has one. */
function siglipOf(hfConfig: Readonly<Record<string, unknown>> | undefined): SiglipVisionConfig | undefined {
  const v = hfConfig?.vision_config as Record<string, unknown> | undefined;
  if (v?.model_type !== 'siglip_vision_model') return undefined;
  const [hidden_size, intermediate_size, num_hidden_layers, patch_size, image_size] = [
    v.hidden_size,
    v.intermediate_size,
    v.num_hidden_layers,
    v.patch_size,
    v.image_size,
  ].map(finite);
  if (!hidden_size || !intermediate_size || !num_hidden_layers || !patch_size || !image_size)
    return undefined;
  return { hidden_size, intermediate_size, num_hidden_layers, patch_size, image_size };
}

/** The projector cliffbench knows for a model without its file: the catalog's, or a SigLIP vision_config's. */
function knownProjector(
  model: ModelArchitecture,
  hfConfig: Readonly<Record<string, unknown>> | undefined,
): Known | undefined {
  const facts = hfConfig === undefined ? catalogVision(model.id) : undefined;
  if (facts !== undefined) {
    const t = imageTokensOf(facts.projector, facts);
    return {
      bytes: facts.bytes,
      projector: facts.projector,
      source: facts.source,
      geometry: facts,
      ...(facts.encoder === undefined ? {} : { encoder: facts.encoder }),
      ...tokensOf(t),
    };
  }
  const siglip = siglipOf(hfConfig);
  if (siglip === undefined) return undefined;
  // transformers' Gemma 3 wrapper (model_type gemma3) is llama.cpp's gemma3 projector; others are not modelled.
  const projector = hfConfig?.model_type === 'gemma3' ? 'gemma3' : 'unknown';
  const geometry = { imageSize: siglip.image_size, patchSize: siglip.patch_size };
  const t = imageTokensOf(projector, geometry);
  return {
    bytes: siglipProjectorBytes(siglip, model.hiddenSize),
    projector,
    geometry,
    encoder: siglipEncoder(siglip),
    source: 'computed from the config.json vision_config (SigLIP, F16)',
    ...tokensOf(t),
  };
}

const tokensOf = (t: ImageTokens): Pick<Known, 'imageTokens' | 'tokensNote'> => ({
  ...(t.tokens === undefined ? {} : { imageTokens: t.tokens }),
  tokensNote: t.note,
});

const invalid = (message: string): CliffbenchError => new CliffbenchError('invalid-scenario', message);

/**
 * The scenario's projector, or undefined when none is loaded: the file read (`file`), else the size given, else
 * — when `mmproj` is "auto" or images are asked for — the one cliffbench knows for the model. Throws
 * 'invalid-scenario' when images or "auto" need a projector (or tokens per image) nobody gave.
 */
export function mmprojOf(
  req: ProjectorRequest,
  model: ModelArchitecture,
  layout: string,
  file?: ProjectorFile,
  hfConfig?: Readonly<Record<string, unknown>>,
): Mmproj | undefined {
  const images = req.images ?? 0;
  const path = req.mmproj !== undefined && req.mmproj !== 'auto' ? req.mmproj : undefined;
  if (path !== undefined && file === undefined) {
    throw invalid(
      `mmproj "${path}" names a file, which only the CLI and --batch read (cliffbench estimate --mmproj FILE): give its size as mmprojBytes, or "auto" for the projector cliffbench knows.`,
    );
  }
  const given = req.mmprojBytes !== undefined && req.mmprojBytes > 0;
  if (file === undefined && !given && req.mmproj !== 'auto' && images === 0) return undefined;
  const known = file === undefined ? knownProjector(model, hfConfig) : undefined;
  let p: Known;
  if (file !== undefined) {
    p = { ...file, source: `read from ${file.name}` };
  } else if (given) {
    p = {
      ...(known ?? { projector: 'unknown', tokensNote: 'tokens per image unknown' }),
      bytes: req.mmprojBytes as number,
      source: 'size given',
    };
  } else if (known !== undefined) {
    p = known;
  } else {
    throw invalid(
      `${images > 0 ? `${images} image${images === 1 ? ' needs' : 's need'}` : '--mmproj auto needs'} a vision projector, and cliffbench knows none for ${model.name}: give the mmproj file (--mmproj FILE|URL) or its size (--mmproj-size BYTES).`,
    );
  }
  const imageTokens = req.imageTokens ?? p.imageTokens;
  if (images > 0 && imageTokens === undefined) {
    throw invalid(
      `The tokens an image adds are not known for projector "${p.projector}": give them with --image-tokens N (imageTokens).`,
    );
  }
  const { geometry, ...projector } = p;
  const patches =
    imageTokens === undefined ? undefined : imagePatchesOf(p.projector, geometry ?? {}, imageTokens);
  return {
    ...projector,
    onGpu: req.mmprojOffload !== false && layout !== 'cpu',
    images,
    imageTokens,
    ...(patches === undefined ? {} : { patches }),
    ...(req.imageTokens === undefined ? {} : { tokensNote: `${req.imageTokens} an image, as given` }),
  };
}

/** Prompt tokens the images add. */
export const imagePromptTokens = (m: Mmproj | undefined): number =>
  m === undefined ? 0 : m.images * (m.imageTokens ?? 0);

/** Hardware with the projector's bytes taken off the memory the model may use (GPU, or RAM). */
export function withMmproj(hw: ResolvedHardware, m: Mmproj | undefined): ResolvedHardware {
  if (m === undefined) return hw;
  return m.onGpu
    ? { ...hw, runtimeBytes: hw.runtimeBytes + m.bytes }
    : { ...hw, ramAvailableBytes: Math.max(0, hw.ramAvailableBytes - m.bytes) };
}

/** "vision projector (mmproj, gemma4v) 1.19 GB on the GPU …; 2 images × 280 tokens …": for the basis line. */
export function mmprojNote(m: Mmproj): string {
  const where = m.onGpu ? 'on the GPU (counted with the runtime)' : 'in RAM';
  const kind = m.projector === 'unknown' ? '' : `, ${m.projector}`;
  const size = m.bytes >= 1e8 ? `${(m.bytes / 1e9).toFixed(2)} GB` : `${(m.bytes / 1e6).toFixed(1)} MB`;
  const head = `vision projector (mmproj${kind}) ${size} ${where}, ${m.source}`;
  if (m.images === 0) return head;
  const tokens = imagePromptTokens(m);
  return `${head}; ${m.images} image${m.images === 1 ? '' : 's'} × ${m.imageTokens} tokens = ${tokens} prompt tokens (${m.tokensNote})`;
}

/** The images' encode time, for the result. */
export interface ImageEncode {
  readonly secondsPerImage: number;
  readonly images: number;
  /** On the GPU (the projector offloaded), or on the CPU. */
  readonly onGpu: boolean;
}

/**
 * The vision encoder's time for the scenario's images (speed/vision-encode.ts) and the basis note saying how it
 * was found; no time (and a note saying so) when the encoder's shape or patch count is not known.
 */
export function imageEncodeOf(
  m: Mmproj | undefined,
  speed: SpeedCoefficients,
): { readonly encode?: ImageEncode; readonly note: string } | undefined {
  if (m === undefined || m.images === 0) return undefined;
  if (ENCODER_FREE.has(m.projector)) {
    return {
      note: `no vision encoder to time: ${m.projector} projects the image's patches straight into the model`,
    };
  }
  if (m.encoder === undefined || m.patches === undefined) {
    return {
      note: `image encoding not counted: the vision encoder's ${m.encoder === undefined ? 'shape' : 'patch count'} is not known for projector "${m.projector}"`,
    };
  }
  const t = imageEncodeTime(speed, m.encoder, m.patches, m.onGpu);
  const e = m.encoder;
  return {
    encode: { secondsPerImage: t.secondsPerImage, images: m.images, onGpu: m.onGpu },
    note:
      `image encoding ≈ ${(t.secondsPerImage * 1e3).toFixed(0)} ms × ${m.images} on the ${m.onGpu ? 'GPU' : 'CPU'} ` +
      `(ViT ${e.layers} blocks × ${e.hidden} wide, ${m.patches} patches: ${(t.flopsPerImage / 1e12).toFixed(2)} TFLOP an image ` +
      'at the F16 matmul rate and attention efficiency of the prefill model), added to the time to first token',
  };
}
