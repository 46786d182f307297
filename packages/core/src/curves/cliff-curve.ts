/**
 * @module curves/cliff-curve — the VRAM cliff as data: decode tokens/s against context length, against GPU
 * memory, and against GPU layers, with the point where the working set stops fitting in GPU memory.
 */
import { CliffbenchError } from '../errors.js';
import { estimateResolved } from '../estimate/estimate.js';
import { allOnGpu, coreEstimate } from '../estimate/estimate-core.js';
import { type ResolveOptions, resolveScenario } from '../estimate/resolve-scenario.js';
import { type ResolvedScenario, reconfigure } from '../estimate/resolved.js';
import type { Regime, ScenarioInput } from '../estimate/scenario.js';
import { gpuBytesOf } from '../placement/memory.js';

/** What a curve varies. */
export type CurveAxis = 'context' | 'gpuMemory' | 'gpuLayers';

export interface CurvePoint {
  /** Value on the axis (tokens, GB = GiB of GPU memory, or layers). */
  readonly x: number;
  readonly decodeTokensPerSecond: number;
  readonly band: { readonly low: number; readonly high: number };
  readonly fits: boolean;
  readonly regime: Regime;
  /** Accelerator and RAM bytes at this point. */
  readonly deviceBytes: number;
  readonly hostBytes: number;
}

export interface Curve {
  readonly axis: CurveAxis;
  readonly xLabel: string;
  readonly unit: string;
  readonly points: readonly CurvePoint[];
  /**
   * Where the working set crosses GPU memory: the longest context / least GPU memory with everything in
   * GPU memory, or the most GPU layers that fit. Undefined when it never (or always) fits.
   */
  readonly cliffX?: number;
}

export interface CurveOptions {
  /** Points on the curve. @default 24 (gpuLayers: one per layer count) */
  readonly points?: number;
  /** Lower and upper end of the axis; defaults depend on the axis. */
  readonly from?: number;
  readonly to?: number;
}

const CELL = 256;

function point(r: ResolvedScenario, x: number): CurvePoint {
  const e = estimateResolved(r, { advice: false });
  return {
    x,
    decodeTokensPerSecond: e.decodeTokensPerSecond,
    band: e.band,
    fits: e.fits,
    regime: e.regime,
    deviceBytes: e.memory.deviceBytes,
    hostBytes: e.memory.hostBytes,
  };
}

/** `count` values from `from` to `to`, geometric when `geometric`, rounded to multiples of `step`. */
function axisValues(from: number, to: number, count: number, step: number, geometric: boolean): number[] {
  const values = new Set<number>();
  for (let i = 0; i < count; i++) {
    const f = count === 1 ? 1 : i / (count - 1);
    const raw = geometric ? from * (to / from) ** f : from + (to - from) * f;
    values.add(Math.max(step, Math.round(raw / step) * step));
  }
  return [...values].sort((a, b) => a - b);
}

/** Largest value v in [lo, hi] (in `step`s) with ok(v), for a predicate true below a threshold. */
function lastTrue(lo: number, hi: number, step: number, ok: (v: number) => boolean): number | undefined {
  let a = Math.ceil(lo / step);
  let b = Math.floor(hi / step);
  let best: number | undefined;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (ok(mid * step)) {
      best = mid * step;
      a = mid + 1;
    } else b = mid - 1;
  }
  return best;
}

/** Smallest value v in [lo, hi] (in `step`s) with ok(v), for a predicate true above a threshold. */
function firstTrue(lo: number, hi: number, step: number, ok: (v: number) => boolean): number | undefined {
  let a = Math.ceil(lo / step);
  let b = Math.floor(hi / step);
  let best: number | undefined;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (ok(mid * step)) {
      best = mid * step;
      b = mid - 1;
    } else a = mid + 1;
  }
  return best;
}

/**
 * Decode against context: at each allocated context x the decode speed is averaged over a conversation that
 * fills it (depth 0, x tokens generated), so both the KV read cost and the placement change show.
 */
