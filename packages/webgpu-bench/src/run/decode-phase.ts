/**
 * @module run/decode-phase — one model's whole GEMV sequence for a token as one pass over distinct buffers
 * (repeated shapes are GPU copies, so every layer reads its own memory). On devices too slow or too small for
 * the whole model, whole layers are dropped from the end; the label says how many ran.
 */
import { CliffbenchError, type WeightFormat } from '@cliffbench/core';
import { formats, matrixBytes } from '../formats/formats.js';
import type { GemvShape } from '../gemv/gemv-kernels.js';
import { createGemvWorkload } from '../gemv/gemv-workload.js';
import type { GemvProblem } from '../plan/decode-gemvs.js';
import type { DecodeStepPlan } from '../plan/plan.js';
import type { RunState } from './run-state.js';

/** How much longer than a GEMV pass a decode-step pass may take (it is one figure, not one per shape). */
const STEP_PASS_FACTOR = 4;

/** The GEMVs that fit in `budget` bytes: inputs, then whole layers, then the output head if all layers fit. */
export function truncateStep(
  gemvs: readonly GemvProblem[],
  format: WeightFormat,
  budget: number,
): { gemvs: GemvProblem[]; layers: number; head: boolean } {
  const size = (p: GemvProblem) => matrixBytes(formats[format], p.rows, p.cols);
  const lastLayer = Math.max(-1, ...gemvs.map((p) => p.layer ?? -1));
  const firstHead = gemvs.findIndex((p, i) => p.layer === null && i > 0 && gemvs[i - 1]?.layer !== null);
  const head = firstHead < 0 ? [] : gemvs.slice(firstHead);
  const body = firstHead < 0 ? [...gemvs] : gemvs.slice(0, firstHead);
  const picked: GemvProblem[] = body.filter((p) => p.layer === null);
  let used = picked.reduce((a, p) => a + size(p), 0);
  let layers = 0;
  for (let layer = 0; layer <= lastLayer; layer++) {
    const these = body.filter((p) => p.layer === layer);
    const bytes = these.reduce((a, p) => a + size(p), 0);
    if (layers > 0 && used + bytes > budget) break;
    picked.push(...these);
    used += bytes;
    layers += 1;
  }
  const headBytes = head.reduce((a, p) => a + size(p), 0);
  const withHead = layers === lastLayer + 1 && used + headBytes <= budget;
  return { gemvs: withHead ? [...picked, ...head] : picked, layers, head: withHead };
}

export async function decodePhase(run: RunState, step: DecodeStepPlan, shape: GemvShape): Promise<void> {
  const format = step.format;
  const speed = run.expectedSpeed(format);
  let budget = Math.min(step.maxBytes, speed * 1e9 * run.plan.passSeconds * STEP_PASS_FACTOR);
  for (;;) {
    const picked = truncateStep(step.gemvs, format, budget);
    const label = `${step.model} decode step: ${picked.layers} of ${step.layers} layers${picked.head ? ' + output head' : ''}, ${picked.gemvs.length} GEMVs`;
    await run.hooks.checkpoint();
    let w: Awaited<ReturnType<typeof createGemvWorkload>>;
    try {
      w = await createGemvWorkload(
        run.ctx,
        { format, matrices: picked.gemvs, label, maxDispatchBytes: run.maxDispatchBytes(speed) },
        shape,
      );
    } catch (error) {
      if (!(error instanceof CliffbenchError && error.code === 'gpu-out-of-memory') || picked.layers <= 1)
        throw error;
      budget /= 2;
      continue;
    }
    try {
      await w.verify();
      const runs = await run.measure(w.encode);
      const rows = picked.gemvs.reduce((a, p) => a + p.rows, 0);
      const cols = Math.max(...picked.gemvs.map((p) => p.cols));
      const m = run.measurementOf({ kernel: 'decode-step', format, label, rows, cols }, w, runs);
      run.measurements.push(m);
      run.step('decode-step', { label, bandwidthGBs: m.bandwidthGBs, workingSetBytes: m.workingSetBytes });
      return;
    } finally {
      w.destroy();
    }
  }
}
