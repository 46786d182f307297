/**
 * @module run/measure-kernel — samples one kernel on a worker group until the timing is tight: calibrate the
 * repetitions so a round lasts long enough, warm up, then barrier-started rounds in batches; each round
 * counts the slowest worker's time, since the group's bytes are only all moved when the last one finishes.
 */
import { CliffbenchError, ci95Relative, enoughSamples, median } from '@cliffbench/core';
import type { RamKernelName } from '../worker/protocol.js';
import type { RamPlan } from './plan.js';
import type { WorkerGroup } from './worker-group.js';

/** One kernel's timing on a group. */
export interface KernelTiming {
  readonly repsPerRound: number;
  /** Bytes all workers move in one round. */
  readonly bytesPerRound: number;
  /** Per round, the slowest worker's seconds (warm-up rounds dropped). */
  readonly samplesSeconds: number[];
  readonly medianSeconds: number;
  readonly ci95Relative: number;
  /** bytesPerRound / medianSeconds / 1e9. */
  readonly bandwidthGBs: number;
}

/** Per round, the slowest worker's time; `perWorker` is indexed [worker][round]. */
export function slowestPerRound(perWorker: readonly (readonly number[])[]): number[] {
  const rounds = perWorker[0]?.length ?? 0;
  if (perWorker.some((w) => w.length !== rounds)) {
    throw new RangeError(
      `workers reported different round counts: ${perWorker.map((w) => w.length).join(', ')}`,
    );
  }
  return Array.from({ length: rounds }, (_, r) => Math.max(...perWorker.map((w) => w[r] as number)));
}

/** Turns round times into a timing; bytes moved per round are `bytesPerRound`. */
export function summarizeRounds(
  samplesSeconds: number[],
  repsPerRound: number,
  bytesPerRound: number,
): KernelTiming {
  const medianSeconds = median(samplesSeconds);
  return {
    repsPerRound,
    bytesPerRound,
    samplesSeconds,
    medianSeconds,
    ci95Relative: ci95Relative(samplesSeconds),
    bandwidthGBs: bytesPerRound / medianSeconds / 1e9,
  };
}

/** Rounds shorter than the minimum are re-run with more repetitions at most this many times. */
const MAX_RESIZES = 2;

/**
 * Times `kernel` over the first `bytes` of every worker's buffer, rounds lasting at least `minRoundSeconds`.
 * The repetitions are calibrated on one worker alone; when the measured rounds still come out shorter (the
 * calibration ran while another process held the memory bus), they are scaled up and the rounds re-run.
 */
export async function measureKernel(
  group: WorkerGroup,
  kernel: RamKernelName,
  bytes: number,
  plan: RamPlan,
  minRoundSeconds: number,
  now: () => number = () => performance.now(),
): Promise<KernelTiming> {
  let { reps } = await group.calibrate(kernel, bytes, minRoundSeconds);
  let samples = await sampleRounds(group, kernel, bytes, reps, plan, now);
  for (let resize = 0; resize < MAX_RESIZES && median(samples) < minRoundSeconds; resize++) {
    reps = Math.ceil((1.25 * reps * minRoundSeconds) / median(samples));
    samples = await sampleRounds(group, kernel, bytes, reps, plan, now);
  }
  return summarizeRounds(samples, reps, group.size * bytes * reps);
}

/** Warm-up, then barrier-started rounds in batches until the stop rule holds; the slowest worker per round. */
async function sampleRounds(
  group: WorkerGroup,
  kernel: RamKernelName,
  bytes: number,
  reps: number,
  plan: RamPlan,
  now: () => number,
): Promise<number[]> {
  const samples: number[] = [];
  const started = now();
  let warmup = plan.warmup;
  // Every batch adds at least one round, so maxSamples batches always end the loop.
  for (
    let batch = 0;
    batch < plan.maxSamples && !enoughSamples(samples, (now() - started) / 1000, plan);
    batch++
  ) {
    const wanted = samples.length < plan.minSamples ? plan.minSamples - samples.length : plan.batchRounds;
    const rounds = warmup + Math.min(wanted, plan.maxSamples - samples.length);
    const perRound = slowestPerRound(await group.measure(kernel, bytes, reps, rounds));
    samples.push(...perRound.slice(warmup).filter((s) => s > 0));
    warmup = 0;
  }
  if (samples.length === 0) {
    throw new CliffbenchError('worker-failed', `no positive round time for ${kernel} over ${bytes} bytes`);
  }
  return samples;
}
