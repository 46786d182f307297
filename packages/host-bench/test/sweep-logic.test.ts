import { CliffbenchError } from '@cliffbench/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultRamPlan,
  measureKernel,
  plateaus,
  type RamPlan,
  runRamBenchmark,
  slowestPerRound,
  sweepSizes,
  threadCounts,
  type WorkerGroup,
} from '../src/index.js';
import { fakeSpawner } from './fake-workers.js';

const MiB = 2 ** 20;
/** Fast settings for synthetic runs: timings are exact, so sampling stops at minSamples. */
const plan: Partial<RamPlan> = {
  totalBytes: 256 * MiB,
  minSamples: 3,
  maxSamples: 6,
  warmup: 1,
  sweepMinBytes: MiB,
};

describe('threadCounts', () => {
  it('doubles from one worker and ends at the core count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), (cores) => {
        const counts = threadCounts(cores);
        expect(counts[0]).toBe(1);
        expect(counts.at(-1)).toBe(cores);
        counts.slice(0, -1).forEach((n, i) => {
          expect(Math.log2(n) % 1).toBe(0);
          expect(counts[i + 1]).toBeGreaterThan(n);
          expect(counts[i + 1]).toBeLessThanOrEqual(2 * n);
        });
      }),
    );
    expect(threadCounts(6)).toEqual([1, 2, 4, 6]);
    expect(threadCounts(16, 3)).toEqual([1, 2, 3]);
  });
});

describe('sweepSizes', () => {
  it('lists every power of two between the bounds, doubling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1024, max: 2 ** 24 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        (min, span) => {
          const max = min + span * 64;
          const sizes = sweepSizes(min, max);
          for (const s of sizes) {
            expect(Math.log2(s) % 1).toBe(0);
            expect(s).toBeGreaterThanOrEqual(min);
            expect(s).toBeLessThanOrEqual(max);
          }
          sizes.slice(1).forEach((s, i) => {
            expect(s).toBe(2 * (sizes[i] as number));
          });
          const last = sizes.at(-1);
          expect(last === undefined ? 2 ** Math.ceil(Math.log2(min)) : 2 * last).toBeGreaterThan(max);
          if (last !== undefined) expect(sizes[0]).toBeLessThan(2 * min);
        },
      ),
    );
  });
});

describe('slowestPerRound', () => {
  it('takes, for every round, the slowest worker', () => {
    const times = fc.array(fc.double({ min: 1e-6, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), times, (workers, first) => {
        const perWorker = Array.from({ length: workers }, (_, w) =>
          first.map((t, r) => t * (1 + ((w * 7 + r) % 3))),
        );
        const slowest = slowestPerRound(perWorker);
        slowest.forEach((s, r) => {
          const column = perWorker.map((w) => w[r] as number);
          expect(column).toContain(s);
          for (const t of column) expect(s).toBeGreaterThanOrEqual(t);
        });
      }),
    );
  });

  it('refuses workers that report different round counts', () => {
    expect(() => slowestPerRound([[1, 2], [1]])).toThrow(RangeError);
  });
});

