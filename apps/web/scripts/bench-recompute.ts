/**
 * `npm run bench -w @cliffbench/web`: how long the estimate view takes to recompute what it shows after an
 * input change — the estimate and three cliff curves (spec, and measured beside them when calibrated) plus
 * the 25-row Gemma 4 table — through the same cache the page uses. The goal is < 16 ms (one frame).
 * Prints median and 90th percentile per kind of change; run on an idle machine for stable figures.
 */
import { findDevice } from '@cliffbench/core';
import { calibrationFor, compute } from '../src/estimate/compute.js';
import { gemmaTable } from '../src/estimate/gemma-table.js';
import { clearResolvedCache } from '../src/estimate/resolved-cache.js';
import type { PageCalibration } from '../src/state/page-calibration.js';
import { DEFAULT_INPUTS, type Inputs } from '../src/state/url-state.js';

const REPEATS = 40;

function stats(times: number[]): string {
  const t = [...times].sort((a, b) => a - b);
  const at = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))] ?? Number.NaN;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms`;
}

/** What the page does on an input change: estimate + curves, and the table when its inputs changed. */
function recompute(inputs: Inputs, page: PageCalibration | undefined, tableToo: boolean): void {
  const c = compute(inputs, undefined, page);
  if (tableToo) gemmaTable(inputs, calibrationFor(c.device, page));
}

const seed: Inputs = { ...DEFAULT_INPUTS, model: 'gemma-4-31b', device: 'geforce-rtx-3060-12gb' };
const rtx = findDevice(seed.device);
const calibrated: PageCalibration = { deviceId: rtx.id, calibration: { gpuBandwidthGBs: 300, pcieGBs: 20 } };
const contexts = [4096, 8192, 16384, 32768, 65536, 131072];
const models = ['gemma-4-31b', 'gemma-4-26b-a4b', 'gemma-4-e4b', 'gemma-4-12b'];
const devices = ['geforce-rtx-3060-12gb', 'geforce-rtx-4090', 'apple-m3-max-40c-128gb', 'radeon-rx-7900-xtx'];

/** A change: the inputs after it, whether the table recomputes, and whether the cache starts empty. */
type Change = (i: number) => [Inputs, boolean, boolean?];

const changes: [string, Change][] = [
  [
    'context (estimate + curves + table)',
    (i) => [{ ...seed, contextTokens: contexts[i % contexts.length] ?? 8192 }, true],
  ],
  ['GPU layers (estimate + curves)', (i) => [{ ...seed, gpuLayers: (i * 7) % 61 }, false]],
  ['model (estimate + curves)', (i) => [{ ...seed, model: models[i % models.length] ?? seed.model }, false]],
  [
    'device seen before (+ table)',
    (i) => [{ ...seed, device: devices[i % devices.length] ?? seed.device }, true],
  ],
  [
    'device never seen (+ table, cold cache)',
    (i) => [{ ...seed, device: devices[i % devices.length] ?? seed.device }, true, true],
  ],
];

for (const [label, page] of [
  ['spec only', undefined],
  ['calibrated (spec and measured)', calibrated],
] as const) {
  console.log(`\n${label}`);
  for (const [what, make] of changes) {
    for (let i = 0; i < 8; i++) {
      const [inputs, tableToo] = make(i);
      recompute(inputs, page, tableToo);
    }
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const [inputs, tableToo, cold] = make(i);
      if (cold) clearResolvedCache();
      const start = performance.now();
      recompute(inputs, page, tableToo);
      times.push(performance.now() - start);
    }
    console.log(`  ${what.padEnd(40)} ${stats(times)}`);
  }
}
