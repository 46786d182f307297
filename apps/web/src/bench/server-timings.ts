/**
 * @module bench/server-timings — calibrating the page's estimate from llama-server's `timings` (the object
 * each completion answers with, tools/server in ggml-org/llama.cpp: `prompt_n`, `prompt_ms`,
 * `prompt_per_second`, `predicted_n`, `predicted_ms`, `predicted_per_second`, `cache_n`), as llama-bench runs
 * do: decode η from `predicted_per_second` and prefill efficiency from `prompt_per_second`, each timing
 * estimated with its own prompt, cached prefix and generated length for the model and quant the user names
 * (llama-server's timings do not name it). Each timing is held to core's physics check first: a decode faster
 * than reading its bytes at spec bandwidth (× PHYSICS_MARGIN) or BAND_FACTOR outside the estimate is refused.
 */
import {
  BAND_FACTOR,
  type Calibration,
  CliffbenchError,
  estimateDetailed,
  findDevice,
  findModel,
  fitDecodeFromLlamaBench,
  type LlamaServerTimings,
  LlamaServerTimingsSchema,
  median,
  PHYSICS_MARGIN,
  type ScenarioInput,
  serverTimingsSpeeds,
} from '@cliffbench/core';

/** `CalibrationSchema` caps `source` at 300 characters. */
const MAX_SOURCE = 300;
/** As many timings as the result schema holds. */
const MAX_TIMINGS = 100;

function fail(message: string): never {
  throw new CliffbenchError('invalid-result', message);
}

/** Timings objects from pasted text: one object, a completion answer carrying `timings`, an array or JSONL. */
function timingsRecords(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') fail('No llama-server timings: paste the "timings" object of a completion answer.');
  let records: unknown[];
  try {
    const whole: unknown = JSON.parse(trimmed);
    records = Array.isArray(whole) ? whole : [whole];
  } catch {
    records = trimmed
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return fail(
            `Not llama-server JSON: line ${i + 1} is not JSON. Paste the "timings" object as the server sent it.`,
          );
        }
      });
  }
  if (records.length > MAX_TIMINGS)
    fail(`At most ${MAX_TIMINGS} llama-server timings at once, got ${records.length}.`);
  return records.map((r) =>
    typeof r === 'object' && r !== null && 'timings' in r ? (r as { timings: unknown }).timings : r,
  );
}

