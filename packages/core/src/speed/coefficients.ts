/**
 * @module speed/coefficients — the effective bandwidths, fixed costs and FLOP rates one estimate uses: the
 * fitted backend defaults applied to the device's spec figures, or measured figures where a calibration gives
 * them. Each choice is recorded for the estimate's basis.
 */

import type { ResolvedHardware } from '../estimate/resolve-hardware.js';
import type { Backend, Calibration } from '../estimate/scenario.js';
import { type BackendSpeed, backendDefaults, type SharedSpeed, sharedSpeed } from './backend-defaults.js';
import { dequantisesToF16, gpuMatmulPath, type MatmulPath, pathName, pathPeakFlops } from './matmul-path.js';

/** Everything speed formulas need, in SI units (bytes/s, seconds, FLOP/s). */
export interface SpeedCoefficients {
  /** Effective accelerator bandwidth for weight reads, bytes/s (η × BW, or measured). */
  readonly gpuBytesPerSecond: number;
  /** Effective accelerator bandwidth for KV-cache reads with flash attention, bytes/s. */
  readonly gpuKvBytesPerSecond: number;
  /** The same without flash attention, bytes/s. */
  readonly gpuKvBytesPerSecondNoFlash: number;
  /** Effective rate the CPU reads weights from RAM, bytes/s. */
  readonly cpuBytesPerSecond: number;
  /** Effective rate the CPU reads its KV cache with flash attention, bytes/s. */
  readonly cpuKvBytesPerSecond: number;
  /** The same without flash attention, bytes/s. */
  readonly cpuKvBytesPerSecondNoFlash: number;
  /** Effective host-to-device rate (sysmem reads, per-micro-batch weight copies), bytes/s. */
  readonly pcieBytesPerSecond: number;
  /** Rate for bytes past Apple's GPU limit, bytes/s. */
  readonly overLimitBytesPerSecond: number;
  /** Rate for weights streamed from disk, bytes/s. */
  readonly diskBytesPerSecond: number;
  /** Fixed cost per dense layer on the accelerator, seconds. */
  readonly gpuLayerSeconds: number;
  /** Fixed cost per dense layer on the CPU, seconds. */
  readonly cpuLayerSeconds: number;
  /** MoE layer cost relative to a dense layer. */
  readonly moeLayerFactor: number;
  /** Fraction of `cpuBytesPerSecond` reached on MoE expert weights. */
  readonly cpuExpertEta: number;
  /** CPU↔GPU hand-over cost, seconds. */
  readonly splitSeconds: number;
  /** A measured total fixed cost per token that replaces the per-layer sum, seconds. */
  readonly t0OverrideSeconds: number | undefined;
  /** CPU decode compute: effective FLOP/s of dequantise-and-dot on quantised weights (int8 dot products). */
  readonly cpuDecodeQuantFlops: number;
  /** The same on F16/BF16/F32 weights (FP32 FMAs). */
  readonly cpuDecodeFloatFlops: number;
  /** Prompt-processing rates and names. */
  readonly prefill: PrefillCoefficients;
  /** How each figure was chosen, for the basis line. */
  readonly basis: readonly string[];
}

/** The rates prompt processing runs at, FLOP/s (a multiply-accumulate counts 2), and what they are. */
export interface PrefillCoefficients {
  /** Accelerator matmuls on quantised weights, effective. */
  readonly gpuQuantFlops: number;
  /** Accelerator matmuls on F16/BF16/F32 weights, effective. */
  readonly gpuFloatFlops: number;
  /** Peak of the accelerator's fastest path used (no prefill may exceed it). */
  readonly gpuPeakFlops: number;
  /**
   * Quantised matmuls below MMQ_DP4A_MAX_BATCH tokens where the path changes with the batch (Volta: MMQ with
   * __dp4a below, dequantise-then-cuBLAS from it), effective; else `gpuQuantFlops`.
   */
  readonly gpuQuantFlopsSmallBatch: number;
  /** Quantised weights are dequantised to F16 in a pass of their own per micro-batch (Volta's cuBLAS path). */
  readonly gpuDequantPass: boolean;
  /** CPU matmuls on quantised weights (int8 dot products), effective. */
  readonly cpuQuantFlops: number;
  /** CPU matmuls on F16/BF16/F32 weights (FP32 FMAs), effective. */
  readonly cpuFloatFlops: number;
  /** Peak of the CPU's int8 and FP32 paths, the larger. */
  readonly cpuPeakFlops: number;
  /** Tokens per weight matrix at which matmuls reach half their efficiency (dense: u; experts: u·k/E). */
  readonly halfEfficiencyTokens: number;
  /** Attention runs at this fraction of the matmul rate. */
  readonly attentionEfficiency: number;
  /** Fixed seconds per MoE layer per micro-batch. */
  readonly expertLayerPassSeconds: number;
  /** The accelerator's quantised-matmul path ("MMQ int8 on tensor cores") and its share of its peak. */
  readonly gpuPathName: string;
  readonly gpuEfficiency: number;
  /** The CPU's name ("(assumed)" when none was named), cores used and share of its int8 peak. */
  readonly cpuName: string;
  readonly cpuThreads: number;
  readonly cpuEfficiency: number;
}

