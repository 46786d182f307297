/**
 * @module device/device — hardware the estimator runs a model on: accelerators (discrete GPUs, unified
 * memory SoCs) and the host around them (system RAM configuration, PCIe link).
 */
import type { CpuSpec } from './cpu-spec.js';
import type { GpuGeneration } from './gpu-generation.js';

/** `discrete`: own VRAM, host RAM across PCIe. `unified`: one pool shared by CPU and GPU. `cpu`: no accelerator. */
export type DeviceKind = 'discrete' | 'unified' | 'cpu';

export type FormFactor = 'desktop' | 'laptop' | 'workstation' | 'datacenter' | 'soc' | 'cpu';

export interface Device {
  /** Stable kebab-case id, e.g. `geforce-rtx-3060-12gb`, `apple-m3-max-40c-128gb`. */
  readonly id: string;
  /** Display name, e.g. "GeForce RTX 3060 12GB". */
  readonly name: string;
  readonly vendor: string;
  readonly kind: DeviceKind;
  readonly formFactor: FormFactor;
  /**
   * Accelerator memory as marketed ("12GB"); for unified devices the whole pool. Undefined for `cpu`.
   * Marketed VRAM and unified-memory sizes are binary (a "24 GB" card holds 24 GiB), so compute with
   * `memoryBytes`, which catalog entries and `deviceFromSpec` always set alongside.
   */
  readonly memoryGB?: number;
  /** Exact accelerator memory, bytes: `memoryGB` × 2^30. */
  readonly memoryBytes?: number;
  /** Spec memory bandwidth, GB/s (1e9 bytes/s). */
  readonly bandwidthGBs: number;
  /** Dense FP16 tensor/matrix throughput, TFLOPS, when known. */
  readonly fp16Tflops?: number;
  /** Host link for discrete cards: PCIe generation and lanes. */
  readonly pcie?: { readonly gen: number; readonly lanes: number };
  /** Other names users type for it ("3060 12gb", "RTX 3060"). */
  readonly aliases?: readonly string[];
  /** Spec-sheet URL(s) the numbers come from. */
  readonly source: string;
  /** The product without its memory configuration, e.g. "Apple M3 Max (40-core GPU)"; configurations share it. */
  readonly family?: string;
  /** Memory technology, e.g. "GDDR6X", "HBM3", "LPDDR5X". */
  readonly memoryType?: string;
  /** Memory bus width, bits. */
  readonly busBits?: number;
  /** GPU cores (Apple silicon). */
  readonly gpuCores?: number;
  /** Board power (NVIDIA TGP, AMD TBP) or package TDP, W; laptops: top of the OEM range. */
  readonly tdpW?: number;
  /** Launch year. */
  readonly year?: number;
  /** Caveat on the numbers, e.g. which figure is estimated rather than taken from a vendor sheet. */
  readonly note?: string;
  /** GPU architecture generation; when absent it is read from the name (`gpuGenerationOf`). */
  readonly generation?: GpuGeneration;
  /** FP32 shader (non-matrix) TFLOPS, where the catalog gives it. */
  readonly fp32Tflops?: number;
  /** A CPU's cores, clocks and vector units (kind `cpu` entries of the CPU catalog). */
  readonly cpu?: CpuSpec;
}

/** A system-RAM configuration (the slow tier of the cliff). */
export interface HostMemory {
  readonly id: string;
  /** e.g. "DDR4-3200 dual-channel". */
  readonly name: string;
  /** Theoretical peak, GB/s. */
  readonly bandwidthGBs: number;
  /** A measured figure where published (STREAM/AIDA-style read), GB/s. */
  readonly measuredGBs?: number;
  readonly source: string;
  /** Memory technology, e.g. "DDR5". */
  readonly memoryType?: string;
  /** Data rate, MT/s. */
  readonly megaTransfersPerSecond?: number;
  /** Total bus width, bits (64 per desktop DDR channel). */
  readonly busBits?: number;
  /** Other names users type for it, e.g. the platform ("Threadripper 7000"). */
  readonly aliases?: readonly string[];
}

/** A host-to-device link. */
export interface PcieLink {
  readonly id: string;
  /** e.g. "PCIe 4.0 x16". */
  readonly name: string;
  readonly gen: number;
  readonly lanes: number;
  /** Theoretical per-direction bandwidth, GB/s. */
  readonly bandwidthGBs: number;
  /** Typical measured pinned host-to-device copy, GB/s, where published. */
  readonly measuredGBs?: number;
  readonly source: string;
  /** Other names users type for it ("Thunderbolt 4", "OCuLink"). */
  readonly aliases?: readonly string[];
}
