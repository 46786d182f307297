/**
 * @module device/default-backend — the llama.cpp backend people run on a device unless they say otherwise.
 */
import type { Backend } from '../estimate/scenario.js';
import type { Device } from './device.js';

/** llama.cpp's native backend per GPU vendor; Intel GPUs run it through Vulkan (or SYCL, not modelled). */
const backendByVendor: Readonly<Record<string, Backend>> = {
  NVIDIA: 'cuda',
  Apple: 'metal',
  AMD: 'rocm',
  Intel: 'vulkan',
};

/** `cpu` for CPU-only devices; else by vendor (NVIDIA cuda, Apple metal, AMD rocm, Intel vulkan), Vulkan otherwise. */
export function defaultBackend(device: Pick<Device, 'kind' | 'vendor'>): Backend {
  if (device.kind === 'cpu') return 'cpu';
  return backendByVendor[device.vendor] ?? 'vulkan';
}
