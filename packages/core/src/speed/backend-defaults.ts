/**
 * @module speed/backend-defaults — the decode and prefill coefficients per llama.cpp backend and per memory
 * tier, fitted to published llama.cpp measurements (test/fixtures/validation-public.jsonl, each row naming
 * its source) by `scripts/fit-backends.ts`.
 */
import type { GpuGeneration } from '../device/gpu-generation.js';
import type { Backend } from '../estimate/scenario.js';

/** Coefficients of one backend's accelerator tier (or, for `cpu`, of the CPU reading system RAM). */
export interface BackendSpeed {
  /** η: fraction of spec bandwidth that batch-1 weight reads reach. */
  readonly eta: number;
  /** Fixed cost per dense layer per token (kernel launches, synchronisation), seconds. */
  readonly t0PerLayerSeconds: number;
  /**
   * Prefill: fraction of the matrix path's peak (GPU: the device's FP16 matrix FLOPS; CPU: its int8 MAC or FP32
   * FMA rate) that prompt matmuls reach on full micro-batches.
   */
  readonly matrixEfficiency: number;
  /** CPU only: the most a CPU's cores read from RAM, GB/s (caps fast unified memory). */
  readonly capGBs?: number;
  /** Measurement rows the fit used. */
  readonly rows: number;
}

/** Coefficients shared by every backend. */
export interface SharedSpeed {
  /** An MoE layer's fixed cost relative to a dense layer's (router, top-k, expert gathers). */
  readonly moeLayerFactor: number;
  /** KV-cache reads reach this fraction of the tier's weight-read η with flash attention (fused kernel). */
  readonly kvEtaRatio: number;
  /** The same without flash attention (separate K·Q, softmax and V·KQ kernels, V stored transposed). */
  readonly kvEtaRatioNoFlash: number;
  /** Fraction of spec bandwidth HBM parts reach relative to GDDR/LPDDR ones at batch 1 (Little's law). */
  readonly hbmEtaFactor: number;
  /** Fraction of PCIe spec bandwidth a GPU reaches reading host memory, or copying weights to itself. */
  readonly pcieEta: number;
  /** Cost of one CPU↔GPU hand-over of activations within a token (graph split), seconds. */
  readonly splitSeconds: number;
  /** Rate at which Apple GPUs get bytes past the wired limit (paging, compression), GB/s. */
  readonly overLimitGBs: number;
  /** Rate at which llama.cpp streams memory-mapped weights that do not fit in RAM from an SSD, GB/s. */
  readonly diskGBs: number;
  /** Prefill on GPUs without usable matrix units: fraction of the shader path's peak (dp4a, packed FP16, FP32). */
  readonly vectorEfficiency: number;
  /**
   * Prefill: tokens per weight matrix per micro-batch at which matmuls run at half their efficiency
   * (efficiency × m / (m + this)): few tokens leave the matmul tiles part empty. m = u for dense matrices, u·k/E
   * for each routed expert.
   */
  readonly halfEfficiencyTokens: number;
  /**
   * MoE prefill: fixed seconds per MoE layer per micro-batch on top of the matmuls (routing, sorting tokens
   * by expert, gathering and scattering activations, launching the grouped expert matmuls).
   */
  readonly expertLayerPassSeconds: number;
  /** Attention over the prompt runs at this fraction of the matmul rate. */
  readonly attentionEfficiency: number;
  /**
   * GPUs that share the CPU's memory other than Apple's (integrated GPUs, Strix Halo, DGX Spark) reach this
   * multiple of their backend's prefill efficiency: a shared power budget and memory controller.
   */
  readonly unifiedGpuPrefillFactor: number;
  /**
   * F16/BF16/F32 weights (cuBLAS / hipBLAS / float shaders) reach this multiple of the quantised kernels'
   * efficiency on the same units (capped at the units' peak).
   */
  readonly floatEfficiencyRatio: number;
  /**
   * Fraction of the CPU tier's weight-read rate reached on MoE expert weights (llama.cpp's mul_mat_id over the
   * few selected expert slices, split across threads, rather than one large matrix).
   */
  readonly cpuExpertEta: number;
  /** Fraction of a measured streaming-read RAM bandwidth that llama.cpp's CPU decode reaches. */
  readonly measuredRamEta: number;
  /**
   * CPU decode: fraction of the CPU's int8 MAC (FP32 FMA for float weights) peak that dequantise-and-dot
   * reaches at batch 1; the CPU tier takes the longer of reading and computing.
   */
  readonly cpuDecodeEfficiency: number;
  /**
   * Per GPU generation, multipliers on the backend's decode η and prefill efficiency, fitted with shrinkage: a
   * generation's factor is its rows' mean log residual over (rows + GENERATION_PRIOR_ROWS), so a generation with
   * few rows stays near its backend's (vendor's) value. Absent generations: 1.
   */
  readonly generationFactors: Readonly<Partial<Record<GpuGeneration, GenerationFactor>>>;
}

