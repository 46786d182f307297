/**
 * @module run/runner — runs a BenchPlan on any WebGPU implementation (the browser's navigator.gpu in a
 * Worker, or Dawn in Node) and returns a result document valid against core's schema. Order: streaming
 * sweep, the tuned streaming ceiling and its copy cross-check, GEMV kernel tuning, GEMV per format and shape, a decode step, upload bandwidth, the fits.
 * Every kernel is checked against the CPU reference before its timing counts.
 */
import {
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  ResultDocumentSchema,
  type WeightFormat,
} from '@cliffbench/core';
import { openGpu } from '../gpu/open-gpu.js';
import type { BenchPlan } from '../plan/plan.js';
import { ceilingPhase } from './ceiling-phase.js';
import { decodePhase } from './decode-phase.js';
import { fitFormats } from './fits.js';
import { gemvPhase } from './gemv-phase.js';
import { type RunOptions, RunState } from './run-state.js';
import { sweepPhase } from './sweep-phase.js';
import { tunePhase } from './tune-phase.js';
import { uploadPhase } from './upload-phase.js';

/** The formats a device measures: f16 where it has `shader-f16`, f32 in its place otherwise. */
export function measuredFormats(
  plan: BenchPlan,
  shaderF16: boolean,
): { formats: WeightFormat[]; note?: string } {
  if (shaderF16 || !plan.formats.includes('f16')) return { formats: [...plan.formats] };
  const formats = [...new Set(plan.formats.map((f) => (f === 'f16' ? 'f32' : f)))];
  return {
    formats,
    note: 'no shader-f16 on this device, so f16 models do not run natively here: f32 measured instead',
  };
}

/** Steps of the plan, for the progress fraction. */
function stepCount(plan: BenchPlan, formats: readonly WeightFormat[]): number {
  const tuned = plan.tuning.perFormat ? formats.length : 1;
  return (
    plan.sweepBytes.length +
    plan.streamCandidates.length +
    2 +
    plan.tuning.candidates.length * tuned +
    formats.length * plan.problems.length +
    (plan.decodeStep ? 1 : 0) +
    2
  );
}

/** Runs `options.plan`; resolves to a result document, rejects with a CliffbenchError. */
export async function runBenchmark(options: RunOptions): Promise<ResultDocument> {
  const started = performance.now();
  const { plan } = options;
  options.onProgress?.({ phase: 'starting', fraction: 0 });
  const ctx = await openGpu(options.gpu, options.open);
  const { formats, note } = measuredFormats(plan, ctx.shaderF16);
  const run = new RunState(ctx, options, stepCount(plan, formats));
  if (note) run.skipped.push({ label: 'f16', reason: note });
  try {
    const { sweep, largestBytes } = await sweepPhase(run);
    const stream = await ceilingPhase(run, largestBytes);
    const tuning = await tunePhase(run, formats);
    await gemvPhase(run, formats, tuning.shapes);
    if (plan.decodeStep) {
      await decodePhase(run, plan.decodeStep, tuning.shapeFor(plan.decodeStep.format));
    }
    await run.hooks.checkpoint();
    const uploads = await uploadPhase(run, plan.uploadBytes);
    const { fits, failed } = fitFormats(run.measurements, formats);
    const skipped = [...run.skipped, ...failed];
    const doc: ResultDocument = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      app: { name: 'cliffbench', version: options.appVersion.slice(0, 50) },
      createdAt: new Date().toISOString(),
      mode: plan.mode,
      adapter: ctx.adapter,
      features: ctx.features,
      limits: ctx.limits,
      environment: options.environment,
      timingMode: run.timer.mode,
      tuning: { ...tuning.record, ...stream.record },
      measurements: run.measurements,
      sweep,
      fits,
      ...(uploads[0] ? { upload: uploads[0], uploads } : {}),
      ...(skipped.length > 0 ? { skipped: skipped.slice(0, 100) } : {}),
      durationSeconds: (performance.now() - started) / 1000,
    };
    options.onProgress?.({ phase: 'done', fraction: 1 });
    return ResultDocumentSchema.parse(doc);
  } catch (error) {
    // A lost device makes later GPU calls fail in many ways; report the loss, not the symptom.
    ctx.assertAlive();
    throw error;
  } finally {
    run.destroy();
    ctx.device.destroy();
  }
}
