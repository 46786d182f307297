/**
 * @module stream/stream-workload — the streaming-read ceiling: buffers totalling the requested bytes, each
 * read end to end by the stream-read kernel in the shape the run tuned (workgroup size, words per thread,
 * loads in flight); verification compares the XOR of the outputs with the XOR of the data, computed while
 * it was generated. The copy style (the cross-check) writes each buffer to a second one instead, and is
 * verified by reading the copies back through the read kernel.
 */
import { CliffbenchError } from '@cliffbench/core';
import { Xorshift32 } from '../formats/random.js';
import { allocating, readBack, uniformU32 } from '../gpu/buffers.js';
import type { GpuTarget } from '../gpu/open-gpu.js';
import { streamReadWGSL } from './stream-read.wgsl.gen.js';

/** How the streaming kernels walk a buffer: tuned at run time like the GEMVs' shapes. */
export interface StreamShape {
  readonly workgroupSize: number;
  /** 16-byte words each thread reads per dispatch: sets the grid (words ÷ (workgroup size × this)). */
  readonly vectorsPerThread: number;
  /** Independent loads in flight per thread and iteration. */
  readonly accumulators: 1 | 2 | 4;
}

/** The shape the sweep uses before tuning: one that does well on GPUs and on SwiftShader alike. */
export const DEFAULT_STREAM_SHAPE: StreamShape = { workgroupSize: 64, vectorsPerThread: 64, accumulators: 4 };

const MiB = 2 ** 20;
const PIECE_BYTES = 16 * MiB;

export interface StreamWorkload {
  /** Bytes one pass moves: read, plus written for the copy style. */
  readonly bytesPerPass: number;
  /** Bytes read per pass (the working set). */
  readonly readBytes: number;
  readonly dispatchesPerPass: number;
  /** Workgroups of the largest dispatch. */
  readonly workgroups: number;
  encode(pass: GPUComputePassEncoder): void;
  /** Runs one pass and checks every buffer's XOR; throws 'kernel-mismatch'. */
  verify(): Promise<void>;
  destroy(): void;
}

interface Part {
  /** Binds the kernel the workload times. */
  readonly timed: GPUBindGroup;
  /** Binds the read kernel to what verification XORs: the data, or its copy. */
  readonly check: GPUBindGroup;
  readonly workgroups: number;
  readonly out: GPUBuffer;
  readonly xor: number;
  readonly size: number;
}

export interface StreamOptions {
  readonly seed?: number;
  readonly maxDispatchBytes?: number;
  readonly shape?: StreamShape;
  /** Time the copy kernel (the cross-check) instead of the read. */
  readonly copy?: boolean;
}

/** Buffers of random data totalling `bytes` (rounded down to 16-byte words), each ≤ `maxDispatchBytes`. */
export async function createStreamWorkload(
  target: GpuTarget,
  bytes: number,
  options: StreamOptions = {},
): Promise<StreamWorkload> {
  const { device, limits } = target;
  const shape = options.shape ?? DEFAULT_STREAM_SHAPE;
  const module = device.createShaderModule({ code: streamReadWGSL, label: 'stream-read' });
  const pipeline = (entryPoint: 'main' | 'copy') =>
    device.createComputePipeline({
      layout: 'auto',
      compute: { module, entryPoint, constants: { WG: shape.workgroupSize, ACC: shape.accumulators } },
    });
  const read = pipeline('main');
  const timedPipeline = options.copy ? pipeline('copy') : read;
  const maxWorkgroups = limits.maxComputeWorkgroupsPerDimension ?? 65_535;
  const partBytes =
    Math.min(
      limits.maxStorageBufferBindingSize ?? 0,
      limits.maxBufferSize ?? 0,
      options.maxDispatchBytes ?? 256 * MiB,
    ) & ~15;
  const rng = new Xorshift32(options.seed ?? 7);
  const owned: GPUBuffer[] = [];
  const storage = (size: number, usage: number) => {
    const buffer = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | usage });
    owned.push(buffer);
    return buffer;
  };
  const build = () => {
    const parts: Part[] = [];
    const piece = new Uint32Array(PIECE_BYTES / 4);
    for (let done = 0; done < bytes; done += partBytes) {
      const size = Math.max(16, Math.min(partBytes, bytes - done) & ~15);
      const data = storage(size, GPUBufferUsage.COPY_DST);
      let xor = 0;
      for (let at = 0; at < size; at += PIECE_BYTES) {
        const words = piece.subarray(0, Math.min(PIECE_BYTES, size - at) / 4);
        rng.fill(words);
        for (let i = 0; i < words.length; i++) xor ^= words[i] as number;
        device.queue.writeBuffer(data, at, words);
      }
      const count = size / 16;
      const perGroup = shape.workgroupSize * shape.vectorsPerThread;
      const workgroups = Math.max(1, Math.min(maxWorkgroups, Math.ceil(count / perGroup)));
      const out = storage(workgroups * shape.workgroupSize * 4, GPUBufferUsage.COPY_SRC);
      const params = uniformU32(device, [count, workgroups * shape.workgroupSize]);
      owned.push(params);
      const bind = (pipe: GPUComputePipeline, entries: [number, GPUBuffer][]) =>
        device.createBindGroup({
          layout: pipe.getBindGroupLayout(0),
          entries: entries.map(([binding, buffer]) => ({ binding, resource: { buffer } })),
        });
      const copy = options.copy ? storage(size, 0) : undefined;
      const check = bind(read, [
        [0, params],
        [1, copy ?? data],
        [2, out],
      ]);
      const timed = copy
        ? bind(timedPipeline, [
            [0, params],
            [1, data],
            [3, copy],
          ])
        : check;
      parts.push({ timed, check, workgroups, out, xor: xor >>> 0, size });
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
  const dispatch = (pass: GPUComputePassEncoder, pipe: GPUComputePipeline, group: 'timed' | 'check') => {
    pass.setPipeline(pipe);
    for (const p of parts) {
      pass.setBindGroup(0, p[group]);
      pass.dispatchWorkgroups(p.workgroups);
    }
  };
  const readBytes = parts.reduce((a, p) => a + p.size, 0);
  return {
    bytesPerPass: options.copy ? 2 * readBytes : readBytes,
    readBytes,
    dispatchesPerPass: parts.length,
    workgroups: Math.max(...parts.map((p) => p.workgroups)),
    encode: (pass) => dispatch(pass, timedPipeline, 'timed'),
    async verify() {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      if (options.copy) dispatch(pass, timedPipeline, 'timed');
      dispatch(pass, read, 'check');
      pass.end();
      device.queue.submit([encoder.finish()]);
      for (const [i, p] of parts.entries()) {
        const words = new Uint32Array(await readBack(device, p.out, p.out.size));
        let xor = 0;
        for (let k = 0; k < words.length; k++) xor ^= words[k] as number;
        if (xor >>> 0 !== p.xor) {
          throw new CliffbenchError(
            'kernel-mismatch',
            `Streaming ${options.copy ? 'copy' : 'read'} of buffer ${i} (${p.size} bytes): the GPU's XOR ${xor >>> 0} differs from the CPU's ${p.xor}; its timing is not used.`,
            { part: i, size: p.size },
          );
        }
      }
    },
    destroy: destroyAll,
  };
}