/** A GPU generation's multipliers (see `SharedSpeed.generationFactors`). */
export interface GenerationFactor {
  readonly eta: number;
  readonly prefill: number;
}

/**
 * Pseudo-rows at factor 1 each generation's factor is shrunk with (its weight against the generation's own rows).
 * Set, not fitted: with 3, two rows move a factor 40 % of the way to their mean residual, ten rows 77 %.
 */
export const GENERATION_PRIOR_ROWS = 3;

/**
 * The generations the backends' own coefficients describe (they hold most rows: GeForce/RTX Ampere, Ada and
 * Blackwell under CUDA and Vulkan, Apple M1–M4 under Metal, RDNA3 under ROCm and Vulkan): their factors stay 1, so
 * a backend's η is theirs and the other generations are measured against it.
 */
export const REFERENCE_GENERATIONS: ReadonlySet<GpuGeneration> = new Set([
  'ampere',
  'ada',
  'blackwell',
  'apple',
  'rdna3',
]);

/**
 * Fitted by `npm run fit -w packages/core` (scripts/fit-backends.ts, which prints this table) on the validation
 * rows (test/fixtures/validation-public.jsonl, 193 rows, and validation-extra.jsonl, 27 rows: CPU-only,
 * integrated-GPU Vulkan, MoE and long-prompt prefill; each names its source).
 * Decode: robust least squares (soft-L1, scale 0.1, on log(predicted/measured) decode tokens/s) of
 * t_token = Σ layers' fixed cost + Σ tiers bytes/(η·BW) over every row at once, by Nelder–Mead. Per backend one
 * η (bounded to 0.2-0.92: copy kernels reach ~87-92 % of spec) and one t0PerLayer (≥ 10 µs); the CPU tier's η;
 * shared moeLayerFactor, kvEtaRatio(NoFlash) and hbmEtaFactor below. The fit is told two facts the rows'
 * scenarios cannot carry: which uncatalogued devices are HBM parts, and that the 2023-24 XiongjieDai rows ran
 * without flash attention. The CPU tier's core-bandwidth cap (185 GB/s) stays as fitted on the first 193 rows.
 * Prefill (scripts/fit-prefill.ts): the same loss on prefill tokens/s over the rows with a prefill figure, for
 * matrixEfficiency per backend (CPU: of its int8 MAC rate) and the shared prefill factors (vectorEfficiency,
 * halfEfficiencyTokens, expertLayerPassSeconds, attentionEfficiency, floatEfficiencyRatio, unifiedGpuPrefillFactor),
 * efficiencies bounded to (0, 1].
 * Not fitted: the CPU's per-layer cost, which the CPU rows of 50-500 ms tokens cannot pin down. ggml's CPU
 * backend waits at a thread-pool barrier after every graph node; llama.cpp logs ~32 nodes per layer (1030 for
 * Llama-3-8B's 32 layers, github.com/developer0hye/llama-3-korean-bllossom-8b-q4-docker README) at ~3 µs
 * each (assumed), so 0.1 ms per layer.
 */
export const backendDefaults: Readonly<Record<Backend, BackendSpeed>> = {
  cuda: { eta: 0.853, t0PerLayerSeconds: 0.0000497, matrixEfficiency: 0.486, rows: 87 },
  metal: { eta: 0.857, t0PerLayerSeconds: 0.000139, matrixEfficiency: 0.706, rows: 83 },
  vulkan: { eta: 0.785, t0PerLayerSeconds: 0.0000282, matrixEfficiency: 0.355, rows: 26 },
  rocm: { eta: 0.92, t0PerLayerSeconds: 0.000128, matrixEfficiency: 0.333, rows: 13 },
  cpu: { eta: 0.858, t0PerLayerSeconds: 0.0001, matrixEfficiency: 0.221, capGBs: 185, rows: 11 },
};

