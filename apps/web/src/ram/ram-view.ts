/**
 * @module ram/ram-view — what the RAM panel shows, as plain data: the thread-sweep rows, the sweep chart's
 * columns, the cache plateaus in words and the run's conditions.
 */
import type { RamMeasurement, RamPlateau, RamSection } from '@cliffbench/core';

const MiB = 2 ** 20;

/** Bytes as "16 KiB", "8 MiB", "1.5 GiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${+(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(2)} MiB`;
  return `${+(bytes / 1024).toFixed(2)} KiB`;
}

/** GB/s with about three significant figures. */
export const formatGBs = (gbs: number): string => `${gbs >= 100 ? gbs.toFixed(0) : gbs.toFixed(1)} GB/s`;

/** A measurement's spread: the 95% confidence half-width, as "±2.1%". */
export const formatSpread = (m: Pick<RamMeasurement, 'ci95Relative'>): string =>
  `±${(100 * m.ci95Relative).toFixed(1)}%`;

export interface ThreadRow {
  readonly threads: number;
  readonly bytesPerWorker: number;
  readonly read?: RamMeasurement;
  readonly copy?: RamMeasurement;
  /** This worker count gave the best read. */
  readonly best: boolean;
}

/** One row per worker count, read and copy side by side. */
export function threadRows(ram: RamSection): ThreadRow[] {
  const counts = [...new Set(ram.threadSweep.map((m) => m.threads))].sort((a, b) => a - b);
  return counts.map((threads) => {
    const read = ram.threadSweep.find((m) => m.threads === threads && m.kernel === 'read');
    const copy = ram.threadSweep.find((m) => m.threads === threads && m.kernel === 'copy');
    return {
      threads,
      bytesPerWorker: (read ?? copy)?.bytesPerWorker ?? 0,
      ...(read ? { read } : {}),
      ...(copy ? { copy } : {}),
      best: threads === ram.bestReadThreads,
    };
  });
}

/** The working-set sweep as chart columns: MiB on x, read GB/s on y. */
export function sweepColumns(ram: RamSection): { x: number[]; y: number[] } {
  return {
    x: ram.workingSetSweep.map((p) => p.workingSetBytes / MiB),
    y: ram.workingSetSweep.map((p) => p.bandwidthGBs),
  };
}

/** The plateaus in words; the one reaching the sweep's largest working set is RAM, the others caches. */
export function plateauText(ram: RamSection): string[] {
  const largest = ram.workingSetSweep.at(-1)?.workingSetBytes;
  return ram.plateaus.map((p: RamPlateau) => {
    const range = `${formatBytes(p.fromBytes)} – ${formatBytes(p.toBytes)}`;
    const what = p.toBytes === largest ? 'RAM' : 'cache';
    return `${what}: ${formatGBs(p.bandwidthGBs)} over ${range}`;
  });
}

/** How the run was timed, in one sentence. */
export function conditionsText(ram: RamSection): string {
  const barrier =
    ram.barrier === 'atomics'
      ? 'Workers started each round at a SharedArrayBuffer barrier'
      : 'Workers started each round on a message (the page is not cross-origin isolated)';
  const step = `${(ram.timerResolutionSeconds * 1e6).toFixed(0)} µs`;
  return `${barrier}; timer step ${step}, rounds of at least ${(ram.minRoundSeconds * 1e3).toFixed(0)} ms; buffers ${formatBytes(ram.allocatedBytes)} in total; ${ram.durationSeconds.toFixed(1)} s.`;
}
