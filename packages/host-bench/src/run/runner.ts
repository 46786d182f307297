/**
 * @module run/runner — the RAM benchmark: for N = 1, 2, 4 … logical cores, N workers read (then copy) their own
 * buffers at once; with one worker, a working-set sweep shows the cache levels. Buffers shrink when they
 * cannot be allocated, and the section says so.
 */
import {
  CliffbenchError,
  type RamMeasurement,
  type RamSection,
  RamSectionSchema,
  type RamSweepPoint,
} from '@cliffbench/core';
import { MAX_BUFFER_BYTES, wasmSimdSupported } from '../kernels/ram-kernels.js';
import { createBarrierBuffer } from '../worker/barrier.js';
import type { RamKernelName } from '../worker/protocol.js';
import type { SpawnRamWorker } from '../worker/worker-port.js';
import { type KernelTiming, measureKernel } from './measure-kernel.js';
import { defaultRamPlan, pagesDown, type RamPlan, sweepSizes, threadCounts } from './plan.js';
import { plateaus } from './plateaus.js';
import { type BarrierMode, openWorkerGroup, type WorkerGroup } from './worker-group.js';

/** Timed rounds must span this many timer steps, so quantisation stays under 1%. */
const MIN_TIMER_STEPS_PER_ROUND = 100;

/** Where a run stands, for a progress bar. */
export interface RamProgress {
  readonly phase: 'threads' | 'sweep';
  /** Measurements finished, of about `total`. */
  readonly done: number;
  readonly total: number;
  /** The measurement that just finished. */
  readonly latest: { readonly label: string; readonly bandwidthGBs: number };
}

export interface RamRunOptions {
  /** Starts one worker: `browserRamWorker(new Worker(…))` in a page, `spawnNodeRamWorker` in Node. */
  readonly spawn: SpawnRamWorker;
  readonly runtime: 'browser' | 'node';
  /** `navigator.hardwareConcurrency` / `os.availableParallelism()`: the thread sweep's upper end. */
  readonly logicalCores: number;
  readonly plan?: Partial<RamPlan>;
  /** @default 'atomics' where SharedArrayBuffer is usable (Node; cross-origin-isolated pages), else 'message' */
  readonly barrier?: BarrierMode;
  readonly onProgress?: (progress: RamProgress) => void;
  /** Aborting terminates the workers; the run rejects with CliffbenchError('cancelled'). */
  readonly signal?: AbortSignal;
}

const mib = (bytes: number) => `${+(bytes / 2 ** 20).toFixed(2)} MiB`;

