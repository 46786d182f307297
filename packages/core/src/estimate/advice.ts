/**
 * @module estimate/advice — what a user whose model is slow or does not fit can change, each with the
 * estimate it would give: a smaller quant that fits, a shorter context, a quantised KV cache, experts instead
 * of layers in RAM, fewer GPU layers, no sysmem fallback, a raised Apple GPU limit, more memory.
 */
import { autoFit, FIT_MARGIN_BYTES } from '../placement/auto-fit.js';
import { gpuBytesOf, hostBytesOf } from '../placement/memory.js';
import type { Placement } from '../placement/place.js';
import { quantAlternatives } from './alternatives.js';
import type { Advice } from './detailed.js';
import { allOnGpu, coreEstimate } from './estimate-core.js';
import { type ResolvedScenario, reconfigure } from './resolved.js';

const GB = 1e9;
const GIB = 2 ** 30;
const MIB = 2 ** 20;
const CELL = 256;

const tpsText = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

/**
 * The largest suggested quant that puts everything on the GPU (CPU only: that fits in RAM); when the model does
 * not fit at all and no quant fits on the GPU, the largest that at least runs from RAM.
 */
function smallerQuant(r: ResolvedScenario, p: Placement): Advice | undefined {
  const cpu = r.hardware.layout === 'cpu';
  const smaller = quantAlternatives(r).filter((alt) => alt.scenario.sums.totalBytes < r.sums.totalBytes);
  const say = (name: string, bytes: number, where: string, tps: number): Advice => ({
    kind: 'smaller-quant',
    message: `${name} (${(bytes / GB).toFixed(1)} GB) ${where}: ≈ ${tpsText(tps)} tok/s.`,
    decodeTokensPerSecond: tps,
  });
  for (const alt of smaller) {
    const e = coreEstimate(alt.scenario);
    if (cpu ? e.placement.fits : allOnGpu(e.placement)) {
      const where = cpu ? 'fits in RAM' : 'fits entirely in GPU memory';
      return say(alt.quantName, alt.scenario.sums.totalBytes, where, e.decode.tokensPerSecond);
    }
  }
  if (p.fits) return undefined;
  for (const alt of smaller) {
    const e = coreEstimate(alt.scenario);
    if (e.placement.fits) {
      return say(
        alt.quantName,
        alt.scenario.sums.totalBytes,
        `fits in GPU memory and RAM (${e.placement.regime})`,
        e.decode.tokensPerSecond,
      );
    }
  }
  return undefined;
}

/** The longest context (multiple of 256) at which everything fits on the GPU. */
function shorterContext(r: ResolvedScenario): Advice | undefined {
  const ctx = r.settings.contextTokens;
  let lo = 1;
  let hi = Math.floor((ctx - 1) / CELL);
  let best: { tokens: number; tps: number } | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const tokens = mid * CELL;
    const e = coreEstimate(
      reconfigure(r, { contextTokens: tokens, depthTokens: Math.min(r.settings.depthTokens, tokens) }),
    );
    if (allOnGpu(e.placement)) {
      best = { tokens, tps: e.decode.tokensPerSecond };
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best === undefined || best.tokens < 1024) return undefined;
  return {
    kind: 'shorter-context',
    message: `A ${best.tokens}-token context (-c ${best.tokens}) fits everything in GPU memory: ≈ ${tpsText(best.tps)} tok/s.`,
    decodeTokensPerSecond: best.tps,
  };
}

function quantisedKv(r: ResolvedScenario, current: number): Advice | undefined {
  if (r.kvSettings.k.name !== 'f16' || r.kvSettings.v.name !== 'f16') return undefined;
  const e = coreEstimate(reconfigure(r, { kvCacheType: 'q8_0', kvCacheTypeV: 'q8_0', flashAttention: true }));
  const all = allOnGpu(e.placement);
  // Worth saying when it puts everything on the GPU, or frees room for a clearly faster split.
  if (!all && e.decode.tokensPerSecond < current * 1.1) return undefined;
  const what = all
    ? 'fits everything in GPU memory'
    : `keeps ${e.placement.split.gpuLayers} layers on the GPU`;
  return {
    kind: 'quantised-kv',
    message: `A q8_0 KV cache (-ctk q8_0 -ctv q8_0 -fa on) ${what}: ≈ ${tpsText(e.decode.tokensPerSecond)} tok/s.`,
    decodeTokensPerSecond: e.decode.tokensPerSecond,
  };
}

function expertsInstead(r: ResolvedScenario, current: number): Advice | undefined {
  const n = r.sums.layerCount;
  if ((r.sums.cumExpertBytes[n] ?? 0) === 0) return undefined;
  const e = coreEstimate(reconfigure(r, { offload: 'auto', gpuLayers: undefined, cpuMoeLayers: undefined }));
  if (e.placement.regime !== 'experts-on-cpu' || e.decode.tokensPerSecond <= current * 1.05) return undefined;
  return {
    kind: 'experts-on-cpu',
    message: `Keep all layers on the GPU and only the experts of the first ${e.placement.split.cpuMoeLayers} in RAM (-ngl 99 --n-cpu-moe ${e.placement.split.cpuMoeLayers}): ≈ ${tpsText(e.decode.tokensPerSecond)} tok/s.`,
    decodeTokensPerSecond: e.decode.tokensPerSecond,
  };
}

