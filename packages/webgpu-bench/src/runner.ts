/**
 * @module runner — runs a BenchPlan on a WebGPU implementation (the browser's navigator.gpu in a Worker, or
 * Dawn in Node) and returns a result document valid against core's schema. Order: tune the GEMV kernel,
 * streaming ceiling, cache sweep, GEMV per format and shape (each checked against the CPU reference before
 * its timing counts), a decode step, upload bandwidth, then the per-format fits.
 */
import {
  type FormatFit,
  findModel,
  fitLaunchBandwidth,
  type Measurement,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  ResultDocumentSchema,
  type WeightFormat,
} from '@cliffbench/core';
import { BenchError } from './errors.js';
import { formats, matrixBytes } from './formats.js';
import { createGemvWorkload, type GemvWorkload } from './gemv-workload.js';
import { type GpuContext, type OpenOptions, openGpu } from './gpu-context.js';
import type { GemvShape } from './kernels/gemv.wgsl.js';
import { measureRuns } from './measure.js';
import { createPassTimer, type PassTimer } from './pass-timer.js';
import { type BenchPlan, layerProblems } from './plan.js';
import { Xorshift32 } from './random.js';
import { ci95Relative, median } from './stats.js';
import { createStreamWorkload, type StreamWorkload } from './stream-workload.js';
import { measureUpload } from './upload.js';

export interface Progress {
  readonly phase: 'starting' | 'tuning' | 'ceiling' | 'sweep' | 'gemv' | 'decode-step' | 'upload' | 'done';
  /** 0…1 over the whole run. */
  readonly fraction: number;
  readonly latest?: {
    readonly label: string;
    readonly bandwidthGBs: number;
    readonly workingSetBytes?: number;
  };
}

/** Cancellation and pausing, polled between timed passes. */
export interface RunControl {
  readonly cancelled: boolean;
  /** While true (e.g. the tab is hidden), the run waits and takes no samples. */
  readonly paused: boolean;
}

export interface RunEnvironment {
  readonly runtime: 'browser' | 'node';
  readonly userAgent: string;
  readonly browser?: string;
  readonly os?: string;
  readonly logicalCores?: number;
}

export interface RunOptions {
  readonly gpu: GPU | undefined;
  readonly plan: BenchPlan;
  readonly environment: RunEnvironment;
  readonly appVersion: string;
  readonly onProgress?: (p: Progress) => void;
  readonly control?: RunControl;
  readonly open?: OpenOptions;
}

const GB = 1e9;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Run {
  private done = 0;
  readonly measurements: Measurement[] = [];
  constructor(
    readonly ctx: GpuContext,
    readonly timer: PassTimer,
    readonly options: RunOptions,
    readonly total: number,
    readonly rng = new Xorshift32(20261125),
  ) {}

  checkpoint = async (): Promise<void> => {
    const control = this.options.control;
    for (;;) {
      if (control?.cancelled) throw new BenchError('cancelled', 'The benchmark was cancelled.');
      if (!control?.paused) break;
      await sleep(200);
    }
    await Promise.race([this.ctx.lost, Promise.resolve()]);
  };

  step(phase: Progress['phase'], latest?: Progress['latest']): void {
    this.done += 1;
    this.options.onProgress?.({
      phase,
      fraction: Math.min(1, this.done / this.total),
      ...(latest ? { latest } : {}),
    });
  }

  async time(
    encode: (pass: GPUComputePassEncoder) => void,
    settings = this.options.plan.timing,
  ): Promise<number[]> {
    return measureRuns(this.timer, encode, settings, this.checkpoint);
  }

  /** Records a timed workload as a measurement of the document. */
  record(
    workload: GemvWorkload | StreamWorkload,
    samples: number[],
    m: {
      kernel: Measurement['kernel'];
      format: Measurement['format'];
      label: string;
      rows: number;
      cols: number;
    },
  ): Measurement {
    const measurement = measurementOf(workload, samples, m);
    this.measurements.push(measurement);
    return measurement;
  }
}

