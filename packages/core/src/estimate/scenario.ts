/**
 * @module estimate/scenario — the batch scenario: one line of `cliffbench estimate --batch`, one set of
 * inputs on the page. A stable contract other tools rely on: add optional fields only.
 */
import { z } from 'zod';

const positive = z.number().finite().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const DeviceSpecSchema = z.object({
  name: z.string().min(1).max(200),
  kind: z.enum(['discrete', 'unified', 'cpu']),
  /** GB/s */
  bandwidthGBs: positive,
  /** GB; optional for `cpu`. */
  memoryGB: positive.optional(),
  /** TFLOPS */
  fp16Tflops: positive.optional(),
});

export const HostSpecSchema = z.object({
  /** System RAM, GB. @default 32 */
  ramGB: positive.optional(),
  /** System RAM read bandwidth, GB/s. @default DDR4-3200 dual-channel */
  ramBandwidthGBs: positive.optional(),
  /** Host-to-device bandwidth, GB/s. @default PCIe 4.0 x16 */
  pcieGBs: positive.optional(),
  /** The host CPU, a catalog name ("ryzen 9 7950x"): its cores compute CPU-held layers. @default assumed desktop */
  cpu: z.string().min(1).max(200).optional(),
});

/** Measured figures that replace spec-sheet ones (from the WebGPU/RAM benchmarks or a llama-bench run). */
export const CalibrationSchema = z.object({
  /** Effective accelerator bandwidth measured by the GEMV benchmark, GB/s (η already included). */
  gpuBandwidthGBs: positive.optional(),
  /** Measured host-RAM read bandwidth (all cores), GB/s. */
  ramBandwidthGBs: positive.optional(),
  /** Measured host-to-device upload bandwidth, GB/s. */
  pcieGBs: positive.optional(),
  /** Fitted fraction of spec bandwidth reached by decode kernels (from llama-bench figures). */
  eta: positive.max(1.2).optional(),
  /** Fitted fixed per-token cost, seconds. */
  t0Seconds: z.number().finite().nonnegative().max(1).optional(),
  /**
   * Measured prefill ÷ the physics prediction for the same scenario (from llama-bench pp runs or the community
   * aggregate); multiplies the estimated prefill speed.
   */
  prefillEfficiency: positive.max(10).optional(),
  /**
   * Relative spread of the calibrated decode figure (community: (p75 − p25) ÷ median of the sources); widens the
   * decode band.
   */
  decodeSpread: z.number().finite().nonnegative().max(5).optional(),
  /** Relative spread of `prefillEfficiency`, as `decodeSpread`; widens the prefill band. */
  prefillSpread: z.number().finite().nonnegative().max(5).optional(),
  /** Where the figures come from, shown in the estimate's basis. */
  source: z.string().max(300).optional(),
});

export const BackendSchema = z.enum(['cuda', 'metal', 'vulkan', 'rocm', 'cpu']);
export const OffloadSchema = z.enum(['auto', 'layers', 'experts', 'sysmem']);
/** KV-cache element types a scenario may ask for (llama.cpp `-ctk`/`-ctv` values). */
export const KvCacheTypeNameSchema = z.enum(['f16', 'q8_0', 'q4_0']);

