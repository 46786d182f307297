/**
 * @module placement/memory — bytes in accelerator memory and in system RAM for one split of a model: the last
 * `gpuLayers` repeating layers on the GPU (as llama.cpp's `-ngl`), the routed experts of the first
 * `cpuMoeLayers` layers in RAM (as `--n-cpu-moe`), the output head with the GPU layers.
 */

import { rangeSum } from '../estimate/model-sums.js';
import { streamLayout } from '../estimate/parallel-slots.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import { kvCacheCells } from '../footprint/kv-cache.js';
import { computeBufferBytes, hostComputeBufferBytes } from '../footprint/overhead.js';

/** Context-dependent sizes that do not depend on the split. */
export interface ContextSizes {
  /** KV cells of full-attention layers. */
  readonly fullCells: number;
  /** KV cells of sliding-window layers. */
  readonly slidingCells: number;
  /** The accelerator's compute buffer, bytes. */
  readonly computeBytes: number;
  /** The compute buffer of a GPU that holds layers but not the output layer (layer split), bytes. */
  readonly layerComputeBytes: number;
  /** The host's compute buffer when the accelerator computes, bytes. */
  readonly hostComputeBytes: number;
  /** Sequences keeping their own recurrent state (parallel streams); 1 unless `parallel`. */
  readonly stateSequences?: number;
}

/** Cells and compute buffers for the scenario's context and micro-batch. */
export function contextSizes(r: ResolvedScenario): ContextSizes {
  const { contextTokens, ubatchTokens } = r.settings;
  const cells = kvCacheCells(contextTokens, r.kv.slidingWindow, { ubatchTokens });
  // Parallel streams (see estimate/parallel-slots): the caches' cells in all; the compute buffer stays one stream's.
  const streams = (r.settings.parallel ?? 1) > 1 ? streamLayout(r) : undefined;
  const compute = {
    ubatchTokens: Math.min(ubatchTokens, cells.full),
    contextCells: cells.full,
    slidingCells: cells.sliding,
    flashAttention: r.kvSettings.flashAttention,
  };
  return {
    fullCells: streams?.fullCells ?? cells.full,
    slidingCells: streams?.slidingCells ?? cells.sliding,
    ...(streams === undefined ? {} : { stateSequences: streams.stateSequences }),
    computeBytes: computeBufferBytes(r.model, compute),
    layerComputeBytes: computeBufferBytes(r.model, { ...compute, output: false }),
    hostComputeBytes: hostComputeBufferBytes(r.model, ubatchTokens),
  };
}

/** Where the bytes of one split go. */
export interface SplitMemory {
  /** Weights in accelerator memory. */
  readonly gpuWeightBytes: number;
  /** KV cache in accelerator memory (the GPU layers' own caches). */
  readonly gpuKvBytes: number;
  /** Compute buffer in accelerator memory. */
  readonly gpuComputeBytes: number;
  /** Weights in RAM (lookup tables always; CPU layers; experts kept in RAM). */
  readonly hostWeightBytes: number;
  /** KV cache in RAM (the CPU layers' caches). */
  readonly hostKvBytes: number;
  /** Compute buffers in RAM. */
  readonly hostComputeBytes: number;
}

/** First layer on the GPU for `gpuLayers` layers on it. */
export const firstGpuLayer = (r: ResolvedScenario, gpuLayers: number): number =>
  r.sums.layerCount - Math.min(gpuLayers, r.sums.layerCount);

/** KV bytes owned by layers [from, to). */
export function kvBytes(r: ResolvedScenario, sizes: ContextSizes, from: number, to: number): number {
  return (
    rangeSum(r.kv.ownFull, from, to) * sizes.fullCells +
    rangeSum(r.kv.ownSliding, from, to) * sizes.slidingCells +
    // Recurrent state (hybrid models): one fixed-size row per sequence, on the device of its layer.
    rangeSum(r.kv.state, from, to) * (sizes.stateSequences ?? 1)
  );
}

/** Memory of the split with `gpuLayers` GPU layers and the experts of the first `cpuMoeLayers` layers in RAM. */
export function splitMemory(
  r: ResolvedScenario,
  sizes: ContextSizes,
  gpuLayers: number,
  cpuMoeLayers: number,
): SplitMemory {
  const s = r.sums;
  const n = s.layerCount;
  const first = firstGpuLayer(r, gpuLayers);
  const expertsEnd = Math.max(first, Math.min(cpuMoeLayers, n));
  const expertsInRam = rangeSum(s.cumExpertBytes, first, expertsEnd);
  const onGpu = gpuLayers > 0;
  const gpuWeightBytes = onGpu ? rangeSum(s.cumLayerBytes, first, n) - expertsInRam + s.outputSideBytes : 0;
  const hostWeightBytes =
    s.lookupBytes +
    rangeSum(s.cumLayerBytes, 0, first) +
    expertsInRam +
    (onGpu ? 0 : s.outputSideBytes - s.tiedHeadBytes);
  return {
    gpuWeightBytes,
    gpuKvBytes: kvBytes(r, sizes, first, n),
    gpuComputeBytes: onGpu ? sizes.computeBytes : 0,
    hostWeightBytes,
    hostKvBytes: kvBytes(r, sizes, 0, first),
    hostComputeBytes: onGpu ? sizes.hostComputeBytes : sizes.computeBytes,
  };
}

/** Accelerator bytes of a split, runtime excluded. */
export const gpuBytesOf = (m: SplitMemory): number => m.gpuWeightBytes + m.gpuKvBytes + m.gpuComputeBytes;
/** RAM bytes of a split. */
export const hostBytesOf = (m: SplitMemory): number => m.hostWeightBytes + m.hostKvBytes + m.hostComputeBytes;
