/**
 * @module gemv-workload — GPU buffers and dispatches for GEMV problems: one or more matrices (copies of one
 * shape rotated to defeat caches, or the distinct matrices of a decode step), each split by rows into
 * chunks that fit the device's storage-binding limit.
 */
import type { WeightFormat } from '@cliffbench/core';
import { BenchError } from './errors.js';
import {
  type FormatSpec,
  formats,
  type PackedMatrix,
  randomMatrix,
  randomVector,
  referenceGemv,
} from './formats.js';
import { type GemvShape, gemvWGSL, hasScaleBinding } from './kernels/gemv.wgsl.js';
import type { Xorshift32 } from './random.js';

/** Largest buffer one dispatch reads, so no single dispatch can trip a driver watchdog on slow devices. */
const MAX_CHUNK_BYTES = 256 * 2 ** 20;

interface Chunk {
  readonly rows: number;
  readonly bindGroup: GPUBindGroup;
  readonly grid: readonly [number, number];
}

interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly chunks: Chunk[];
  readonly buffers: GPUBuffer[];
}

export interface GemvWorkload {
  readonly format: WeightFormat;
  /** Weight bytes plus x and y bytes read/written by one run over every matrix. */
  readonly bytesPerRun: number;
  readonly dispatchesPerRun: number;
  encode(pass: GPUComputePassEncoder): void;
  /** Runs the first matrix once and compares y with the CPU reference; throws `mismatch`. */
  verify(): Promise<void>;
  destroy(): void;
}

export interface GemvRequest {
  readonly format: WeightFormat;
  /** Shapes of the matrices one run multiplies, in order. Equal shapes share generated data. */
  readonly shapes: readonly { readonly rows: number; readonly cols: number }[];
  readonly label: string;
}

/** Magnitude bound of one weight in each random layout (formats.ts), for the comparison tolerance. */
const MAX_ABS_WEIGHT: Readonly<Record<WeightFormat, number>> = {
  f32: 1,
  f16: 1,
  q8_0: 1.28,
  q4_0: 0.08,
  q4_k: 10,
};

function chunkRows(format: FormatSpec, cols: number, limits: Record<string, number>): number {
  const nb = Math.ceil(cols / format.blockSize);
  const rowBytes = nb * format.wordsPerBlock * 4;
  const limit = Math.min(limits.maxStorageBufferBindingSize ?? 0, limits.maxBufferSize ?? 0, MAX_CHUNK_BYTES);
  const rows = Math.floor(limit / rowBytes);
  if (rows < 1)
    throw new BenchError(
      'too-small',
      `A ${cols}-column ${format.name} row does not fit in one storage binding.`,
    );
  return rows;
}

