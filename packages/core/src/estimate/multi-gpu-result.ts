/**
 * @module estimate/multi-gpu-result — the batch contract's `placement.splitMode` and `placement.perDevice` for a
 * placement on several GPUs (the internal layer ranges stripped).
 */
import type { Placement } from '../placement/place.js';
import type { DevicePlacement, SplitMode } from './scenario.js';

/** `splitMode` and `perDevice` of a multi-GPU placement. */
export function multiGpuPlacement(p: Placement): {
  readonly splitMode: SplitMode;
  readonly perDevice: readonly DevicePlacement[];
} {
  return {
    splitMode: p.splitMode ?? 'layer',
    perDevice: (p.perDevice ?? []).map((d) => ({
      name: d.name,
      layers: d.layers,
      output: d.output,
      weightsBytes: d.weightsBytes,
      kvCacheBytes: d.kvCacheBytes,
      computeBufferBytes: d.computeBufferBytes,
      usableBytes: d.usableBytes,
      runtimeBytes: d.runtimeBytes,
      fits: d.fits,
    })),
  };
}