function measurementOf(
  workload: GemvWorkload | StreamWorkload,
  samples: number[],
  m: {
    kernel: Measurement['kernel'];
    format: Measurement['format'];
    label: string;
    rows: number;
    cols: number;
  },
): Measurement {
  const medianSeconds = median(samples);
  return {
    ...m,
    bytesPerPass: workload.bytesPerRun,
    workingSetBytes: workload.bytesPerRun,
    dispatchesPerPass: workload.dispatchesPerRun,
    samplesSeconds: samples,
    medianSeconds,
    ci95Relative: Math.min(ci95Relative(samples), 1e6),
    bandwidthGBs: workload.bytesPerRun / medianSeconds / GB,
  };
}

async function tune(run: Run): Promise<GemvShape> {
  const { plan } = run.options;
  const problem = plan.problems[Math.floor(plan.problems.length / 2)] ?? plan.problems[0];
  if (!problem || plan.tuneCandidates.length === 0) return { workgroupSize: 128, rowsPerWorkgroup: 1 };
  let best: { shape: GemvShape; seconds: number } | undefined;
  for (const shape of plan.tuneCandidates) {
    const w = createGemvWorkload(
      run.ctx.device,
      run.ctx.probe.limits,
      { format: 'q4_0', shapes: [problem], label: 'tune' },
      shape,
      run.rng,
    );
    try {
      await w.verify();
      const seconds = median(
        await run.time((p) => w.encode(p), { ...plan.timing, minSamples: 3, maxSamples: 3 }),
      );
      if (!best || seconds < best.seconds) best = { shape, seconds };
      run.step('tuning', {
        label: `q4_0 wg ${shape.workgroupSize} × ${shape.rowsPerWorkgroup} rows`,
        bandwidthGBs: w.bytesPerRun / seconds / GB,
      });
    } finally {
      w.destroy();
    }
  }
  return (best as { shape: GemvShape }).shape;
}

/** Times a streaming read over `bytes` (checked first); the caller decides where the figure goes. */
async function streamAt(run: Run, bytes: number, label: string) {
  const w = createStreamWorkload(run.ctx.device, run.ctx.probe.limits, bytes, run.rng);
  try {
    await w.verify();
    const samples = await run.time((p) => w.encode(p));
    const m = measurementOf(w, samples, {
      kernel: 'stream-read',
      format: 'raw',
      label,
      rows: 1,
      cols: Math.ceil(bytes / 4),
    });
    return { bytes: w.bytesPerRun, samples, m };
  } finally {
    w.destroy();
  }
}

/** Copies of one matrix that fill the working set (at least one, at most 256 dispatch groups). */
const copiesFor = (format: WeightFormat, rows: number, cols: number, workingSet: number) =>
  Math.max(1, Math.min(256, Math.floor(workingSet / matrixBytes(formats[format], rows, cols))));

async function gemv(run: Run, shape: GemvShape, format: WeightFormat, workingSet: number) {
  const { plan } = run.options;
  for (const problem of plan.problems) {
    const copies = copiesFor(format, problem.rows, problem.cols, workingSet);
    const w = createGemvWorkload(
      run.ctx.device,
      run.ctx.probe.limits,
      { format, shapes: Array.from({ length: copies }, () => problem), label: problem.label },
      shape,
      run.rng,
    );
    try {
      await w.verify();
      const samples = await run.time((p) => w.encode(p));
      const m = run.record(w, samples, {
        kernel: 'gemv',
        format,
        label: problem.label,
        rows: problem.rows,
        cols: problem.cols,
      });
      run.step('gemv', {
        label: `${format} ${problem.label}`,
        bandwidthGBs: m.bandwidthGBs,
        workingSetBytes: m.workingSetBytes,
      });
    } finally {
      w.destroy();
    }
  }
}

async function decodeStep(run: Run, shape: GemvShape, model: string, layers: number) {
  const m = findModel(model);
  const shapes = Array.from({ length: Math.min(layers, m.layers.length) }, (_, i) =>
    layerProblems(m, i),
  ).flat();
  const w = createGemvWorkload(
    run.ctx.device,
    run.ctx.probe.limits,
    { format: 'q4_0', shapes, label: `${model} decode step` },
    shape,
    run.rng,
  );
  try {
    await w.verify();
    const samples = await run.time((p) => w.encode(p));
    const label = `${m.id} decode step (${Math.min(layers, m.layers.length)} of ${m.layers.length} layers, ${shapes.length} GEMVs)`;
    const meas = run.record(w, samples, {
      kernel: 'gemv',
      format: 'q4_0',
      label,
      rows: shapes.length,
      cols: m.hiddenSize,
    });
    run.step('decode-step', {
      label,
      bandwidthGBs: meas.bandwidthGBs,
      workingSetBytes: meas.workingSetBytes,
    });
  } finally {
    w.destroy();
  }
}

