import { median } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import {
  type EncodeWork,
  MAX_TIMED_SECONDS,
  type MeasureSettings,
  MIN_TIMED_SECONDS,
  measureRuns,
  type PassTimer,
} from '../src/index.js';

/** A timer whose passes take `perPass(i)` seconds (i counts submissions), optionally quantised. */
function fakeTimer(
  perPass: (i: number) => number,
  options: { quantum?: number; mode?: PassTimer['mode'] } = {},
) {
  const submissions: { passes: number; seconds: number }[] = [];
  const timer: PassTimer = {
    mode: options.mode ?? 'timestamp-query',
    async time(_encode, passes) {
      const exact = perPass(submissions.length) * passes;
      const seconds = options.quantum ? Math.floor(exact / options.quantum) * options.quantum : exact;
      submissions.push({ passes, seconds: exact });
      return seconds;
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

  it('never submits work that runs longer than the watchdog-safe cap', async () => {
    const { timer, submissions } = fakeTimer(() => 0.3);
    const runs = await measureRuns(timer, encode, settings, hooks);
    expect(runs.passesPerSample).toBe(1);
    expect(Math.max(...submissions.map((s) => s.seconds))).toBeLessThanOrEqual(MAX_TIMED_SECONDS);
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
    const { timer } = fakeTimer((i) => (i >= 6 && i < 9 ? 5e-3 : 1e-3));
    let calls = 0;
    const pausing = { checkpoint: async () => undefined, paused: () => calls++ % 2 === 1 };
    const runs = await measureRuns(timer, encode, settings, pausing);
    expect(runs.samples.every((s) => Math.abs(s - 1e-3) < 1e-9 || Math.abs(s - 5e-3) < 1e-9)).toBe(true);
    expect(calls).toBeGreaterThan(runs.samples.length);
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
