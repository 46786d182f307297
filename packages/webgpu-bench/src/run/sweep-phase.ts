/**
 * @module run/sweep-phase — streaming reads over growing working sets (where the caches stop helping); the
 * largest one measured is the device's read ceiling. Points whose pass would outlast the plan's budget at
 * the speed just measured are skipped, so a software adapter finishes in time.
 */
import { CliffbenchError, type Measurement, type ResultDocument } from '@cliffbench/core';
import { createStreamWorkload } from '../stream/stream-workload.js';
import type { RunState } from './run-state.js';

const MiB = 2 ** 20;

/** The sweep and its ceiling (already recorded as a measurement). */
export interface SweepResult {
  readonly sweep: ResultDocument['sweep'];
  readonly ceiling: Measurement;
}

export async function sweepPhase(run: RunState): Promise<SweepResult> {
  const sweep: ResultDocument['sweep'] = [];
  let last: Measurement | undefined;
  for (const bytes of run.plan.sweepBytes) {
    const label = `stream ${+(bytes / MiB).toFixed(2)} MiB`;
    const speed = run.speeds.get('raw');
    if (last && speed && bytes / (speed * 1e9) > run.plan.sweepPassSeconds) {
      run.skip(
        label,
        `one pass would take ${(bytes / (speed * 1e9)).toFixed(2)} s at ${speed.toFixed(2)} GB/s`,
        'sweep',
      );
      continue;
    }
    await run.hooks.checkpoint();
    let w: Awaited<ReturnType<typeof createStreamWorkload>>;
    try {
      w = await createStreamWorkload(run.ctx, bytes, {
        maxDispatchBytes: run.maxDispatchBytes(speed ?? 1e3),
      });
    } catch (error) {
      if (!(error instanceof CliffbenchError && error.code === 'gpu-out-of-memory') || !last) throw error;
      run.skip(label, 'the GPU ran out of memory', 'sweep');
      continue;
    }
    try {
      await w.verify();
      await run.selectTimer(w.encode);
      const runs = await run.measure(w.encode);
      last = run.measurementOf(
        { kernel: 'stream-read', format: 'raw', label, rows: 1, cols: bytes / 4 },
        w,
        runs,
      );
      run.speeds.set('raw', last.bandwidthGBs);
      sweep.push({
        workingSetBytes: w.bytesPerPass,
        bandwidthGBs: last.bandwidthGBs,
        samplesSeconds: runs.samples,
      });
      run.step('sweep', { label, bandwidthGBs: last.bandwidthGBs, workingSetBytes: w.bytesPerPass });
    } finally {
      w.destroy();
    }
  }
  if (!last) throw new Error('The plan has no streaming-read working set.');
  const ceiling = run.record({ ...last, label: `${last.label} (ceiling)` }, 'ceiling');
  return { sweep, ceiling };
}
