/**
 * @module placement/place — where a scenario's tensors live and which regime that is: llama.cpp's automatic
 * fit, an explicit `-ngl`/`--n-cpu-moe` split, experts on the CPU, the Windows driver's sysmem fallback,
 * unified memory with Apple's GPU limit, CPU only, or not fitting in RAM at all.
 */

import type { ResolvedScenario } from '../estimate/resolved.js';
import type { Regime, SplitMode } from '../estimate/scenario.js';
import { autoFit, FIT_MARGIN_BYTES, type Split } from './auto-fit.js';
import {
  type ContextSizes,
  contextSizes,
  gpuBytesOf,
  hostBytesOf,
  type SplitMemory,
  splitMemory,
} from './memory.js';
import { type DeviceShare, deviceShares, multiGpuAutoFit, multiGpuMemory } from './multi-gpu.js';

const GIB = 2 ** 30;

/** The placement of one estimate. */
export interface Placement {
  readonly split: Split;
  readonly sizes: ContextSizes;
  readonly memory: SplitMemory;
  readonly regime: Regime;
  /** False when the split cannot be allocated (RAM exceeded, or an explicit split exceeding the GPU). */
  readonly fits: boolean;
  /** Accelerator memory usable for model buffers: capacity less the runtime's own, bytes. */
  readonly gpuUsableBytes: number;
  /** Accelerator bytes past the usable memory, read over PCIe (sysmem) or paged (Apple), bytes. */
  readonly gpuOverflowBytes: number;
  /** Bytes past the available RAM, streamed from disk per token, bytes. */
  readonly hostOverflowBytes: number;
  /** What about the placement the user should know. */
  readonly notes: readonly string[];
  /** Several GPUs: how the model is split, and each GPU's share. */
  readonly splitMode?: SplitMode;
  readonly perDevice?: readonly DeviceShare[];
}

const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

/** The regime a split is in, before overflow is considered. */
function splitRegime(r: ResolvedScenario, split: Split): Regime {
  const n = r.sums.layerCount;
  if (split.gpuLayers === 0) return 'cpu';
  if (split.gpuLayers < n) return 'partial-offload';
  const expertsInRam = (r.sums.cumExpertBytes[Math.min(split.cpuMoeLayers, n)] ?? 0) > 0;
  if (expertsInRam) return 'experts-on-cpu';
  return r.hardware.layout === 'unified' ? 'unified' : 'gpu';
}

/** The split the scenario's settings ask for, or undefined for the automatic fit. */
function explicitSplit(r: ResolvedScenario): Split | undefined {
  const { gpuLayers, cpuMoeLayers, offload } = r.settings;
  const n = r.sums.layerCount;
  if (gpuLayers === undefined && cpuMoeLayers === undefined && offload !== 'sysmem') return undefined;
  return {
    gpuLayers: Math.min(gpuLayers ?? n, n),
    cpuMoeLayers: Math.min(cpuMoeLayers ?? (offload === 'experts' ? n : 0), n),
  };
}

function cpuOnly(r: ResolvedScenario, sizes: ContextSizes): Placement {
  const memory = splitMemory(r, sizes, 0, 0);
  const overflow = Math.max(0, hostBytesOf(memory) - r.hardware.ramAvailableBytes);
  return {
    split: { gpuLayers: 0, cpuMoeLayers: 0 },
    sizes,
    memory,
    regime: overflow > 0 ? 'does-not-fit' : 'cpu',
    fits: overflow === 0,
    gpuUsableBytes: 0,
    gpuOverflowBytes: 0,
    hostOverflowBytes: overflow,
    notes: [],
  };
}

