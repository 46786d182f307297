import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INPUTS,
  type Inputs,
  KV_TYPES,
  OFFLOAD_MODES,
  type PageState,
  queryFromState,
  roundMeasured,
  stateFromQuery,
} from './url-state.js';

const inputsArb: fc.Arbitrary<Inputs> = fc.record(
  {
    model: fc.constantFrom('gemma-4-31b', 'gemma-4-26b-a4b', 'llama-3.1-8b'),
    quant: fc.constantFrom('Q4_K_M', 'Q8_0', 'MLX 4-bit'),
    device: fc.constantFrom('geforce-rtx-3060-12gb', 'Apple M3 Max (40-core GPU) 128GB', 'rtx 4090'),
    ramGB: fc.integer({ min: 1, max: 4096 }),
    contextTokens: fc.integer({ min: 1, max: 4 * 2 ** 20 }),
    gpuLayers: fc.integer({ min: 0, max: 999 }),
    offload: fc.constantFrom(...OFFLOAD_MODES),
    kvCacheType: fc.constantFrom(...KV_TYPES),
  },
  { requiredKeys: ['model', 'quant', 'device', 'ramGB', 'contextTokens', 'offload', 'kvCacheType'] },
);

describe('URL state', () => {
  it('round-trips every input through the query string', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        expect(stateFromQuery(queryFromState({ inputs }))).toEqual({ inputs });
      }),
    );
  });

  it('round-trips a calibration rounded to four significant figures', () => {
    const state: PageState = {
      inputs: DEFAULT_INPUTS,
      calibration: {
        deviceId: 'geforce-rtx-3060-12gb',
        gpuBandwidthGBs: roundMeasured(317.23456),
        ramBandwidthGBs: roundMeasured(41.98765),
        pcieGBs: roundMeasured(24.3),
        eta: roundMeasured(0.87654),
        t0Seconds: roundMeasured(0.0046789),
      },
    };
    const back = stateFromQuery(queryFromState(state));
    expect(back.calibration?.gpuBandwidthGBs).toBe(317.2);
    expect(back.calibration?.eta).toBe(0.8765);
    expect(back.calibration?.t0Seconds).toBeCloseTo(0.004679, 9);
    expect(back.inputs).toEqual(DEFAULT_INPUTS);
  });

  it('writes only the inputs that differ from their defaults, besides the five that always appear', () => {
    const q = new URLSearchParams(queryFromState({ inputs: DEFAULT_INPUTS }));
    expect([...q.keys()].sort()).toEqual(['ctx', 'device', 'model', 'quant', 'ram']);
  });

  it('falls back to defaults for missing or malformed values', () => {
    expect(stateFromQuery('')).toEqual({ inputs: DEFAULT_INPUTS });
    const s = stateFromQuery('ram=-5&ctx=abc&ngl=1.5&offload=magic&kv=f8&model=%20&cal=x&gbw=-1');
    expect(s.inputs).toEqual(DEFAULT_INPUTS);
    expect(s.calibration).toBeUndefined();
  });

  it('rejects absurd sizes instead of computing with them', () => {
    const s = stateFromQuery('ram=1e9&ctx=1e12&ngl=123456');
    expect(s.inputs.ramGB).toBe(DEFAULT_INPUTS.ramGB);
    expect(s.inputs.contextTokens).toBe(DEFAULT_INPUTS.contextTokens);
    expect(s.inputs.gpuLayers).toBeUndefined();
  });
});
