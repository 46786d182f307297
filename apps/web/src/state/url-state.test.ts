import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INPUTS,
  type Inputs,
  KV_TYPES,
  MAX_IMAGES,
  MAX_MMPROJ_BYTES,
  MAX_PARALLEL,
  OFFLOAD_MODES,
  type PageState,
  parseTensorSplit,
  queryFromState,
  roundMeasured,
  SPLIT_MODES,
  sourceOf,
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
/** A projector size, images, or both (with either, the projector may be in RAM). */
const projectorArb: fc.Arbitrary<Partial<Inputs>> = fc
  .record(
    {
      mmprojBytes: fc.integer({ min: 1, max: MAX_MMPROJ_BYTES }),
      images: fc.integer({ min: 1, max: MAX_IMAGES }),
      mmprojOnCpu: fc.constant(true as const),
    },
    { requiredKeys: [] },
  )
  .filter((p) => p.mmprojBytes !== undefined || p.images !== undefined);
/** A remote model: an http(s) URL (with a query and odd characters) or the hf: form. */
const sourceArb: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.stringMatching(/^[\w.-]{1,20}$/),
      fc.stringMatching(/^[\w.-]{1,20}$/),
      fc.constantFrom('', ':Q4_K_M', '/a b/x.gguf'),
    )
    .map(([owner, repo, tail]) => `hf:${owner}/${repo}${tail}`),
);

describe('URL state', () => {
  it('round-trips every input through the query string', () => {
    fc.assert(
      fc.property(
        inputsArb,
        fc.option(gpusArb, { nil: undefined }),
        fc.option(streamsArb, { nil: undefined }),
        fc.option(projectorArb, { nil: undefined }),
        fc.option(sourceArb, { nil: undefined }),
        (base, gpus, streams, projector, source) => {
          const inputs: Inputs = { ...base, ...gpus, ...streams, ...projector };
          const state: PageState = source === undefined ? { inputs } : { inputs, source };
          expect(stateFromQuery(queryFromState(state))).toEqual(state);
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

  it('reads images up to the page’s limit, and keeps the projector in RAM only with a projector or images', () => {
    expect(stateFromQuery('img=2&mmcpu=1').inputs).toMatchObject({ images: 2, mmprojOnCpu: true });
    expect(stateFromQuery(`img=${MAX_IMAGES}`).inputs.images).toBe(MAX_IMAGES);
    for (const bad of [`img=${MAX_IMAGES + 1}`, 'img=0', 'img=-1', 'img=1.5', 'img=two', 'img=100'])
      expect(stateFromQuery(bad).inputs).not.toHaveProperty('images');
    expect(stateFromQuery('img=0&mmcpu=1').inputs).not.toHaveProperty('mmprojOnCpu');
    expect(new URLSearchParams(queryFromState({ inputs: { ...DEFAULT_INPUTS, images: 0 } })).has('img')).toBe(
      false,
    );
  });

  it('carries a remote model only as an http(s) URL or the hf: form the page reads', () => {
    const url = 'https://huggingface.co/acme/x-GGUF/resolve/main/x-Q4_K_M.gguf?download=true&a=1';
    expect(stateFromQuery(`src=${encodeURIComponent(url)}`).source).toBe(url);
    expect(stateFromQuery('src=hf:acme/x-GGUF:Q4_K_M').source).toBe('hf:acme/x-GGUF:Q4_K_M');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.com/x.gguf',
      'acme/x-GGUF',
      'hf:acme',
      'https://',
      `https://example.com/${'a'.repeat(2000)}`,
      ' ',
    ])
      expect(sourceOf(bad)).toBeUndefined();
    expect(stateFromQuery('src=data:text/plain,hi')).toEqual({ inputs: DEFAULT_INPUTS });
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
        prefillEfficiency: roundMeasured(0.912345),
      },
    };
    const back = stateFromQuery(queryFromState(state));
    expect(back.calibration?.prefillEfficiency).toBe(0.9123);
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
