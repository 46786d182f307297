import { RamSectionSchema } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { openWorkerGroup, type RamPlan } from '../src/index.js';
import { runRamBenchmarkInNode, spawnNodeRamWorker } from '../src/node.js';

const MiB = 2 ** 20;
/** Small and short: this checks the machinery on real threads, not the figures. */
const plan: Partial<RamPlan> = {
  totalBytes: 8 * MiB,
  minWorkerBytes: MiB,
  minRoundSeconds: 0.004,
  warmup: 1,
  minSamples: 3,
  maxSamples: 4,
  maxSeconds: 0.2,
  sweepMinBytes: 256 * 1024,
};

describe('the RAM benchmark on Node worker threads', () => {
  for (const barrier of ['atomics', 'message'] as const) {
    it(`runs the thread and working-set sweeps with the ${barrier} barrier, every sum checked`, async () => {
      const ram = await runRamBenchmarkInNode({ plan, barrier, logicalCores: 2 });
      expect(RamSectionSchema.parse(ram)).toEqual(ram);
      expect(ram.barrier).toBe(barrier);
      expect(ram.threadSweep.map((m) => `${m.kernel}×${m.threads}`)).toEqual([
        'read×1',
        'copy×1',
        'read×2',
        'copy×2',
      ]);
      expect(ram.workingSetSweep.map((p) => p.workingSetBytes / MiB)).toEqual([0.25, 0.5, 1, 2, 4, 8]);
      for (const m of ram.threadSweep) {
        expect(m.bytesPerRound).toBe(m.threads * m.bytesPerWorker * m.repsPerRound);
        // Quantisation under 1%; the round length itself is calibrated on one worker, so only about the target.
        expect(m.medianSeconds).toBeGreaterThanOrEqual(100 * ram.timerResolutionSeconds);
        expect(m.medianSeconds).toBeGreaterThanOrEqual(0.5 * (plan.minRoundSeconds ?? 0));
        expect(m.bandwidthGBs).toBeGreaterThan(0.1);
      }
      expect(ram.bestReadGBs).toBeGreaterThanOrEqual(ram.singleThreadReadGBs);
      expect(ram.timerResolutionSeconds).toBeLessThan(1e-4);
    }, 30_000);
  }

  it('reports a buffer larger than a worker may hold as out-of-memory', async () => {
    const open = openWorkerGroup({
      spawn: spawnNodeRamWorker,
      size: 2,
      bytesPerWorker: 2 ** 32,
      barrier: 'message',
    });
    await expect(open).rejects.toMatchObject({ code: 'out-of-memory' });
  }, 30_000);
});
