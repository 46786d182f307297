/**
 * @module gpu/open-gpu — the one place that asks WebGPU for an adapter and a device: the limits the
 * benchmark needs raised to the adapter's real maxima (not the 128/256 MiB defaults), the optional features
 * it uses (timestamp-query, shader-f16), and `device.lost`. Every capability failure leaves through `fail()`
 * with a message saying what is missing.
 */
import { CliffbenchError, type CliffbenchErrorCode } from '@cliffbench/core';

/** The adapter's identity strings (`adapter.info`; device/description are often empty in browsers). */
export interface AdapterSummary {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  readonly isFallbackAdapter?: boolean;
}

/** What WebGPU exposes before anything runs. */
export interface ProbeInfo {
  readonly adapter: AdapterSummary;
  /** Adapter features, sorted. */
  readonly features: string[];
  /** Adapter limits by name. */
  readonly limits: Record<string, number>;
  /** Timing mode a run will use. */
  readonly timingMode: 'timestamp-query' | 'wall-clock';
  /** Whether the device can run f16 models natively (`shader-f16`); else the plan's f16 is measured as f32. */
  readonly shaderF16: boolean;
}

/** A device and the limits a workload must respect. */
export interface GpuTarget {
  readonly device: GPUDevice;
  readonly limits: Readonly<Record<string, number>>;
}

/** An open device with the limits the benchmark may use. */
export interface GpuContext extends GpuTarget {
  readonly device: GPUDevice;
  readonly adapter: AdapterSummary;
  /** Device features, sorted. */
  readonly features: string[];
  /** Device limits; `maxStorageBufferBindingSize` lowered when a test forces splitting. */
  readonly limits: Record<string, number>;
  readonly timestamps: boolean;
  readonly shaderF16: boolean;
  /** Rejects with 'device-lost' when the device is lost (never resolves otherwise). */
  readonly lost: Promise<never>;
  /** Throws 'device-lost' once the device has been lost. */
  assertAlive(): void;
}

/** Options for `openGpu`. */
export interface OpenOptions {
  /** Pretend the storage-binding limit is this small, bytes (tests of matrix splitting). */
  readonly maxBindingBytes?: number;
  /** Time with the wall clock even where timestamp queries exist. @default false */
  readonly forceWallClock?: boolean;
}

const fail = (code: CliffbenchErrorCode, message: string, detail: Record<string, unknown> = {}): never => {
  throw new CliffbenchError(code, message, detail);
};

/** Limits raised to the adapter's maximum: big bindings (gpuweb PR #1163 defaults are 128/256 MiB) and workgroups. */
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
    const value = (limits as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
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
      'WebGPU is present but offers no GPU adapter (blocklisted driver, GPU disabled, or no Vulkan/Metal/D3D12 driver).',
    )
  );
}

function summarize(adapter: GPUAdapter): AdapterSummary {
  // `adapter.info` replaced requestAdapterInfo() (MDN); an older browser may lack it.
  const info = (adapter.info ?? {}) as Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    ...(typeof info.isFallbackAdapter === 'boolean' ? { isFallbackAdapter: info.isFallbackAdapter } : {}),
  };
}

/** Adapter facts without creating a device. Throws 'no-webgpu' or 'no-adapter'. */
export async function probeAdapter(gpu: GPU | undefined): Promise<ProbeInfo> {
  const adapter = await requestAdapter(gpu);
  return {
    adapter: summarize(adapter),
    features: [...adapter.features].sort(),
    limits: limitsRecord(adapter.limits),
    timingMode: adapter.features.has('timestamp-query') ? 'timestamp-query' : 'wall-clock',
    shaderF16: adapter.features.has('shader-f16'),
  };
}

/** A device with raised limits and the optional features the benchmark uses. */
export async function openGpu(gpu: GPU | undefined, options: OpenOptions = {}): Promise<GpuContext> {
  const adapter = await requestAdapter(gpu);
  const timestamps = adapter.features.has('timestamp-query') && !options.forceWallClock;
  const shaderF16 = adapter.features.has('shader-f16');
  const requiredFeatures: GPUFeatureName[] = [];
  if (timestamps) requiredFeatures.push('timestamp-query');
  if (shaderF16) requiredFeatures.push('shader-f16');
  const requiredLimits: Record<string, number> = {};
  for (const key of RAISED_LIMITS) {
    const value = adapter.limits[key];
    if (typeof value === 'number') requiredLimits[key] = value;
  }
  const device = await adapter.requestDevice({ requiredFeatures, requiredLimits });
  const limits = limitsRecord(device.limits);
  if (options.maxBindingBytes !== undefined) {
    limits.maxStorageBufferBindingSize = Math.min(
      limits.maxStorageBufferBindingSize ?? 0,
      options.maxBindingBytes,
    );
  }
  let lostError: CliffbenchError | undefined;
  const lost = device.lost.then((info) => {
    lostError = new CliffbenchError(
      'device-lost',
      `The GPU device was lost (${info.reason}): ${info.message || 'no message'}. Close other GPU-heavy tabs and run again.`,
      { reason: info.reason },
    );
    throw lostError;
  });
  lost.catch(() => undefined);
  return {
    device,
    adapter: summarize(adapter),
    features: [...device.features].sort(),
    limits,
    timestamps,
    shaderF16,
    lost,
    assertAlive() {
      if (lostError) throw lostError;
    },
  };
}
