import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INPUTS,
  type Inputs,
  KV_TYPES,
  MAX_MMPROJ_BYTES,
  MAX_PARALLEL,
  OFFLOAD_MODES,
  type PageState,
  parseTensorSplit,
  queryFromState,
  roundMeasured,
  SPLIT_MODES,
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

/** More GPUs with their split, `-ts` (one proportion each) and, in row split, `-mg`. */
const gpusArb: fc.Arbitrary<Partial<Inputs>> = fc
  .tuple(
    fc.array(fc.constantFrom('geforce-rtx-3060-12gb', 'rtx 4090'), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...SPLIT_MODES),
    fc.boolean(),
    fc.nat(),
  )
  .chain(([extra, mode, withSplit, mg]) =>
    fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: extra.length + 1, maxLength: extra.length + 1 })
      .filter((ts) => ts.some((x) => x > 0))
      .map((ts) => ({
        extraDevices: extra,
        ...(mode === 'layer' ? {} : { splitMode: mode }),
        ...(withSplit ? { tensorSplit: ts } : {}),
        ...(mode === 'row' && mg % (extra.length + 1) > 0 ? { mainGpu: mg % (extra.length + 1) } : {}),
      })),
  );

/** Streams (`-np`) under one runtime's rule, and a vision projector. */
const streamsArb: fc.Arbitrary<Partial<Inputs>> = fc
  .record(
    {
      parallel: fc.integer({ min: 2, max: MAX_PARALLEL }),
      parallelRuntime: fc.constant('ollama' as const),
      kvUnified: fc.constant(true as const),
    },
    { requiredKeys: ['parallel'] },
  )
  .map((s) => (s.parallelRuntime === 'ollama' ? { ...s, kvUnified: undefined } : s))
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Partial<Inputs>);
const projectorArb: fc.Arbitrary<Partial<Inputs>> = fc.record(
  { mmprojBytes: fc.integer({ min: 1, max: MAX_MMPROJ_BYTES }), mmprojOnCpu: fc.constant(true as const) },
  { requiredKeys: ['mmprojBytes'] },
);

describe('URL state', () => {
  it('round-trips every input through the query string', () => {
    fc.assert(
      fc.property(
        inputsArb,
        fc.option(gpusArb, { nil: undefined }),
        fc.option(streamsArb, { nil: undefined }),
        fc.option(projectorArb, { nil: undefined }),
        (base, gpus, streams, projector) => {
          const inputs: Inputs = { ...base, ...gpus, ...streams, ...projector };
          expect(stateFromQuery(queryFromState({ inputs }))).toEqual({ inputs });
        },
      ),
    );
  });

  it('writes streams, split and projector only when they differ from one stream, no split and none', () => {
    const q = queryFromState({
      inputs: { ...DEFAULT_INPUTS, parallel: 1, tensorSplit: [3, 1], mainGpu: 1, mmprojOnCpu: true },
    });
    expect([...new URLSearchParams(q).keys()].sort()).toEqual(['ctx', 'device', 'model', 'quant', 'ram']);
  });

  it('drops links’ streams, splits and projectors that make no sense', () => {
    const s = stateFromQuery('gpu=rtx%204090&ts=3,1,1&mg=1&np=0&mmproj=-5&mmcpu=1&kvu=1&rt=ollama').inputs;
    expect(s.extraDevices).toEqual(['rtx 4090']);
    for (const k of [
      'tensorSplit',
      'mainGpu',
      'parallel',
      'kvUnified',
      'parallelRuntime',
      'mmprojBytes',
      'mmprojOnCpu',
    ])
      expect(s).not.toHaveProperty(k);
    // -ts and -mg need several GPUs; --kv-unified is llama-server's, not Ollama's.
    expect(stateFromQuery('ts=3,1&sm=row&mg=1').inputs).not.toHaveProperty('tensorSplit');
    expect(stateFromQuery('np=4&rt=ollama&kvu=1').inputs).toMatchObject({
      parallel: 4,
      parallelRuntime: 'ollama',
    });
    expect(stateFromQuery('np=4&rt=ollama&kvu=1').inputs).not.toHaveProperty('kvUnified');
    expect(stateFromQuery(`np=${MAX_PARALLEL + 1}`).inputs).not.toHaveProperty('parallel');
  });

  it('reads -ts as llama.cpp does (commas, slashes or spaces) and says what is wrong otherwise', () => {
    expect(parseTensorSplit('3,1', 2)).toEqual([3, 1]);
    expect(parseTensorSplit(' 0.6/0.4 ', 2)).toEqual([0.6, 0.4]);
    expect(parseTensorSplit('1 1 2', 3)).toEqual([1, 1, 2]);
    for (const [bad, gpus] of [
      ['3,1', 3],
      ['0,0', 2],
      ['3,-1', 2],
      ['a,b', 2],
      ['', 2],
    ] as const) {
      const r = parseTensorSplit(bad, gpus);
      expect(typeof r).toBe('string');
      expect(r).toContain(`give ${gpus} proportions`);
    }
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
