/**
 * @module run/run-state — what the phases of a run share: the device, the timer, progress reporting,
 * cancellation and pausing between submissions, the measurements and skips so far, and the speed last
 * measured per format (which sizes the next working set on slow devices).
 */
import { CliffbenchError, ci95Relative, type Measurement, median, type WeightFormat } from '@cliffbench/core';
import type { GpuContext, OpenOptions } from '../gpu/open-gpu.js';
import { chooseTimer, type EncodeWork, type PassTimer } from '../gpu/pass-timer.js';
import {
  type MeasuredRuns,
  type MeasureHooks,
  type MeasureSettings,
  measureRuns,
} from '../measure/measure-runs.js';
import type { BenchPlan } from '../plan/plan.js';

/** A progress event: the phase, the fraction of the run done, and the figure just measured. */
export interface Progress {
  readonly phase: 'starting' | 'sweep' | 'ceiling' | 'tuning' | 'gemv' | 'decode-step' | 'upload' | 'done';
  /** 0…1 over the whole run. */
  readonly fraction: number;
  readonly latest?: {
    readonly label: string;
    readonly bandwidthGBs: number;
    /** Distinct bytes the measurement rotated through. */
    readonly workingSetBytes?: number;
  };
}

/** Cancellation and pausing, read between timed submissions. */
export interface RunControl {
  readonly cancelled: boolean;
  /** While true (the page is hidden), the run waits and takes no samples. */
  readonly paused: boolean;
}

/** Where the run happens, recorded in the document. */
export interface RunEnvironment {
  readonly runtime: 'browser' | 'node';
  readonly userAgent: string;
  readonly browser?: string;
  readonly os?: string;
  readonly logicalCores?: number;
}

/** Everything `runBenchmark` needs. */
export interface RunOptions {
  /** `navigator.gpu`, or Dawn's GPU object in Node; undefined fails with 'no-webgpu'. */
  readonly gpu: GPU | undefined;
  readonly plan: BenchPlan;
  readonly environment: RunEnvironment;
  readonly appVersion: string;
  readonly onProgress?: (p: Progress) => void;
  readonly control?: RunControl;
  readonly open?: OpenOptions;
}

/** The shape of a workload that `record` turns into a measurement. */
export interface Timed {
  readonly bytesPerPass: number;
  readonly dispatchesPerPass: number;
  readonly matrices?: number;
}

const GB = 1e9;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const documentHidden = () => (globalThis as { document?: { hidden?: boolean } }).document?.hidden === true;

export class RunState {
  readonly measurements: Measurement[] = [];
  readonly skipped: { label: string; reason: string }[] = [];
  /** GB/s last measured per format ('raw' = streaming read). */
  readonly speeds = new Map<WeightFormat | 'raw', number>();
  private done = 0;
  private timerInUse: PassTimer | undefined;

  constructor(
    readonly ctx: GpuContext,
    readonly options: RunOptions,
    readonly total: number,
  ) {}

  get plan(): BenchPlan {
    return this.options.plan;
  }

  get timer(): PassTimer {
    if (!this.timerInUse) throw new Error('No timer yet: the first workload chooses it (selectTimer).');
    return this.timerInUse;
  }

  /** Picks the timer on the first workload (timestamps only when they read plausibly). */
  async selectTimer(probe: EncodeWork): Promise<void> {
    this.timerInUse ??= await chooseTimer(this.ctx.device, this.ctx.timestamps, probe);
  }

  readonly hooks: MeasureHooks = {
    checkpoint: async () => {
      for (;;) {
        if (this.options.control?.cancelled)
          throw new CliffbenchError('cancelled', 'The benchmark was cancelled.');
        this.ctx.assertAlive();
        if (!this.hooks.paused()) return;
        await sleep(200);
      }
    },
    paused: () => this.options.control?.paused === true || documentHidden(),
  };

  /** Samples `encode` with the plan's timing (or `settings`). */
  measure(encode: EncodeWork, settings: MeasureSettings = this.plan.timing): Promise<MeasuredRuns> {
    return measureRuns(this.timer, encode, settings, this.hooks);
  }

  /** A measurement of the document from a workload's sizes and its samples (not yet recorded). */
  measurementOf(
    what: Pick<Measurement, 'kernel' | 'format' | 'label' | 'rows' | 'cols'>,
    workload: Timed,
    runs: MeasuredRuns,
    workingSetBytes = workload.bytesPerPass,
  ): Measurement {
    const medianSeconds = median(runs.samples);
    return {
      ...what,
      label: what.label.slice(0, 200),
      bytesPerPass: workload.bytesPerPass,
      workingSetBytes,
      dispatchesPerPass: workload.dispatchesPerPass,
      ...(workload.matrices === undefined ? {} : { matrices: workload.matrices }),
      passesPerSample: runs.passesPerSample,
      samplesSeconds: runs.samples,
      medianSeconds,
      ci95Relative: Math.min(ci95Relative(runs.samples), 1e6),
      bandwidthGBs: workload.bytesPerPass / medianSeconds / GB,
    };
  }

  /** Records `m`, remembers its format's speed and reports progress. */
  record(m: Measurement, phase: Progress['phase']): Measurement {
    this.measurements.push(m);
    this.speeds.set(m.format, m.bandwidthGBs);
    this.step(phase, { label: m.label, bandwidthGBs: m.bandwidthGBs, workingSetBytes: m.workingSetBytes });
    return m;
  }

  /** Notes something the plan asked for that this device or time budget did not allow. */
  skip(label: string, reason: string, phase: Progress['phase']): void {
    this.skipped.push({ label: label.slice(0, 200), reason: reason.slice(0, 300) });
    this.step(phase);
  }

  /** Counts one step of the plan done and reports progress. */
  step(phase: Progress['phase'], latest?: Progress['latest']): void {
    this.done += 1;
    this.report(phase, latest);
  }

  report(phase: Progress['phase'], latest?: Progress['latest']): void {
    this.options.onProgress?.({
      phase,
      fraction: Math.min(1, this.done / Math.max(1, this.total)),
      ...(latest ? { latest } : {}),
    });
  }

  /** GB/s to expect from `format`: its last measurement, else q4_0's, else an eighth of the streaming speed. */
  expectedSpeed(format: WeightFormat): number {
    return this.speeds.get(format) ?? this.speeds.get('q4_0') ?? (this.speeds.get('raw') ?? 1) / 8;
  }

  /** Most bytes one dispatch should read: about 50 ms at `gbs`, within [1 MiB, 256 MiB]. */
  maxDispatchBytes(gbs: number): number {
    return Math.min(256 * 2 ** 20, Math.max(2 ** 20, gbs * GB * 0.05));
  }

  destroy(): void {
    this.timerInUse?.destroy();
  }
}
