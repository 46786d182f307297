import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateResolved,
  findModel,
  type ModelArchitecture,
  type ResolvedScenario,
  reconfigure,
  resolveScenario,
} from '../index.js';

const MODELS = [
  'gemma-4-e4b',
  'gemma-4-26b-a4b',
  'gemma-4-31b',
  'llama-3-8b',
  'qwen3-30b-a3b',
  'gpt-oss-20b',
];
const DEVICES = [
  'rtx 3060 12gb',
  'rtx 4090',
  'rx 7900 xtx',
  'M3 Max 40-core 64GB',
  'M1 (8-core GPU) 8GB',
  'DGX Spark',
];
const QUANTS = ['Q4_K_M', 'Q8_0', 'Q3_K_M'];

// Resolving quantises every tensor (milliseconds); properties re-configure these instead (microseconds).
const bases = new Map<string, ResolvedScenario>();
function base(model: string, device: string, quant: string): ResolvedScenario {
  const key = `${model}|${device}|${quant}`;
  let r = bases.get(key);
  if (r === undefined) {
    r = resolveScenario({ model, device, quant, host: { ramGB: 64 } });
    bases.set(key, r);
  }
  return r;
}

const scenario = fc
  .record({
    model: fc.constantFrom(...MODELS),
    device: fc.constantFrom(...DEVICES),
    quant: fc.constantFrom(...QUANTS),
    context: fc.integer({ min: 512, max: 65536 }),
  })
  .map(({ model, device, quant, context }) =>
    reconfigure(base(model, device, quant), { contextTokens: context }),
  );

const decode = (r: ResolvedScenario): number => estimateResolved(r, { advice: false }).decodeTokensPerSecond;
const RUNS = { numRuns: 60 };

describe('physical laws of the estimate', () => {
  it('never gets slower with more GPU memory', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.double({ min: 2, max: 64, noNaN: true }),
        fc.double({ min: 0, max: 64, noNaN: true }),
        (r, a, extra) => {
          const less = decode(reconfigure(r, { gpuMemoryLimitGB: a }));
          const more = decode(reconfigure(r, { gpuMemoryLimitGB: a + extra }));
          return more >= less * (1 - 1e-9);
        },
      ),
      RUNS,
    );
  });

  it('never decodes faster deeper into the context', () => {
    fc.assert(
      fc.property(scenario, fc.nat(60000), fc.nat(60000), (r, a, b) => {
        const [shallow, deep] = a < b ? [a, b] : [b, a];
        return (
          decode(reconfigure(r, { depthTokens: shallow })) >= decode(reconfigure(r, { depthTokens: deep }))
        );
      }),
      RUNS,
    );
  });

  it('never decodes faster than the fastest spec bandwidth over the bytes read per token', () => {
    fc.assert(
      fc.property(scenario, fc.nat(30000), (r, depth) => {
        const e = estimateResolved(reconfigure(r, { depthTokens: depth }), { advice: false });
        const bytes = e.breakdown.decode.weightBytes + e.breakdown.decode.kvBytes;
        const fastest = Math.max(r.hardware.gpuBandwidthGBs, r.hardware.ramBandwidthGBs) * 1e9;
        return e.decodeTokensPerSecond <= fastest / bytes;
      }),
      RUNS,
    );
  });

  it('never gets slower with more GPU layers on a discrete card', () => {
    fc.assert(
      fc.property(scenario, fc.nat(60), fc.nat(60), (r, a, b) => {
        if (r.hardware.layout !== 'discrete') return true;
        const [few, many] = a < b ? [a, b] : [b, a];
        const at = (k: number): number =>
          decode(reconfigure(r, { gpuLayers: k, offload: 'sysmem', gpuMemoryLimitGB: 1000 }));
        return at(many) >= at(few);
      }),
      RUNS,
    );
  });

  it('keeps every decode estimate inside its band', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const e = estimateResolved(r, { advice: false });
        return e.band.low <= e.decodeTokensPerSecond && e.decodeTokensPerSecond <= e.band.high;
      }),
      RUNS,
    );
  });

  it('never needs more memory for a q8_0 KV cache than for an f16 one', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const f16 = estimateResolved(reconfigure(r, { kvCacheType: 'f16' }), { advice: false });
        const q8 = estimateResolved(reconfigure(r, { kvCacheType: 'q8_0' }), { advice: false });
        return q8.memory.kvCacheBytes < f16.memory.kvCacheBytes;
      }),
      RUNS,
    );
  });
});

/** The same model with each MoE layer's experts (and shared expert) merged into one dense FFN of equal size. */
function denseTwin(arch: ModelArchitecture): ModelArchitecture {
  return {
    ...arch,
    id: `${arch.id}-dense-twin`,
    layers: arch.layers.map((l) =>
      l.ffn.kind === 'moe'
        ? {
            ...l,
            ffn: {
              kind: 'dense',
              intermediate: l.ffn.experts * l.ffn.expertIntermediate + l.ffn.sharedIntermediate,
            },
          }
        : l,
    ),
  };
}

describe('mixture of experts', () => {
  it('never reads more per token, nor decodes slower, than a dense model of the same total size', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('gemma-4-26b-a4b', 'qwen3-30b-a3b', 'gpt-oss-20b'),
        fc.constantFrom(...DEVICES),
        // Uniform mixes, so the twin's file is the same size (K-quant mixes pick types per tensor shape).
        fc.constantFrom('Q8_0', 'F16'),
        (id, device, quant) => {
          const moe = estimateResolved(base(id, device, quant), { advice: false });
          const twin = estimateResolved(
            resolveScenario(
              { model: id, device, quant, host: { ramGB: 64 } },
              { model: denseTwin(findModel(id)) },
            ),
            { advice: false },
          );
          expect(Math.abs(twin.memory.weightsBytes / moe.memory.weightsBytes - 1)).toBeLessThan(0.01);
          return (
            moe.breakdown.decode.weightBytes < twin.breakdown.decode.weightBytes &&
            moe.decodeTokensPerSecond >= twin.decodeTokensPerSecond
          );
        },
      ),
      { numRuns: 12 },
    );
  });
});