export const ScenarioSchema = z.looseObject({
  id: z.string().max(200).optional(),
  model: z.union([z.string().min(1), z.object({ hfConfig: z.record(z.string(), z.unknown()) })]),
  /**
   * Quant mix: a llama.cpp file type (`Q4_K_M`, `IQ2_M`, `MXFP4`…), an Unsloth Dynamic name (`UD-Q4_K_XL`, or
   * `Q4_K_XL`), or `MLX 4-bit`/`MLX 8-bit`. Any other label is accepted when `weightsBytes` is given (the basis
   * then says it was not modelled).
   */
  quant: z.string().min(1).max(100),
  /**
   * Real size in bytes (llama-bench "size" = tensor bytes); overrides the predicted weight bytes, which are
   * scaled to it tensor by tensor.
   */
  weightsBytes: positive.optional(),
  /** The GPU (or CPU / unified device); optional when `devices` is given. `"2x rtx 3090"` names two. */
  device: z.union([z.string().min(1), DeviceSpecSchema]).optional(),
  /** Several GPUs, in llama.cpp's device order (each as `device`); one GPU keeps `device`. */
  devices: z
    .array(z.union([z.string().min(1), DeviceSpecSchema]))
    .min(1)
    .max(16)
    .optional(),
  /** How several GPUs share the model (`-sm`). @default 'layer' */
  splitMode: z.enum(['layer', 'row', 'tensor']).optional(),
  /** Proportions of the model per GPU (`-ts 3,1`); default: each GPU's free memory. */
  tensorSplit: z.array(z.number().finite().nonnegative()).min(1).max(16).optional(),
  /** The main GPU (`-mg`): holds the KV cache and intermediate results in row split. @default 0 */
  mainGpu: nonNegativeInt.optional(),
  /**
   * Concurrent streams: llama-server `-np N` (shares `contextTokens` across the slots unless `kvUnified`) or
   * Ollama's `OLLAMA_NUM_PARALLEL` (allocates `contextTokens` for each). @default 1
   */
  parallel: z.number().int().positive().max(256).optional(),
  /** llama-server `--kv-unified`: one cache the slots share, each may use the whole context. @default false */
  kvUnified: z.boolean().optional(),
  /** Which runtime's rule `parallel` follows. @default 'llama.cpp' */
  parallelRuntime: z.enum(['llama.cpp', 'ollama']).optional(),
  /** Size of the vision projector file loaded beside the model (`--mmproj`), bytes. @default none */
  mmprojBytes: positive.optional(),
  /** The projector on the GPU (the first of several); false = `--no-mmproj-offload`. @default true */
  mmprojOffload: z.boolean().optional(),
  /**
   * The vision projector file (`--mmproj`): a path or URL of its GGUF, whose header gives its size and the tokens
   * an image adds (read by the CLI and `--batch`), or `"auto"`: the one cliffbench knows for the model (catalog
   * Gemma 3 and 4, or a SigLIP `vision_config`). @default none, or `"auto"` when `images` > 0
   */
  mmproj: z.string().min(1).max(2000).optional(),
  /** Images in the prompt: each adds its tokens to the prompt (prefill, TTFT) and the context. @default 0 */
  images: z.number().int().nonnegative().max(1000).optional(),
  /** Tokens one image adds, instead of the projector's (llama.cpp `--image-max-tokens`). @default the projector's */
  imageTokens: z.number().int().positive().max(65536).optional(),
  host: HostSpecSchema.optional(),
  backend: BackendSchema.optional(),
  /** Allocated context, tokens. @default 4096 */
  contextTokens: z.number().int().positive().default(4096),
  /** Tokens already in the cache when generation starts. @default 0 */
  depthTokens: nonNegativeInt.default(0),
  /** Tokens generated (decode speed is averaged over them). @default 128 */
  generatedTokens: z.number().int().positive().default(128),
  /** Repeating layers on the GPU; default: llama.cpp-style automatic fit. */
  gpuLayers: nonNegativeInt.optional(),
  offload: OffloadSchema.default('auto'),
  /** Experts of the first N MoE layers stay in system RAM, as llama.cpp `--n-cpu-moe N`. @default 0 */
  cpuMoeLayers: nonNegativeInt.optional(),
  /** KV-cache type of K, and of V unless `kvCacheTypeV` is given (`-ctk`/`-ctv`). @default 'f16' */
  kvCacheType: KvCacheTypeNameSchema.optional(),
  /** KV-cache type of V when it differs from K. A quantised V cache requires flash attention. */
  kvCacheTypeV: KvCacheTypeNameSchema.optional(),
  /** Flash attention (`-fa on|off`). @default on where needed or supported, as llama.cpp's `auto` */
  flashAttention: z.boolean().optional(),
  /** Prompt tokens processed (starting at `depthTokens`) for prefill and time to first token. @default 512 */
  promptTokens: z.number().int().positive().optional(),
  /** Micro-batch size (`-ub`): prefill batch, compute-buffer and sliding-window cache size. @default 512 */
  ubatchTokens: z.number().int().positive().max(65536).optional(),
  /**
   * Accelerator memory the runtime may use, GB as marketed (= GiB): VRAM left free by other programs, or the
   * raised Apple GPU limit (`iogpu.wired_limit_mb` / 1024). @default the whole VRAM; Apple's default limit
   */
  gpuMemoryLimitGB: positive.optional(),
  calibration: CalibrationSchema.optional(),
});