function contextCurve(r: ResolvedScenario, o: CurveOptions): Curve {
  const to = o.to ?? r.model.maxContext;
  const from = o.from ?? Math.min(1024, to);
  const at = (x: number): ResolvedScenario =>
    reconfigure(r, { contextTokens: x, depthTokens: 0, generatedTokens: x });
  const points = axisValues(from, to, o.points ?? 24, CELL, true).map((x) => point(at(x), x));
  const fitsAll = (x: number): boolean => allOnGpu(coreEstimate(at(x)).placement);
  const cliffX = r.hardware.layout === 'cpu' ? undefined : lastTrue(from, to, CELL, fitsAll);
  return {
    axis: 'context',
    xLabel: 'context length',
    unit: 'tokens',
    points,
    ...(cliffX === undefined ? {} : { cliffX }),
  };
}

/** Decode against usable GPU memory (VRAM free, or the Apple GPU limit), GB = GiB. */
function memoryCurve(r: ResolvedScenario, o: CurveOptions): Curve {
  if (r.hardware.layout === 'cpu') {
    throw new CliffbenchError(
      'invalid-scenario',
      'A GPU-memory curve needs a GPU or unified-memory device, not a CPU.',
    );
  }
  const full = coreEstimate(
    reconfigure(r, { gpuLayers: undefined, cpuMoeLayers: undefined, offload: 'auto', gpuMemoryLimitGB: 1e6 }),
  );
  const neededGiB = (gpuBytesOf(full.placement.memory) + r.hardware.runtimeBytes) / 2 ** 30 + 1;
  const to = o.to ?? Math.max(neededGiB * 1.25, r.hardware.gpuCapacityBytes / 2 ** 30);
  const from = o.from ?? Math.min(2, to / 4);
  const at = (gb: number): ResolvedScenario => reconfigure(r, { gpuMemoryLimitGB: gb });
  const points = axisValues(from, to, o.points ?? 24, 0.25, false).map((x) => point(at(x), x));
  const fitsAll = (gb: number): boolean => allOnGpu(coreEstimate(at(gb)).placement);
  const cliffX = firstTrue(from, to, 0.25, fitsAll);
  return {
    axis: 'gpuMemory',
    xLabel: 'GPU memory',
    unit: 'GB',
    points,
    ...(cliffX === undefined ? {} : { cliffX }),
  };
}

/** Decode against explicit GPU layers (`-ngl`), 0 to all. */
function layersCurve(r: ResolvedScenario, o: CurveOptions): Curve {
  const n = r.sums.layerCount;
  const from = Math.max(0, Math.round(o.from ?? 0));
  const to = Math.min(n, Math.round(o.to ?? n));
  const count = o.points ?? to - from + 1;
  const values = axisValues(Math.max(from, 1), to, Math.max(1, count), 1, false);
  if (from === 0) values.unshift(0);
  const at = (k: number): ResolvedScenario => reconfigure(r, { gpuLayers: k, offload: 'layers' });
  const points = [...new Set(values)].map((k) => point(at(k), k));
  const cliffX = lastTrue(from, to, 1, (k) => coreEstimate(at(k)).placement.fits);
  return {
    axis: 'gpuLayers',
    xLabel: 'GPU layers',
    unit: 'layers',
    points,
    ...(cliffX === undefined ? {} : { cliffX }),
  };
}

/** A cliff curve of a resolved scenario. */
export function cliffCurveResolved(r: ResolvedScenario, axis: CurveAxis, options: CurveOptions = {}): Curve {
  if (axis === 'context') return contextCurve(r, options);
  if (axis === 'gpuMemory') return memoryCurve(r, options);
  return layersCurve(r, options);
}

/** A cliff curve of a scenario: decode tokens/s against context, GPU memory or GPU layers. */
export function cliffCurve(
  input: ScenarioInput,
  axis: CurveAxis,
  options: CurveOptions = {},
  resolveOptions?: ResolveOptions,
): Curve {
  return cliffCurveResolved(resolveScenario(input, resolveOptions), axis, options);
}
