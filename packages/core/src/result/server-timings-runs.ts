/**
 * @module result/server-timings-runs — llama-server `timings` as runs: each timing's decode (`predicted_n`
 * tokens at `predicted_per_second`, after the cached prefix and the prompt) becomes a tg run and its prompt
 * processing (`prompt_n` tokens at `prompt_per_second`, after the cached prefix) a pp run, matched to the
 * catalog model and quant the uploader named (`model`, `quant`, else the quant tag of a `.gguf` file name) and
 * the device it names (else the document's claimed device), all layers on the accelerator as llama-server
 * offloads them by default (`-ngl auto`). Each is then held to the same check as a llama-bench run
 * (`checkMatchedRun`), so both calibrate alike.
 */

import { defaultBackend } from '../device/default-backend.js';
import type { Device } from '../device/device.js';
import { findDevice } from '../device/find-device.js';
import type { ModelArchitecture } from '../model/architecture.js';
import { findModel } from '../model/find-model.js';
import { findQuant, isKnownQuant } from '../quant/quant-mixes.js';
import { type LlamaServerTimings, serverTimingsSpeeds } from './llama-runs.js';
import {
  checkMatchedRun,
  type LlamaRunCheck,
  type LlamaRunMatch,
  llamaRunBackend,
  llamaRunQuant,
} from './match-llama-run.js';

/** A timing's part as a run: what it measured, the tokens before it and the tokens it timed. */
export interface ServerTimingsRun {
  readonly kind: 'tg' | 'pp';
  /** Tokens in the context before the timed ones (cached prefix, and for decode the prompt). */
  readonly depth: number;
  /** Tokens timed: `predicted_n` (tg) or `prompt_n` (pp). */
  readonly tokens: number;
  readonly check: LlamaRunCheck;
}

/** The catalog model, quant and device a timing names, or why not. */
function matchTimings(
  t: LlamaServerTimings,
  fallbackDeviceId: string | undefined,
): { model: ModelArchitecture; quant: string; device: Device } | string {
  const file = t.model.split(/[\\/]/).pop() ?? t.model;
  let model: ModelArchitecture;
  try {
    model = findModel(file);
  } catch {
    return `no catalog model matches "${file}"`;
  }
  const quant =
    t.quant !== undefined
      ? isKnownQuant(t.quant)
        ? findQuant(t.quant).name
        : undefined
      : llamaRunQuant({ model_filename: file, model_type: '' });
  if (quant === undefined) return `the quant of "${file}" is not named (${t.quant ?? 'no quant field'})`;
  const deviceName = t.device ?? fallbackDeviceId;
  if (deviceName === undefined) return 'no device is named';
  try {
    return { model, quant, device: findDevice(deviceName) };
  } catch {
    return `no catalog device is "${deviceName}"`;
  }
}

/**
 * The tg and pp runs of one llama-server timing (each present when the timing holds that speed), matched and
 * checked; an unmatched timing gives its runs with the reason in `check.match` (not refused, calibrates nothing).
 */
export function serverTimingsRuns(t: LlamaServerTimings, fallbackDeviceId?: string): ServerTimingsRun[] {
  const speeds = serverTimingsSpeeds(t);
  const matched = matchTimings(t, fallbackDeviceId);
  const cached = t.cache_n ?? 0;
  const prompt = Math.max(1, t.prompt_n);
  const generated = Math.max(1, t.predicted_n);
  const parts = [
    ...(speeds.decode === undefined
      ? []
      : [{ kind: 'tg' as const, measured: speeds.decode, depth: cached + t.prompt_n, tokens: generated }]),
    ...(speeds.prefill === undefined || t.prompt_n < 1
      ? []
      : [{ kind: 'pp' as const, measured: speeds.prefill, depth: cached, tokens: prompt }]),
  ];
  return parts.map(({ kind, measured, depth, tokens }) => {
    if (typeof matched === 'string') {
      return { kind, depth, tokens, check: { match: { matched: false, reason: matched }, measured } };
    }
    const { model, quant, device } = matched;
    const backend = t.backend === undefined ? defaultBackend(device) : llamaRunBackend(t.backend);
    const match: LlamaRunMatch = {
      matched: true,
      model,
      quant,
      device,
      backend,
      kind,
      scenario: {
        model: model.id,
        quant,
        device: device.id,
        backend,
        contextTokens: cached + prompt + generated,
        depthTokens: depth,
        promptTokens: prompt,
        generatedTokens: generated,
        gpuLayers: backend === 'cpu' ? 0 : 999,
        offload: 'layers',
      },
    };
    const test = `llama-server ${kind === 'tg' ? `decode of ${tokens}` : `prompt of ${tokens}`} tokens`;
    return { kind, depth, tokens, check: checkMatchedRun(match, measured, test) };
  });
}
