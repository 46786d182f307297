/**
 * `npm run bench:tune -w @cliffbench/core`: how long the settings tuner takes — the search alone and with the
 * alternatives (smaller quants, smaller models of the family) — for catalog models on an RTX 3060 12GB.
 */
import { resolveScenario, tuneResolved } from '../src/index.js';

const cases = [
  ['gemma-4-26b-a4b', 32768],
  ['gemma-4-31b', 32768],
  ['qwen3-30b-a3b', 8192],
  ['llama-3-70b', 8192],
] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function time(run: () => unknown, repeats: number): number {
  run(); // warm-up: JIT, memoised quant alternatives
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

console.log('model               context  estimates  search ms  with alternatives ms');
for (const [model, contextTokens] of cases) {
  const r = resolveScenario({
    model,
    quant: 'Q4_K_M',
    device: 'RTX 3060 12GB',
    host: { ramGB: 32, ramBandwidthGBs: 51.2 },
    contextTokens,
  });
  const evaluations = tuneResolved(r, { alternatives: false }).evaluations;
  const search = time(() => tuneResolved(r, { alternatives: false }), 30);
  const full = time(() => tuneResolved(r, {}), 10);
  console.log(
    `${model.padEnd(19)} ${String(contextTokens).padStart(7)}  ${String(evaluations).padStart(9)}  ${search.toFixed(2).padStart(9)}  ${full.toFixed(2).padStart(20)}`,
  );
}
