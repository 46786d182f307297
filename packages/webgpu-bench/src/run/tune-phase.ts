/**
 * @module run/tune-phase — picks the GEMV kernel's workgroup size and rows per workgroup on this device by
 * timing each candidate on one problem (checked against the CPU reference first). Per format in full mode;
 * otherwise q4_0's choice serves every format.
 */
import type { WeightFormat } from '@cliffbench/core';
import { formats, matrixBytes } from '../formats/formats.js';
import type { GemvShape } from '../gemv/gemv-kernels.js';
import { createGemvWorkload } from '../gemv/gemv-workload.js';
import { median } from '../measure/stats.js';
import type { RunState } from './run-state.js';
import { workingSetCopies } from './working-set.js';

/** The tuned shape of every format, and what the document's `tuning` records. */
export interface TuneResult {
  readonly shapes: ReadonlyMap<WeightFormat, GemvShape>;
  readonly record: Record<string, number>;
}

const fits = (shape: GemvShape, limits: Readonly<Record<string, number>>) =>
  shape.workgroupSize <= (limits.maxComputeInvocationsPerWorkgroup ?? 256) &&
  shape.workgroupSize <= (limits.maxComputeWorkgroupSizeX ?? 256) &&
  16 * shape.workgroupSize <= (limits.maxComputeWorkgroupStorageSize ?? 16384);

async function tuneFormat(run: RunState, format: WeightFormat): Promise<GemvShape> {
  const { problem, candidates } = run.plan.tuning;
  const bytes = matrixBytes(formats[format], problem.rows, problem.cols);
  // Short sampling: candidates are compared with each other, not reported.
  const timing = { ...run.plan.timing, warmup: 1, minSamples: 3, maxSamples: 3 };
  let best: { shape: GemvShape; gbs: number } | undefined;
  for (const shape of candidates) {
    if (!fits(shape, run.ctx.limits)) {
      run.step('tuning');
      continue;
    }
    await run.hooks.checkpoint();
    const copies = workingSetCopies(run, format, bytes);
    const w = await createGemvWorkload(
      run.ctx,
      {
        format,
        matrices: Array.from({ length: copies }, () => problem),
        label: `tuning ${problem.label}`,
        maxDispatchBytes: run.maxDispatchBytes(run.expectedSpeed(format)),
      },
      shape,
    );
    try {
      await w.verify();
      const gbs = w.bytesPerPass / median((await run.measure(w.encode, timing)).samples) / 1e9;
      if (!best || gbs > best.gbs) best = { shape, gbs };
      run.speeds.set(format, best.gbs);
      run.step('tuning', {
        label: `${format} workgroup ${shape.workgroupSize} × ${shape.rowsPerWorkgroup} rows`,
        bandwidthGBs: gbs,
        workingSetBytes: w.weightBytes,
      });
    } finally {
      w.destroy();
    }
  }
  if (!best) throw new Error('No tuning candidate fits this device’s workgroup limits.');
  return best.shape;
}

/** Tunes `formats` (or only q4_0 when the plan does not tune per format). */
export async function tunePhase(run: RunState, measured: readonly WeightFormat[]): Promise<TuneResult> {
  const tuned = run.plan.tuning.perFormat ? measured : (['q4_0'] as const);
  const shapes = new Map<WeightFormat, GemvShape>();
  const record: Record<string, number> = {};
  for (const format of tuned) {
    const shape = await tuneFormat(run, format);
    shapes.set(format, shape);
    record[`${format}.workgroupSize`] = shape.workgroupSize;
    record[`${format}.rowsPerWorkgroup`] = shape.rowsPerWorkgroup;
  }
  const first = shapes.get(tuned[0] as WeightFormat) as GemvShape;
  for (const format of measured) if (!shapes.has(format)) shapes.set(format, first);
  record.workgroupSize = first.workgroupSize;
  record.rowsPerWorkgroup = first.rowsPerWorkgroup;
  record.candidates = run.plan.tuning.candidates.length;
  return { shapes, record };
}
