/**
 * @module estimate/resolve-hardware — the device, host RAM and PCIe link a scenario names, turned into the
 * capacities and bandwidths placement and speed use.
 */
import { appleGpuWorkingSetBytes } from '../device/apple-working-set.js';
import { defaultBackend } from '../device/default-backend.js';
import type { Device } from '../device/device.js';
import { deviceFromSpec } from '../device/device-from-spec.js';
import { devices } from '../device/devices.js';
import { findDevice } from '../device/find-device.js';
import { BYTES_PER_MARKETED_GB } from '../device/gpu-table.js';
import { ddrBandwidthGBs } from '../device/host-memory.js';
import { pcieBandwidthGBs } from '../device/pcie-links.js';
import { CliffbenchError } from '../errors.js';
import { runtimeOverheadBytes } from '../footprint/overhead.js';
import { median } from '../stats/sample-stats.js';
import type { Backend, DeviceSpec, HostSpec } from './scenario.js';

const GIB = 2 ** 30;

/** System RAM assumed when the scenario gives none, GB as marketed (= GiB). */
const DEFAULT_RAM_GB = 32;
/** DDR4-3200 dual channel: 2 × 8 B × 3200 MT/s (JEDEC JESD79-4), the commonest desktop configuration. */
const DEFAULT_RAM_BANDWIDTH_GBS = ddrBandwidthGBs(2, 3200);
/**
 * RAM the operating system and a desktop session keep, bytes: 4 GiB, or an eighth of a smaller machine's RAM.
 * Assumed, not fitted: a Windows or macOS desktop idles at 3-5 GiB in use, and 8 GB machines run leaner by
 * compressing and swapping (an 8 GB M1 runs a 4.6 GiB Llama-3-8B Q4_K_M in GPU memory; validation row gt113).
 */
function osReservedBytes(ramBytes: number): number {
  return Math.min(4 * GIB, ramBytes / 8);
}

/** How the accelerator relates to system memory, after the backend is chosen. */
export type MemoryLayout = 'discrete' | 'unified' | 'cpu';

/** The hardware side of a resolved scenario. */
export interface ResolvedHardware {
  readonly device: Device;
  readonly backend: Backend;
  /** `cpu` also when a GPU is present but the CPU backend was chosen. */
  readonly layout: MemoryLayout;
  /** Apple silicon (Metal working-set limit applies). */
  readonly apple: boolean;
  /** Memory the accelerator may use for model buffers, bytes (VRAM, or the unified GPU limit); 0 for cpu. */
  readonly gpuCapacityBytes: number;
  /** Whether `gpuCapacityBytes` is the device default rather than the scenario's `gpuMemoryLimitGB`. */
  readonly gpuCapacityIsDefault: boolean;
  /** Accelerator memory taken by the runtime before any buffer, bytes. */
  readonly runtimeBytes: number;
  /** System RAM (unified: the pool), bytes. */
  readonly ramBytes: number;
  /** RAM left for the model after the OS, bytes. */
  readonly ramAvailableBytes: number;
  /** Spec (or calibrated) accelerator bandwidth, GB/s; 0 for cpu. */
  readonly gpuBandwidthGBs: number;
  /** Bandwidth the CPU reads its weights at before efficiency, GB/s. */
  readonly ramBandwidthGBs: number;
  /** Host-to-device link, GB/s (spec, or calibrated). */
  readonly pcieGBs: number;
  /** Dense FP16 FLOPS of the accelerator, TFLOPS; undefined when unknown. */
  readonly fp16Tflops: number | undefined;
  /** FP16 TFLOPS per GB/s of bandwidth typical of such devices, for when `fp16Tflops` is unknown. */
  readonly fallbackTflopsPerGBs: number;
  /** HBM memory (batch-1 kernels reach a smaller share of its bandwidth). */
  readonly hbm: boolean;
}

const close = (a: number, b: number): boolean => Math.abs(a / b - 1) < 0.15;

const flopsRatioCache = new Map<string, number>();

/**
 * Median FP16 TFLOPS per GB/s of catalog devices of the same vendor and kind (all accelerators when none):
 * what to assume for a device whose FLOPS are unknown. Apple's SoCs have ~0.03, NVIDIA's tensor-core cards
 * ~0.2, so one figure for all would be wrong by an order of magnitude.
 */
function typicalTflopsPerGBs(vendor: string, kind: Device['kind']): number {
  const key = `${vendor}|${kind}`;
  let ratio = flopsRatioCache.get(key);
  if (ratio === undefined) {
    const ratios = (match: (d: Device) => boolean): number[] =>
      devices
        .filter((d) => match(d) && d.fp16Tflops !== undefined)
        .map((d) => (d.fp16Tflops as number) / d.bandwidthGBs);
    const same = ratios((d) => d.vendor === vendor && d.kind === kind);
    ratio = median(same.length > 0 ? same : ratios((d) => d.kind !== 'cpu'));
    flopsRatioCache.set(key, ratio);
  }
  return ratio;
}

/**
 * Details an explicit device spec does not carry (memory type, PCIe link, FLOPS), taken from catalog entries of
 * the same name and bandwidth when they all agree. Explicit numbers always win.
 */
