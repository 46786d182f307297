/** @module format-ram — prints a RAM section as the benchmark scripts show it. */
import type { RamSection } from '@cliffbench/core';

const mib = (bytes: number) => `${+(bytes / 2 ** 20).toFixed(3)} MiB`;
const pm = (ci: number) => `±${(ci * 100).toFixed(1)}%`;

/** The section as text lines: thread sweep, working-set sweep, plateaus, headline figures. */
export function formatRamSection(ram: RamSection): string[] {
  const lines = [
    `runtime ${ram.runtime}, ${ram.logicalCores} logical cores, barrier ${ram.barrier}, timer step ${(ram.timerResolutionSeconds * 1e6).toFixed(1)} µs, rounds ≥ ${(ram.minRoundSeconds * 1e3).toFixed(0)} ms`,
    `buffers ${mib(ram.allocatedBytes)} of ${mib(ram.requestedBytes)} asked for`,
    ...ram.notes.map((n) => `note: ${n}`),
    '',
    'kernel threads  per-worker    GB/s   (95% CI, rounds, reps/round)',
  ];
  for (const m of ram.threadSweep) {
    lines.push(
      `${m.kernel.padEnd(6)} ${String(m.threads).padStart(7)}  ${mib(m.bytesPerWorker).padStart(10)}  ${m.bandwidthGBs.toFixed(2).padStart(6)}   (${pm(m.ci95Relative)}, ${m.samplesSeconds.length}, ${m.repsPerRound})`,
    );
  }
  lines.push('', 'working set  read GB/s (one worker)');
  for (const p of ram.workingSetSweep) {
    lines.push(
      `${mib(p.workingSetBytes).padStart(12)}  ${p.bandwidthGBs.toFixed(2).padStart(7)}  ${pm(p.ci95Relative)}`,
    );
  }
  lines.push(
    '',
    `plateaus: ${ram.plateaus.map((p) => `${mib(p.fromBytes)}–${mib(p.toBytes)} ${p.bandwidthGBs.toFixed(1)} GB/s`).join(' · ')}`,
    `read: single thread ${ram.singleThreadReadGBs.toFixed(2)} GB/s, best ${ram.bestReadGBs.toFixed(2)} GB/s with ${ram.bestReadThreads} workers`,
    `copy: single thread ${ram.singleThreadCopyGBs.toFixed(2)} GB/s, best ${ram.bestCopyGBs.toFixed(2)} GB/s (bytes read + written)`,
    `wall time ${ram.durationSeconds.toFixed(1)} s`,
  );
  return lines;
}