const GB = 1e9;

/** The fitted parameter tables; the fit script passes candidates, everything else the defaults. */
export interface SpeedParameters {
  readonly backends: Readonly<Record<Backend, BackendSpeed>>;
  readonly shared: SharedSpeed;
}

/** The fitted defaults. */
const defaultSpeedParameters: SpeedParameters = { backends: backendDefaults, shared: sharedSpeed };

/**
 * CPU read rate: RAM bandwidth × η (the CPU fit's η of a spec figure, or `measuredRamEta` of a measured one),
 * capped by what the cores can pull (harmonic combination).
 */
function cpuRate(ramGBs: number, eta: number, cpu: BackendSpeed): number {
  const raw = eta * ramGBs * GB;
  const cap = (cpu.capGBs ?? Number.POSITIVE_INFINITY) * GB;
  return 1 / (1 / raw + 1 / cap);
}

/** Prefill rates of the accelerator (path by backend and generation) and of the CPU. */
function prefillCoefficients(
  hw: ResolvedHardware,
  tflops: number,
  params: SpeedParameters,
): PrefillCoefficients {
  const shared = params.shared;
  const cpu = params.backends.cpu;
  const cpuQuantPeak = 2 * hw.cpu.rates.int8MacsPerSecond;
  const cpuFloatPeak = 2 * hw.cpu.rates.floatFmasPerSecond;
  let gpuQuantFlops = 0;
  let gpuFloatFlops = 0;
  let gpuPeakFlops = 0;
  let gpuQuantFlopsSmallBatch = 0;
  let gpuDequantPass = false;
  let gpuPathName = 'CPU';
  let gpuEfficiency = cpu.matrixEfficiency;
  if (hw.backend !== 'cpu') {
    const backend = hw.backend;
    // Unified-memory GPUs other than Apple's share the CPU's power budget and memory controller.
    const unifiedFactor =
      (hw.layout === 'unified' && !hw.apple ? shared.unifiedGpuPrefillFactor : 1) *
      (hw.generation === undefined ? 1 : (shared.generationFactors[hw.generation]?.prefill ?? 1));
    const efficiency = (path: MatmulPath): number =>
      Math.min(
        1,
        (path === 'matrix' ? params.backends[backend].matrixEfficiency : shared.vectorEfficiency) *
          unifiedFactor,
      );
    const quantPath = gpuMatmulPath(backend, hw.generation, true);
    const floatPath = gpuMatmulPath(backend, hw.generation, false);
    const quantPeak = pathPeakFlops(hw, tflops, quantPath);
    const floatPeak = pathPeakFlops(hw, tflops, floatPath);
    gpuEfficiency = efficiency(quantPath);
    gpuQuantFlops = quantPeak * gpuEfficiency;
    gpuFloatFlops = floatPeak * Math.min(1, efficiency(floatPath) * shared.floatEfficiencyRatio);
    gpuPeakFlops = Math.max(quantPeak, floatPeak);
    gpuPathName = pathName(backend, hw.generation, quantPath);
    gpuDequantPass = dequantisesToF16(backend, hw.generation);
    // Volta below the cuBLAS batch: MMQ with __dp4a on the shader ALUs.
    gpuQuantFlopsSmallBatch = gpuDequantPass
      ? pathPeakFlops(hw, tflops, 'int8-dot') * efficiency('int8-dot')
      : gpuQuantFlops;
    gpuPeakFlops = Math.max(gpuPeakFlops, gpuDequantPass ? pathPeakFlops(hw, tflops, 'int8-dot') : 0);
  }
  // One literal, no spreads: the fit scripts build coefficients millions of times.
  return {
    gpuQuantFlops,
    gpuFloatFlops,
    gpuPeakFlops,
    gpuQuantFlopsSmallBatch,
    gpuDequantPass,
    cpuQuantFlops: cpuQuantPeak * cpu.matrixEfficiency,
    cpuFloatFlops: cpuFloatPeak * Math.min(1, cpu.matrixEfficiency * shared.floatEfficiencyRatio),
    cpuPeakFlops: Math.max(cpuQuantPeak, cpuFloatPeak),
    halfEfficiencyTokens: shared.halfEfficiencyTokens,
    attentionEfficiency: shared.attentionEfficiency,
    expertLayerPassSeconds: shared.expertLayerPassSeconds,
    gpuPathName,
    gpuEfficiency,
    cpuName: hw.cpu.assumed ? `${hw.cpu.name} (assumed)` : hw.cpu.name,
    cpuThreads: hw.cpu.rates.threadsUsed,
    cpuEfficiency: cpu.matrixEfficiency,
  };
}

