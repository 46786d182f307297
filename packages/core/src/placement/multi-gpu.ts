/**
 * @module placement/multi-gpu — where a model's tensors live on two or more GPUs (llama.cpp `-sm`, `-ts`, `-mg`).
 *
 * Layer split (the default), as llama.cpp's `load_tensors` (ggml-org/llama.cpp src/llama-model.cpp, commit
 * a5410f046c01d01330c8a42f13b64a211fedf2c3): the split points are `-ts`, or each device's free memory when no
 * `-ts` is given, summed and normalised to cumulative fractions; of the `act = min(ngl, n_layer + 1)` offloaded
 * slots (the last `ngl` repeating layers, then the output layer as slot n_layer), slot j goes to the first
 * device whose cumulative fraction exceeds j / act (`std::upper_bound`), so each GPU holds a contiguous block of
 * layers and the output layer sits on the last one. The KV cache of a layer lives on that layer's device
 * (`offload_kqv`, the default). Each GPU used keeps its own compute buffer, sized for the graph nodes assigned to
 * it: ggml-backend's scheduler reserves through `ggml_gallocr_reserve_n(galloc, graph, node_backend_ids, …)`,
 * one buffer per backend (ggml-org/llama.cpp ggml/src/ggml-backend.cpp `ggml_backend_sched_reserve`, commit
 * 5bc7a7409fc39d2801b3eeddc9e22fdd4bda718d). So only the GPU with the output layer holds the micro-batch's
 * logits (n_ubatch × n_vocab f32); the others hold their layers' largest activations (footprint/overhead).
 *
 * Row split: the matrices of the offloaded layers are split by rows in the `-ts` proportions; the KV cache,
 * the compute buffer and the small tensors stay on the main GPU (`-mg`). Tensor split: weights and KV cache
 * split in the `-ts` proportions, each GPU with a compute buffer; llama.cpp refuses it for partial offload
 * (`act_gpu_layers < n_layer + 1`), and needs flash attention and an f16 KV cache (checked at resolve time).
 */

import { rangeSum } from '../estimate/model-sums.js';
import type { MultiGpu } from '../estimate/multi-gpu-hardware.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import type { DevicePlacement } from '../estimate/scenario.js';
import { autoFitWith, FIT_MARGIN_BYTES, type Split } from './auto-fit.js';
import {
  type ContextSizes,
  firstGpuLayer,
  hostBytesOf,
  kvBytes,
  type SplitMemory,
  splitMemory,
} from './memory.js';

/** One GPU's share of a placement. */
export interface DeviceShare extends DevicePlacement {
  /** Layer split: the repeating layers [from, to) computed here; row/tensor: all offloaded layers. */
  readonly from: number;
  readonly to: number;
  /** Row/tensor split: this GPU's proportion of the split tensors; layer split: 1 for its own block. */
  readonly fraction: number;
}

/** The `-ts` proportions, normalised: as given, or each GPU's free memory (llama.cpp's default). */
export function splitProportions(g: MultiGpu): number[] {
  const raw = g.tensorSplit ?? g.units.map((u) => Math.max(0, u.usableBytes));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => (sum > 0 ? x / sum : 1 / raw.length));
}

/**
 * Layer split: for `gpuLayers` offloaded repeating layers, each GPU's block [from, to) and whether the output
 * layer is on it (llama.cpp's upper_bound over the cumulative split points; see the module comment).
 */
export function layerBlocks(
  n: number,
  gpuLayers: number,
  proportions: readonly number[],
): { from: number; to: number; output: boolean }[] {
  const g = Math.min(gpuLayers, n);
  const blocks = proportions.map(() => ({ from: n, to: n, output: false }));
  if (g === 0) return blocks;
  const first = n - g;
  const act = g + 1; // the output layer is the last offloaded slot
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of proportions) {
    sum += p;
    cumulative.push(sum);
  }
  const last = proportions.length - 1;
  let device = 0;
  for (let j = 0; j < act; j++) {
    const x = j / act;
    while (device < last && !((cumulative[device] ?? 0) > x)) device++;
    const b = blocks[device] as { from: number; to: number; output: boolean };
    if (j === g) b.output = true;
    else {
      const layer = first + j;
      if (b.from === n) b.from = layer;
      b.to = layer + 1;
    }
  }
  // Devices with no repeating layer keep an empty range at their neighbour's boundary.
  let prevEnd = first;
  for (const b of blocks) {
    if (b.from === n && b.to === n) {
      b.from = prevEnd;
      b.to = prevEnd;
    } else prevEnd = b.to;
  }
  return blocks;
}

