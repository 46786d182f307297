/**
 * @module estimate/resolve-hardware — the device, host RAM and PCIe link a scenario names, turned into the
 * capacities and bandwidths placement and speed use.
 */
import { appleGpuWorkingSetBytes } from '../device/apple-working-set.js';
import { type CpuRates, type CpuSpec, cpuRates } from '../device/cpu-spec.js';
import { defaultBackend } from '../device/default-backend.js';
import type { Device } from '../device/device.js';
import { deviceFromSpec } from '../device/device-from-spec.js';
import { lookupDevices } from '../device/devices.js';
import { cpuFromName, findCpu } from '../device/find-cpu.js';
import { findDevice } from '../device/find-device.js';
import { type GpuGeneration, gpuGenerationOf, gpuGenerations } from '../device/gpu-generation.js';
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

/** The CPU that computes CPU-held layers (or everything, CPU only). */
export interface ResolvedCpu {
  /** Catalog name, or what was assumed. */
  readonly name: string;
  readonly spec: CpuSpec;
  readonly rates: CpuRates;
  /** No CPU was named or recognised: a typical desktop CPU is assumed. */
  readonly assumed: boolean;
}

/**
 * The host CPU assumed when a scenario names none: an 8-core AVX2 desktop part, the catalog's Ryzen 7 5800X
 * (assumed as typical of the desktops beside a consumer GPU; with the fitted CPU efficiency it computes
 * prompts at about the 0.8 TFLOPS the estimator assumed before CPUs were modelled).
 */
const ASSUMED_HOST_CPU = 'AMD Ryzen 7 5800X';

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
  /** GPU architecture generation (catalog or name); undefined for CPUs and unrecognised names. */
  readonly generation: GpuGeneration | undefined;
  /** FP32 shader TFLOPS: the catalog's, or derived from FP16 by the generation's ratio, or typical. */
  readonly fp32Tflops: number;
  /** The CPU beside (or instead of) the accelerator. */
  readonly cpu: ResolvedCpu;
  /** An integrated GPU without memory of its own: its pool and bandwidth are the host RAM's. */
  readonly integrated: boolean;
}

const close = (a: number, b: number): boolean => Math.abs(a / b - 1) < 0.15;

const flopsRatioCache = new Map<string, number>();

/**
 * Median FP16 (or, with `fp32`, FP32) TFLOPS per GB/s of catalog devices of the same generation, else of the
 * same vendor and kind (all accelerators when none): what to assume for a device whose FLOPS are unknown.
 * Apple's SoCs have ~0.03, NVIDIA's tensor-core cards ~0.2, a Pascal card's FP32 ~0.03, so one figure for all
 * would be wrong by an order of magnitude.
 */
function typicalTflopsPerGBs(
  vendor: string,
  kind: Device['kind'],
  generation: GpuGeneration | undefined,
  fp32 = false,
): number {
  const key = `${vendor}|${kind}|${generation ?? ''}|${fp32}`;
  let ratio = flopsRatioCache.get(key);
  if (ratio === undefined) {
    const flops = (d: Device): number | undefined => {
      if (!fp32) return d.fp16Tflops;
      if (d.fp32Tflops !== undefined) return d.fp32Tflops;
      const g = gpuGenerationOf(d);
      return d.fp16Tflops === undefined || g === undefined
        ? undefined
        : d.fp16Tflops / gpuGenerations[g].fp16PerFp32;
    };
    const ratios = (match: (d: Device) => boolean): number[] =>
      [...lookupDevices]
        .filter((d) => d.kind !== 'cpu' && match(d) && flops(d) !== undefined)
        .map((d) => (flops(d) as number) / d.bandwidthGBs);
    const sameGeneration = generation === undefined ? [] : ratios((d) => gpuGenerationOf(d) === generation);
    const same = ratios((d) => d.vendor === vendor && d.kind === kind);
    const pick = sameGeneration.length > 0 ? sameGeneration : same;
    ratio = median(pick.length > 0 ? pick : ratios(() => true));
    flopsRatioCache.set(key, ratio);
  }
  return ratio;
}

/** Whether every entry holds the same value of `key`. */
function agreeOn<K extends keyof Device>(entries: readonly Device[], key: K): boolean {
  const first = entries[0];
  return first !== undefined && entries.every((d) => JSON.stringify(d[key]) === JSON.stringify(first[key]));
}

/**
 * Details an explicit device spec does not carry, taken from catalog entries of the same name when they all
 * agree: memory type and PCIe link from entries of the same kind and bandwidth (they differ between memory
 * configurations of one chip); FLOPS and generation from entries of the same kind whatever their memory (an
 * integrated GPU's bandwidth is the machine's RAM). A CPU-only spec gets the catalog CPU its name describes.
 * Explicit numbers always win.
 */
