/**
 * @module measure/measure-runs — samples one workload until its timing is tight. Calibration finds how many
 * passes one timed submission needs to last long enough (timestamp quantisation or timer overhead under
 * 1%), capped by the wall clock so no submission holds the GPU longer than MAX_QUEUED_SECONDS (what a
 * Cancel waits for); then warm-up; then samples until the 95% CI of the mean is within the target or a cap.
 */

import { enoughSamples, type StopRule } from '@cliffbench/core';
import { type EncodeWork, type PassTimer, passesWithin } from '../gpu/pass-timer.js';

/** Sampling settings: the stop rule plus warm-up submissions. */
export interface MeasureSettings extends StopRule {
  /**
   * Timed submissions discarded before sampling (pipeline compile, lazy init, clock ramp); the calibration
   * submissions count towards it.
   */
  readonly warmup: number;
}

/** Samples of one workload. */
export interface MeasuredRuns {
  /** Seconds per pass, one per timed submission. */
  readonly samples: number[];
  /** Passes per timed submission. */
  readonly passesPerSample: number;
}

/** Hooks into the run: cancellation/pausing between submissions, and whether the page is hidden now. */
export interface MeasureHooks {
  /** Throws to cancel; waits while the run is paused. */
  checkpoint(): Promise<void>;
  /** True while paused: a submission that ends in this state is discarded. */
  paused(): boolean;
}

/**
 * Shortest timed submission, seconds: 100× Chrome's 100 µs timestamp quantum (developer.chrome.com, "WebGPU
 * developer features"), and for the wall clock 100 ms, as onSubmittedWorkDone's jitter is ~1 ms.
 */
export const MIN_TIMED_SECONDS = { 'timestamp-query': 0.01, 'wall-clock': 0.1 } as const;
/** Most passes per submission: enough for a 1 MiB pass at ~1 TB/s to reach 10 ms. */
const MAX_PASSES = 16_384;
/** Most calibration submissions before sampling starts anyway. */
const CALIBRATION_STEPS = 6;

/**
 * Passes per submission that make one submission last `minSeconds`, found by growing from one pass; also
 * how many submissions that took (they are discarded, so they count as warm-up). Growth is bounded by the
 * wall clock, never by the GPU reading alone: a quantised or baseline-corrected reading of zero must not
 * let the next submission grow without limit.
 */
async function calibrate(
  timer: PassTimer,
  encode: EncodeWork,
  minSeconds: number,
): Promise<{ passes: number; submissions: number }> {
  let passes = 1;
  let timing = await timer.time(encode, passes);
  let submissions = 1;
  for (let i = 0; i < CALIBRATION_STEPS && timing.seconds < minSeconds && passes < MAX_PASSES; i++) {
    // Aim 20% above the target; grow at most 64× a step in case a quantised reading was far too small.
    const wanted = timing.seconds > 0 ? Math.min(64, (1.2 * minSeconds) / timing.seconds) : 16;
    const next = Math.min(MAX_PASSES, Math.ceil(passes * wanted), passesWithin(passes, timing));
    if (next <= passes) break;
    passes = next;
    timing = await timer.time(encode, passes);
    submissions += 1;
  }
  return { passes: Math.max(1, Math.min(passes, passesWithin(passes, timing))), submissions };
}

/** Samples seconds per pass of `encode` until `settings` says stop. */
export async function measureRuns(
  timer: PassTimer,
  encode: EncodeWork,
  settings: MeasureSettings,
  hooks: MeasureHooks,
): Promise<MeasuredRuns> {
  await hooks.checkpoint();
  const { passes, submissions } = await calibrate(timer, encode, MIN_TIMED_SECONDS[timer.mode]);
  // Calibration submissions are discarded too: they count towards the warm-up.
  for (let i = submissions; i < settings.warmup; i++) {
    await hooks.checkpoint();
    await timer.time(encode, passes);
  }
  const samples: number[] = [];
  const start = performance.now();
  // Submissions that give no sample (a zero or negative timer reading, or the page hidden meanwhile) count
  // here too, so a broken timer cannot loop forever.
  for (let attempts = 0; attempts < 4 * settings.maxSamples; attempts++) {
    if (enoughSamples(samples, (performance.now() - start) / 1000, settings)) break;
    await hooks.checkpoint();
    const { seconds } = await timer.time(encode, passes);
    if (seconds > 0 && !hooks.paused()) samples.push(seconds / passes);
  }
  if (samples.length === 0)
    throw new Error(`The ${timer.mode} timer gave no positive time for this workload.`);
  return { samples, passesPerSample: passes };
}
