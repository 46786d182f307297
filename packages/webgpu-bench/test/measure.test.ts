import { median } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import {
  type EncodeWork,
  MAX_QUEUED_SECONDS,
  type MeasureSettings,
  MIN_TIMED_SECONDS,
  measureRuns,
  type PassTimer,
} from '../src/index.js';

/**
 * A timer whose passes take `perPass(i)` seconds (i counts submissions), read optionally quantised or with
 * `offset` added (a wall-clock baseline that is off); the wall clock reads the exact time plus 1 ms.
 */
function fakeTimer(
  perPass: (i: number) => number,
  options: { quantum?: number; offset?: number; mode?: PassTimer['mode'] } = {},
) {
  const submissions: { passes: number; seconds: number }[] = [];
  const timer: PassTimer = {
    mode: options.mode ?? 'timestamp-query',
    async time(_encode, passes) {
      const exact = perPass(submissions.length) * passes;
      const read = options.quantum ? Math.floor(exact / options.quantum) * options.quantum : exact;
      submissions.push({ passes, seconds: exact });
      return { seconds: read + (options.offset ?? 0), wallSeconds: exact + 1e-3 };
    },
    destroy() {},
  };
  return { timer, submissions };
}

const encode: EncodeWork = () => undefined;
const settings: MeasureSettings = {
  warmup: 1,
  minSamples: 3,
  maxSamples: 12,
  targetCi95: 0.03,
  maxSeconds: 60,
};
const hooks = { checkpoint: async () => undefined, paused: () => false };

describe('sampling a workload', () => {
  it('makes every timed submission last at least 10 ms with timestamps, and 100 ms with the wall clock', async () => {
    for (const mode of ['timestamp-query', 'wall-clock'] as const) {
      const { timer, submissions } = fakeTimer(() => 37e-6, { mode });
      const runs = await measureRuns(timer, encode, settings, hooks);
      const timed = submissions.slice(-runs.samples.length);
      expect(timed.every((s) => s.seconds >= MIN_TIMED_SECONDS[mode])).toBe(true);
      expect(median(runs.samples)).toBeCloseTo(37e-6, 12);
    }
  });

  it('keeps Chrome’s 100 µs timestamp quantum under 1% of the figure', async () => {
    const { timer } = fakeTimer(() => 37e-6, { quantum: 100e-6 });
    const runs = await measureRuns(timer, encode, settings, hooks);
    expect(Math.abs(median(runs.samples) / 37e-6 - 1)).toBeLessThan(0.01);
  });

  it('submits a pass longer than MAX_QUEUED_SECONDS alone, never repeated', async () => {
    const { timer, submissions } = fakeTimer(() => 0.3);
    const runs = await measureRuns(timer, encode, settings, hooks);
    expect(runs.passesPerSample).toBe(1);
    expect(submissions.every((s) => s.passes === 1)).toBe(true);
  });

  it('bounds every submission by the wall clock when the GPU reading is too small (a baseline that is off)', async () => {
    // Wall-clock readings minus an over-estimated baseline read ≤ 0 for short submissions; growing on them
    // alone once queued 16 384 passes (minutes of SwiftShader work that a Cancel had to wait for).
    for (const offset of [-0.05, -1]) {
      const { timer, submissions } = fakeTimer(() => 2e-3, { offset, mode: 'wall-clock' });
      await measureRuns(timer, encode, settings, hooks).catch(() => undefined);
      expect(submissions.length).toBeGreaterThan(1);
      expect(Math.max(...submissions.map((s) => s.seconds))).toBeLessThanOrEqual(MAX_QUEUED_SECONDS);
    }
  });

  it('discards the first submissions (compile, first touch) as warm-up', async () => {
    const { timer, submissions } = fakeTimer((i) => (i < 2 ? 20e-3 : 1e-3));
    const runs = await measureRuns(timer, encode, { ...settings, warmup: 2 }, hooks);
    expect(submissions.length).toBeGreaterThanOrEqual(runs.samples.length + 2);
    expect(Math.max(...runs.samples)).toBeCloseTo(1e-3, 12);
  });

  it('stops once the 95% confidence interval is within ±3%', async () => {
    const { timer } = fakeTimer(() => 1e-3);
    const runs = await measureRuns(timer, encode, settings, hooks);
    expect(runs.samples).toHaveLength(settings.minSamples);
  });

  it('stops at the sample cap while timings stay noisy', async () => {
    const { timer } = fakeTimer((i) => (i % 2 ? 1e-3 : 2e-3));
    const runs = await measureRuns(timer, encode, settings, hooks);
    expect(runs.samples).toHaveLength(settings.maxSamples);
  });

  it('drops submissions that end while the run is paused (page hidden)', async () => {
    // Every other submission ends paused, and only those run slow: not one slow sample may be kept.
    let submissions = 0;
    const { timer } = fakeTimer(() => (submissions++ % 2 === 1 ? 5e-3 : 1e-3));
    const pausing = { checkpoint: async () => undefined, paused: () => submissions % 2 === 0 };
    const runs = await measureRuns(timer, encode, settings, pausing);
    expect(runs.samples.length).toBeGreaterThanOrEqual(settings.minSamples);
    expect(runs.samples.every((s) => Math.abs(s - 1e-3) < 1e-9)).toBe(true);
  });

  it('passes cancellation from the checkpoint through', async () => {
    const { timer } = fakeTimer(() => 1e-3);
    const cancelling = {
      checkpoint: async () => Promise.reject(new Error('cancelled')),
      paused: () => false,
    };
    await expect(measureRuns(timer, encode, settings, cancelling)).rejects.toThrow('cancelled');
  });

  it('fails instead of looping when the timer never reads a positive time', async () => {
    const { timer } = fakeTimer(() => 0);
    await expect(measureRuns(timer, encode, settings, hooks)).rejects.toThrow(/no positive time/);
  });
});
