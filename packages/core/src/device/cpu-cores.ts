/**
 * @module device/cpu-cores — the vector units of the CPU cores llama.cpp's CPU backend runs on: how many int8
 * multiply-accumulates (its quantised dot products: activations quantised to 8 bits against unpacked weights)
 * and FP32 FMAs (F16/BF16/F32 weights) one core retires per cycle. Both are vector width × pipes × what one
 * instruction does, from the vendors' optimisation guides and measured instruction tables:
 *
 * - x86 without VNNI (AVX2) needs two instructions per 32 int8 products (`vpmaddubsw` then `vpmaddwd`), so half
 *   a MAC per byte lane per pipe; AVX-VNNI / AVX-512 VNNI's `vpdpbusd` does one (uops.info instruction tables,
 *   uops.info/table.html). Zen 4 executes 512-bit operations on its 256-bit pipes over two cycles; desktop
 *   Zen 5 has full 512-bit pipes (numberworld.org/blogs/2024_8_7_zen5_avx512_teardown); mobile Zen 5 (Strix
 *   Point) keeps 256-bit ones (chipsandcheese.com/2024/08/10/amds-strix-point-zen-5-hits-mobile).
 *   Ice Lake / Tiger Lake client cores fuse two 256-bit pipes for one 512-bit FMA; Xeon Gold/Platinum and
 *   Sapphire Rapids have two (Intel 64 and IA-32 Architectures Optimization Reference Manual, §2).
 * - Arm: `sdot` (FEAT_DotProd) does 16 int8 MACs per 128-bit instruction; `smmla` (FEAT_I8MM) 32, and
 *   llama.cpp's repacked Q4_0/Q8_0 GEMM kernels use it where present (ggml/src/ggml-cpu/arch/arm/repack.cpp);
 *   without either, widening multiplies (`smull` + `sadalp`) give about a quarter. Pipes per core: Cortex-A53/A55
 *   1, A72/A76/A78/A710/A720/Neoverse N1/N2 2, Cortex-X and Neoverse V2 4, Neoverse V1 2 × 256-bit SVE (Arm
 *   Software Optimization Guides, developer.arm.com); Apple performance cores 4 × 128-bit, efficiency cores 2
 *   (anandtech.com/show/16226/apple-silicon-m1-a14-deep-dive), i8mm from M2 (Armv8.6).
 */

/** Vector units of one core microarchitecture. */
export interface CpuCoreUnits {
  /** SIMD register width used by llama.cpp's kernels, bits. */
  readonly simdBits: number;
  /** Vector pipes that can issue the int8 dot product each cycle. */
  readonly int8Pipes: number;
  /** MACs per byte lane per instruction: 0.25 widening multiplies, 0.5 AVX2 pairs, 1 a dot product, 2 i8mm. */
  readonly int8PerLane: number;
  /** Vector FMA pipes. */
  readonly fmaPipes: number;
  /**
   * FP16 vector arithmetic (Armv8.2 FEAT_FP16): ggml's F16 dot products then run FP16 FMAs, twice the FP32
   * lanes per instruction; x86 converts F16 to FP32 first (F16C).
   */
  readonly fp16Arithmetic?: boolean;
}

/** Core microarchitectures in the CPU catalog. */
export const cpuCores = {
  zen2: { simdBits: 256, int8Pipes: 2, int8PerLane: 0.5, fmaPipes: 2 },
  zen3: { simdBits: 256, int8Pipes: 2, int8PerLane: 0.5, fmaPipes: 2 },
  zen4: { simdBits: 512, int8Pipes: 1, int8PerLane: 1, fmaPipes: 1 },
  zen5: { simdBits: 512, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  'zen5-mobile': { simdBits: 256, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  skylake: { simdBits: 256, int8Pipes: 2, int8PerLane: 0.5, fmaPipes: 2 },
  'cascade-lake': { simdBits: 512, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  'willow-cove': { simdBits: 512, int8Pipes: 1, int8PerLane: 1, fmaPipes: 1 },
  'golden-cove': { simdBits: 256, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  'sapphire-rapids': { simdBits: 512, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  'lion-cove': { simdBits: 256, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  gracemont: { simdBits: 128, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2 },
  'cortex-a53': { simdBits: 128, int8Pipes: 1, int8PerLane: 0.25, fmaPipes: 1 },
  'cortex-a55': { simdBits: 128, int8Pipes: 1, int8PerLane: 1, fmaPipes: 1, fp16Arithmetic: true },
  'cortex-a72': { simdBits: 128, int8Pipes: 2, int8PerLane: 0.25, fmaPipes: 2 },
  'cortex-a76': { simdBits: 128, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2, fp16Arithmetic: true },
  'cortex-a720': { simdBits: 128, int8Pipes: 2, int8PerLane: 2, fmaPipes: 2, fp16Arithmetic: true },
  'cortex-x': { simdBits: 128, int8Pipes: 4, int8PerLane: 2, fmaPipes: 4, fp16Arithmetic: true },
  'neoverse-n1': { simdBits: 128, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2, fp16Arithmetic: true },
  'neoverse-v1': { simdBits: 256, int8Pipes: 2, int8PerLane: 2, fmaPipes: 2, fp16Arithmetic: true },
  'neoverse-v2': { simdBits: 128, int8Pipes: 4, int8PerLane: 2, fmaPipes: 4, fp16Arithmetic: true },
  ampereone: { simdBits: 128, int8Pipes: 2, int8PerLane: 2, fmaPipes: 2, fp16Arithmetic: true },
  'apple-m1-p': { simdBits: 128, int8Pipes: 4, int8PerLane: 1, fmaPipes: 4, fp16Arithmetic: true },
  'apple-m1-e': { simdBits: 128, int8Pipes: 2, int8PerLane: 1, fmaPipes: 2, fp16Arithmetic: true },
  'apple-p': { simdBits: 128, int8Pipes: 4, int8PerLane: 2, fmaPipes: 4, fp16Arithmetic: true },
  'apple-e': { simdBits: 128, int8Pipes: 2, int8PerLane: 2, fmaPipes: 2, fp16Arithmetic: true },
  oryon: { simdBits: 128, int8Pipes: 4, int8PerLane: 2, fmaPipes: 4, fp16Arithmetic: true },
} as const satisfies Record<string, CpuCoreUnits>;

export type CpuCore = keyof typeof cpuCores;

/** int8 multiply-accumulates one core of `core` retires per cycle. */
export function int8MacsPerCycle(core: CpuCore): number {
  const u: CpuCoreUnits = cpuCores[core];
  return (u.simdBits / 8) * u.int8Pipes * u.int8PerLane;
}

/** FMAs one core of `core` retires per cycle on F16 weights: FP32 lanes, or FP16 lanes where it has FP16 arithmetic. */
export function floatFmasPerCycle(core: CpuCore): number {
  const u: CpuCoreUnits = cpuCores[core];
  return (u.simdBits / 32) * u.fmaPipes * (u.fp16Arithmetic === true ? 2 : 1);
}
