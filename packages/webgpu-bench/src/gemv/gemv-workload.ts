/**
 * @module gemv/gemv-workload — GPU buffers and dispatches for a sequence of GEMVs: copies of one shape
 * rotated to defeat caches, or the distinct matrices of a decode step. Every matrix is split by rows into
 * slices that fit the storage-binding limit (and a per-dispatch size cap), each with its own output range,
 * so one pass can be checked row by row against the CPU reference.
 */
import { CliffbenchError, type WeightFormat } from '@cliffbench/core';
import { blocksPerRow, type FormatSpec, formats } from '../formats/formats.js';
import { packRows, randomVector, referenceRow } from '../formats/pack.js';
import { allocating, readBack, uniformU32 } from '../gpu/buffers.js';
import type { GpuTarget } from '../gpu/open-gpu.js';
import { type GemvShape, gemvKernels, MAX_ROWS_PER_WORKGROUP } from './gemv-kernels.js';

/** A matrix of `rows` outputs and `cols` inputs. */
export interface GemvMatrix {
  readonly rows: number;
  readonly cols: number;
}

/** What to build. */
export interface GemvRequest {
  readonly format: WeightFormat;
  /** Matrices one pass multiplies, in order. A shape seen before is a GPU copy of that matrix's bytes. */
  readonly matrices: readonly GemvMatrix[];
  readonly label: string;
  /** Seed of the random weights and vectors. @default 1 */
  readonly seed?: number;
  /** Most weight bytes one dispatch reads (keeps every dispatch short on slow devices). @default 256 MiB */
  readonly maxDispatchBytes?: number;
}

export interface GemvWorkload {
  readonly format: WeightFormat;
  readonly label: string;
  /** GGUF bytes of all weights one pass reads. */
  readonly weightBytes: number;
  /** Weights plus the x vectors read and y written by one pass. */
  readonly bytesPerPass: number;
  readonly matrices: number;
  readonly dispatchesPerPass: number;
  /** Total output rows: the length of `outputs()`. */
  readonly outputRows: number;
  /** Encodes one pass (every matrix once) into `pass`. */
  encode(pass: GPUComputePassEncoder): void;
  /** Runs one pass and reads back every matrix's y, one after another. */
  outputs(): Promise<Float32Array>;
  /**
   * Compares `y` (as `outputs()` returns it) with the CPU reference: every row of a matrix up to 2048 rows,
   * else the ends of every binding slice plus evenly spread rows; throws 'kernel-mismatch'.
   */
  check(y: Float32Array): void;
  /** `check(await outputs())`: run before timing, so a mismatch is an error, not a number. */
  verify(): Promise<void>;
  destroy(): void;
}

const MiB = 2 ** 20;
const DEFAULT_MAX_DISPATCH_BYTES = 256 * MiB;
/** Rows generated on the CPU per writeBuffer (bounds JavaScript memory while filling big matrices). */
const PIECE_BYTES = 16 * MiB;
/**
 * Rows checked per distinct matrix (at most 2048, and about 4 M multiply-adds of CPU reference) and per
 * copy of it (copies are GPU copies of checked bytes; their rows check the binding and output range).
 */
const checkRows = (cols: number, copy: boolean) =>
  copy ? 16 : Math.min(2048, Math.max(64, Math.floor(4e6 / cols)));

interface Slice {
  readonly bindGroup: GPUBindGroup;
  readonly grid: readonly [number, number];
}

interface Instance {
  readonly rows: number;
  readonly cols: number;
  readonly key: string;
  readonly copy: boolean;
  readonly yOffset: number;
  /** First row of each slice. */
  readonly sliceStarts: number[];
}

const shapeKey = (m: GemvMatrix) => `${m.rows}x${m.cols}`;
const dataSeed = (seed: number, m: GemvMatrix) =>
  (seed ^ Math.imul(m.rows, 73856093) ^ Math.imul(m.cols, 19349663)) >>> 0;

/**
 * f32 rounding bound for a GPU dot product: 16·√n units in the last place of Σ|w·x| — 16× the typical
 * random-walk error of n roundings, far below the O(|y|) error of a wrong layout.
 */
const tolerance = (cols: number, abs: number) => 16 * Math.sqrt(cols) * 2 ** -24 * abs + 1e-30;