function catalogDetails(spec: DeviceSpec): Partial<Device> {
  let matches: Device[];
  try {
    matches = [findDevice(spec.name)];
  } catch (error) {
    if (!(error instanceof CliffbenchError) || error.code !== 'ambiguous-device') return {};
    const names = new Set((error.detail.candidates as readonly string[] | undefined) ?? []);
    matches = devices.filter((d) => names.has(d.name));
  }
  const same = matches.filter((d) => d.kind === spec.kind && close(d.bandwidthGBs, spec.bandwidthGBs));
  const first = same[0];
  if (first === undefined) return {};
  const agree = <K extends keyof Device>(key: K): boolean =>
    same.every((d) => JSON.stringify(d[key]) === JSON.stringify(first[key]));
  return {
    ...(agree('memoryType') && first.memoryType !== undefined ? { memoryType: first.memoryType } : {}),
    ...(agree('pcie') && first.pcie !== undefined ? { pcie: first.pcie } : {}),
    ...(agree('fp16Tflops') && first.fp16Tflops !== undefined ? { fp16Tflops: first.fp16Tflops } : {}),
  };
}

/** The `Device` a scenario names: a catalog lookup, or explicit numbers completed from the catalog. */
export function resolveDevice(device: string | DeviceSpec): Device {
  if (typeof device === 'string') return findDevice(device);
  const own = deviceFromSpec(device);
  const extra = catalogDetails(device);
  return {
    ...own,
    ...(extra.memoryType === undefined ? {} : { memoryType: extra.memoryType }),
    ...(extra.pcie === undefined ? {} : { pcie: extra.pcie }),
    ...(own.fp16Tflops === undefined && extra.fp16Tflops !== undefined
      ? { fp16Tflops: extra.fp16Tflops }
      : {}),
  };
}

/** Measured figures that replace spec ones; see `CalibrationSchema`. */
interface MeasuredLinks {
  readonly gpuBandwidthGBs?: number | undefined;
  readonly ramBandwidthGBs?: number | undefined;
  readonly pcieGBs?: number | undefined;
}

/**
 * Capacities and bandwidths for a device, host and backend.
 * @param gpuMemoryLimitGB the scenario's override of usable accelerator memory, GB (= GiB).
 */
export function resolveHardware(
  device: Device,
  backendChoice: Backend | undefined,
  host: HostSpec | undefined,
  gpuMemoryLimitGB: number | undefined,
  measured: MeasuredLinks = {},
): ResolvedHardware {
  const backend = backendChoice ?? defaultBackend(device);
  const layout: MemoryLayout = device.kind === 'cpu' || backend === 'cpu' ? 'cpu' : device.kind;
  const apple = device.vendor === 'Apple' && device.kind === 'unified';
  const deviceMemory = device.memoryBytes ?? (device.memoryGB ?? 0) * BYTES_PER_MARKETED_GB;
  const hostRam = (host?.ramGB ?? DEFAULT_RAM_GB) * BYTES_PER_MARKETED_GB;
  // A CPU device's memoryGB is its RAM; a unified device's pool is the RAM.
  const ramBytes =
    device.kind === 'unified' || (device.kind === 'cpu' && deviceMemory > 0) ? deviceMemory : hostRam;
  const limitOverride = gpuMemoryLimitGB === undefined ? undefined : gpuMemoryLimitGB * BYTES_PER_MARKETED_GB;
  let gpuDefault = 0;
  if (layout === 'discrete') gpuDefault = deviceMemory;
  else if (layout === 'unified') {
    gpuDefault = apple ? appleGpuWorkingSetBytes(deviceMemory) : deviceMemory - osReservedBytes(deviceMemory);
  }
  const gpuCapacityBytes = layout === 'cpu' ? 0 : (limitOverride ?? gpuDefault);
  if (layout !== 'cpu' && !(gpuCapacityBytes > 0)) {
    throw new CliffbenchError(
      'invalid-scenario',
      `Device "${device.name}" has no usable accelerator memory (${gpuCapacityBytes} bytes); give memoryGB or gpuMemoryLimitGB.`,
      { device: device.name },
    );
  }
  const ownRamBandwidth = device.kind === 'discrete' ? undefined : device.bandwidthGBs;
  const link = device.pcie ?? { gen: 4, lanes: 16 };
  const gen = link.gen === 3 || link.gen === 5 ? link.gen : 4;
  return {
    device,
    backend,
    layout,
    apple,
    gpuCapacityBytes,
    gpuCapacityIsDefault: limitOverride === undefined,
    runtimeBytes: layout === 'cpu' ? 0 : runtimeOverheadBytes[backend],
    ramBytes,
    ramAvailableBytes: Math.max(0, ramBytes - osReservedBytes(ramBytes)),
    gpuBandwidthGBs: layout === 'cpu' ? 0 : (measured.gpuBandwidthGBs ?? device.bandwidthGBs),
    ramBandwidthGBs:
      measured.ramBandwidthGBs ?? host?.ramBandwidthGBs ?? ownRamBandwidth ?? DEFAULT_RAM_BANDWIDTH_GBS,
    pcieGBs: measured.pcieGBs ?? host?.pcieGBs ?? pcieBandwidthGBs(gen, link.lanes),
    fp16Tflops: device.fp16Tflops,
    fallbackTflopsPerGBs: typicalTflopsPerGBs(device.vendor, device.kind),
    hbm: device.memoryType?.toUpperCase().startsWith('HBM') ?? false,
  };
}