export type DeviceSpec = z.infer<typeof DeviceSpecSchema>;
export type Calibration = z.infer<typeof CalibrationSchema>;
export type HostSpec = z.infer<typeof HostSpecSchema>;
export type Backend = z.infer<typeof BackendSchema>;
export type Offload = z.infer<typeof OffloadSchema>;
export type KvCacheTypeName = z.infer<typeof KvCacheTypeNameSchema>;
/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A scenario with defaults applied. */
export type Scenario = z.output<typeof ScenarioSchema>;

/** The placement regime an estimate is in; names are part of the batch contract. */
export type Regime =
  | 'gpu' // everything in accelerator memory
  | 'unified' // unified memory within the GPU's working-set limit
  | 'unified-over-limit' // unified memory past Apple's default wired limit
  | 'partial-offload' // llama.cpp CPU offload: some layers computed by the CPU from RAM
  | 'experts-on-cpu' // MoE expert tensors in RAM, the rest on the GPU
  | 'sysmem-fallback' // GPU reads spilled weights from RAM over PCIe (Windows driver fallback)
  | 'cpu' // CPU only
  | 'does-not-fit'; // not even RAM holds it

/** Concurrent streams of one server (llama-server slots, Ollama parallel requests). */
export interface ParallelStreams {
  readonly streams: number;
  /** Context each stream may fill, tokens. */
  readonly contextPerStream: number;
  /** KV cells allocated in all, full-attention layers. */
  readonly allocatedCells: number;
  /** Decode speed each stream sees when all generate at once, tokens/s. */
  readonly perStreamTokensPerSecond: number;
  /** All streams together, tokens/s (a batched step reads the weights once). */
  readonly aggregateTokensPerSecond: number;
}

/** How several GPUs share a model (llama.cpp `-sm`). */
export type SplitMode = 'layer' | 'row' | 'tensor';

/** What one GPU of several holds. */
export interface DevicePlacement {
  readonly name: string;
  /** Repeating layers computed on this GPU (row/tensor split: the layers it holds a share of). */
  readonly layers: number;
  /** Whether the output layer sits here. */
  readonly output: boolean;
  readonly weightsBytes: number;
  readonly kvCacheBytes: number;
  readonly computeBufferBytes: number;
  /** Memory the runtime may use here, after its own context, bytes. */
  readonly usableBytes: number;
  /** The runtime's own context here (and the vision projector, on the first GPU), bytes. */
  readonly runtimeBytes: number;
  readonly fits: boolean;
}

export interface EstimateMemory {
  /** Weight bytes in total. */
  readonly weightsBytes: number;
  /** KV cache bytes allocated for the whole context. */
  readonly kvCacheBytes: number;
  /** Compute buffers and runtime overhead, bytes. */
  readonly overheadBytes: number;
  /** Bytes that live in accelerator memory. */
  readonly deviceBytes: number;
  /** Bytes that live in system RAM. */
  readonly hostBytes: number;
}

/** One line of batch output. */
export interface EstimateResult {
  readonly id?: string;
  readonly decodeTokensPerSecond: number;
  readonly prefillTokensPerSecond: number;
  readonly timeToFirstTokenSeconds: number;
  readonly fits: boolean;
  readonly regime: Regime;
  /** Decode tokens/s band from the validation residuals of this regime and backend. */
  readonly band: { readonly low: number; readonly high: number };
  readonly memory: EstimateMemory;
  readonly placement: {
    readonly gpuLayers: number;
    readonly totalLayers: number;
    /** Layers (the first ones) whose routed MoE experts live in system RAM; 0 for dense models. */
    readonly cpuMoeLayers?: number;
    /** Several GPUs: how the model is split across them (`-sm`). */
    readonly splitMode?: SplitMode;
    /** Several GPUs: what each holds, in device order. */
    readonly perDevice?: readonly DevicePlacement[];
  };
  /** Concurrent streams (`parallel` > 1): each stream's context and decode, and all of them together. */
  readonly parallel?: ParallelStreams;
  /**
   * Images: the vision encoder's seconds per image and where it ran; their sum is in the time to first token.
   * Absent without images, or when the encoder's shape is not known (the basis says so).
   */
  readonly imageEncode?: {
    readonly secondsPerImage: number;
    readonly images: number;
    readonly onGpu: boolean;
  };
  /** Which numbers the estimate rests on (spec or measured bandwidth, fitted η and t0, file size...). */
  readonly basis: string;
  /** What is slow or does not fit, and what the user can change. */
  readonly warnings: readonly string[];
}

export interface EstimateError {
  readonly id?: string;
  readonly error: string;
}