function catalogDetails(spec: DeviceSpec): Partial<Device> {
  if (spec.kind === 'cpu') {
    const cpu = cpuFromName(spec.name)?.cpu;
    return cpu === undefined ? {} : { cpu };
  }
  let matches: Device[];
  try {
    matches = [findDevice(spec.name)];
  } catch (error) {
    if (!(error instanceof CliffbenchError) || error.code !== 'ambiguous-device') return {};
    const names = new Set((error.detail.candidates as readonly string[] | undefined) ?? []);
    matches = lookupDevices.filter((d) => names.has(d.name));
  }
  const kin = matches.filter((d) => d.kind === spec.kind);
  const same = kin.filter((d) => close(d.bandwidthGBs, spec.bandwidthGBs));
  const first = same[0];
  const chip = kin[0];
  const fromChip = <K extends 'fp16Tflops' | 'fp32Tflops' | 'generation'>(key: K): Partial<Device> => {
    const pool = first !== undefined ? same : kin;
    const value = pool[0]?.[key];
    return value !== undefined && agreeOn(pool, key) ? { [key]: value } : {};
  };
  return {
    ...(first !== undefined && agreeOn(same, 'memoryType') && first.memoryType !== undefined
      ? { memoryType: first.memoryType }
      : {}),
    ...(first !== undefined && agreeOn(same, 'pcie') && first.pcie !== undefined ? { pcie: first.pcie } : {}),
    ...(chip === undefined
      ? {}
      : { ...fromChip('fp16Tflops'), ...fromChip('fp32Tflops'), ...fromChip('generation') }),
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
    ...(extra.fp32Tflops === undefined ? {} : { fp32Tflops: extra.fp32Tflops }),
    ...(extra.generation === undefined ? {} : { generation: extra.generation }),
    ...(extra.cpu === undefined ? {} : { cpu: extra.cpu }),
  };
}

/**
 * The CPU of a scenario: the host's named CPU (`host.cpu`, which must be in the catalog), the device itself when
 * it is a CPU the catalog knows, else a typical desktop CPU, assumed.
 */
function resolveCpu(device: Device, host: HostSpec | undefined): ResolvedCpu {
  const named = host?.cpu === undefined ? undefined : findCpu(host.cpu);
  const spec = named?.cpu ?? device.cpu;
  if (spec !== undefined) {
    return { name: named?.name ?? device.name, spec, rates: cpuRates(spec), assumed: false };
  }
  const assumed = findCpu(ASSUMED_HOST_CPU);
  const assumedSpec = assumed.cpu as CpuSpec;
  return { name: assumed.name, spec: assumedSpec, rates: cpuRates(assumedSpec), assumed: true };
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
  // An integrated GPU from the catalog has no memory of its own: the pool is the host RAM.
  const integrated =
    device.kind === 'unified' && device.memoryBytes === undefined && device.memoryGB === undefined;
  const hostRam = (host?.ramGB ?? DEFAULT_RAM_GB) * BYTES_PER_MARKETED_GB;
  const deviceMemory = integrated
    ? hostRam
    : (device.memoryBytes ?? (device.memoryGB ?? 0) * BYTES_PER_MARKETED_GB);
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
  const cpu = resolveCpu(device, host);
  const named = host?.cpu === undefined ? undefined : findCpu(host.cpu);
  // RAM bandwidth: measured, given, the device's own (unified, CPU), the named host CPU's platform, or DDR4-3200.
  const ownRamBandwidth =
    device.kind === 'discrete'
      ? named?.bandwidthGBs
      : integrated
        ? (host?.ramBandwidthGBs ?? device.bandwidthGBs)
        : device.bandwidthGBs;
  const link = device.pcie ?? { gen: 4, lanes: 16 };
  const gen = link.gen === 3 || link.gen === 5 ? link.gen : 4;
  const generation = gpuGenerationOf(device);
  const fp16 = device.fp16Tflops;
  const fp32Tflops =
    device.fp32Tflops ??
    (fp16 !== undefined && generation !== undefined
      ? fp16 / gpuGenerations[generation].fp16PerFp32
      : device.bandwidthGBs * typicalTflopsPerGBs(device.vendor, device.kind, generation, true));
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
    gpuBandwidthGBs:
      layout === 'cpu'
        ? 0
        : (measured.gpuBandwidthGBs ?? (integrated ? ownRamBandwidth : undefined) ?? device.bandwidthGBs),
    ramBandwidthGBs:
      measured.ramBandwidthGBs ?? host?.ramBandwidthGBs ?? ownRamBandwidth ?? DEFAULT_RAM_BANDWIDTH_GBS,
    pcieGBs: measured.pcieGBs ?? host?.pcieGBs ?? pcieBandwidthGBs(gen, link.lanes),
    fp16Tflops: device.fp16Tflops,
    fallbackTflopsPerGBs: typicalTflopsPerGBs(device.vendor, device.kind, generation),
    hbm: device.memoryType?.toUpperCase().startsWith('HBM') ?? false,
    generation,
    fp32Tflops,
    cpu,
    integrated,
  };
}