/** Runs the benchmark and returns the result document's `ram` section (validated). */
export async function runRamBenchmark(options: RamRunOptions): Promise<RamSection> {
  const started = performance.now();
  const plan: RamPlan = { ...defaultRamPlan, ...options.plan };
  if (!wasmSimdSupported()) {
    throw new CliffbenchError(
      'unsupported-runtime',
      'this browser lacks WebAssembly SIMD (Chrome 91+, Firefox 89+, Safari 16.4+)',
    );
  }
  const barrier = options.barrier ?? (createBarrierBuffer() ? 'atomics' : 'message');
  const logicalCores = Math.max(1, Math.floor(options.logicalCores));
  const threads = threadCounts(logicalCores, plan.maxThreads);
  const notes: string[] = [];
  const threadSweep: RamMeasurement[] = [];
  const workingSetSweep: RamSweepPoint[] = [];
  let total = pagesDown(plan.totalBytes);
  let allocatedBytes = total;
  let timerResolutionSeconds = 0;
  let minRoundSeconds = plan.minRoundSeconds;
  const expected = {
    done: 0,
    total: threads.length * 2 + sweepSizes(plan.sweepMinBytes, plan.sweepMaxBytes ?? total).length,
  };
  const report = (phase: RamProgress['phase'], label: string, bandwidthGBs: number) => {
    expected.done += 1;
    expected.total = Math.max(expected.total, expected.done);
    options.onProgress?.({
      phase,
      done: expected.done,
      total: expected.total,
      latest: { label, bandwidthGBs },
    });
  };

  /** Opens n workers over total / n bytes each, halving the total while the allocation fails. */
  const openShrinking = async (n: number): Promise<WorkerGroup | undefined> => {
    for (;;) {
      const bytesPerWorker = Math.min(pagesDown(total / n), MAX_BUFFER_BYTES);
      if (bytesPerWorker < plan.minWorkerBytes) return undefined;
      try {
        return await openWorkerGroup({
          spawn: options.spawn,
          size: n,
          bytesPerWorker,
          barrier,
          signal: options.signal,
        });
      } catch (error) {
        if (!(error instanceof CliffbenchError) || error.code !== 'out-of-memory') throw error;
        notes.push(`${n} × ${mib(bytesPerWorker)} could not be allocated; total halved to ${mib(total / 2)}`);
        total = pagesDown(total / 2);
      }
    }
  };

  for (const n of threads) {
    const group = await openShrinking(n);
    if (group === undefined) {
      if (n === 1) {
        throw new CliffbenchError(
          'out-of-memory',
          `could not allocate even ${mib(plan.minWorkerBytes)} for one worker`,
          {
            notes,
          },
        );
      }
      notes.push(`${n}+ workers skipped: buffers would be under ${mib(plan.minWorkerBytes)} each`);
      break;
    }
    try {
      timerResolutionSeconds = Math.max(timerResolutionSeconds, group.timerResolutionSeconds);
      minRoundSeconds = Math.max(minRoundSeconds, MIN_TIMER_STEPS_PER_ROUND * timerResolutionSeconds);
      allocatedBytes = Math.min(allocatedBytes, n * group.bytesPerWorker);
      const timeKernel = (kernel: RamKernelName, bytes: number) =>
        measureKernel(group, kernel, bytes, plan, minRoundSeconds);
      for (const kernel of ['read', 'copy'] as const) {
        const timing = await timeKernel(kernel, group.bytesPerWorker);
        threadSweep.push(toMeasurement(kernel, n, group.bytesPerWorker, timing));
        report('threads', `${kernel}, ${n} × ${mib(group.bytesPerWorker)}`, timing.bandwidthGBs);
      }
      if (n === 1) {
        const sizes = sweepSizes(
          plan.sweepMinBytes,
          Math.min(plan.sweepMaxBytes ?? Infinity, group.bytesPerWorker),
        );
        for (const workingSetBytes of sizes) {
          const { bytesPerRound: _, ...timing } = await timeKernel('read', workingSetBytes);
          workingSetSweep.push({ workingSetBytes, ...timing });
          report('sweep', `read ${mib(workingSetBytes)}`, timing.bandwidthGBs);
        }
      }
    } finally {
      group.close();
    }
  }

  if (total < plan.totalBytes)
    notes.push(`buffers total ${mib(total)}, below the ${mib(plan.totalBytes)} asked for`);
  const best = (kernel: RamKernelName) =>
    threadSweep
      .filter((m) => m.kernel === kernel)
      .reduce((a, b) => (b.bandwidthGBs > a.bandwidthGBs ? b : a));
  const single = (kernel: RamKernelName) => threadSweep.find((m) => m.kernel === kernel && m.threads === 1);
  return RamSectionSchema.parse({
    runtime: options.runtime,
    logicalCores,
    barrier,
    timerResolutionSeconds,
    minRoundSeconds,
    requestedBytes: plan.totalBytes,
    allocatedBytes,
    notes: notes.slice(0, 20),
    threadSweep,
    workingSetSweep,
    plateaus: plateaus(workingSetSweep),
    singleThreadReadGBs: single('read')?.bandwidthGBs,
    bestReadGBs: best('read').bandwidthGBs,
    bestReadThreads: best('read').threads,
    singleThreadCopyGBs: single('copy')?.bandwidthGBs,
    bestCopyGBs: best('copy').bandwidthGBs,
    durationSeconds: (performance.now() - started) / 1000,
  });
}

function toMeasurement(
  kernel: RamKernelName,
  threads: number,
  bytesPerWorker: number,
  t: KernelTiming,
): RamMeasurement {
  return { kernel, threads, bytesPerWorker, ...t };
}
