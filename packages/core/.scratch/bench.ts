import { gemma4Fixture, gemma4Shapes } from '../test/weights-fixtures.js';
import { findQuant, quantizeTensors, resolveScenario, estimateResolved, reconfigure } from '../src/index.js';
const { tensors, arch } = gemma4Fixture(gemma4Shapes['gemma-4-31b']!);
const q = quantizeTensors(tensors, findQuant('Q4_K_M'), { ...arch, slidingWindow: 1024 });
for (const dev of ['RTX 4090', 'rtx 3060 12gb']) {
const r = resolveScenario({ model: 'x', quant: 'Q4_K_M', device: dev, host: { ramGB: 64 } }, { model: { ...arch, slidingWindow: 1024 }, tensors: q, quantName: 'Q4_K_M' });
const vs = [4096, 8192, 16384].map(c => reconfigure(r, { contextTokens: c }));
for (let i = 0; i < 50000; i++) estimateResolved(vs[i % 3]!, { advice: false });
const n = 500000; let s = 0; const t = performance.now();
for (let i = 0; i < n; i++) s += estimateResolved(vs[i % 3]!, { advice: false }).decodeTokensPerSecond;
const dt = (performance.now() - t) / 1000;
console.log(dev, Math.round(n / dt), 'est/s', s > 0);
}
