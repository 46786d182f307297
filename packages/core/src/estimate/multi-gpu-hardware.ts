/**
 * @module estimate/multi-gpu-hardware — several GPUs in one scenario (`devices`, or a device named "2x rtx 3090"):
 * each resolved on its own, and the aggregate the single-device code paths see (the first GPU's figures, with
 * the memory and runtime contexts of all of them).
 */
import type { Device } from '../device/device.js';
import { BYTES_PER_MARKETED_GB } from '../device/gpu-table.js';
import { CliffbenchError } from '../errors.js';
import { type SpeedCoefficients, speedCoefficients } from '../speed/coefficients.js';
import { type ResolvedHardware, resolveDevice, resolveHardware } from './resolve-hardware.js';
import type { Backend, Calibration, DeviceSpec, HostSpec, SplitMode } from './scenario.js';

/** One GPU of several. */
export interface GpuUnit {
  readonly device: Device;
  readonly hardware: ResolvedHardware;
  readonly speed: SpeedCoefficients;
  /** Capacity less the runtime's own context, bytes. */
  readonly usableBytes: number;
}

/** Several GPUs and how the model is split across them. */
export interface MultiGpu {
  readonly units: readonly GpuUnit[];
  readonly splitMode: SplitMode;
  /** `-ts` proportions as given (one per GPU), or undefined for llama.cpp's default (free memory). */
  readonly tensorSplit: readonly number[] | undefined;
  readonly mainGpu: number;
}

type DeviceInput = string | DeviceSpec;

/** "2x rtx 3090", "2 x RTX 3090", "2× rtx 3090": a count and a device name. */
const COUNT_PREFIX = /^\s*(\d{1,2})\s*[x×*]\s+(.+)$/i;

/** The list of devices a scenario names: `devices`, or `device` (expanding "2x NAME"). */
export function deviceList(
  device: DeviceInput | undefined,
  devices: readonly DeviceInput[] | undefined,
): DeviceInput[] {
  if (devices !== undefined && devices.length > 0) {
    return devices.flatMap((d) => deviceList(d, undefined));
  }
  if (device === undefined) {
    throw new CliffbenchError(
      'invalid-scenario',
      'Invalid scenario: name a device (device) or several (devices).',
    );
  }
  if (typeof device === 'string') {
    const m = COUNT_PREFIX.exec(device);
    if (m !== null) {
      const count = Number(m[1]);
      if (count < 1 || count > 16) {
        throw new CliffbenchError('invalid-scenario', `"${device}": between 1 and 16 GPUs can be named.`);
      }
      return Array.from({ length: count }, () => (m[2] as string).trim());
    }
  }
  return [device];
}

/** What `resolveMultiGpu` needs from the scenario. */
export interface MultiGpuInput {
  readonly backend?: Backend | undefined;
  readonly host?: HostSpec | undefined;
  readonly gpuMemoryLimitGB?: number | undefined;
  readonly calibration?: Calibration | undefined;
  readonly splitMode?: SplitMode | undefined;
  readonly tensorSplit?: readonly number[] | undefined;
  readonly mainGpu?: number | undefined;
  readonly flashAttention?: boolean | undefined;
  readonly kvCacheType?: string | undefined;
  readonly kvCacheTypeV?: string | undefined;
}

