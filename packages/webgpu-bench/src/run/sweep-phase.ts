/**
 * @module run/sweep-phase — streaming reads (in the default shape) over growing working sets: where the
 * caches stop helping. The largest one measured is where the ceiling is tuned (ceiling-phase). Points whose
 * pass would outlast the plan's budget at the speed just measured are skipped, so a software adapter
 * finishes in time.
 */
import { CliffbenchError, median, type ResultDocument } from '@cliffbench/core';
import { createStreamWorkload } from '../stream/stream-workload.js';
import type { RunState } from './run-state.js';

const MiB = 2 ** 20;

/** The sweep, and the largest working set it measured (bytes). */
export interface SweepResult {
  readonly sweep: ResultDocument['sweep'];
  readonly largestBytes: number;
}

export async function sweepPhase(run: RunState): Promise<SweepResult> {
  const sweep: ResultDocument['sweep'] = [];
  let last: ResultDocument['sweep'][number] | undefined;
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
      last = {
        workingSetBytes: w.bytesPerPass,
        bandwidthGBs: w.bytesPerPass / median(runs.samples) / 1e9,
        samplesSeconds: runs.samples,
      };
      run.speeds.set('raw', last.bandwidthGBs);
      sweep.push(last);
      run.step('sweep', { label, bandwidthGBs: last.bandwidthGBs, workingSetBytes: w.bytesPerPass });
    } finally {
      w.destroy();
    }
  }
  if (!last) throw new Error('The plan has no streaming-read working set.');
  return { sweep, largestBytes: last.workingSetBytes };
}
