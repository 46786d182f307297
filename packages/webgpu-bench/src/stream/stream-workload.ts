/**
 * @module stream/stream-workload — the streaming-read ceiling: buffers totalling the requested bytes, each
 * read end to end by the stream-read kernel; verification compares the XOR of the outputs with the XOR of
 * the data, computed while it was generated.
 */
import { CliffbenchError } from '@cliffbench/core';
import { Xorshift32 } from '../formats/random.js';
import { allocating, readBack, uniformU32 } from '../gpu/buffers.js';
import type { GpuTarget } from '../gpu/open-gpu.js';
import { streamReadWGSL } from './stream-read.wgsl.gen.js';

/** Threads per workgroup. */
const WORKGROUP = 256;
/** 4096 × 256 threads (1 Mi) keep any GPU's memory system busy; each thread then loops over its share. */
const MAX_WORKGROUPS = 4096;
const MiB = 2 ** 20;
const PIECE_BYTES = 16 * MiB;

export interface StreamWorkload {
  /** Bytes one pass reads. */
  readonly bytesPerPass: number;
  readonly dispatchesPerPass: number;
  encode(pass: GPUComputePassEncoder): void;
  /** Runs one pass and checks every buffer's XOR; throws 'kernel-mismatch'. */
  verify(): Promise<void>;
  destroy(): void;
}

interface Part {
  readonly bindGroup: GPUBindGroup;
  readonly workgroups: number;
  readonly out: GPUBuffer;
  readonly xor: number;
  readonly size: number;
}

/** Buffers of random data totalling `bytes` (rounded down to 16-byte words), each ≤ `maxDispatchBytes`. */
export async function createStreamWorkload(
  target: GpuTarget,
  bytes: number,
  options: { readonly seed?: number; readonly maxDispatchBytes?: number } = {},
): Promise<StreamWorkload> {
  const { device, limits } = target;
  const module = device.createShaderModule({ code: streamReadWGSL, label: 'stream-read' });
  const pipeline = device.createComputePipeline({
    layout: 'auto',
    compute: { module, entryPoint: 'main', constants: { WG: WORKGROUP } },
  });
  const partBytes =
    Math.min(
      limits.maxStorageBufferBindingSize ?? 0,
      limits.maxBufferSize ?? 0,
      options.maxDispatchBytes ?? 256 * MiB,
    ) & ~15;
  const rng = new Xorshift32(options.seed ?? 7);
  const owned: GPUBuffer[] = [];
  const build = () => {
    const parts: Part[] = [];
    const piece = new Uint32Array(PIECE_BYTES / 4);
    for (let done = 0; done < bytes; done += partBytes) {
      const size = Math.max(16, Math.min(partBytes, bytes - done) & ~15);
      const buffer = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
      owned.push(buffer);
      let xor = 0;
      for (let at = 0; at < size; at += PIECE_BYTES) {
        const words = piece.subarray(0, Math.min(PIECE_BYTES, size - at) / 4);
        rng.fill(words);
        for (let i = 0; i < words.length; i++) xor ^= words[i] as number;
        device.queue.writeBuffer(buffer, at, words);
      }
      const count = size / 16;
      const workgroups = Math.min(MAX_WORKGROUPS, Math.ceil(count / WORKGROUP));
      const out = device.createBuffer({
        size: workgroups * WORKGROUP * 4,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
      });
      const params = uniformU32(device, [count, workgroups * WORKGROUP]);
      owned.push(out, params);
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: params } },
          { binding: 1, resource: { buffer } },
          { binding: 2, resource: { buffer: out } },
        ],
      });
      parts.push({ bindGroup, workgroups, out, xor: xor >>> 0, size });
    }
    return parts;
  };
  const destroyAll = () => {
    for (const b of owned) b.destroy();
  };
  let parts: Part[];
  try {
    parts = await allocating(device, `a ${bytes}-byte streaming buffer`, build, destroyAll);
  } catch (error) {
    destroyAll();
    throw error;
  }
  const encode = (pass: GPUComputePassEncoder) => {
    pass.setPipeline(pipeline);
    for (const p of parts) {
      pass.setBindGroup(0, p.bindGroup);
      pass.dispatchWorkgroups(p.workgroups);
    }
  };
  return {
    bytesPerPass: parts.reduce((a, p) => a + p.size, 0),
    dispatchesPerPass: parts.length,
    encode,
    async verify() {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      encode(pass);
      pass.end();
      device.queue.submit([encoder.finish()]);
      for (const [i, p] of parts.entries()) {
        const words = new Uint32Array(await readBack(device, p.out, p.out.size));
        let xor = 0;
        for (let k = 0; k < words.length; k++) xor ^= words[k] as number;
        if (xor >>> 0 !== p.xor) {
          throw new CliffbenchError(
            'kernel-mismatch',
            `Streaming read of buffer ${i} (${p.size} bytes): the GPU's XOR ${xor >>> 0} differs from the CPU's ${p.xor}; its timing is not used.`,
            { part: i, size: p.size },
          );
        }
      }
    },
    destroy: destroyAll,
  };
}