/** Resolves two or more GPUs; the aggregate hardware adds their memory and runtime contexts. */
export function resolveMultiGpu(
  list: readonly DeviceInput[],
  s: MultiGpuInput,
): { readonly hardware: ResolvedHardware; readonly gpus: MultiGpu } {
  const first = resolveDevice(list[0] as DeviceInput);
  const backend = s.backend ?? resolveHardware(first, undefined, s.host, s.gpuMemoryLimitGB).backend;
  const units = list.map((d): GpuUnit => {
    const device = resolveDevice(d);
    // A memory limit is the total over all GPUs (see scaleGpuMemory), applied below.
    const hardware = resolveHardware(device, backend, s.host, undefined, {
      gpuBandwidthGBs: s.calibration?.gpuBandwidthGBs,
      ramBandwidthGBs: s.calibration?.ramBandwidthGBs,
      pcieGBs: s.calibration?.pcieGBs,
    });
    if (hardware.layout !== 'discrete') {
      throw new CliffbenchError(
        'invalid-scenario',
        `Several devices are modelled only as discrete GPUs; "${device.name}" is ${hardware.layout === 'cpu' ? 'a CPU (or the CPU backend)' : 'unified memory'}.`,
        { device: device.name },
      );
    }
    return {
      device,
      hardware,
      speed: speedCoefficients(hardware, s.calibration),
      usableBytes: hardware.gpuCapacityBytes - hardware.runtimeBytes,
    };
  });
  const n = units.length;
  if (s.tensorSplit !== undefined) {
    if (s.tensorSplit.length !== n || !s.tensorSplit.some((x) => x > 0)) {
      throw new CliffbenchError(
        'invalid-scenario',
        `tensorSplit must give one proportion per GPU (${n}), not all zero; got ${s.tensorSplit.join(',')}.`,
      );
    }
  }
  const mainGpu = s.mainGpu ?? 0;
  if (mainGpu >= n) {
    throw new CliffbenchError(
      'invalid-scenario',
      `mainGpu ${mainGpu} is not one of the ${n} GPUs (0 to ${n - 1}).`,
    );
  }
  const splitMode = s.splitMode ?? 'layer';
  if (splitMode === 'tensor') {
    // llama.cpp's tensor split (backend-meta) needs flash attention and an unquantised KV cache.
    const quantised = [s.kvCacheType, s.kvCacheTypeV].some((t) => t !== undefined && t !== 'f16');
    if (s.flashAttention === false || quantised) {
      throw new CliffbenchError(
        'invalid-scenario',
        'Tensor split (-sm tensor) needs flash attention on and an unquantised (f16) KV cache: drop --no-flash-attention / the q8_0 or q4_0 KV type, or use -sm layer.',
      );
    }
  }
  const base = (units[0] as GpuUnit).hardware;
  let capacity = 0;
  let runtime = 0;
  for (const u of units) {
    capacity += u.hardware.gpuCapacityBytes;
    runtime += u.hardware.runtimeBytes;
  }
  const hardware = { ...base, gpuCapacityBytes: capacity, runtimeBytes: runtime };
  const gpus = { units, splitMode, tensorSplit: s.tensorSplit, mainGpu };
  return s.gpuMemoryLimitGB === undefined
    ? { hardware, gpus }
    : scaleGpuMemory(hardware, gpus, s.gpuMemoryLimitGB * BYTES_PER_MARKETED_GB);
}

/** "2× GeForce RTX 3090", "GeForce RTX 3090 + GeForce RTX 3060 12GB". */
export function multiGpuName(g: MultiGpu): string {
  const names = g.units.map((u) => u.device.name);
  const same = names.every((x) => x === names[0]);
  return same ? `${names.length}× ${names[0]}` : names.join(' + ');
}

/** "2× GeForce RTX 3090, layer split, -ts 3,1": the basis line's lead. */
export function multiGpuBasis(g: MultiGpu): string {
  const list = multiGpuName(g);
  const ts = g.tensorSplit === undefined ? '' : `, -ts ${g.tensorSplit.join(',')}`;
  return `${list}, ${g.splitMode} split${ts}`;
}

/**
 * Several GPUs with `totalBytes` of memory in all, shared in proportion to each card's memory (the meaning of
 * `gpuMemoryLimitGB` for several GPUs, and the x of a GPU-memory curve); what the runtime and the projector
 * take off each card is kept.
 */
export function scaleGpuMemory(
  hardware: ResolvedHardware,
  gpus: MultiGpu,
  totalBytes: number,
): { readonly hardware: ResolvedHardware; readonly gpus: MultiGpu } {
  let sum = 0;
  for (const u of gpus.units) sum += u.hardware.gpuCapacityBytes;
  const f = sum > 0 ? totalBytes / sum : 1;
  const units = gpus.units.map((u) => {
    const capacity = u.hardware.gpuCapacityBytes * f;
    return {
      ...u,
      hardware: { ...u.hardware, gpuCapacityBytes: capacity, gpuCapacityIsDefault: false },
      usableBytes: u.usableBytes - (u.hardware.gpuCapacityBytes - capacity),
    };
  });
  return {
    hardware: { ...hardware, gpuCapacityBytes: totalBytes, gpuCapacityIsDefault: false },
    gpus: { ...gpus, units },
  };
}
