/**
 * `npm run bench -w @cliffbench/web`: how long the page takes to recompute everything it shows after an input
 * change (the estimate, three cliff curves and the 20-row Gemma 4 table) — the goal is < 16 ms (one frame).
 */
import { compute } from '../src/estimate/compute.js';
import { DEFAULT_INPUTS, type Inputs } from '../src/state/url-state.js';

const cases: [string, Inputs][] = [
  ['Gemma 4 31B Q4_K_M on an RTX 3060 12GB (offload)', { ...DEFAULT_INPUTS, model: 'gemma-4-31b' }],
  ['Gemma 4 26B A4B Q4_K_M on an RTX 3060 12GB (experts)', DEFAULT_INPUTS],
  [
    'Gemma 4 E4B on an Apple M3 Max 128GB',
    { ...DEFAULT_INPUTS, model: 'gemma-4-e4b', device: 'Apple M3 Max (40-core GPU) 128GB' },
  ],
];
for (const [label, inputs] of cases) {
  compute(inputs);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    compute({ ...inputs, contextTokens: 4096 * (1 + (i % 8)) });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(56)} median ${times[15]?.toFixed(2)} ms, p90 ${times[27]?.toFixed(2)} ms`);
}