/** Coefficients for one hardware setup, with an optional calibration. */
export function speedCoefficients(
  hw: ResolvedHardware,
  calibration?: Calibration,
  params: SpeedParameters = defaultSpeedParameters,
): SpeedCoefficients {
  const backend = params.backends[hw.backend];
  const shared = params.shared;
  const basis: string[] = [];
  const gpuMeasured = calibration?.gpuBandwidthGBs !== undefined;
  const hbmFactor = hw.hbm ? shared.hbmEtaFactor : 1;
  const generation = hw.generation === undefined ? undefined : shared.generationFactors[hw.generation];
  const eta = gpuMeasured
    ? 1
    : (calibration?.eta ?? Math.min(1, backend.eta * hbmFactor * (generation?.eta ?? 1)));
  const gpuBytesPerSecond = hw.gpuBandwidthGBs * GB * eta;
  if (hw.layout !== 'cpu') {
    if (gpuMeasured) {
      basis.push(`measured GPU bandwidth ${hw.gpuBandwidthGBs.toFixed(0)} GB/s`);
    } else {
      const how = calibration?.eta !== undefined ? 'calibrated' : `${hw.backend} fit`;
      const hbm = hw.hbm && calibration?.eta === undefined ? ' incl. HBM factor' : '';
      basis.push(`spec ${hw.gpuBandwidthGBs.toFixed(0)} GB/s × η ${eta.toFixed(2)} (${how}${hbm})`);
    }
  }
  const ramEta = calibration?.ramBandwidthGBs !== undefined ? shared.measuredRamEta : params.backends.cpu.eta;
  // Without --numa, llama.cpp's weights sit in the memory of the node that loaded them: one socket's bandwidth.
  const sockets = hw.cpu.spec.sockets ?? 1;
  const cpuBytesPerSecond = cpuRate(hw.ramBandwidthGBs / sockets, ramEta, params.backends.cpu);
  if (sockets > 1) basis.push(`${sockets} sockets: one node's RAM bandwidth (llama.cpp without --numa)`);
  const pcieMeasured = calibration?.pcieGBs !== undefined;
  const pcieBytesPerSecond = hw.pcieGBs * GB * (pcieMeasured ? 1 : shared.pcieEta);
  const tflops = hw.fp16Tflops ?? hw.device.bandwidthGBs * hw.fallbackTflopsPerGBs;
  if (hw.layout !== 'cpu') {
    const matrix =
      gpuMatmulPath(hw.backend === 'cpu' ? 'cuda' : hw.backend, hw.generation, true) === 'matrix';
    const typical = `typical of ${hw.generation ?? `${hw.device.vendor} ${hw.device.kind}`} devices`;
    if (matrix && hw.fp16Tflops === undefined) {
      basis.push(`FP16 FLOPS unknown: ${tflops.toFixed(1)} TFLOPS assumed from bandwidth (${typical})`);
    } else if (!matrix && hw.device.fp32Tflops === undefined && hw.fp16Tflops === undefined) {
      basis.push(
        `FP32 FLOPS unknown: ${hw.fp32Tflops.toFixed(1)} TFLOPS assumed from bandwidth (${typical})`,
      );
    }
  }
  if (calibration?.t0Seconds !== undefined) {
    basis.push(`measured t0 ${(calibration.t0Seconds * 1e3).toFixed(2)} ms`);
  }
  return {
    gpuBytesPerSecond,
    gpuKvBytesPerSecond: gpuBytesPerSecond * shared.kvEtaRatio,
    gpuKvBytesPerSecondNoFlash: gpuBytesPerSecond * shared.kvEtaRatioNoFlash,
    cpuBytesPerSecond,
    cpuKvBytesPerSecond: cpuBytesPerSecond * shared.kvEtaRatio,
    cpuKvBytesPerSecondNoFlash: cpuBytesPerSecond * shared.kvEtaRatioNoFlash,
    pcieBytesPerSecond,
    overLimitBytesPerSecond: shared.overLimitGBs * GB,
    diskBytesPerSecond: shared.diskGBs * GB,
    gpuLayerSeconds: backend.t0PerLayerSeconds,
    cpuLayerSeconds: params.backends.cpu.t0PerLayerSeconds,
    moeLayerFactor: shared.moeLayerFactor,
    cpuExpertEta: shared.cpuExpertEta,
    splitSeconds: shared.splitSeconds,
    t0OverrideSeconds: calibration?.t0Seconds,
    cpuDecodeQuantFlops: 2 * hw.cpu.rates.int8MacsPerSecond * shared.cpuDecodeEfficiency,
    cpuDecodeFloatFlops: 2 * hw.cpu.rates.floatFmasPerSecond * shared.cpuDecodeEfficiency,
    prefill: prefillCoefficients(hw, tflops, params),
    basis,
  };
}
