import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FixtureModelId, fixtureModel, rtx3060Input } from '../../test/tune-machines.js';
import {
  estimateDetailed,
  estimateResolved,
  type KvCacheTypeName,
  reconfigure,
  resolveScenario,
  type TuneInput,
  tuneCurveResolved,
  tuneSettings,
} from '../index.js';

const MIB = 2 ** 20;
const models: readonly FixtureModelId[] = ['gemma-4-26b-a4b', 'gemma-4-31b', 'gemma-4-e4b', 'qwen3-30b-a3b'];

/** A random model on a random discrete GPU and host. */
const machineArb = fc.record({
  model: fc.constantFrom(...models),
  memoryGB: fc.constantFrom(4, 6, 8, 10, 12, 16, 20, 24, 32, 48),
  bandwidthGBs: fc.integer({ min: 150, max: 1800 }),
  ramGB: fc.constantFrom(8, 16, 24, 32, 48, 64, 128),
  ramBandwidthGBs: fc.integer({ min: 25, max: 120 }),
  contextTokens: fc.constantFrom(2048, 4096, 8192, 16384, 32768, 65536),
  marginMiB: fc.integer({ min: 0, max: 2048 }),
});

type Machine = typeof machineArb extends fc.Arbitrary<infer T> ? T : never;

const inputOf = (m: Machine): TuneInput => ({
  model: m.model,
  quant: 'Q4_K_M',
  device: {
    name: 'Test GPU',
    kind: 'discrete',
    bandwidthGBs: m.bandwidthGBs,
    memoryGB: m.memoryGB,
    fp16Tflops: 40,
  },
  host: { ramGB: m.ramGB, ramBandwidthGBs: m.ramBandwidthGBs },
  contextTokens: m.contextTokens,
  marginBytes: m.marginMiB * MIB,
  alternatives: false,
  limit: 20,
});