/** moeLayerFactor, kvEtaRatio, kvEtaRatioNoFlash, hbmEtaFactor and the prefill factors (vectorEfficiency through
 * unifiedGpuPrefillFactor) are fitted with `backendDefaults` (see there); the others say where they come from. */
export const sharedSpeed: SharedSpeed = {
  moeLayerFactor: 1.55,
  kvEtaRatio: 0.943,
  kvEtaRatioNoFlash: 0.14,
  hbmEtaFactor: 0.64,
  // Pinned host-to-device copies reach ~25 of PCIe 4.0 x16's 31.5 GB/s (device/pcie-links measured rows).
  pcieEta: 0.8,
  // Assumed: a CUDA stream synchronisation plus a small PCIe copy, ~tens of µs; not fitted.
  splitSeconds: 0.00003,
  // One clean datapoint: M3 16 GB, Llama-2-7B F16 (12.9 GB vs a 10.67 GB limit) ran 3.61 tok/s against ~7
  // predicted (measured: github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md, M3 16 GB row;
  // predicted: t0 + bytes/(η·BW) fitted to the Apple rows of github.com/ggml-org/llama.cpp/discussions/4167):
  // the 2.2 GB over the limit cost ~0.134 s per token.
  overLimitGBs: 16,
  // Assumed: page-fault-driven mmap reads from an NVMe SSD reach a fraction of its 3.5-7 GB/s sequential rate.
  diskGBs: 2,
  vectorEfficiency: 0.299,
  halfEfficiencyTokens: 21.1,
  expertLayerPassSeconds: 0.00124,
  attentionEfficiency: 0.743,
  unifiedGpuPrefillFactor: 0.565,
  floatEfficiencyRatio: 1.08,
  // Fitted by `npm run fit:experts` (scripts/fit-experts.ts) to the two published runs with MoE experts in RAM:
  // validation row gt318 (gpt-oss 20B, RX 7900 XT, --cpu-moe) and llmfit#755 (Qwen3-30B-A3B, RTX 2080, -ngl 99
  // --n-cpu-moe 36): errors +14.1 / +20.6 % at 1 → −4.1 / +5.7 %. Two rows: a correction of the known
  // optimism, to refit as more --n-cpu-moe measurements are published. It and the CPU tier's η (`npm run fit`,
  // which holds this fixed) are refitted in turn until neither moves: 0.82/0.856 → 0.812/0.858 → 0.811/0.858.
  cpuExpertEta: 0.812,
  // Derived from two cited facts, not fitted: llama.cpp decode on a Raspberry Pi 5 runs at 84-91 % of its
  // STREAM read (github.com/ggml-org/llama.cpp/issues/26484); on desktops the CPU fit's η 0.841 of spec over
  // AIDA64's DDR4-3200 read of 43-46 of 51.2 GB/s
  // (guru3d.com/review/g-skill-tridentz-royal-ddr4-3200-mhz-review/page-10) gives 0.94-1.0.
  // 0.9 sits between them. Caveat: on the one machine measured so far the browser's single-thread read matched
  // native sysbench but its all-worker read reached 0.7-0.85 of it, partly because sysbench sums per-thread
  // rates where the benchmark waits for its slowest worker (packages/host-bench/README.md).
  measuredRamEta: 0.9,
  cpuDecodeEfficiency: 0.0916,
  generationFactors: {
    'ampere-dc': { eta: 0.958, prefill: 0.731 },
    'apple-m5': { eta: 1.14, prefill: 0.958 },
    cdna1: { eta: 1.01, prefill: 0.89 },
    cdna2: { eta: 0.999, prefill: 0.873 },
    hopper: { eta: 0.957, prefill: 1 },
    kepler: { eta: 0.76, prefill: 1.09 },
    maxwell: { eta: 0.895, prefill: 1.17 },
    pascal: { eta: 0.94, prefill: 0.939 },
    rdna2: { eta: 0.973, prefill: 1.01 },
    'rdna3.5': { eta: 0.99, prefill: 0.755 },
    rdna4: { eta: 1.08, prefill: 0.966 },
    turing: { eta: 0.956, prefill: 0.88 },
    vega20: { eta: 0.993, prefill: 0.982 },
    volta: { eta: 1.05, prefill: 1.09 },
    'xe-hpg': { eta: 0.838, prefill: 1.06 },
    xe2: { eta: 0.946, prefill: 0.76 },
  },
};
