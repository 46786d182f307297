/**
 * @module speed/coefficients — the effective bandwidths, fixed costs and FLOP rates one estimate uses: the
 * fitted backend defaults applied to the device's spec figures, or measured figures where a calibration gives
 * them. Each choice is recorded for the estimate's basis.
 */

import type { ResolvedHardware } from '../estimate/resolve-hardware.js';
import type { Backend, Calibration } from '../estimate/scenario.js';
import { type BackendSpeed, backendDefaults, type SharedSpeed, sharedSpeed } from './backend-defaults.js';

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
  /** Effective accelerator FLOP rate for prefill, FLOP/s. */
  readonly gpuFlops: number;
  /** Effective CPU FLOP rate for prefill, FLOP/s. */
  readonly cpuFlops: number;
  /** MoE prefill efficiency factor. */
  readonly moePrefillFactor: number;
  /** How each figure was chosen, for the basis line. */
  readonly basis: readonly string[];
}

const GB = 1e9;
const TERA = 1e12;

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
  const eta = gpuMeasured ? 1 : (calibration?.eta ?? backend.eta * hbmFactor);
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
  const cpuBytesPerSecond = cpuRate(hw.ramBandwidthGBs, ramEta, params.backends.cpu);
  const pcieMeasured = calibration?.pcieGBs !== undefined;
  const pcieBytesPerSecond = hw.pcieGBs * GB * (pcieMeasured ? 1 : shared.pcieEta);
  const tflops = hw.fp16Tflops ?? hw.device.bandwidthGBs * hw.fallbackTflopsPerGBs;
  if (hw.layout !== 'cpu' && hw.fp16Tflops === undefined) {
    basis.push(
      `FP16 FLOPS unknown: ${tflops.toFixed(1)} TFLOPS assumed from bandwidth (typical of ${hw.device.vendor} ${hw.device.kind} devices)`,
    );
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
    gpuFlops: tflops * TERA * backend.prefillEfficiency,
    cpuFlops: shared.cpuPrefillTflops * TERA,
    moePrefillFactor: shared.moePrefillFactor,
    basis,
  };
}
