/**
 * @module stream-workload — the streaming-read ceiling: buffers totalling `bytes`, each read end to end by
 * the stream-read kernel; verification compares the XOR of the outputs with the XOR of the data.
 */
import { BenchError } from './errors.js';
import { streamReadWGSL } from './kernels/stream-read.wgsl.js';
import type { Xorshift32 } from './random.js';

const WORKGROUP = 256;
/** Enough threads to saturate any GPU's memory system; each then loops over its share. */
const MAX_WORKGROUPS = 4096;
const MAX_CHUNK_BYTES = 256 * 2 ** 20;

export interface StreamWorkload {
  readonly bytesPerRun: number;
  readonly dispatchesPerRun: number;
  encode(pass: GPUComputePassEncoder): void;
  verify(): Promise<void>;
  destroy(): void;
}

export function createStreamWorkload(
  device: GPUDevice,
  limits: Record<string, number>,
  bytes: number,
  rng: Xorshift32,
): StreamWorkload {
  const module = device.createShaderModule({ code: streamReadWGSL(WORKGROUP), label: 'stream-read' });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const chunkBytes =
    Math.min(limits.maxStorageBufferBindingSize ?? 0, limits.maxBufferSize ?? 0, MAX_CHUNK_BYTES) & ~15;
  const owned: GPUBuffer[] = [];
  const groups: { bindGroup: GPUBindGroup; workgroups: number; out: GPUBuffer; xor: number; size: number }[] =
    [];
  for (let done = 0; done < bytes; done += chunkBytes) {
    const size = Math.max(16, Math.min(chunkBytes, bytes - done) & ~15);
    const data = rng.fill(new Uint32Array(size / 4));
    let xor = 0;
    for (let i = 0; i < data.length; i++) xor ^= data[i] as number;
    const buffer = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(buffer, 0, data);
    const count = size / 16;
    const workgroups = Math.min(MAX_WORKGROUPS, Math.ceil(count / WORKGROUP));
    const out = device.createBuffer({
      size: workgroups * WORKGROUP * 4,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const params = device.createBuffer({ size: 8, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(params, 0, new Uint32Array([count, workgroups * WORKGROUP]));
    owned.push(buffer, out, params);
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer } },
        { binding: 1, resource: { buffer: out } },
        { binding: 2, resource: { buffer: params } },
      ],
    });
    groups.push({ bindGroup, workgroups, out, xor: xor >>> 0, size });
  }
  return {
    bytesPerRun: groups.reduce((a, g) => a + g.size, 0),
    dispatchesPerRun: groups.length,
    encode(pass) {
      pass.setPipeline(pipeline);
      for (const g of groups) {
        pass.setBindGroup(0, g.bindGroup);
        pass.dispatchWorkgroups(g.workgroups);
      }
    },
    async verify() {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      this.encode(pass);
      pass.end();
      const reads = groups.map((g) => {
        const read = device.createBuffer({
          size: g.out.size,
          usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
        });
        encoder.copyBufferToBuffer(g.out, 0, read, 0, g.out.size);
        return read;
      });
      device.queue.submit([encoder.finish()]);
      for (const [i, read] of reads.entries()) {
        await read.mapAsync(GPUMapMode.READ);
        const words = new Uint32Array(read.getMappedRange());
        let xor = 0;
        for (let k = 0; k < words.length; k++) xor ^= words[k] as number;
        read.unmap();
        read.destroy();
        if (xor >>> 0 !== groups[i]?.xor) {
          throw new BenchError(
            'mismatch',
            `stream-read over ${bytes} bytes: the GPU's XOR differs from the CPU's.`,
          );
        }
      }
    },
    destroy() {
      for (const b of owned) b.destroy();
    },
  };
}