/** What one GPU holds, with its name, its memory and whether the bytes fit in it less the margin. */
function shareOn(
  u: MultiGpu['units'][number],
  budgetMarginBytes: number,
  held: Omit<DeviceShare, 'name' | 'usableBytes' | 'runtimeBytes' | 'fits'>,
): DeviceShare {
  const bytes = held.weightsBytes + held.kvCacheBytes + held.computeBufferBytes;
  return {
    name: u.device.name,
    ...held,
    usableBytes: u.usableBytes,
    runtimeBytes: u.hardware.gpuCapacityBytes - u.usableBytes,
    fits: bytes <= u.usableBytes - budgetMarginBytes,
  };
}

/** Each GPU's bytes for a split (`gpuLayers`, `cpuMoeLayers`) of the scenario across its GPUs. */
export function deviceShares(
  r: ResolvedScenario,
  g: MultiGpu,
  sizes: ContextSizes,
  split: Split,
  budgetMarginBytes = 0,
): DeviceShare[] {
  const s = r.sums;
  const n = s.layerCount;
  const proportions = splitProportions(g);
  const first = firstGpuLayer(r, split.gpuLayers);
  const expertsEnd = Math.max(first, Math.min(split.cpuMoeLayers, n));
  const weightsIn = (from: number, to: number): number =>
    rangeSum(s.cumLayerBytes, from, to) -
    rangeSum(
      s.cumExpertBytes,
      Math.max(from, first),
      Math.max(Math.min(to, expertsEnd), Math.max(from, first)),
    );
  const onGpu = split.gpuLayers > 0;
  if (g.splitMode === 'layer') {
    const blocks = layerBlocks(n, split.gpuLayers, proportions);
    return blocks.map((b, i) => {
      const u = g.units[i] as MultiGpu['units'][number];
      const weightsBytes = weightsIn(b.from, b.to) + (b.output ? s.outputSideBytes : 0);
      const kvCacheBytes = kvBytes(r, sizes, b.from, b.to);
      const used = b.to > b.from || b.output;
      const computeBufferBytes = !used ? 0 : b.output ? sizes.computeBytes : sizes.layerComputeBytes;
      return shareOn(u, budgetMarginBytes, {
        layers: b.to - b.from,
        output: b.output,
        weightsBytes,
        kvCacheBytes,
        computeBufferBytes,
        from: b.from,
        to: b.to,
        fraction: 1,
      });
    });
  }
  const allWeights = onGpu ? weightsIn(first, n) + s.outputSideBytes : 0;
  const allKv = kvBytes(r, sizes, first, n);
  const tensor = g.splitMode === 'tensor';
  return proportions.map((f, i) => {
    const u = g.units[i] as MultiGpu['units'][number];
    const main = i === g.mainGpu;
    const weightsBytes = allWeights * f;
    const kvCacheBytes = tensor ? allKv * f : main ? allKv : 0;
    const computeBufferBytes = onGpu && (tensor || main) ? sizes.computeBytes : 0;
    return shareOn(u, budgetMarginBytes, {
      layers: onGpu && f > 0 ? n - first : 0,
      output: onGpu && (tensor ? f > 0 : main),
      weightsBytes,
      kvCacheBytes,
      computeBufferBytes,
      from: first,
      to: n,
      fraction: f,
    });
  });
}

/** The aggregate memory of a multi-GPU split: the single-GPU sums, with every GPU's compute buffer. */
export function multiGpuMemory(
  r: ResolvedScenario,
  sizes: ContextSizes,
  split: Split,
  shares: readonly DeviceShare[],
): SplitMemory {
  const m = splitMemory(r, sizes, split.gpuLayers, split.cpuMoeLayers);
  let compute = 0;
  for (const d of shares) compute += d.computeBufferBytes;
  return { ...m, gpuComputeBytes: compute };
}

/** The split llama.cpp's fit would choose for several GPUs: every GPU within its free memory less the margin. */
export function multiGpuAutoFit(
  r: ResolvedScenario,
  g: MultiGpu,
  sizes: ContextSizes,
  moveExperts: boolean,
  minCpuMoeLayers: number,
): Split {
  const fits = (gpuLayers: number, cpuMoeLayers: number): boolean =>
    deviceShares(r, g, sizes, { gpuLayers, cpuMoeLayers }, FIT_MARGIN_BYTES).every((d) => d.fits);
  return autoFitWith(r, fits, moveExperts, minCpuMoeLayers);
}

/** RAM bytes of a multi-GPU split (the same as one GPU's: the CPU side does not change). */
export const multiGpuHostBytes = (m: SplitMemory): number => hostBytesOf(m);