describe('plateaus', () => {
  it('recovers a staircase of cache levels from noisy sweep points', () => {
    const staircase = fc.array(
      fc.record({
        points: fc.integer({ min: 2, max: 5 }),
        drop: fc.double({ min: 1.6, max: 4, noNaN: true }),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(
        staircase,
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (levels, noise) => {
          const points: { workingSetBytes: number; bandwidthGBs: number }[] = [];
          let level = 200;
          for (const { points: n, drop } of levels) {
            for (let i = 0; i < n; i++) {
              points.push({
                workingSetBytes: 16384 * 2 ** points.length,
                bandwidthGBs: level * (1 + (noise[points.length] ?? 0)),
              });
            }
            level /= drop;
          }
          const found = plateaus(points);
          expect(found).toHaveLength(levels.length);
          let start = 0;
          levels.forEach(({ points: n }, i) => {
            expect(found[i]?.fromBytes).toBe(points[start]?.workingSetBytes);
            expect(found[i]?.toBytes).toBe(points[start + n - 1]?.workingSetBytes);
            start += n;
          });
        },
      ),
    );
  });
});

/**
 * A scripted group: worker w takes `perRep × reps × (w + 1)` seconds per round; the first round of every
 * sampling (the warm-up) takes 100× longer. `calibratedReps` is what its calibration answers.
 */
function scriptedGroup(
  size: number,
  perRep: number,
  calibratedReps = 3,
): WorkerGroup & { requests: number[][] } {
  const requests: number[][] = [];
  let lastReps = 0;
  return {
    size,
    bytesPerWorker: 64 * MiB,
    barrier: 'message',
    timerResolutionSeconds: 1e-6,
    requests,
    calibrate: async () => ({ reps: calibratedReps, seconds: calibratedReps * perRep }),
    async measure(_kernel, _bytes, reps, n) {
      requests.push([reps, n]);
      const warm = reps !== lastReps ? 1 : 0;
      lastReps = reps;
      return Array.from({ length: size }, (_, w) =>
        Array.from({ length: n }, (_, r) => (r < warm ? 100 : 1) * perRep * reps * (w + 1)),
      );
    },
    close: () => {},
  };
}

describe('measureKernel', () => {
  it('counts the slowest worker, drops the warm-up and moves every worker’s bytes', async () => {
    const group = scriptedGroup(3, 0.01);
    const timing = await measureKernel(
      group,
      'read',
      64 * MiB,
      { ...defaultRamPlan, warmup: 1, minSamples: 4 },
      0.02,
    );
    // Worker 3 of 3 is the slowest: 0.01 s × 3 reps × 3.
    expect(timing.samplesSeconds).toHaveLength(4);
    for (const s of timing.samplesSeconds) expect(s).toBeCloseTo(0.09, 12);
    expect(group.requests[0]).toEqual([3, 5]);
    expect(timing.bytesPerRound).toBe(3 * 64 * MiB * 3);
    expect(timing.bandwidthGBs).toBeCloseTo((3 * 64 * MiB * 3) / 0.09 / 1e9, 9);
  });

  it('re-runs with more repetitions when the rounds come out shorter than asked', async () => {
    const group = scriptedGroup(1, 0.001, 2);
    const plan = { ...defaultRamPlan, warmup: 1, minSamples: 3 };
    const timing = await measureKernel(group, 'read', 64 * MiB, plan, 0.02);
    expect(timing.medianSeconds).toBeGreaterThanOrEqual(0.02);
    expect(timing.repsPerRound).toBe(Math.ceil((1.25 * 2 * 0.02) / 0.002));
    expect(group.requests.map(([reps]) => reps)).toEqual([2, timing.repsPerRound]);
  });
});

describe('runRamBenchmark on synthetic workers', () => {
  it('reports one worker’s read and the best total of a bus-limited machine', async () => {
    const { spawn, log } = fakeSpawner({ perWorkerGBs: 10, busGBs: 25 });
    const ram = await runRamBenchmark({ spawn, runtime: 'node', logicalCores: 4, plan, barrier: 'message' });
    expect(ram.threadSweep.filter((m) => m.kernel === 'read').map((m) => m.threads)).toEqual([1, 2, 4]);
    expect(ram.singleThreadReadGBs).toBeCloseTo(10, 6);
    expect(ram.bestReadGBs).toBeCloseTo(25, 6);
    expect(ram.bestReadThreads).toBe(4);
    expect(ram.threadSweep.find((m) => m.kernel === 'read' && m.threads === 2)?.bandwidthGBs).toBeCloseTo(
      20,
      6,
    );
    expect(log.barrierViolations).toBe(0);
    expect(log.terminated).toBe(log.spawned);
  });

  it('rates a group by its slowest worker', async () => {
    const { spawn } = fakeSpawner({ perWorkerGBs: 10, busGBs: 100, slowdown: (w) => (w === 1 ? 1.5 : 1) });
    const ram = await runRamBenchmark({ spawn, runtime: 'node', logicalCores: 2, plan, barrier: 'message' });
    expect(ram.threadSweep.find((m) => m.kernel === 'read' && m.threads === 2)?.bandwidthGBs).toBeCloseTo(
      20 / 1.5,
      6,
    );
  });

  it('halves the buffers until they can be allocated, and says so', async () => {
    const { spawn, log } = fakeSpawner({ perWorkerGBs: 10, busGBs: 20, maxAllocBytes: 64 * MiB });
    const ram = await runRamBenchmark({
      spawn,
      runtime: 'browser',
      logicalCores: 2,
      plan,
      barrier: 'message',
    });
    expect(log.inits).toEqual([
      { parties: 1, bytes: 64 * MiB },
      { parties: 2, bytes: 32 * MiB },
      { parties: 2, bytes: 32 * MiB },
    ]);
    expect(ram.allocatedBytes).toBe(64 * MiB);
    expect(ram.notes.join(' ')).toMatch(/could not be allocated/);
    expect(ram.notes.join(' ')).toMatch(/below the 256 MiB asked for/);
    expect(log.terminated).toBe(log.spawned);
  });

  it('skips worker counts whose buffers would be too small', async () => {
    const { spawn } = fakeSpawner({ perWorkerGBs: 10, busGBs: 40 });
    const small = { ...plan, totalBytes: 128 * MiB, minWorkerBytes: 64 * MiB };
    const ram = await runRamBenchmark({
      spawn,
      runtime: 'node',
      logicalCores: 4,
      plan: small,
      barrier: 'message',
    });
    expect([...new Set(ram.threadSweep.map((m) => m.threads))]).toEqual([1, 2]);
    expect(ram.notes.join(' ')).toMatch(/4\+ workers skipped/);
  });

  it('fails with out-of-memory when not even one small buffer fits', async () => {
    const { spawn, log } = fakeSpawner({ perWorkerGBs: 10, busGBs: 10, maxAllocBytes: 4 * MiB });
    const run = runRamBenchmark({ spawn, runtime: 'node', logicalCores: 2, plan, barrier: 'message' });
    await expect(run).rejects.toMatchObject({ code: 'out-of-memory' });
    await expect(run).rejects.toBeInstanceOf(CliffbenchError);
    expect(log.terminated).toBe(log.spawned);
  });

  it('shows a cache level above RAM in the working-set sweep', async () => {
    const { spawn } = fakeSpawner({ perWorkerGBs: 12, busGBs: 12, cacheBytes: 8 * MiB, cacheGBs: 90 });
    const ram = await runRamBenchmark({ spawn, runtime: 'node', logicalCores: 1, plan, barrier: 'message' });
    expect(ram.workingSetSweep.map((p) => p.workingSetBytes / MiB)).toEqual([
      1, 2, 4, 8, 16, 32, 64, 128, 256,
    ]);
    expect(ram.plateaus).toHaveLength(2);
    expect(ram.plateaus[0]).toMatchObject({ fromBytes: MiB, toBytes: 8 * MiB });
    expect(ram.plateaus[0]?.bandwidthGBs).toBeCloseTo(90, 6);
    expect(ram.plateaus[1]).toMatchObject({ fromBytes: 16 * MiB, toBytes: 256 * MiB });
    expect(ram.plateaus[1]?.bandwidthGBs).toBeCloseTo(12, 6);
  });

  it('stops and terminates the workers when cancelled', async () => {
    const { spawn, log } = fakeSpawner({ perWorkerGBs: 10, busGBs: 10 });
    const controller = new AbortController();
    const run = runRamBenchmark({
      spawn,
      runtime: 'node',
      logicalCores: 2,
      plan,
      barrier: 'message',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(log.terminated).toBe(log.spawned);
  });
});
