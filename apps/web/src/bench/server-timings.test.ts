import { estimateDetailed } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { calibrationFromServerTimings } from './server-timings.js';

const model = 'llama-3.1-8b';
const quant = 'Q4_K_M';
const device = 'geforce-rtx-4090';
const [cached, prompt, generated] = [0, 1000, 200];

/** What llama-server answers for a device whose decode reaches η 0.7 and whose prefill runs at 0.8 × the model. */
function timings(decodeTs?: number) {
  const truth = { eta: 0.7, prefillEfficiency: 0.8 };
  const base = { model, quant, device, gpuLayers: 999, offload: 'layers' as const };
  const decode = estimateDetailed({
    ...base,
    contextTokens: prompt + generated,
    depthTokens: prompt,
    promptTokens: prompt,
    generatedTokens: generated,
    calibration: truth,
  }).decodeTokensPerSecond;
  const prefill = estimateDetailed({
    ...base,
    contextTokens: prompt + generated,
    promptTokens: prompt,
    generatedTokens: generated,
    calibration: truth,
  }).prefillTokensPerSecond;
  const ts = decodeTs ?? decode;
  return {
    cache_n: cached,
    prompt_n: prompt,
    prompt_ms: (prompt / prefill) * 1000,
    prompt_per_token_ms: 1000 / prefill,
    prompt_per_second: prefill,
    predicted_n: generated,
    predicted_ms: (generated / ts) * 1000,
    predicted_per_token_ms: 1000 / ts,
    predicted_per_second: ts,
  };
}

describe('llama-server timings calibrate the page', () => {
  it('recover η from predicted_per_second and prefill efficiency from prompt_per_second', () => {
    const {
      calibration,
      timings: kept,
      usedDecode,
      usedPrefill,
    } = calibrationFromServerTimings(JSON.stringify(timings()), model, quant, device);
    // η is solved from the bytes of one token at the breakdown's depth, as llama-bench points are, while the
    // decode figure averages the cache's growth over the 200 generated tokens: agreement to ±0.005.
    expect(calibration.eta).toBeCloseTo(0.7, 2);
    expect(calibration.prefillEfficiency).toBeCloseTo(0.8, 2);
    expect([usedDecode, usedPrefill]).toEqual([1, 1]);
    expect(kept[0]).toMatchObject({ model, device, predicted_n: generated });
    expect(calibration.source).toMatch(
      /^llama-server tg on GeForce RTX 4090: Llama 3\.1 8B Q4_K_M \d+\.\d tok\/s → η 0\.70, t0 [\d.]+ ms \(one-point\); 1 pp runs → prefill ×0\.80$/,
    );
  });

  it('reads a whole completion answer, or several timings as JSONL', () => {
    const answer = JSON.stringify({ content: 'Hello', timings: timings() });
    expect(calibrationFromServerTimings(answer, model, quant, device).calibration.eta).toBeCloseTo(0.7, 2);
    const lines = [timings(), timings()].map((t) => JSON.stringify(t)).join('\n');
    expect(calibrationFromServerTimings(lines, model, quant, device).usedDecode).toBe(2);
  });

  it('refuses a decode faster than the memory allows, and says what it takes when it is not timings', () => {
    expect(() => calibrationFromServerTimings(JSON.stringify(timings(2000)), model, quant, device)).toThrow(
      /faster than its memory allows/,
    );
    expect(() => calibrationFromServerTimings('{"content": "hi"}', model, quant, device)).toThrow(
      /llama-server timings 1: prompt_n: .*It takes the "timings" object/,
    );
    expect(() => calibrationFromServerTimings('not json', model, quant, device)).toThrow(
      /line 1 is not JSON/,
    );
  });
});
