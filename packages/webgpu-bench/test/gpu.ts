/** Shared test helpers: one Dawn device per test file (SwiftShader without a GPU), and a tiny-binding one. */
import { nodeGpu } from '../scripts/node-gpu.js';
import { type GpuContext, openGpu } from '../src/index.js';

let full: Promise<GpuContext> | undefined;
let small: Promise<GpuContext> | undefined;

/** A device with the adapter's real limits. */
export const gpuContext = (): Promise<GpuContext> => {
  full ??= openGpu(nodeGpu());
  return full;
};

/** Storage bindings limited to 64 KiB, so every matrix below is split across several. */
export const SMALL_BINDING_BYTES = 64 * 1024;
export const smallBindingContext = (): Promise<GpuContext> => {
  small ??= openGpu(nodeGpu(), { maxBindingBytes: SMALL_BINDING_BYTES });
  return small;
};
