/**
 * @module calibration/community — community calibration: the robust aggregates the results server keeps per
 * device (and device × backend) from uploaded runs (`GET /api/calibration/:deviceId`), the rule that builds
 * them, and the `Calibration` an estimate takes from them once enough distinct sources agree.
 *
 * Robust rule: each source (one uploader, counted by the server as a salted hash of its client address) is
 * reduced to the median of its own runs, so one uploader counts once however many runs it sends; source
 * medians further than 3 scaled MADs (1.4826 × the median absolute deviation) from the median of all sources
 * are rejected as outliers — the Hampel identifier (F. R. Hampel, "The influence curve and its role in robust
 * estimation", JASA 69 (1974) 383–393; recommended threshold 3 in C. Leys et al., "Detecting outliers: Do not
 * use standard deviation around the mean, use absolute deviation around the median", J. Exp. Soc. Psychol.
 * 49 (2013) 764–766) — and the rest summarised by median, quartiles and scaled MAD.
 */
import { z } from 'zod';
import type { Calibration } from '../estimate/scenario.js';
import { median, quantile } from '../stats/sample-stats.js';

/** Scale that makes the MAD estimate a normal distribution's standard deviation. */
const MAD_SCALE = 1.4826;
/** Source medians beyond this many scaled MADs from the median are outliers (Leys et al. 2013). */
export const HAMPEL_K = 3;
/** Distinct sources an aggregate needs before estimates use it. */
export const MIN_COMMUNITY_SOURCES = 3;

const finite = z.number().finite();

export const RobustAggregateSchema = z.object({
  median: finite,
  p25: finite,
  p75: finite,
  /** Scaled median absolute deviation of the kept source medians. */
  mad: finite.nonnegative(),
  /** Distinct sources kept. */
  sources: z.number().int().nonnegative(),
  /** Runs behind the kept sources. */
  runs: z.number().int().nonnegative(),
  /** Sources rejected as outliers. */
  rejected: z.number().int().nonnegative(),
});
export type RobustAggregate = z.infer<typeof RobustAggregateSchema>;

/** One value from one source. */
export interface SourcedValue {
  readonly source: string;
  readonly value: number;
}

/** The robust aggregate of `values` (see the module note), or undefined when none is finite and positive. */
export function robustAggregate(values: readonly SourcedValue[]): RobustAggregate | undefined {
  const bySource = new Map<string, number[]>();
  for (const v of values) {
    if (!(Number.isFinite(v.value) && v.value > 0)) continue;
    bySource.set(v.source, [...(bySource.get(v.source) ?? []), v.value]);
  }
  if (bySource.size === 0) return undefined;
  const perSource = [...bySource.values()].map((vs) => ({ value: median(vs), runs: vs.length }));
  const center = median(perSource.map((s) => s.value));
  const mad = MAD_SCALE * median(perSource.map((s) => Math.abs(s.value - center)));
  const kept =
    perSource.length >= 3 && mad > 0
      ? perSource.filter((s) => Math.abs(s.value - center) <= HAMPEL_K * mad)
      : perSource;
  const keptValues = kept.map((s) => s.value).sort((a, b) => a - b);
  const keptMedian = median(keptValues);
  return {
    median: keptMedian,
    p25: quantile(keptValues, 0.25),
    p75: quantile(keptValues, 0.75),
    mad: MAD_SCALE * median(keptValues.map((v) => Math.abs(v - keptMedian))),
    sources: kept.length,
    runs: kept.reduce((sum, s) => sum + s.runs, 0),
    rejected: perSource.length - kept.length,
  };
}

const Aggregate = RobustAggregateSchema.optional();
const ByBackend = z.record(z.string().max(20), RobustAggregateSchema);

/** What `GET /api/calibration/:deviceId` answers. */
export const CommunityCalibrationSchema = z.object({
  deviceId: z.string().max(200),
  /** WebGPU GEMV bandwidth uploaded for this device, GB/s. */
  webgpuGBs: Aggregate,
  /** llama.cpp decode: η (fraction of spec bandwidth reached), all backends and by backend. */
  decodeEta: z.object({ all: Aggregate, byBackend: ByBackend }),
  /** llama.cpp decode efficiency: measured ÷ the estimate for the run's scenario. */
  decodeEfficiency: z.object({ all: Aggregate, byBackend: ByBackend }),
  /**
   * llama.cpp prefill efficiency: measured ÷ the estimate for the run's scenario with the community η of its
   * backend (`communityEta`; spec-sheet η while there is none), the η an estimate carries beside it.
   */
  prefillEfficiency: z.object({ all: Aggregate, byBackend: ByBackend }),
  /**
   * llama.cpp decode bandwidth (η × spec) ÷ the same upload's WebGPU bandwidth, over every device, by
   * "vendor/backend" (vendor as the WebGPU adapter reports it, lower case).
   */
  webgpuToLlama: ByBackend,
});
export type CommunityCalibration = z.infer<typeof CommunityCalibrationSchema>;

