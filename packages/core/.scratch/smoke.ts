import { gemma4Fixture, gemma4Shapes } from '../test/weights-fixtures.js';
import { findQuant, quantizeTensors } from '../src/index.js';
import { resolveScenario } from '../src/estimate/resolve-scenario.js';
import { estimateResolved } from '../src/estimate/estimate.js';

for (const [id, quant, extra] of [['gemma-4-31b','Q4_K_M',{}],['gemma-4-26b-a4b','Q4_K_M',{}],['gemma-4-e4b','Q4_K_M',{}],['gemma-4-26b-a4b','Q4_K_M',{offload:'layers'}]] as const) {
  const { tensors, arch } = gemma4Fixture(gemma4Shapes[id]!);
  const q = quantizeTensors(tensors, findQuant(quant), arch);
  const r = resolveScenario({ model: id, quant, device: 'rtx 3060 12gb', host: { ramGB: 32, ramBandwidthGBs: 51.2 }, ...extra }, { model: arch, tensors: q, quantName: quant });
  const e = estimateResolved(r);
  console.log(id, e.regime, e.decodeTokensPerSecond.toFixed(1), 'pp', e.prefillTokensPerSecond.toFixed(0), 'ttft', e.timeToFirstTokenSeconds.toFixed(2), e.placement, (e.memory.deviceBytes/2**30).toFixed(2), (e.memory.hostBytes/2**30).toFixed(2));
  console.log('  ', e.basis);
  for (const w of e.warnings) console.log('   -', w);
  console.log('   tiers', e.breakdown.tiers.map(t => `${t.tier}:${(t.weightBytes/1e9).toFixed(2)}GB/${(t.seconds*1e3).toFixed(1)}ms`).join(' '), 't0', (e.breakdown.t0Seconds*1e3).toFixed(2));
}
