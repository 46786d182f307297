import { type RamMeasurement, type RamSection, RamSectionSchema } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { conditionsText, formatBytes, plateauText, sweepColumns, threadRows } from './ram-view.js';

const MiB = 2 ** 20;

function measurement(kernel: 'read' | 'copy', threads: number, bandwidthGBs: number): RamMeasurement {
  const bytesPerWorker = (256 * MiB) / threads;
  const bytesPerRound = threads * bytesPerWorker * 2;
  const seconds = bytesPerRound / (bandwidthGBs * 1e9);
  return {
    kernel,
    threads,
    bytesPerWorker,
    repsPerRound: 2,
    bytesPerRound,
    samplesSeconds: [seconds, seconds],
    medianSeconds: seconds,
    ci95Relative: 0.01,
    bandwidthGBs,
  };
}

const sweep = [1, 2, 4, 8, 16, 32, 64].map((mib) => ({
  workingSetBytes: mib * MiB,
  repsPerRound: 10,
  samplesSeconds: [0.02],
  medianSeconds: 0.02,
  ci95Relative: 0,
  bandwidthGBs: mib <= 4 ? 90 : 20,
}));

const ram: RamSection = RamSectionSchema.parse({
  runtime: 'browser',
  logicalCores: 4,
  barrier: 'message',
  timerResolutionSeconds: 1e-4,
  minRoundSeconds: 0.02,
  requestedBytes: 256 * MiB,
  allocatedBytes: 256 * MiB,
  notes: [],
  threadSweep: [
    measurement('read', 1, 12),
    measurement('copy', 1, 10),
    measurement('read', 2, 21),
    measurement('copy', 2, 18),
    measurement('read', 4, 20),
    measurement('copy', 4, 19),
  ],
  workingSetSweep: sweep,
  plateaus: [
    { fromBytes: MiB, toBytes: 4 * MiB, bandwidthGBs: 90 },
    { fromBytes: 8 * MiB, toBytes: 64 * MiB, bandwidthGBs: 20 },
  ],
  singleThreadReadGBs: 12,
  bestReadGBs: 21,
  bestReadThreads: 2,
  singleThreadCopyGBs: 10,
  bestCopyGBs: 19,
  durationSeconds: 15,
});

describe('the RAM panel view', () => {
  it('pairs read and copy for every worker count and marks the best read', () => {
    const rows = threadRows(ram);
    expect(rows.map((r) => r.threads)).toEqual([1, 2, 4]);
    expect(rows.map((r) => [r.read?.bandwidthGBs, r.copy?.bandwidthGBs])).toEqual([
      [12, 10],
      [21, 18],
      [20, 19],
    ]);
    expect(rows.filter((r) => r.best).map((r) => r.threads)).toEqual([2]);
    expect(rows[2]?.bytesPerWorker).toBe(64 * MiB);
  });

  it('plots the working-set sweep in MiB', () => {
    expect(sweepColumns(ram).x).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(sweepColumns(ram).y[0]).toBe(90);
  });

  it('calls the plateau that reaches the largest working set RAM and the others caches', () => {
    const lines = plateauText(ram);
    expect(lines[0]).toMatch(/^cache: 90\.0 GB\/s over 1 MiB – 4 MiB$/);
    expect(lines[1]).toMatch(/^RAM: 20\.0 GB\/s over 8 MiB – 64 MiB$/);
  });

  it('says how the workers were started and timed', () => {
    expect(conditionsText(ram)).toMatch(/message.*not cross-origin isolated.*timer step 100 µs.*20 ms/);
  });

  it('prints sizes in the unit that keeps them short', () => {
    expect(formatBytes(16 * 1024)).toBe('16 KiB');
    expect(formatBytes(1.5 * MiB)).toBe('1.5 MiB');
    expect(formatBytes(2 * 2 ** 30)).toBe('2 GiB');
  });
});