/** Schema bounds of the fields a community calibration sets (estimate/scenario.ts `CalibrationSchema`). */
const ETA_RANGE = [0.05, 1.2] as const;
const PREFILL_EFFICIENCY_MAX = 10;
const SPREAD_MAX = 5;

type ByBackendAggregates = CommunityCalibration['decodeEta'];

/** `backend`'s aggregate when it has enough sources, else that of all backends when it has; with its label. */
function pick(
  group: ByBackendAggregates,
  backend: string | undefined,
  minSources: number,
): { agg: RobustAggregate; which: string } | undefined {
  const forBackend = backend === undefined ? undefined : group.byBackend[backend];
  if (forBackend !== undefined && forBackend.sources >= minSources)
    return { agg: forBackend, which: ` ${backend}` };
  const all = group.all;
  return all !== undefined && all.sources >= minSources ? { agg: all, which: '' } : undefined;
}

/**
 * The η an estimate on `backend` takes from the community (the decode η aggregate of that backend, else of all
 * backends, with MIN_COMMUNITY_SOURCES sources; clamped to the schema's range), or undefined. The server
 * measures each prefill run against the estimate with this η (prefill-efficiency.ts), the one the estimate
 * will carry beside the prefill efficiency.
 */
export function communityEta(
  decodeEta: ByBackendAggregates,
  backend: string | undefined,
  minSources = MIN_COMMUNITY_SOURCES,
): number | undefined {
  const picked = pick(decodeEta, backend, minSources);
  return picked === undefined ? undefined : clampEta(picked.agg.median);
}

const clampEta = (eta: number): number => Math.min(Math.max(eta, ETA_RANGE[0]), ETA_RANGE[1]);

/** Relative spread of the kept sources, (p75 − p25) ÷ median: what widens the band (uncertainty/spread.ts). */
const spreadOf = (agg: RobustAggregate): number => Math.min((agg.p75 - agg.p25) / agg.median, SPREAD_MAX);

/**
 * The calibration an estimate takes from the community aggregate of its device, for `backend` where that
 * backend has enough sources, else over all backends: decode η (the median of the sources' η) with its
 * relative spread, and prefill efficiency (the median of the sources' measured ÷ predicted prefill at that η) with its
 * spread; the spreads widen the decode and prefill bands. Each part needs MIN_COMMUNITY_SOURCES sources;
 * undefined when neither has them. The source text says "calibrated by N uploaded runs" and the p25–p75.
 */
export function communityCalibration(
  community: CommunityCalibration,
  backend?: string,
  minSources = MIN_COMMUNITY_SOURCES,
): Calibration | undefined {
  const decode = pick(community.decodeEta, backend, minSources);
  const prefill = pick(community.prefillEfficiency, backend, minSources);
  if (decode === undefined && prefill === undefined) return undefined;
  const parts: string[] = [];
  let calibration: Calibration = {};
  if (decode !== undefined) {
    const { agg, which } = decode;
    const eta = clampEta(agg.median);
    calibration = { eta, decodeSpread: spreadOf(agg) };
    parts.push(
      `calibrated by ${agg.runs} uploaded runs from ${agg.sources} sources${which}: η ${eta.toFixed(2)} (p25-p75 ${agg.p25.toFixed(2)}-${agg.p75.toFixed(2)})`,
    );
  }
  if (prefill !== undefined) {
    const { agg, which } = prefill;
    const efficiency = Math.min(agg.median, PREFILL_EFFICIENCY_MAX);
    calibration = { ...calibration, prefillEfficiency: efficiency, prefillSpread: spreadOf(agg) };
    const what = `prefill ×${efficiency.toFixed(2)} of the physics estimate (p25-p75 ${agg.p25.toFixed(2)}-${agg.p75.toFixed(2)})`;
    parts.push(
      decode === undefined
        ? `calibrated by ${agg.runs} uploaded runs from ${agg.sources} sources${which}: ${what}`
        : `${what} from ${agg.runs} runs`,
    );
  }
  return { ...calibration, source: parts.join('; ') };
}

/**
 * For a visitor who ran only the WebGPU benchmark: its measured WebGPU bandwidth × the learned WebGPU →
 * llama.cpp ratio for its adapter vendor and backend, as the effective decode bandwidth. Undefined without
 * enough sources.
 */
export function webgpuRatioCalibration(
  community: Pick<CommunityCalibration, 'webgpuToLlama'>,
  vendor: string,
  backend: string,
  webgpuGBs: number,
  minSources = MIN_COMMUNITY_SOURCES,
): Calibration | undefined {
  const agg = community.webgpuToLlama[`${vendor.toLowerCase()}/${backend}`];
  if (agg === undefined || agg.sources < minSources || !(webgpuGBs > 0)) return undefined;
  return {
    gpuBandwidthGBs: webgpuGBs * agg.median,
    source: `WebGPU ${webgpuGBs.toFixed(1)} GB/s × ${agg.median.toFixed(2)} (the WebGPU → llama.cpp ${backend} ratio of ${agg.sources} ${vendor} uploads)`,
  };
}