function checkShape(shape: GemvShape, limits: Readonly<Record<string, number>>): void {
  const wg = shape.workgroupSize;
  const ok =
    Number.isInteger(wg) &&
    wg >= 1 &&
    (wg & (wg - 1)) === 0 &&
    wg <= (limits.maxComputeInvocationsPerWorkgroup ?? 256) &&
    wg <= (limits.maxComputeWorkgroupSizeX ?? 256) &&
    16 * wg <= (limits.maxComputeWorkgroupStorageSize ?? 16384) &&
    Number.isInteger(shape.rowsPerWorkgroup) &&
    shape.rowsPerWorkgroup >= 1 &&
    shape.rowsPerWorkgroup <= MAX_ROWS_PER_WORKGROUP;
  if (!ok) {
    throw new CliffbenchError(
      'limits-too-small',
      `GEMV workgroup ${wg} × ${shape.rowsPerWorkgroup} rows is not possible here: the workgroup size must be a power of two within the device's limits and rows 1 to ${MAX_ROWS_PER_WORKGROUP}.`,
      { shape, limits },
    );
  }
}

/** Rows to check: all of a small matrix, else the ends of every slice plus evenly spread rows. */
function rowsToCheck(rows: number, sliceStarts: readonly number[], max: number): number[] {
  if (rows <= max) return Array.from({ length: rows }, (_, i) => i);
  const picked = new Set<number>([rows - 1]);
  for (const s of sliceStarts) picked.add(s).add(Math.max(0, s - 1));
  const step = rows / Math.max(1, max - picked.size);
  for (let r = 0; r < rows && picked.size < max; r += step) picked.add(Math.floor(r));
  return [...picked].sort((a, b) => a - b);
}

