/**
 * @module bench/server-timings — calibrating the page's estimate from llama-server's `timings` (the object
 * each completion answers with, tools/server in ggml-org/llama.cpp: `prompt_n`, `prompt_ms`,
 * `prompt_per_second`, `predicted_n`, `predicted_ms`, `predicted_per_second`, `cache_n`), as llama-bench runs
 * do: decode η from `predicted_per_second` and prefill efficiency from `prompt_per_second`, each timing
 * estimated with its own prompt, cached prefix and generated length for the model and quant the user names
 * (llama-server's timings do not name it). Each timing is held to core's physics check first, the one the
 * server applies to uploads: a decode faster than reading its bytes at spec bandwidth or far outside the
 * estimate's band is refused.
 */
import {
  type Calibration,
  CliffbenchError,
  calibrationFromChecks,
  findDevice,
  findModel,
  type LlamaServerTimings,
  LlamaServerTimingsSchema,
  serverTimingsRuns,
} from '@cliffbench/core';

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

export interface ServerTimingsCalibration {
  readonly calibration: Calibration;
  /** The timings as the result carries them (model, quant and device named). */
  readonly timings: LlamaServerTimings[];
  readonly usedDecode: number;
  readonly usedPrefill: number;
}

/**
 * The calibration pasted llama-server timings of `modelId` `quant` on `deviceId` support: each timing becomes a
 * decode and a prompt run matched and physics-checked as the server checks uploads (core's `serverTimingsRuns`),
 * then η, t0 and prefill efficiency are fitted as from llama-bench runs (core's `calibrationFromChecks`). Throws
 * CliffbenchError for unreadable timings, or when no physically possible decode of the model fully on the
 * device remains (the refused ones say why).
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
  const checks = timings.flatMap((t) => serverTimingsRuns(t, device.id).map((run) => run.check));
  const fit = calibrationFromChecks(checks, device.id, 'llama-server');
  return { calibration: fit.calibration, timings, usedDecode: fit.used, usedPrefill: fit.usedPrefill };
}
