/**
 * @module gpu/buffers — buffer helpers shared by the workloads: allocation inside WebGPU error scopes (so an
 * out-of-memory device says so instead of failing later), and reading a buffer back to the CPU.
 */
import { CliffbenchError } from '@cliffbench/core';

/**
 * Runs `build` (which creates buffers and pipelines) inside an out-of-memory error scope and throws
 * 'gpu-out-of-memory', after `cleanup`, when an allocation failed. Validation errors are bugs in this
 * package; they reach the device's `uncapturederror` event.
 */
export async function allocating<T>(
  device: GPUDevice,
  what: string,
  build: () => T,
  cleanup: (t: T) => void,
): Promise<T> {
  device.pushErrorScope('out-of-memory');
  let built: T | undefined;
  let thrown: unknown;
  try {
    built = build();
  } catch (error) {
    thrown = error;
  }
  const oom = await device.popErrorScope();
  if (thrown !== undefined) throw thrown;
  const result = built as T;
  if (oom) {
    cleanup(result);
    throw new CliffbenchError(
      'gpu-out-of-memory',
      `The GPU ran out of memory allocating ${what}: ${oom.message}`,
      { what },
    );
  }
  return result;
}

/** A copy of the first `bytes` of `buffer` (which needs COPY_SRC usage). */
export async function readBack(device: GPUDevice, buffer: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
  const read = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(buffer, 0, read, 0, bytes);
    device.queue.submit([encoder.finish()]);
    await read.mapAsync(GPUMapMode.READ);
    return read.getMappedRange().slice(0);
  } finally {
    read.destroy();
  }
}

/** A uniform buffer holding `values` as u32. */
export function uniformU32(device: GPUDevice, values: readonly number[]): GPUBuffer {
  const buffer = device.createBuffer({
    size: Math.max(16, 4 * values.length),
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(buffer, 0, new Uint32Array(values));
  return buffer;
}