/** Per-format fit of seconds per dispatch against bytes per dispatch over the GEMV shapes. */
function fitFormats(measurements: readonly Measurement[], plan: BenchPlan): FormatFit[] {
  const fits: FormatFit[] = [];
  for (const format of plan.formats) {
    const points = measurements
      .filter((m) => m.kernel === 'gemv' && m.format === format && !m.label.includes('decode step'))
      .map((m) => ({
        bytes: m.bytesPerPass / m.dispatchesPerPass,
        seconds: m.medianSeconds / m.dispatchesPerPass,
      }));
    try {
      const fit = fitLaunchBandwidth(points);
      fits.push({
        format,
        bandwidthGBs: fit.bandwidthGBs,
        launchSeconds: fit.launchSeconds,
        r2: fit.r2,
        points: fit.points,
      });
    } catch {
      // Fewer than two usable sizes (or no growth with size): no fit for this format; its measurements remain.
    }
  }
  return fits;
}

/** Runs `plan`; resolves to a result document or rejects with a BenchError. */
export async function runBenchmark(options: RunOptions): Promise<ResultDocument> {
  const started = performance.now();
  const { plan } = options;
  options.onProgress?.({ phase: 'starting', fraction: 0 });
  const ctx = await openGpu(options.gpu, options.open);
  const timer = createPassTimer(ctx.device, ctx.probe.timingMode === 'timestamp-query');
  const total =
    plan.tuneCandidates.length +
    1 +
    plan.sweepBytes.length +
    plan.formats.length * plan.problems.length +
    (plan.decodeStep ? 1 : 0) +
    1;
  const run = new Run(ctx, timer, options, total);
  try {
    const shape = await tune(run);
    const ceiling = await streamAt(run, plan.ceilingBytes, `stream ${plan.ceilingBytes / 2 ** 20} MiB`);
    run.measurements.push(ceiling.m);
    run.step('ceiling', {
      label: 'streaming read',
      bandwidthGBs: ceiling.m.bandwidthGBs,
      workingSetBytes: ceiling.bytes,
    });
    const sweep: ResultDocument['sweep'] = [];
    for (const bytes of plan.sweepBytes) {
      const point = await streamAt(run, bytes, `sweep ${bytes / 2 ** 20} MiB`);
      sweep.push({
        workingSetBytes: point.bytes,
        bandwidthGBs: point.m.bandwidthGBs,
        samplesSeconds: point.samples,
      });
      run.step('sweep', {
        label: `${bytes / 2 ** 20} MiB`,
        bandwidthGBs: point.m.bandwidthGBs,
        workingSetBytes: bytes,
      });
    }
    const workingSet = Math.min(
      plan.workingSetBytes,
      Math.max(plan.minWorkingSetBytes, ceiling.m.bandwidthGBs * GB * plan.passSeconds),
    );
    for (const format of plan.formats) await gemv(run, shape, format, workingSet);
    if (plan.decodeStep) await decodeStep(run, shape, plan.decodeStep.model, plan.decodeStep.layers);
    await run.checkpoint();
    const upload = await measureUpload(ctx.device, plan.uploadBytes, plan.timing);
    run.step('upload', { label: 'host → GPU upload', bandwidthGBs: upload.bandwidthGBs });
    const doc: ResultDocument = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      app: { name: 'cliffbench', version: options.appVersion },
      createdAt: new Date().toISOString(),
      mode: plan.mode,
      adapter: ctx.probe.adapter,
      features: ctx.probe.features,
      limits: ctx.probe.limits,
      environment: options.environment,
      timingMode: timer.mode,
      tuning: { workgroupSize: shape.workgroupSize, rowsPerWorkgroup: shape.rowsPerWorkgroup },
      measurements: run.measurements,
      sweep,
      fits: fitFormats(run.measurements, plan),
      upload,
      durationSeconds: (performance.now() - started) / 1000,
    };
    options.onProgress?.({ phase: 'done', fraction: 1 });
    return ResultDocumentSchema.parse(doc);
  } finally {
    timer.destroy();
    ctx.device.destroy();
  }
}
