/**
 * @module bench/llama-bench — calibrating decode from tokens/s the user measured with llama-bench (`tg128`,
 * all layers on the GPU): each entry becomes the bytes its model reads per token (core's estimate of the same
 * model, quant and device) and its measured speed; core's `fitDecodeFromLlamaBench` turns them into η and t0.
 */
import {
  type Calibration,
  CliffbenchError,
  calibrationFromLlamaRuns,
  estimateDetailed,
  findDevice,
  fitDecodeFromLlamaBench,
  type LlamaBenchRun,
  parseLlamaBenchOutput,
} from '@cliffbench/core';

/** One llama-bench result the user entered. */
export interface LlamaBenchEntry {
  readonly model: string;
  readonly quant: string;
  /** `tg128` tokens/s. */
  readonly tokensPerSecond: number;
}

/** llama-bench's defaults: 512 prompt tokens, 128 generated (tools/llama-bench/README.md in ggml-org/llama.cpp). */
const LLAMA_BENCH = { promptTokens: 512, generatedTokens: 128 } as const;

/** A calibration (η, t0 and its source) from llama-bench entries on `deviceId`. Throws CliffbenchError. */
export function calibrationFromLlamaBench(
  deviceId: string,
  entries: readonly LlamaBenchEntry[],
): Calibration {
  if (entries.length === 0) {
    throw new CliffbenchError(
      'fit-failed',
      'Enter at least one llama-bench tg128 result (model, quant, tokens/s).',
    );
  }
  const device = findDevice(deviceId);
  let t0 = 0;
  const points = entries.map((entry) => {
    const e = estimateDetailed({
      model: entry.model,
      quant: entry.quant,
      device: device.id,
      contextTokens: LLAMA_BENCH.promptTokens + LLAMA_BENCH.generatedTokens,
      generatedTokens: LLAMA_BENCH.generatedTokens,
      promptTokens: LLAMA_BENCH.promptTokens,
      gpuLayers: 999,
      offload: 'layers',
    });
    if (!e.fits || (e.regime !== 'gpu' && e.regime !== 'unified')) {
      throw new CliffbenchError(
        'fit-failed',
        `${entry.model} ${entry.quant} does not fit in ${device.name}'s memory, so llama-bench did not run it all on the GPU; use a model that fits.`,
      );
    }
    t0 = e.breakdown.t0Seconds;
    const d = e.breakdown.decode;
    return { bytesPerToken: d.weightBytes + d.kvBytes, tokensPerSecond: entry.tokensPerSecond };
  });
  const fit = fitDecodeFromLlamaBench(points, device.bandwidthGBs, t0);
  const what = entries.map((e) => `${e.model} ${e.quant} ${e.tokensPerSecond} tok/s`).join(', ');
  return {
    eta: fit.eta,
    t0Seconds: fit.t0Seconds,
    source: `llama-bench tg128 on ${device.name}: ${what} → η ${fit.eta.toFixed(2)}, t0 ${(fit.t0Seconds * 1e3).toFixed(1)} ms (${fit.method})`,
  };
}

/**
 * A calibration from `llama-bench -o json` / `-o jsonl` output pasted or dropped as it is: its tg runs of
 * catalog models on `deviceId`, each checked against physics first (core's `calibrationFromLlamaRuns`), and
 * the runs, which the result on display then carries. Throws CliffbenchError naming a refused run.
 */
export function calibrationFromPastedJson(
  deviceId: string,
  text: string,
): { readonly calibration: Calibration; readonly runs: LlamaBenchRun[]; readonly used: number } {
  const runs = parseLlamaBenchOutput(text);
  const fit = calibrationFromLlamaRuns(runs, deviceId);
  return { calibration: fit.calibration, runs, used: fit.used };
}
