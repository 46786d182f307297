import { estimateDetailed } from '../src/index.js';
import { formatEstimate } from '../src/cli/format-estimate.js';
import { resolveScenario } from '../src/estimate/resolve-scenario.js';
import { estimateResolved } from '../src/estimate/estimate.js';
for (const m of ['gemma-4-31b', 'gemma-4-26b-a4b', 'gemma-4-e4b']) {
  const r = resolveScenario({ model: m, quant: 'Q4_K_M', device: 'rtx 3060 12gb', host: { ramGB: 32, ramBandwidthGBs: 51.2 } });
  const e = estimateResolved(r);
  console.log(formatEstimate(e, { model: r.model.name, quant: r.quantName, device: r.hardware.device.name, backend: r.hardware.backend, contextTokens: r.settings.contextTokens, promptTokens: r.settings.promptTokens }));
  console.log();
}