function noSysmem(r: ResolvedScenario, p: Placement): Advice {
  const e = coreEstimate(reconfigure(r, { offload: 'auto', gpuLayers: undefined }));
  return {
    kind: 'disable-sysmem-fallback',
    message:
      `The driver reads ${gib(p.gpuOverflowBytes)} spilled to RAM over PCIe every token. Set "CUDA - Sysmem Fallback Policy" ` +
      `to "Prefer No Sysmem Fallback" and let llama.cpp place ${e.placement.split.gpuLayers} layers on the GPU: ≈ ${tpsText(e.decode.tokensPerSecond)} tok/s.`,
    decodeTokensPerSecond: e.decode.tokensPerSecond,
  };
}

function fewerLayers(r: ResolvedScenario, p: Placement): Advice {
  const fit = autoFit(r, p.sizes, p.gpuUsableBytes - FIT_MARGIN_BYTES, false, p.split.cpuMoeLayers);
  const e = coreEstimate(reconfigure(r, { gpuLayers: fit.gpuLayers }));
  return {
    kind: 'fewer-gpu-layers',
    message: `At most ${fit.gpuLayers} layers fit with llama.cpp's 1 GiB margin (-ngl ${fit.gpuLayers}): ≈ ${tpsText(e.decode.tokensPerSecond)} tok/s.`,
    decodeTokensPerSecond: e.decode.tokensPerSecond,
  };
}

function raiseWiredLimit(r: ResolvedScenario, p: Placement): Advice | undefined {
  const needed = gpuBytesOf(p.memory) + r.hardware.runtimeBytes + FIT_MARGIN_BYTES;
  // Leave the OS its reserve: a limit past RAM minus that only moves the problem to swapping.
  if (needed > r.hardware.ramAvailableBytes) return undefined;
  const mb = Math.ceil(needed / MIB / 1024) * 1024;
  const e = coreEstimate(reconfigure(r, { gpuMemoryLimitGB: mb / 1024 }));
  return {
    kind: 'raise-wired-limit',
    message: `Raise macOS's GPU memory limit (sudo sysctl iogpu.wired_limit_mb=${mb}): ≈ ${tpsText(e.decode.tokensPerSecond)} tok/s.`,
    decodeTokensPerSecond: e.decode.tokensPerSecond,
  };
}

function moreGpuMemory(r: ResolvedScenario, p: Placement): Advice {
  const all = coreEstimate(
    reconfigure(r, { gpuLayers: r.sums.layerCount, cpuMoeLayers: 0, offload: 'layers' }),
  );
  const needed = gpuBytesOf(all.placement.memory) + r.hardware.runtimeBytes + FIT_MARGIN_BYTES;
  return {
    kind: 'more-gpu-memory',
    message: `Everything on the GPU needs about ${gib(needed)} of GPU memory (${gib(p.gpuUsableBytes + r.hardware.runtimeBytes)} here).`,
  };
}

function moreRam(r: ResolvedScenario, p: Placement): Advice {
  const needed = hostBytesOf(p.memory) + (r.hardware.layout === 'unified' ? gpuBytesOf(p.memory) : 0);
  const total = Math.ceil((needed + (r.hardware.ramBytes - r.hardware.ramAvailableBytes)) / GIB / 8) * 8;
  return {
    kind: 'more-ram',
    message: `The model needs ${gib(needed)} of RAM beyond the OS; ${gib(r.hardware.ramAvailableBytes)} is available. With ${total} GB of RAM it runs without streaming from disk.`,
  };
}

/**
 * Advice for a placement that is slow or does not fit; empty when everything sits in GPU memory.
 * @param decodeTokensPerSecond the scenario's own estimate, to keep only changes that help.
 */
export function adviceFor(r: ResolvedScenario, p: Placement, decodeTokensPerSecond: number): Advice[] {
  if (allOnGpu(p) || (p.regime === 'cpu' && r.hardware.layout === 'cpu' && p.fits)) return [];
  const out: (Advice | undefined)[] = [];
  const explicitTooBig = !p.fits && p.regime !== 'does-not-fit';
  if (explicitTooBig) out.push(fewerLayers(r, p));
  if (p.regime === 'sysmem-fallback') out.push(noSysmem(r, p));
  if (p.regime === 'unified-over-limit') out.push(raiseWiredLimit(r, p));
  if (p.regime === 'does-not-fit') out.push(moreRam(r, p));
  if (
    p.regime === 'partial-offload' &&
    (r.settings.offload === 'layers' || r.settings.gpuLayers !== undefined)
  ) {
    out.push(expertsInstead(r, decodeTokensPerSecond));
  }
  out.push(smallerQuant(r, p));
  if (r.hardware.layout !== 'cpu') out.push(shorterContext(r), quantisedKv(r, decodeTokensPerSecond));
  if (r.hardware.layout === 'discrete' && p.regime !== 'does-not-fit') out.push(moreGpuMemory(r, p));
  return out.filter(
    (a): a is Advice =>
      a !== undefined &&
      (a.decodeTokensPerSecond === undefined || !p.fits || a.decodeTokensPerSecond > decodeTokensPerSecond),
  );
}
