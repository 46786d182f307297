import { CliffbenchError, type WeightFormat } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { createGemvWorkload, formats, type GemvRequest, type GemvShape } from '../src/index.js';
import { gpuContext, SMALL_BINDING_BYTES, smallBindingContext } from './gpu.js';

const FORMATS: WeightFormat[] = ['f32', 'f16', 'q8_0', 'q4_0', 'q4_k'];

async function verified(request: GemvRequest, shape: GemvShape, small = false) {
  const w = await createGemvWorkload(await (small ? smallBindingContext() : gpuContext()), request, shape);
  try {
    await w.verify();
    return { dispatches: w.dispatchesPerPass, weightBytes: w.weightBytes, matrices: w.matrices };
  } finally {
    w.destroy();
  }
}

describe.each(FORMATS)('the %s GEMV kernel on Dawn (SwiftShader)', (format) => {
  it('matches the CPU reference on a regular shape', async () => {
    const r = await verified(
      { format, matrices: [{ rows: 256, cols: 1024 }], label: 'regular' },
      { workgroupSize: 64, rowsPerWorkgroup: 2 },
    );
    expect(r.dispatches).toBe(1);
  });

  it('matches when rows are not a multiple of the rows per workgroup and the last block is partial', async () => {
    await verified(
      { format, matrices: [{ rows: 67, cols: 1000 }], label: 'awkward' },
      { workgroupSize: 128, rowsPerWorkgroup: 4 },
    );
  });

  it('matches with the matrix split across storage bindings', async () => {
    const r = await verified(
      { format, matrices: [{ rows: 300, cols: 2048 }], label: 'split' },
      { workgroupSize: 32, rowsPerWorkgroup: 3 },
      true,
    );
    // The quants (not the separate f16 scales) of one slice must fit in one binding.
    const quantBytes = (r.weightBytes * formats[format].wordsPerBlock * 4) / formats[format].bytesPerBlock;
    expect(r.dispatches).toBeGreaterThanOrEqual(Math.ceil(quantBytes / SMALL_BINDING_BYTES));
    expect(r.dispatches).toBeGreaterThan(1);
  });

  it('matches on every matrix of a pass that mixes shapes and repeats one as copies', async () => {
    const matrices = [
      { rows: 40, cols: 512 },
      { rows: 33, cols: 256 },
      { rows: 40, cols: 512 },
    ];
    const r = await verified(
      { format, matrices, label: 'mixed' },
      { workgroupSize: 16, rowsPerWorkgroup: 1 },
    );
    expect(r.matrices).toBe(3);
  });

  it('rejects a result that differs from the reference, as a mismatch', async () => {
    const w = await createGemvWorkload(
      await gpuContext(),
      { format, matrices: [{ rows: 48, cols: 512 }], label: 'tampered' },
      { workgroupSize: 64, rowsPerWorkgroup: 4 },
    );
    try {
      const y = await w.outputs();
      expect(() => w.check(y)).not.toThrow();
      const swapped = y.slice();
      [swapped[3], swapped[4]] = [y[4] as number, y[3] as number];
      expect(() => w.check(swapped)).toThrow(CliffbenchError);
      const big = y.reduce((best, v, i) => (Math.abs(v) > Math.abs(y[best] as number) ? i : best), 0);
      const nudged = y.slice();
      nudged[big] = (y[big] as number) * 1.01;
      expect(() => w.check(nudged)).toThrow(/on the GPU but/);
    } finally {
      w.destroy();
    }
  });
});

describe('GEMV workloads', () => {
  it('read exactly the GGUF bytes per weight of each layout', async () => {
    const perWeight = async (format: WeightFormat) =>
      (
        await verified(
          { format, matrices: [{ rows: 16, cols: 4096 }], label: 'bytes' },
          { workgroupSize: 64, rowsPerWorkgroup: 1 },
        )
      ).weightBytes /
      (16 * 4096);
    expect(await perWeight('q4_0')).toBe(18 / 32);
    expect(await perWeight('q8_0')).toBe(34 / 32);
    expect(await perWeight('q4_k')).toBe(144 / 256);
    expect(await perWeight('f16')).toBe(2);
    expect(await perWeight('f32')).toBe(4);
  });

  it('cover a row count that needs a two-dimensional dispatch grid', async () => {
    // 70 000 rows at one row per workgroup exceed the 65 535 workgroups one grid dimension allows.
    const r = await verified(
      { format: 'q4_0', matrices: [{ rows: 70_000, cols: 64 }], label: 'tall' },
      { workgroupSize: 1, rowsPerWorkgroup: 1 },
    );
    expect(r.dispatches).toBe(1);
  });

  it('refuse a workgroup shape the kernels cannot run, saying what is allowed', async () => {
    await expect(
      createGemvWorkload(
        await gpuContext(),
        { format: 'q4_0', matrices: [{ rows: 8, cols: 64 }], label: 'bad' },
        { workgroupSize: 48, rowsPerWorkgroup: 1 },
      ),
    ).rejects.toThrow(/power of two/);
    await expect(
      createGemvWorkload(
        await gpuContext(),
        { format: 'q4_0', matrices: [{ rows: 8, cols: 64 }], label: 'bad' },
        { workgroupSize: 64, rowsPerWorkgroup: 5 },
      ),
    ).rejects.toThrow(/rows 1 to 4/);
  });

  it('refuse a row wider than a storage binding', async () => {
    const error = await createGemvWorkload(
      await smallBindingContext(),
      { format: 'f32', matrices: [{ rows: 2, cols: 32_768 }], label: 'wide' },
      { workgroupSize: 64, rowsPerWorkgroup: 1 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliffbenchError);
    expect((error as CliffbenchError).code).toBe('limits-too-small');
  });
});