/** Two or more GPUs (see placement/multi-gpu): every GPU must hold its share; no sysmem spill is modelled. */
function multiGpu(r: ResolvedScenario, sizes: ContextSizes): Placement {
  const g = r.gpus as NonNullable<ResolvedScenario['gpus']>;
  const n = r.sums.layerCount;
  const { offload } = r.settings;
  const split =
    explicitSplit(r) ?? multiGpuAutoFit(r, g, sizes, offload !== 'layers', offload === 'experts' ? n : 0);
  const shares = deviceShares(r, g, sizes, split);
  const memory = multiGpuMemory(r, sizes, split, shares);
  const notes: string[] = [];
  let fits = true;
  let regime = splitRegime(r, split);
  for (const d of shares) {
    if (d.fits) continue;
    fits = false;
    notes.push(
      `${d.name} needs ${gib(d.weightsBytes + d.kvCacheBytes + d.computeBufferBytes)} for its share but ${gib(d.usableBytes)} is usable: llama.cpp fails to allocate (change -ts or -ngl).`,
    );
  }
  if (g.splitMode === 'tensor' && split.gpuLayers < n) {
    fits = false;
    notes.push(
      'Tensor split (-sm tensor) needs every layer on the GPUs: llama.cpp aborts with fewer (-ngl).',
    );
  }
  const hostOverflowBytes = Math.max(0, hostBytesOf(memory) - r.hardware.ramAvailableBytes);
  if (hostOverflowBytes > 0) {
    regime = 'does-not-fit';
    fits = false;
  }
  let usable = 0;
  for (const u of g.units) usable += u.usableBytes;
  return {
    split,
    sizes,
    memory,
    regime,
    fits,
    gpuUsableBytes: usable,
    gpuOverflowBytes: 0,
    hostOverflowBytes,
    notes,
    splitMode: g.splitMode,
    perDevice: shares,
  };
}

function discrete(r: ResolvedScenario, sizes: ContextSizes): Placement {
  if (r.gpus !== undefined) return multiGpu(r, sizes);
  const n = r.sums.layerCount;
  const usable = r.hardware.gpuCapacityBytes - r.hardware.runtimeBytes;
  const asked = explicitSplit(r);
  const { offload } = r.settings;
  const split =
    asked ??
    autoFit(r, sizes, usable - FIT_MARGIN_BYTES, offload !== 'layers', offload === 'experts' ? n : 0);
  const memory = splitMemory(r, sizes, split.gpuLayers, split.cpuMoeLayers);
  const gpuBytes = gpuBytesOf(memory);
  const notes: string[] = [];
  let regime = splitRegime(r, split);
  let fits = true;
  let gpuOverflowBytes = 0;
  if (gpuBytes > usable) {
    if (offload === 'sysmem') {
      gpuOverflowBytes = gpuBytes - usable;
      regime = 'sysmem-fallback';
    } else {
      fits = false;
      notes.push(
        `${split.gpuLayers} GPU layers need ${gib(gpuBytes)} of GPU memory but ${gib(usable)} is usable: ` +
          'llama.cpp fails to allocate (a Windows driver with sysmem fallback spills over PCIe instead).',
      );
    }
  }
  const hostOverflowBytes = Math.max(
    0,
    hostBytesOf(memory) + gpuOverflowBytes - r.hardware.ramAvailableBytes,
  );
  if (hostOverflowBytes > 0) {
    regime = 'does-not-fit';
    fits = false;
  }
  return {
    split,
    sizes,
    memory,
    regime,
    fits,
    gpuUsableBytes: usable,
    gpuOverflowBytes,
    hostOverflowBytes,
    notes,
  };
}

function unified(r: ResolvedScenario, sizes: ContextSizes): Placement {
  const n = r.sums.layerCount;
  const usable = r.hardware.gpuCapacityBytes - r.hardware.runtimeBytes;
  const split = explicitSplit(r) ?? {
    gpuLayers: n,
    cpuMoeLayers: r.settings.offload === 'experts' ? n : 0,
  };
  const memory = splitMemory(r, sizes, split.gpuLayers, split.cpuMoeLayers);
  const gpuOverflowBytes = Math.max(0, gpuBytesOf(memory) - usable);
  let regime = splitRegime(r, split);
  if (gpuOverflowBytes > 0) regime = 'unified-over-limit';
  const hostOverflowBytes = Math.max(
    0,
    gpuBytesOf(memory) + hostBytesOf(memory) - r.hardware.ramAvailableBytes,
  );
  if (hostOverflowBytes > 0) regime = 'does-not-fit';
  return {
    split,
    sizes,
    memory,
    regime,
    fits: hostOverflowBytes === 0,
    gpuUsableBytes: usable,
    // Past the pool itself the excess goes to disk, not to the over-limit tier.
    gpuOverflowBytes: hostOverflowBytes > 0 ? 0 : gpuOverflowBytes,
    hostOverflowBytes,
    notes: [],
  };
}

/** Places the scenario's tensors; `sizes` may be passed when the caller already has them. */
export function place(r: ResolvedScenario, sizes: ContextSizes = contextSizes(r)): Placement {
  switch (r.hardware.layout) {
    case 'cpu':
      return cpuOnly(r, sizes);
    case 'unified':
      return unified(r, sizes);
    default:
      return discrete(r, sizes);
  }
}
