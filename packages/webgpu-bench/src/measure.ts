/**
 * @module measure — samples one workload until its timing is tight: one calibration run sizes the batch so
 * a timed pass lasts long enough (timestamp quantisation or timer overhead under 1%), then warm-up, then
 * samples until the 95% CI of the mean is within the target or a cap is hit.
 */
import type { EncodeWork, PassTimer } from './pass-timer.js';
import { enoughSamples, type StopRule } from './stats.js';

export interface MeasureSettings extends StopRule {
  readonly warmup: number;
}

/** Seconds per timed pass that keep a 100 µs timestamp quantum (or timer overhead) under 1%. */
export const MIN_PASS_SECONDS = { 'timestamp-query': 0.01, 'wall-clock': 0.02 } as const;
const MAX_REPEAT = 4096;

/** Seconds per run of `encode`, one sample per timed pass. `checkpoint` throws to cancel. */
export async function measureRuns(
  timer: PassTimer,
  encode: EncodeWork,
  settings: MeasureSettings,
  checkpoint: () => Promise<void>,
): Promise<number[]> {
  await checkpoint();
  const first = await timer.time(encode, 1);
  const repeat = Math.min(
    MAX_REPEAT,
    Math.max(1, Math.ceil(MIN_PASS_SECONDS[timer.mode] / Math.max(first, 1e-7))),
  );
  for (let i = 0; i < settings.warmup; i++) {
    await checkpoint();
    await timer.time(encode, repeat);
  }
  const samples: number[] = [];
  const start = performance.now();
  while (!enoughSamples(samples, (performance.now() - start) / 1000, settings)) {
    await checkpoint();
    const seconds = (await timer.time(encode, repeat)) / repeat;
    if (seconds > 0) samples.push(seconds);
  }
  return samples;
}