/** Builds the buffers of `request` on the device; throws 'gpu-out-of-memory' or 'limits-too-small'. */
export async function createGemvWorkload(
  target: GpuTarget,
  request: GemvRequest,
  shape: GemvShape,
): Promise<GemvWorkload> {
  const { device, limits } = target;
  checkShape(shape, limits);
  const format: FormatSpec = formats[request.format];
  const seed = request.seed ?? 1;
  const bindingLimit = Math.min(limits.maxStorageBufferBindingSize ?? 0, limits.maxBufferSize ?? 0);
  const sliceLimit = Math.min(bindingLimit, request.maxDispatchBytes ?? DEFAULT_MAX_DISPATCH_BYTES);
  const maxGrid = limits.maxComputeWorkgroupsPerDimension ?? 65535;
  const totalRows = request.matrices.reduce((a, m) => a + m.rows, 0);
  if (request.matrices.length === 0)
    throw new Error(`${request.label}: a GEMV workload needs at least one matrix.`);
  if (4 * totalRows > bindingLimit) {
    throw new CliffbenchError(
      'limits-too-small',
      `${request.label}: ${totalRows} output rows do not fit in one ${bindingLimit}-byte storage binding.`,
    );
  }

  const module = device.createShaderModule({
    code: gemvKernels[request.format],
    label: `gemv ${format.name}`,
  });
  const pipeline = device.createComputePipeline({
    layout: 'auto',
    compute: {
      module,
      entryPoint: 'main',
      constants: { WG: shape.workgroupSize, ROWS: shape.rowsPerWorkgroup },
    },
  });
  const owned: GPUBuffer[] = [];
  const slices: Slice[] = [];
  const instances: Instance[] = [];
  const xs = new Map<number, { buffer: GPUBuffer; data: Float32Array }>();
  const templates = new Map<string, GPUBuffer[]>();
  const storage = (size: number, extra = 0) => {
    const b = device.createBuffer({
      size: Math.max(16, Math.ceil(size / 4) * 4),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC | extra,
    });
    owned.push(b);
    return b;
  };

  const build = () => {
    const y = storage(4 * totalRows);
    const copies = device.createCommandEncoder();
    let yOffset = 0;
    for (const m of request.matrices) {
      const nb = blocksPerRow(format, m.cols);
      const rowBytes = nb * format.wordsPerBlock * 4;
      const perSlice = Math.floor(sliceLimit / rowBytes);
      if (perSlice < 1) {
        throw new CliffbenchError(
          'limits-too-small',
          `${request.label}: one ${m.cols}-column ${format.name} row (${rowBytes} bytes) is larger than a storage binding here (${sliceLimit} bytes).`,
          { rowBytes, sliceLimit },
        );
      }
      let x = xs.get(m.cols);
      if (!x) {
        const data = randomVector(m.cols, nb * format.blockSize, (seed * 31 + m.cols) >>> 0);
        const buffer = storage(data.byteLength);
        device.queue.writeBuffer(buffer, 0, data);
        x = { buffer, data };
        xs.set(m.cols, x);
      }
      const key = shapeKey(m);
      const template = templates.get(key);
      const mine: GPUBuffer[] = [];
      const sliceStarts: number[] = [];
      for (let row0 = 0, s = 0; row0 < m.rows; row0 += perSlice, s++) {
        const n = Math.min(perSlice, m.rows - row0);
        sliceStarts.push(row0);
        const words = storage(n * rowBytes);
        const scales = storage(format.scaled ? 2 * n * nb : 4);
        mine.push(words, scales);
        const from = template?.slice(2 * s, 2 * s + 2);
        if (from?.[0] && from[1]) {
          copies.copyBufferToBuffer(from[0], 0, words, 0, words.size);
          copies.copyBufferToBuffer(from[1], 0, scales, 0, scales.size);
        } else {
          // An even number of rows per piece keeps each piece's scales on a word boundary.
          const pieceRows = Math.max(2, 2 * Math.floor(PIECE_BYTES / rowBytes / 2));
          for (let p = 0; p < n; p += pieceRows) {
            const packed = packRows(format, m.cols, dataSeed(seed, m), row0 + p, Math.min(pieceRows, n - p));
            device.queue.writeBuffer(words, p * rowBytes, packed.words);
            if (format.scaled) device.queue.writeBuffer(scales, 2 * p * nb, packed.scales);
          }
        }
        const groups = Math.ceil(n / shape.rowsPerWorkgroup);
        const gridX = Math.min(groups, maxGrid);
        const params = uniformU32(device, [n, nb, yOffset + row0, gridX]);
        owned.push(params);
        const entries: GPUBindGroupEntry[] = [
          { binding: 0, resource: { buffer: params } },
          { binding: 1, resource: { buffer: x.buffer } },
          { binding: 2, resource: { buffer: y } },
          { binding: 3, resource: { buffer: words } },
        ];
        if (format.scaled) entries.push({ binding: 4, resource: { buffer: scales } });
        slices.push({
          bindGroup: device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries }),
          grid: [gridX, Math.ceil(groups / gridX)],
        });
      }
      if (!template) templates.set(key, mine);
      instances.push({ rows: m.rows, cols: m.cols, key, copy: template !== undefined, yOffset, sliceStarts });
      yOffset += m.rows;
    }
    device.queue.submit([copies.finish()]);
    return y;
  };
  const destroyAll = () => {
    for (const b of owned) b.destroy();
  };
  let y: GPUBuffer;
  try {
    y = await allocating(device, `${request.label} (${format.name})`, build, destroyAll);
  } catch (error) {
    destroyAll();
    throw error;
  }

  const weightBytes = request.matrices.reduce(
    (a, m) => a + m.rows * blocksPerRow(format, m.cols) * format.bytesPerBlock,
    0,
  );
  const vectorBytes = request.matrices.reduce((a, m) => a + 4 * (m.cols + m.rows), 0);
  const encode = (pass: GPUComputePassEncoder) => {
    pass.setPipeline(pipeline);
    for (const s of slices) {
      pass.setBindGroup(0, s.bindGroup);
      pass.dispatchWorkgroups(s.grid[0], s.grid[1]);
    }
  };

  const outputs = async (): Promise<Float32Array> => {
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    encode(pass);
    pass.end();
    device.queue.submit([encoder.finish()]);
    return new Float32Array(await readBack(device, y, 4 * totalRows));
  };
  const check = (got: Float32Array): void => {
    const cache = new Map<string, { sum: number; abs: number }>();
    for (const [index, m] of instances.entries()) {
      const x = xs.get(m.cols)?.data as Float32Array;
      for (const row of rowsToCheck(m.rows, m.sliceStarts, checkRows(m.cols, m.copy))) {
        const id = `${m.key}:${row}`;
        let want = cache.get(id);
        if (!want) {
          want = referenceRow(format, m.cols, dataSeed(seed, m), row, x);
          cache.set(id, want);
        }
        const value = got[m.yOffset + row] as number;
        if (!(Math.abs(value - want.sum) <= tolerance(m.cols, want.abs))) {
          throw new CliffbenchError(
            'kernel-mismatch',
            `${request.label} (${format.name}): matrix ${index} row ${row} is ${value} on the GPU but ${want.sum} on the CPU; its timing is not used.`,
            { label: request.label, format: format.name, matrix: index, row, got: value, want: want.sum },
          );
        }
      }
    }
  };

  return {
    format: request.format,
    label: request.label,
    weightBytes,
    bytesPerPass: weightBytes + vectorBytes,
    matrices: request.matrices.length,
    dispatchesPerPass: slices.length,
    outputRows: totalRows,
    encode,
    outputs,
    check,
    verify: async () => check(await outputs()),
    destroy: destroyAll,
  };
}
