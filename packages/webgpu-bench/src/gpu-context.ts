/**
 * @module gpu-context — the one place that asks WebGPU for an adapter and device: the limits the
 * benchmark needs (the adapter's real maxBufferSize / maxStorageBufferBindingSize, not the 128/256 MiB
 * defaults), optional features, and `device.lost`. Every capability failure leaves through `fail()`.
 */
import { BenchError, type BenchErrorCode } from './errors.js';

export interface AdapterSummary {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  readonly isFallbackAdapter?: boolean;
}

/** What the browser exposes before anything runs. */
export interface ProbeInfo {
  readonly adapter: AdapterSummary;
  readonly features: string[];
  readonly limits: Record<string, number>;
  /** Timing mode the run will use. */
  readonly timingMode: 'timestamp-query' | 'wall-clock';
}

export interface GpuContext {
  readonly device: GPUDevice;
  readonly probe: ProbeInfo;
  /** Rejects when the device is lost. */
  readonly lost: Promise<never>;
}

const fail = (code: BenchErrorCode, message: string): never => {
  throw new BenchError(code, message);
};

/** Limits the benchmark raises to the adapter's maximum. */
const RAISED_LIMITS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxStorageBuffersPerShaderStage',
] as const;

function limitsRecord(limits: GPUSupportedLimits): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key in limits) {
    const v = (limits as unknown as Record<string, unknown>)[key];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}

async function requestAdapter(gpu: GPU | undefined): Promise<GPUAdapter> {
  if (!gpu) {
    const secure = (globalThis as { isSecureContext?: boolean }).isSecureContext;
    return fail(
      'no-webgpu',
      secure === false
        ? 'WebGPU needs a secure context: open the page over https:// or from localhost.'
        : 'This browser does not expose WebGPU (navigator.gpu): use a current Chrome, Edge or Safari, or enable WebGPU in its flags.',
    );
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  return (
    adapter ??
    fail(
      'no-adapter',
      'WebGPU is present but no GPU adapter is available (blocklisted driver or GPU disabled).',
    )
  );
}

function summarize(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    ...((info as { isFallbackAdapter?: boolean }).isFallbackAdapter === undefined
      ? {}
      : { isFallbackAdapter: (info as { isFallbackAdapter?: boolean }).isFallbackAdapter }),
  };
}

/** Adapter facts without creating a device. */
export async function probeAdapter(gpu: GPU | undefined): Promise<ProbeInfo> {
  const adapter = await requestAdapter(gpu);
  return {
    adapter: summarize(adapter),
    features: [...adapter.features].sort(),
    limits: limitsRecord(adapter.limits),
    timingMode: adapter.features.has('timestamp-query') ? 'timestamp-query' : 'wall-clock',
  };
}

export interface OpenOptions {
  /** Pretend the binding limit is this small (tests of matrix splitting). */
  readonly maxBindingBytes?: number;
  /** Use wall-clock timing even where timestamp queries exist. */
  readonly forceWallClock?: boolean;
}

/** An adapter and a device with raised limits and the features the benchmark uses. */
export async function openGpu(gpu: GPU | undefined, options: OpenOptions = {}): Promise<GpuContext> {
  const adapter = await requestAdapter(gpu);
  const timestamps = adapter.features.has('timestamp-query') && !options.forceWallClock;
  const requiredLimits: Record<string, number> = {};
  for (const key of RAISED_LIMITS) requiredLimits[key] = adapter.limits[key];
  const device = await adapter.requestDevice({
    requiredFeatures: timestamps ? ['timestamp-query'] : [],
    requiredLimits,
  });
  const limits = limitsRecord(device.limits);
  if (options.maxBindingBytes !== undefined) {
    limits.maxStorageBufferBindingSize = Math.min(
      limits.maxStorageBufferBindingSize ?? 0,
      options.maxBindingBytes,
    );
  }
  const lost = device.lost.then((info) =>
    fail('device-lost', `The GPU device was lost (${info.reason}): ${info.message}`),
  );
  lost.catch(() => undefined);
  return {
    device,
    lost,
    probe: {
      adapter: summarize(adapter),
      features: [...device.features].sort(),
      limits,
      timingMode: timestamps ? 'timestamp-query' : 'wall-clock',
    },
  };
}
