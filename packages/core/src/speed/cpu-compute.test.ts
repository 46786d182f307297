import { describe, expect, it } from 'vitest';
import { cpuDevices } from '../device/devices.js';
import { estimateDetailed } from '../estimate/estimate.js';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import { place } from '../placement/place.js';
import { cpuDecodeComputeSeconds } from './cpu-compute.js';
import { decodeTime } from './decode.js';

const models = ['llama-3.1-8b', 'qwen3-30b-a3b', 'gemma-3-4b'] as const;

describe('CPU decode physics', () => {
  it.each(models)('never decodes %s on a CPU faster than its RAM or its cores allow', (model) => {
    for (const device of cpuDevices) {
      for (const quant of ['Q4_K_M', 'Q8_0', 'F16']) {
        const r = resolveScenario({ model, quant, device: device.name, host: { ramGB: 512 } });
        const d = decodeTime(r, place(r));
        const cpu = d.tiers.find((t) => t.tier === 'cpu');
        if (cpu === undefined) throw new Error('no CPU tier');
        const readBound = cpu.weightBytes / r.speed.cpuBytesPerSecond;
        const computeBound = cpuDecodeComputeSeconds(r, cpu.weightBytes);
        expect(d.secondsPerToken, `${device.name} ${quant}`).toBeGreaterThanOrEqual(
          Math.max(readBound, computeBound) * (1 - 1e-9),
        );
      }
    }
  });

  it('is compute-bound on a small CPU and bandwidth-bound on a big one', () => {
    const input = { model: 'llama-3.1-8b', quant: 'Q4_K_M' } as const;
    const small = resolveScenario({ ...input, device: 'intel n100' });
    const big = resolveScenario({ ...input, device: 'epyc 9654' });
    const cpuTier = (r: typeof small) => decodeTime(r, place(r)).tiers[1];
    const smallTier = cpuTier(small);
    const bigTier = cpuTier(big);
    if (smallTier === undefined || bigTier === undefined) throw new Error('no CPU tier');
    expect(smallTier.bytesPerSecond).toBeLessThan(small.speed.cpuBytesPerSecond);
    expect(bigTier.bytesPerSecond).toBeCloseTo(big.speed.cpuBytesPerSecond, 0);
    // The basis line names the compute bound where it binds, and only there.
    expect(small.basis).toMatch(/CPU decode compute-bound: 4 cores/);
    expect(big.basis).not.toMatch(/compute-bound/);
  });

  it('decodes faster with more cores of the same kind at the same bandwidth when compute-bound', () => {
    const a = estimateDetailed({ model: 'llama-3.1-8b', quant: 'F16', device: 'raspberry pi 5' });
    const b = estimateDetailed({ model: 'llama-3.1-8b', quant: 'F16', device: 'raspberry pi 4 model b' });
    expect(a.decodeTokensPerSecond).toBeGreaterThan(b.decodeTokensPerSecond);
  });
});