export function createGemvWorkload(
  device: GPUDevice,
  limits: Record<string, number>,
  request: GemvRequest,
  shape: GemvShape,
  rng: Xorshift32,
): GemvWorkload {
  const format = formats[request.format];
  const module = device.createShaderModule({ code: gemvWGSL(request.format, shape), label: request.label });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const maxCols = Math.max(...request.shapes.map((s) => s.cols));
  const maxRows = Math.max(...request.shapes.map((s) => s.rows));
  const x = randomVector(format, maxCols, rng);
  const xBuffer = device.createBuffer({
    size: x.byteLength,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(xBuffer, 0, x);
  const yBuffer = device.createBuffer({
    size: maxRows * 4,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const maxGrid = limits.maxComputeWorkgroupsPerDimension ?? 65535;
  const owned: GPUBuffer[] = [xBuffer, yBuffer];
  const firstData = new Map<string, PackedMatrix[]>();

  const storage = (data: Uint32Array<ArrayBuffer>) => {
    const b = device.createBuffer({
      size: Math.max(16, data.byteLength),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
    device.queue.writeBuffer(b, 0, data);
    owned.push(b);
    return b;
  };

  const source = new Map<string, Matrix>();
  const build = (rows: number, cols: number): Matrix => {
    const key = `${rows}x${cols}`;
    const template = source.get(key);
    const perChunk = chunkRows(format, cols, limits);
    const chunks: Chunk[] = [];
    const buffers: GPUBuffer[] = [];
    const packed: PackedMatrix[] = [];
    for (let row0 = 0, c = 0; row0 < rows; row0 += perChunk, c++) {
      const n = Math.min(perChunk, rows - row0);
      let words: GPUBuffer;
      let scales: GPUBuffer;
      if (template) {
        // Same shape again: copy the first matrix's data on the GPU (fast) into new buffers.
        const [tw, ts] = [template.buffers[2 * c] as GPUBuffer, template.buffers[2 * c + 1] as GPUBuffer];
        words = device.createBuffer({ size: tw.size, usage: tw.usage });
        scales = device.createBuffer({ size: ts.size, usage: ts.usage });
        owned.push(words, scales);
        const enc = device.createCommandEncoder();
        enc.copyBufferToBuffer(tw, 0, words, 0, tw.size);
        enc.copyBufferToBuffer(ts, 0, scales, 0, ts.size);
        device.queue.submit([enc.finish()]);
      } else {
        const m = randomMatrix(format, n, cols, rng);
        packed.push(m);
        words = storage(m.words);
        scales = storage(m.scales.length ? m.scales : new Uint32Array(4));
      }
      buffers.push(words, scales);
      const params = device.createBuffer({
        size: 16,
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      });
      owned.push(params);
      const groups = Math.ceil(n / shape.rowsPerWorkgroup);
      const gridX = Math.min(groups, maxGrid);
      device.queue.writeBuffer(
        params,
        0,
        new Uint32Array([n, Math.ceil(cols / format.blockSize), row0, gridX]),
      );
      const entries: GPUBindGroupEntry[] = [
        { binding: 0, resource: { buffer: words } },
        { binding: 1, resource: { buffer: xBuffer } },
        { binding: 2, resource: { buffer: yBuffer } },
        { binding: 3, resource: { buffer: params } },
      ];
      if (hasScaleBinding(request.format)) entries.push({ binding: 4, resource: { buffer: scales } });
      chunks.push({
        rows: n,
        bindGroup: device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries }),
        grid: [gridX, Math.ceil(groups / gridX)],
      });
    }
    const matrix = { rows, cols, chunks, buffers };
    if (!template) {
      source.set(key, matrix);
      firstData.set(key, packed);
    }
    return matrix;
  };

  const matrices = request.shapes.map((s) => build(s.rows, s.cols));
  const weightBytes = request.shapes.reduce(
    (a, s) => a + s.rows * Math.ceil(s.cols / format.blockSize) * format.bytesPerBlock,
    0,
  );
  const vectorBytes = request.shapes.reduce((a, s) => a + 4 * (s.cols + s.rows), 0);

  const encodeMatrix = (pass: GPUComputePassEncoder, m: Matrix) => {
    pass.setPipeline(pipeline);
    for (const chunk of m.chunks) {
      pass.setBindGroup(0, chunk.bindGroup);
      pass.dispatchWorkgroups(chunk.grid[0], chunk.grid[1]);
    }
  };

  return {
    format: request.format,
    bytesPerRun: weightBytes + vectorBytes,
    dispatchesPerRun: matrices.reduce((a, m) => a + m.chunks.length, 0),
    encode(pass) {
      for (const m of matrices) encodeMatrix(pass, m);
    },
    async verify() {
      const first = matrices[0] as Matrix;
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      encodeMatrix(pass, first);
      pass.end();
      const read = device.createBuffer({
        size: first.rows * 4,
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
      encoder.copyBufferToBuffer(yBuffer, 0, read, 0, first.rows * 4);
      device.queue.submit([encoder.finish()]);
      await read.mapAsync(GPUMapMode.READ);
      const y = new Float32Array(read.getMappedRange().slice(0));
      read.unmap();
      read.destroy();
      const parts = firstData.get(`${first.rows}x${first.cols}`) ?? [];
      let row = 0;
      const tolerance = 1e-5 * first.cols * MAX_ABS_WEIGHT[request.format];
      for (const part of parts) {
        const ref = referenceGemv(part, x);
        for (let r = 0; r < part.rows; r++, row++) {
          const want = ref[r] as number;
          const got = y[row] as number;
          if (!(Math.abs(got - want) <= tolerance + 1e-4 * Math.abs(want))) {
            throw new BenchError(
              'mismatch',
              `${request.label} (${request.format}): row ${row} is ${got}, the CPU reference says ${want}.`,
            );
          }
        }
      }
    },
    destroy() {
      for (const b of owned) b.destroy();
    },
  };
}