/** Parses pasted timings, stamping the model, quant and device the user names on each. */
export function parseServerTimings(
  text: string,
  modelId: string,
  quant: string,
  deviceId: string,
): LlamaServerTimings[] {
  return timingsRecords(text).map((record, i) => {
    const parsed = LlamaServerTimingsSchema.safeParse(
      typeof record === 'object' && record !== null
        ? { ...record, model: modelId, quant, device: deviceId }
        : record,
    );
    if (parsed.success) return parsed.data;
    return fail(
      `llama-server timings ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'value'}: ${x.message}`).join('; ')}. It takes the "timings" object (prompt_n, prompt_ms, predicted_n, predicted_ms, …).`,
    );
  });
}

/** The scenario of one timing: its decode runs after the cached prefix and the prompt, its prompt after the prefix. */
function scenarioOf(
  t: LlamaServerTimings,
  quant: string,
  deviceId: string,
  part: 'decode' | 'prefill',
): ScenarioInput {
  const cached = t.cache_n ?? 0;
  const prompt = Math.max(1, t.prompt_n);
  const generated = Math.max(1, t.predicted_n);
  return {
    model: t.model,
    quant,
    device: deviceId,
    contextTokens: cached + prompt + generated,
    depthTokens: part === 'decode' ? cached + prompt : cached,
    promptTokens: prompt,
    generatedTokens: generated,
    gpuLayers: 999,
    offload: 'layers',
  };
}

export interface ServerTimingsCalibration {
  readonly calibration: Calibration;
  /** The timings as the result carries them (model and device named). */
  readonly timings: LlamaServerTimings[];
  readonly usedDecode: number;
  readonly usedPrefill: number;
}

/**
 * The calibration pasted llama-server timings of `modelId` `quant` on `deviceId` support: η (median over the
 * timings, each solved with the backend's t0 as one llama-bench point is) and prefill efficiency (median of
 * measured ÷ the estimate with that η). Throws CliffbenchError for unreadable or physically impossible
 * timings, or a model that does not fit on the device.
 */
export function calibrationFromServerTimings(
  text: string,
  modelId: string,
  quant: string,
  deviceId: string,
): ServerTimingsCalibration {
  const model = findModel(modelId);
  const device = findDevice(deviceId);
  const timings = parseServerTimings(text, model.id, quant, device.id);
  const label = `${model.name} ${quant} on ${device.name}`;
  const etas: number[] = [];
  let t0Seconds = 0;
  for (const t of timings) {
    const decode = serverTimingsSpeeds(t).decode;
    if (decode === undefined) continue;
    const e = estimateDetailed(scenarioOf(t, quant, device.id, 'decode'));
    if (!e.fits || (e.regime !== 'gpu' && e.regime !== 'unified')) {
      fail(`${label} does not fit in the device's memory, so these timings cannot calibrate its bandwidth.`);
    }
    const bytes = e.breakdown.decode.weightBytes + e.breakdown.decode.kvBytes;
    const ceiling = (e.breakdown.bandwidths.gpuGBs * 1e9) / bytes;
    if (decode > PHYSICS_MARGIN * ceiling) {
      fail(
        `${decode.toFixed(1)} tok/s decode of ${label} is faster than its memory allows (${ceiling.toFixed(1)} tok/s reads each token's bytes at spec bandwidth, ×${PHYSICS_MARGIN} margin).`,
      );
    }
    if (decode > e.band.high * BAND_FACTOR || decode < e.band.low / BAND_FACTOR) {
      fail(
        `${decode.toFixed(1)} tok/s decode of ${label} is far outside the estimate's band ${e.band.low.toFixed(1)}-${e.band.high.toFixed(1)} tok/s (more than ×${BAND_FACTOR}); is the model or quant right?`,
      );
    }
    t0Seconds = e.breakdown.t0Seconds;
    const fit = fitDecodeFromLlamaBench(
      [{ bytesPerToken: bytes, tokensPerSecond: decode }],
      e.breakdown.bandwidths.gpuGBs,
      t0Seconds,
    );
    etas.push(fit.eta);
  }
  const decodeCalibration: Calibration = etas.length === 0 ? {} : { eta: median(etas), t0Seconds };
  const efficiencies: number[] = [];
  for (const t of timings) {
    const prefill = serverTimingsSpeeds(t).prefill;
    if (prefill === undefined || t.prompt_n < 1) continue;
    const predicted = estimateDetailed({
      ...scenarioOf(t, quant, device.id, 'prefill'),
      calibration: decodeCalibration,
    }).prefillTokensPerSecond;
    const efficiency = prefill / predicted;
    if (efficiency > BAND_FACTOR || efficiency < 1 / BAND_FACTOR) {
      fail(
        `${prefill.toFixed(1)} tok/s prompt processing of ${label} is ${efficiency.toFixed(2)}× the estimate (${predicted.toFixed(1)} tok/s), outside ${(1 / BAND_FACTOR).toFixed(2)}-${BAND_FACTOR}×; is the model or quant right?`,
      );
    }
    efficiencies.push(efficiency);
  }
  if (etas.length === 0 && efficiencies.length === 0) {
    fail(
      'These llama-server timings hold no decode (predicted_n, predicted_ms) or prompt (prompt_n, prompt_ms) speed.',
    );
  }
  const prefillEfficiency = efficiencies.length === 0 ? undefined : median(efficiencies);
  const parts = [
    ...(decodeCalibration.eta === undefined
      ? []
      : [`${etas.length} decode → η ${decodeCalibration.eta.toFixed(2)}`]),
    ...(prefillEfficiency === undefined
      ? []
      : [`${efficiencies.length} prompt → prefill ×${prefillEfficiency.toFixed(2)}`]),
  ];
  const source = `llama-server timings of ${label}: ${parts.join(', ')}`;
  return {
    calibration: {
      ...decodeCalibration,
      ...(prefillEfficiency === undefined ? {} : { prefillEfficiency }),
      source: source.length <= MAX_SOURCE ? source : `${source.slice(0, MAX_SOURCE - 1)}…`,
    },
    timings,
    usedDecode: etas.length,
    usedPrefill: efficiencies.length,
  };
}
