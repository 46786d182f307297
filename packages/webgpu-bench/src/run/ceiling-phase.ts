/**
 * @module run/ceiling-phase — the streaming-read ceiling, tuned the way the GEMVs are: every candidate shape
 * of the read kernel (workgroup size, words per thread, so the grid; loads in flight) is checked and timed
 * at the sweep's largest working set, and the fastest one is the ceiling, recorded with its shape. A copy
 * kernel in that shape (another read style: every word read once and written once) is the cross-check.
 */
import type { Measurement } from '@cliffbench/core';
import { createStreamWorkload, type StreamShape, type StreamWorkload } from '../stream/stream-workload.js';
import type { RunState } from './run-state.js';

const MiB = 2 ** 20;

/** The ceiling (recorded), its shape, and what the document's `tuning` records about it. */
export interface CeilingResult {
  readonly ceiling: Measurement;
  readonly shape: StreamShape;
  readonly record: Record<string, number>;
}

const fits = (shape: StreamShape, limits: Readonly<Record<string, number>>) =>
  shape.workgroupSize <= (limits.maxComputeInvocationsPerWorkgroup ?? 256) &&
  shape.workgroupSize <= (limits.maxComputeWorkgroupSizeX ?? 256);

const shapeName = (s: StreamShape) =>
  `workgroup ${s.workgroupSize}, ${s.vectorsPerThread} words/thread, ${s.accumulators} in flight`;

/** Builds, verifies and measures one streaming workload; always frees it. */
async function timeStream(
  run: RunState,
  bytes: number,
  shape: StreamShape,
  copy: boolean,
): Promise<{ w: StreamWorkload; m: Measurement }> {
  await run.hooks.checkpoint();
  const w = await createStreamWorkload(run.ctx, bytes, {
    shape,
    copy,
    maxDispatchBytes: run.maxDispatchBytes(run.speeds.get('raw') ?? 1e3),
  });
  try {
    await w.verify();
    const size = `${+(w.readBytes / MiB).toFixed(2)} MiB`;
    const label = copy ? `copy ${size} (cross-check)` : `stream ${size} (ceiling)`;
    const m = run.measurementOf(
      { kernel: copy ? 'stream-copy' : 'stream-read', format: 'raw', label, rows: 1, cols: w.readBytes / 4 },
      w,
      await run.measure(w.encode),
      w.readBytes,
    );
    return { w, m };
  } finally {
    w.destroy();
  }
}

export async function ceilingPhase(run: RunState, bytes: number): Promise<CeilingResult> {
  let best: { shape: StreamShape; m: Measurement; workgroups: number } | undefined;
  const candidates = run.plan.streamCandidates.filter((s) => fits(s, run.ctx.limits));
  for (const shape of candidates) {
    const { w, m } = await timeStream(run, bytes, shape, false);
    if (!best || m.bandwidthGBs > best.m.bandwidthGBs) best = { shape, m, workgroups: w.workgroups };
    run.step('ceiling', { label: `read ${shapeName(shape)}`, bandwidthGBs: m.bandwidthGBs });
  }
  if (!best) throw new Error('No streaming-read candidate fits this device’s workgroup limits.');
  for (let i = candidates.length; i < run.plan.streamCandidates.length; i++) run.step('ceiling');
  // Kept out of the progress figures and the speeds later phases size their work by: its GB/s count the
  // bytes written too, so it is no read speed.
  run.measurements.push((await timeStream(run, bytes, best.shape, true)).m);
  run.step('ceiling');
  const ceiling = run.record(best.m, 'ceiling');
  return {
    ceiling,
    shape: best.shape,
    record: {
      'stream.workgroupSize': best.shape.workgroupSize,
      'stream.vectorsPerThread': best.shape.vectorsPerThread,
      'stream.accumulators': best.shape.accumulators,
      'stream.workgroups': best.workgroups,
      'stream.candidates': candidates.length,
    },
  };
}
