/**
 * `npm run bench -w packages/core`: how many full estimates per second `estimateResolved` does for a
 * 60-layer model (Gemma 4 31B) on one core, at a fitting and a partially offloaded placement. Target: ≥ 200,000
 * estimates/s. The CLI's start-up is `npm run bench:cli`.
 */
import { estimateResolved, type ResolvedScenario, reconfigure, resolveScenario } from '../src/index.js';

function rate(label: string, r: ResolvedScenario, variants: readonly ResolvedScenario[]): void {
  // Warm up the JIT, then time batches until at least a second has passed.
  for (let i = 0; i < 20000; i++)
    estimateResolved(variants[i % variants.length] as ResolvedScenario, { advice: false });
  let count = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1.5) {
    for (let i = 0; i < 10000; i++) {
      const e = estimateResolved(variants[i % variants.length] as ResolvedScenario, { advice: false });
      // Read what a caller reads, so no part of the result can be optimised away.
      sink +=
        e.decodeTokensPerSecond +
        e.band.low +
        e.memory.deviceBytes * 1e-12 +
        e.basis.length +
        e.warnings.length;
    }
    count += 10000;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const perSecond = count / elapsed;
  console.log(
    `${label.padEnd(46)} ${Math.round(perSecond).toLocaleString('en-US').padStart(10)} estimates/s  (${((elapsed / count) * 1e6).toFixed(2)} µs each; ${r.sums.layerCount} layers; checksum ${sink.toExponential(3)})`,
  );
}

const base = resolveScenario({
  model: 'gemma-4-31b',
  quant: 'Q4_K_M',
  device: 'RTX 4090',
  host: { ramGB: 64 },
  contextTokens: 8192,
});
const contexts = [4096, 8192, 16384, 32768].map((c) => reconfigure(base, { contextTokens: c }));
rate('Gemma 4 31B Q4_K_M on RTX 4090 (fits)', base, contexts);

const offload = resolveScenario({
  model: 'gemma-4-31b',
  quant: 'Q4_K_M',
  device: 'rtx 3060 12gb',
  host: { ramGB: 32 },
});
rate(
  'Gemma 4 31B Q4_K_M on RTX 3060 12GB (auto-fit)',
  offload,
  [4096, 8192].map((c) => reconfigure(offload, { contextTokens: c })),
);

const moe = resolveScenario({
  model: 'gemma-4-26b-a4b',
  quant: 'Q4_K_M',
  device: 'rtx 3060 12gb',
  host: { ramGB: 32 },
});
rate('Gemma 4 26B A4B Q4_K_M on RTX 3060 (experts)', moe, [moe]);