describe('tuneSettings', () => {
  it('recommends only configurations that fit with their stated margin, checked by the estimator itself', () => {
    fc.assert(
      fc.property(machineArb, (m) => {
        const input = inputOf(m);
        const resolve = fixtureModel(m.model);
        const result = tuneSettings(input, resolve);
        for (const c of result.configurations) {
          const s = c.settings;
          const d = estimateDetailed(
            {
              ...input,
              contextTokens: s.contextTokens,
              gpuLayers: s.gpuLayers,
              cpuMoeLayers: s.cpuMoeLayers,
              kvCacheType: s.kvCacheType,
              flashAttention: s.flashAttention,
            },
            resolve,
          );
          const mem = d.breakdown.memory;
          expect(d.fits).toBe(true);
          expect(d.memory.deviceBytes + s.marginBytes).toBeLessThanOrEqual(
            mem.gpuUsableBytes + mem.runtimeBytes,
          );
          expect(d.memory.hostBytes).toBeLessThanOrEqual(mem.ramAvailableBytes);
          expect(s.marginBytes).toBeGreaterThanOrEqual(m.marginMiB * MIB * 0.5);
          expect(s.contextTokens).toBeLessThanOrEqual(m.contextTokens);
          expect(s.contextTokens).toBeGreaterThanOrEqual(Math.min(m.contextTokens, 4096));
          expect(d.decodeTokensPerSecond).toBeCloseTo(c.decodeTokensPerSecond, 6);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('finds the fastest fitting placement at the requested context, f16 KV and margin', () => {
    fc.assert(
      fc.property(machineArb, (m) => {
        const input = inputOf(m);
        const resolve = fixtureModel(m.model);
        const r = resolveScenario({ ...input, kvCacheType: 'f16', flashAttention: true }, resolve);
        const n = r.sums.layerCount;
        const moe = r.model.layers.some((l) => l.ffn.kind === 'moe') ? n : 0;
        let best = 0;
        // Every split: g layers on the GPU, the experts of the first e layers in RAM.
        for (let g = 0; g <= n; g++) {
          for (let e = 0; e <= moe; e++) {
            const d = estimateResolved(reconfigure(r, { gpuLayers: g, cpuMoeLayers: e }), { advice: false });
            const mem = d.breakdown.memory;
            const fits =
              d.memory.deviceBytes + m.marginMiB * MIB <= mem.gpuUsableBytes + mem.runtimeBytes &&
              d.memory.hostBytes <= mem.ramAvailableBytes;
            if (fits) best = Math.max(best, d.decodeTokensPerSecond);
          }
        }
        const tuned = tuneSettings(input, resolve).configurations.find(
          (c) => c.tradeOffs.length === 0 && c.settings.kvCacheType === 'f16',
        );
        if (best === 0) expect(tuned).toBeUndefined();
        else expect(tuned?.decodeTokensPerSecond).toBeCloseTo(best, 6);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the server slots and the projector asked for: they take memory and appear in the commands', () => {
    const base: TuneInput = { ...rtx3060Input('gemma-4-26b-a4b', 8192), alternatives: false };
    const alone = tuneSettings(base, fixtureModel('gemma-4-26b-a4b')).configurations[0];
    const served = tuneSettings(
      { ...base, parallel: 4, parallelRuntime: 'ollama', mmprojBytes: 1.2e9 },
      fixtureModel('gemma-4-26b-a4b'),
    ).configurations[0];
    expect(alone?.commands.llamaServer).not.toMatch(/-np|--mmproj/);
    expect(served?.commands.llamaServer).toMatch(/ -np 4 --mmproj mmproj-gemma-4-26b-a4b\.gguf/);
    expect(served?.commands.ollama.serve).toMatch(/OLLAMA_NUM_PARALLEL=4/);
    // Four contexts and the projector cost memory: the best placement that fits gives something up.
    const used = (c: typeof alone) => (c?.memory.deviceBytes ?? 0) + (c?.memory.hostBytes ?? 0);
    expect(used(served)).toBeGreaterThan(used(alone));
  });

  it('says what would fit when nothing does', () => {
    const input: TuneInput = {
      ...rtx3060Input('gemma-4-31b', 8192),
      device: 'RTX 4060 8GB',
      host: { ramGB: 8 },
    };
    const result = tuneSettings(input, fixtureModel('gemma-4-31b'));
    expect(result.configurations).toEqual([]);
    const kinds = result.suggestions.map((s) => s.kind);
    expect(kinds).toContain('more-ram');
    const ram = result.suggestions.find((s) => s.kind === 'more-ram');
    expect(ram?.ramGB).toBeGreaterThan(8);
    const quant = result.suggestions.find((s) => s.kind === 'smaller-quant');
    // A smaller quant of the 31B that fits is offered with its speed.
    if (quant !== undefined) expect(quant.decodeTokensPerSecond).toBeGreaterThan(0);
  });
});

describe('the physics the tuner relies on', () => {
  it('never makes decode faster by moving one more expert layer to the CPU', () => {
    fc.assert(
      fc.property(machineArb, fc.constantFrom<KvCacheTypeName>('f16', 'q8_0', 'q4_0'), (m, kv) => {
        const model = m.model === 'gemma-4-31b' || m.model === 'gemma-4-e4b' ? 'gemma-4-26b-a4b' : m.model;
        const r = resolveScenario({ ...inputOf({ ...m, model }) }, fixtureModel(model));
        const n = r.sums.layerCount;
        const curve = tuneCurveResolved(
          r,
          {
            contextTokens: m.contextTokens,
            gpuLayers: n,
            totalLayers: n,
            cpuMoeLayers: 0,
            moeLayers: n,
            kvCacheType: kv,
            flashAttention: true,
            marginBytes: 0,
          },
          'cpuMoeLayers',
        );
        expect(curve.points).toHaveLength(n + 1);
        for (let i = 1; i < curve.points.length; i++) {
          const before = curve.points[i - 1]?.decodeTokensPerSecond ?? 0;
          expect(curve.points[i]?.decodeTokensPerSecond).toBeLessThanOrEqual(before * (1 + 1e-12));
          expect(curve.points[i]?.deviceBytes).toBeLessThanOrEqual(curve.points[i - 1]?.deviceBytes ?? 0);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('never makes a dense model faster by taking a layer off the GPU', () => {
    fc.assert(
      fc.property(machineArb, (m) => {
        const r = resolveScenario(
          { ...inputOf({ ...m, model: 'gemma-4-31b' }) },
          fixtureModel('gemma-4-31b'),
        );
        const n = r.sums.layerCount;
        const curve = tuneCurveResolved(
          r,
          {
            contextTokens: m.contextTokens,
            gpuLayers: n,
            totalLayers: n,
            cpuMoeLayers: 0,
            moeLayers: 0,
            kvCacheType: 'f16',
            flashAttention: true,
            marginBytes: 0,
          },
          'gpuLayers',
        );
        for (let i = 1; i < curve.points.length; i++) {
          const fewer = curve.points[i - 1]?.decodeTokensPerSecond ?? 0;
          expect(fewer).toBeLessThanOrEqual((curve.points[i]?.decodeTokensPerSecond ?? 0) * (1 + 1e-12));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('never uses less memory with a larger KV type', () => {
    fc.assert(
      fc.property(machineArb, fc.integer({ min: 0, max: 60 }), (m, layerSeed) => {
        const resolve = fixtureModel(m.model);
        const at = (kv: KvCacheTypeName) => {
          const r = resolveScenario({ ...inputOf(m) }, resolve);
          const gpuLayers = layerSeed % (r.sums.layerCount + 1);
          return estimateDetailed({ ...inputOf(m), gpuLayers, cpuMoeLayers: 0, kvCacheType: kv }, resolve);
        };
        const [f16, q8, q4] = [at('f16'), at('q8_0'), at('q4_0')];
        expect(f16.memory.kvCacheBytes).toBeGreaterThan(q8.memory.kvCacheBytes);
        expect(q8.memory.kvCacheBytes).toBeGreaterThan(q4.memory.kvCacheBytes);
        expect(f16.memory.deviceBytes + f16.memory.hostBytes).toBeGreaterThanOrEqual(
          q8.memory.deviceBytes + q8.memory.hostBytes,
        );
        expect(q8.memory.deviceBytes + q8.memory.hostBytes).toBeGreaterThanOrEqual(
          q4.memory.deviceBytes + q4.memory.hostBytes,
        );
        expect(f16.memory.deviceBytes).toBeGreaterThanOrEqual(q8.memory.deviceBytes);
        expect(q8.memory.deviceBytes).toBeGreaterThanOrEqual(q4.memory.deviceBytes);
      }),
      { numRuns: 30 },
    );
  });
});
