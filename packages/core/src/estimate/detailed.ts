/**
 * @module estimate/detailed — the detailed estimate: the batch result plus where every byte and second goes
 * and the concrete advice, for the page, the CLI's human output and the tuner.
 */
import type { TensorGroup } from '../model/tensors.js';
import type { SplitMemory } from '../placement/memory.js';
import type { DecodeBreakdown, TierTime } from '../speed/decode.js';
import type { PrefillBreakdown } from '../speed/prefill.js';
import type { MemoryLayout } from './resolve-hardware.js';
import type { EstimateResult } from './scenario.js';

/** What the user could change, with the estimate it would give. */
export type AdviceKind =
  | 'smaller-quant'
  | 'shorter-context'
  | 'quantised-kv'
  | 'fewer-gpu-layers'
  | 'experts-on-cpu'
  | 'disable-sysmem-fallback'
  | 'raise-wired-limit'
  | 'more-gpu-memory'
  | 'more-ram';

export interface Advice {
  readonly kind: AdviceKind;
  /** One sentence with the numbers. */
  readonly message: string;
  /** Decode tokens/s it would give, when it runs. */
  readonly decodeTokensPerSecond?: number;
}

/** Where the bytes and seconds go. */
export interface EstimateBreakdown {
  /** Weight bytes by tensor group. */
  readonly weightsByGroup: Readonly<Record<TensorGroup, number>>;
  /** How the weight figures were obtained. */
  readonly weightsSource: 'predicted' | 'file size' | 'gguf header';
  /** Bytes per token and seconds per token by memory tier. */
  readonly tiers: readonly TierTime[];
  /** Decode in full (t0, layer counts, splits). */
  readonly decode: DecodeBreakdown;
  /** Prefill in full. */
  readonly prefill: PrefillBreakdown;
  /** Fixed cost per token, seconds. */
  readonly t0Seconds: number;
  /** Fraction of the accelerator's bandwidth used for weight reads (1 when a measured bandwidth is used). */
  readonly eta: number;
  /** Bandwidths behind the tiers, GB/s: spec (or measured) and effective. */
  readonly bandwidths: {
    readonly gpuGBs: number;
    readonly gpuEffectiveGBs: number;
    readonly ramGBs: number;
    readonly cpuEffectiveGBs: number;
    readonly pcieGBs: number;
  };
  /** Memory by place and kind, bytes. */
  readonly memory: SplitMemory & {
    /** Discrete GPU memory beside system RAM, one unified pool, or CPU only. */
    readonly layout: MemoryLayout;
    /** System RAM (unified: the whole pool), bytes. */
    readonly ramBytes: number;
    /** Accelerator memory the runtime takes. */
    readonly runtimeBytes: number;
    /** Accelerator memory usable for the model (capacity less runtime). */
    readonly gpuUsableBytes: number;
    /** RAM available after the OS. */
    readonly ramAvailableBytes: number;
    /** Accelerator bytes past the usable memory (sysmem or Apple's limit). */
    readonly gpuOverflowBytes: number;
    /** RAM bytes past what is available (streamed from disk). */
    readonly hostOverflowBytes: number;
  };
  /** KV cache element types, K and V. */
  readonly kvCacheTypes: { readonly k: string; readonly v: string };
  readonly flashAttention: boolean;
  /** Repeating layers whose routed experts sit in RAM. */
  readonly cpuMoeLayers: number;
  /** The decode band's source. */
  readonly bandNote: string;
  /** The prefill band's source. */
  readonly prefillBandNote: string;
}

/**
 * Bands on the figures beside decode (whose band is `band`): prefill tokens/s, time to first token (seconds) and
 * the memory by place (bytes). Part of the batch result too.
 */
export interface EstimateBands {
  readonly prefillBand: { readonly low: number; readonly high: number };
  readonly timeToFirstTokenBand: { readonly low: number; readonly high: number };
  readonly memoryBand: {
    readonly deviceBytes: { readonly low: number; readonly high: number };
    readonly hostBytes: { readonly low: number; readonly high: number };
  };
}

/** `EstimateResult` plus its breakdown and advice. */
export interface DetailedEstimate extends EstimateResult, EstimateBands {
  readonly breakdown: EstimateBreakdown;
  readonly advice: readonly Advice[];
}
