/**
 * @module run/gemv-phase — every plan problem in every format: a pass multiplies copies of the matrix (the
 * working set), checked against the CPU reference before it is timed. A matrix too slow for this device's
 * time budget (one pass longer than MAX_QUEUED_SECONDS), or too big for its memory, is skipped with the reason.
 */
import { CliffbenchError, type WeightFormat } from '@cliffbench/core';
import { formats, matrixBytes } from '../formats/formats.js';
import type { GemvShape } from '../gemv/gemv-kernels.js';
import { createGemvWorkload, type GemvWorkload } from '../gemv/gemv-workload.js';
import { MAX_QUEUED_SECONDS } from '../gpu/pass-timer.js';
import type { GemvProblem } from '../plan/decode-gemvs.js';
import type { RunState } from './run-state.js';
import { workingSetCopies } from './working-set.js';

/** Builds `copies` of `problem`, halving the copies while the GPU runs out of memory. */
async function build(
  run: RunState,
  format: WeightFormat,
  problem: GemvProblem,
  shape: GemvShape,
  copies: number,
): Promise<GemvWorkload> {
  for (let n = copies; ; n = Math.floor(n / 2)) {
    try {
      return await createGemvWorkload(
        run.ctx,
        {
          format,
          matrices: Array.from({ length: n }, () => problem),
          label: problem.label,
          maxDispatchBytes: run.maxDispatchBytes(run.expectedSpeed(format)),
        },
        shape,
      );
    } catch (error) {
      if (!(error instanceof CliffbenchError && error.code === 'gpu-out-of-memory') || n <= 1) throw error;
    }
  }
}

async function measureProblem(run: RunState, format: WeightFormat, problem: GemvProblem, shape: GemvShape) {
  const label = `${format} ${problem.label}`;
  const bytes = matrixBytes(formats[format], problem.rows, problem.cols);
  const expected = bytes / (run.expectedSpeed(format) * 1e9);
  if (expected > MAX_QUEUED_SECONDS) {
    run.skip(label, `one pass would take about ${expected.toFixed(1)} s on this device`, 'gemv');
    return;
  }
  await run.hooks.checkpoint();
  let w: GemvWorkload;
  try {
    w = await build(run, format, problem, shape, workingSetCopies(run, format, bytes));
  } catch (error) {
    if (!(error instanceof CliffbenchError && error.code === 'gpu-out-of-memory')) throw error;
    run.skip(label, 'the GPU ran out of memory for even one copy', 'gemv');
    return;
  }
  try {
    await w.verify();
    const runs = await run.measure(w.encode);
    const m = run.measurementOf(
      { kernel: 'gemv', format, label: problem.label, rows: problem.rows, cols: problem.cols },
      w,
      runs,
    );
    run.record(m, 'gemv');
  } finally {
    w.destroy();
  }
}

/** Times `problems` in each of `measured` formats with their tuned kernel shapes. */
export async function gemvPhase(
  run: RunState,
  measured: readonly WeightFormat[],
  shapes: ReadonlyMap<WeightFormat, GemvShape>,
): Promise<void> {
  for (const format of measured) {
    const shape = shapes.get(format) as GemvShape;
    for (const problem of run.plan.problems) await measureProblem(run, format, problem, shape);
  }
}
