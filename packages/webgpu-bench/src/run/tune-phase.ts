/**
 * @module run/tune-phase — picks the GEMV kernel's workgroup size and rows per workgroup on this device by
 * timing each candidate on one problem (checked against the CPU reference first). Per format in full mode;
 * otherwise q4_0's choice serves every format.
 */
import type { WeightFormat } from '@cliffbench/core';
import { median } from '@cliffbench/core';
import { formats, matrixBytes } from '../formats/formats.js';
import type { GemvShape } from '../gemv/gemv-kernels.js';
import { createGemvWorkload } from '../gemv/gemv-workload.js';
import type { RunState } from './run-state.js';
import { workingSetCopies } from './working-set.js';

/** The tuned shape of every format, and what the document's `tuning` records. */
export interface TuneResult {
  readonly shapes: ReadonlyMap<WeightFormat, GemvShape>;
  /** The tuned shape of `format`, or of the first tuned format when `format` was not tuned. */
  shapeFor(format: WeightFormat): GemvShape;
  readonly record: Record<string, number>;
}

/** A candidate whose probe pass is this many times slower than the fastest probe so far is not sampled. */
const SLOW_FACTOR = 3;

const fits = (shape: GemvShape, limits: Readonly<Record<string, number>>) =>
  shape.workgroupSize <= (limits.maxComputeInvocationsPerWorkgroup ?? 256) &&
  shape.workgroupSize <= (limits.maxComputeWorkgroupSizeX ?? 256) &&
  16 * shape.workgroupSize <= (limits.maxComputeWorkgroupStorageSize ?? 16384);

/** Rows of the probe matrix: small, so a hopeless candidate costs one short pass. */
const PROBE_ROWS = 256;

/** Seconds of one pass over a single `PROBE_ROWS`-row slice of the problem (timing only, never reported). */
async function probeSeconds(run: RunState, format: WeightFormat, shape: GemvShape): Promise<number> {
  const { problem } = run.plan.tuning;
  const w = await createGemvWorkload(
    run.ctx,
    {
      format,
      matrices: [{ rows: Math.min(problem.rows, PROBE_ROWS), cols: problem.cols }],
      label: 'tuning probe',
    },
    shape,
  );
  try {
    return (await run.timer.time(w.encode, 1)).seconds;
  } finally {
    w.destroy();
  }
}

async function tuneFormat(run: RunState, format: WeightFormat): Promise<GemvShape> {
  const { problem, candidates } = run.plan.tuning;
  const bytes = matrixBytes(formats[format], problem.rows, problem.cols);
  // Short sampling: candidates are compared with each other, not reported.
  const timing = { ...run.plan.timing, warmup: 1, minSamples: 3, maxSamples: 3 };
  let best: { shape: GemvShape; gbs: number } | undefined;
  let fastestProbe = Number.POSITIVE_INFINITY;
  for (const shape of candidates) {
    const name = `${format} workgroup ${shape.workgroupSize} × ${shape.rowsPerWorkgroup} rows`;
    if (!fits(shape, run.ctx.limits)) {
      run.step('tuning');
      continue;
    }
    await run.hooks.checkpoint();
    // A candidate whose probe is far slower than the fastest probe is not sampled: on a software adapter
    // a 256-thread workgroup can be 100× slower and would cost many seconds on the full working set.
    const probe = await probeSeconds(run, format, shape);
    if (probe > SLOW_FACTOR * fastestProbe) {
      const gbs =
        (matrixBytes(formats[format], Math.min(problem.rows, PROBE_ROWS), problem.cols) / probe) * 1e-9;
      run.step('tuning', {
        label: `${name}: ${(probe / fastestProbe).toFixed(0)}× slower, not sampled`,
        bandwidthGBs: gbs,
      });
      continue;
    }
    if (probe > 0) fastestProbe = Math.min(fastestProbe, probe);
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
      run.step('tuning', { label: name, bandwidthGBs: gbs, workingSetBytes: w.weightBytes });
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
  return { shapes, record, shapeFor: (format) => shapes.get(format) ?? first };
}
