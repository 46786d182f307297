/**
 * @module calibration/calibration-from-llama-runs — η and t0 from llama-bench runs as llama-bench writes them
 * (`-o json`/`-o jsonl`), or from llama-server timings as runs (result/server-timings-runs.ts): each checked
 * generation (tg) run that matches a catalog model and device, runs every layer
 * on the accelerator and passes the physics check becomes one decode point (the bytes its own scenario reads
 * per token, at its file size, and its avg_ts); `fitDecodeFromLlamaBench` fits them. The device's prompt
 * processing (pp) runs that pass the check give the prefill efficiency: the median of measured ÷ the estimate
 * of each run's own scenario with the fitted η and t0 applied (prefill-efficiency.ts: the estimate applies it
 * on top of that η, so the two calibrations compose exactly).
 */
import { CliffbenchError } from '../errors.js';
import { estimateDetailed } from '../estimate/estimate.js';
import type { Calibration } from '../estimate/scenario.js';
import type { LlamaBenchRun } from '../result/llama-runs.js';
import { checkLlamaRun, type LlamaRunCheck } from '../result/match-llama-run.js';
import { median } from '../stats/sample-stats.js';
import { type DecodePoint, fitDecodeFromLlamaBench } from './fit-decode.js';
import { prefillEfficiencyOf } from './prefill-efficiency.js';

/** `CalibrationSchema` caps `source` at 300 characters. */
const MAX_SOURCE_CHARS = 300;

export interface LlamaRunsCalibration {
  readonly calibration: Calibration;
  /** The catalog device the runs calibrate. */
  readonly deviceId: string;
  /** Every run with its check, in input order (the refused and unused ones say why). */
  readonly checks: readonly LlamaRunCheck[];
  /** tg runs the decode fit used. */
  readonly used: number;
  /** pp runs behind the prefill efficiency (0: prefill left to the physics model). */
  readonly usedPrefill: number;
}

/** Median prefill efficiency (prefill-efficiency.ts) over `pp` runs, each against the estimate with `decode` applied. */
function medianPrefillEfficiency(pp: readonly LlamaRunCheck[], decode: Calibration): number | undefined {
  const ratios = pp.flatMap((c) =>
    c.match.matched ? [prefillEfficiencyOf(c.match.scenario, c.measured, decode)] : [],
  );
  return ratios.length === 0 ? undefined : median(ratios);
}

/**
 * The calibration a set of llama-bench runs supports for one device (`deviceId`, else the device most runs
 * matched). Throws CliffbenchError('fit-failed') when no tg run of a catalog model, all on the accelerator
 * and physically possible, remains; refused runs are named in the message.
 */
export function calibrationFromLlamaRuns(
  runs: readonly LlamaBenchRun[],
  deviceId?: string,
): LlamaRunsCalibration {
  return calibrationFromChecks(
    runs.map((run) => checkLlamaRun(run, deviceId)),
    deviceId,
    'llama-bench',
  );
}

/**
 * `calibrationFromLlamaRuns` over runs already matched and checked, from llama-bench (`tool` names it in the
 * messages and the source) or from llama-server timings (`serverTimingsRuns`).
 */
export function calibrationFromChecks(
  checks: readonly LlamaRunCheck[],
  deviceId: string | undefined,
  tool: 'llama-bench' | 'llama-server',
): LlamaRunsCalibration {
  const refused = checks.filter((c) => c.refused !== undefined);
  const usable = checks.filter(
    (c) =>
      c.refused === undefined &&
      c.match.matched &&
      c.match.kind === 'tg' &&
      (deviceId === undefined || c.match.device.id === deviceId),
  );
  const byDevice = new Map<string, LlamaRunCheck[]>();
  for (const c of usable) {
    if (!c.match.matched) continue;
    byDevice.set(c.match.device.id, [...(byDevice.get(c.match.device.id) ?? []), c]);
  }
  const [chosen, group] = [...byDevice.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (chosen === undefined || group === undefined) {
    const why = [
      ...refused.map((c) => c.refused as string),
      ...checks.filter((c) => !c.match.matched).map((c) => (c.match.matched ? '' : c.match.reason)),
    ].slice(0, 3);
    throw new CliffbenchError(
      'fit-failed',
      `No ${tool} generation (tg) run here can calibrate${deviceId === undefined ? '' : ` ${deviceId}`}: it needs a catalog model fully on one catalog device${why.length ? ` (${why.join('; ')})` : ''}.`,
      { refused: refused.map((c) => c.refused) },
    );
  }
  let t0 = 0;
  let specGBs = 0;
  let deviceName = chosen;
  const points: DecodePoint[] = [];
  for (const c of group) {
    if (!c.match.matched) continue;
    const e = estimateDetailed(c.match.scenario);
    if (!e.fits || (e.regime !== 'gpu' && e.regime !== 'unified')) continue;
    t0 = e.breakdown.t0Seconds;
    specGBs = e.breakdown.bandwidths.gpuGBs;
    deviceName = c.match.device.name;
    const d = e.breakdown.decode;
    points.push({ bytesPerToken: d.weightBytes + d.kvBytes, tokensPerSecond: c.measured });
  }
  if (points.length === 0) {
    throw new CliffbenchError(
      'fit-failed',
      `The ${tool} runs on ${deviceName} do not hold every layer on the accelerator, so they cannot fit its bandwidth efficiency.`,
    );
  }
  const fit = fitDecodeFromLlamaBench(points, specGBs, t0);
  const pp = checks.filter(
    (c) =>
      c.refused === undefined && c.match.matched && c.match.kind === 'pp' && c.match.device.id === chosen,
  );
  const decode: Calibration = { eta: fit.eta, t0Seconds: fit.t0Seconds };
  const prefillEfficiency = medianPrefillEfficiency(pp, decode);
  const prefillText =
    prefillEfficiency === undefined
      ? ''
      : `; ${pp.length} pp runs → prefill ×${prefillEfficiency.toFixed(2)}`;
  const what = group
    .slice(0, 4)
    .map((c) =>
      c.match.matched ? `${c.match.model.name} ${c.match.quant} ${c.measured.toFixed(1)} tok/s` : '',
    )
    .join(', ');
  const source = `${tool} tg on ${deviceName}: ${what}${group.length > 4 ? ` +${group.length - 4} more` : ''} → η ${fit.eta.toFixed(2)}, t0 ${(fit.t0Seconds * 1e3).toFixed(1)} ms (${fit.method})${prefillText}`;
  return {
    calibration: {
      ...decode,
      ...(prefillEfficiency === undefined ? {} : { prefillEfficiency }),
      source: source.length <= MAX_SOURCE_CHARS ? source : `${source.slice(0, MAX_SOURCE_CHARS - 1)}…`,
    },
    deviceId: chosen,
    checks,
    used: points.length,
    usedPrefill: prefillEfficiency === undefined ? 0 : pp.length,
  };
}
