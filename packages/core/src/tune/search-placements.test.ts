import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, type CandidateEstimate, fitsWithMargin, type TuneEvaluator } from './evaluator.js';
import { rankFits } from './rank-configurations.js';
import { bestPlacements, contextLadder, type PlacementFit } from './search-placements.js';

/** A toy machine: each layer weighs `layer` bytes on the GPU, its experts `experts` of them. */
function toyEvaluator(
  layers: number,
  layerBytes: number,
  expertShare: number,
  capacity: number,
  ram: number,
) {
  let calls = 0;
  const evaluator: TuneEvaluator = {
    shape: {
      id: 'toy',
      name: 'toy',
      family: 'toy',
      totalLayers: layers,
      moeLayers: expertShare > 0 ? layers : 0,
    },
    unified: false,
    cpuOnly: false,
    estimate(c: Candidate): CandidateEstimate {
      calls++;
      const cpuLayers = layers - c.gpuLayers;
      const expertLayers = Math.max(0, Math.min(c.cpuMoeLayers, layers) - cpuLayers);
      const hostBytes = cpuLayers * layerBytes + expertLayers * layerBytes * expertShare;
      const deviceBytes = layers * layerBytes - hostBytes;
      return {
        decodeTokensPerSecond: 1 / (deviceBytes / 300e9 + hostBytes / 40e9 + 0.002),
        prefillTokensPerSecond: 500,
        timeToFirstTokenSeconds: 1,
        band: { low: 1, high: 2 },
        regime: hostBytes > 0 ? 'partial-offload' : 'gpu',
        weightsBytes: layers * layerBytes,
        kvCacheBytes: 0,
        deviceBytes,
        hostBytes,
        deviceCapacityBytes: capacity,
        hostCapacityBytes: ram,
      };
    },
  };
  return { evaluator, calls: () => calls };
}

describe('contextLadder', () => {
  it('halves from the requested context in whole 256-token steps down to the floor', () => {
    expect(contextLadder(32768, 4096)).toEqual([32768, 16384, 8192, 4096]);
    expect(contextLadder(10000, 4096)).toEqual([10000, 5120, 4096]);
    expect(contextLadder(2048, 4096)).toEqual([2048]);
  });
});

describe('bestPlacements', () => {
  it('finds the fastest split a brute-force search over every -ngl and --n-cpu-moe finds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 1e7, max: 1e9, noNaN: true }),
        fc.constantFrom(0, 0.5, 0.95),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (layers, layerBytes, expertShare, vramShare, ramShare) => {
          const total = layers * layerBytes;
          const toy = toyEvaluator(layers, layerBytes, expertShare, vramShare * total, ramShare * total);
          const margin = 0.05 * total;
          const { fits } = bestPlacements(toy.evaluator, 4096, 'f16', [margin]);
          let best = 0;
          for (let g = 0; g <= layers; g++) {
            for (let e = 0; e <= toy.evaluator.shape.moeLayers; e++) {
              const est = toy.evaluator.estimate({
                contextTokens: 4096,
                kvCacheType: 'f16',
                gpuLayers: g,
                cpuMoeLayers: e,
              });
              if (fitsWithMargin(est, margin)) best = Math.max(best, est.decodeTokensPerSecond);
            }
          }
          expect(fits[0]?.estimate.decodeTokensPerSecond ?? 0).toBeCloseTo(best, 9);
        },
      ),
    );
  });

  it('needs far fewer estimates than the grid of splits', () => {
    const toy = toyEvaluator(64, 1e8, 0.9, 3e9, 1e12);
    const { evaluations } = bestPlacements(toy.evaluator, 4096, 'f16', [1e8]);
    expect(evaluations).toBe(toy.calls());
    expect(evaluations).toBeLessThanOrEqual(65 * (Math.ceil(Math.log2(65)) + 1));
    expect(evaluations).toBeLessThan(65 * 65);
  });
});

describe('rankFits', () => {
  const fit = (
    contextTokens: number,
    kv: 'f16' | 'q8_0' | 'q4_0',
    margin: number,
    tps: number,
  ): PlacementFit => {
    const toy = toyEvaluator(1, 1, 0, 10, 10).evaluator.estimate({
      contextTokens,
      kvCacheType: kv,
      gpuLayers: 1,
      cpuMoeLayers: 0,
    });
    return {
      marginBytes: margin,
      candidate: { contextTokens, kvCacheType: kv, gpuLayers: 1, cpuMoeLayers: 0 },
      estimate: { ...toy, decodeTokensPerSecond: tps },
    };
  };

  it('drops a quantised KV cache that buys nothing', () => {
    const ranked = rankFits([fit(8192, 'f16', 100, 40), fit(8192, 'q8_0', 100, 40)], 8192, 100);
    expect(ranked.map((r) => r.candidate.kvCacheType)).toEqual(['f16']);
  });

  it('drops a halved context that buys less than one trade step of speed', () => {
    const ranked = rankFits([fit(8192, 'f16', 100, 40), fit(4096, 'f16', 100, 41)], 8192, 100);
    expect(ranked.map((r) => r.candidate.contextTokens)).toEqual([8192]);
  });

  it('drops a tight margin that buys less than one trade step of speed', () => {
    const ranked = rankFits([fit(8192, 'f16', 100, 40), fit(8192, 'f16', 50, 41)], 8192, 100);
    expect(ranked.map((r) => r.marginBytes)).toEqual([100]);
  });

  it('ranks a quantised KV cache first only when it is clearly faster', () => {
    const slight = rankFits([fit(8192, 'f16', 100, 40), fit(8192, 'q8_0', 100, 41)], 8192, 100);
    expect(slight[0]?.candidate.kvCacheType).toBe('f16');
    const clear = rankFits([fit(8192, 'f16', 100, 40), fit(8192, 'q8_0', 100, 46)], 8192, 100);
    expect(clear[0]?.candidate.kvCacheType).toBe('q8_0');
    expect(clear[0]?.tradeOffs).toEqual([{ kind: 'quantised-kv', kvCacheType: 'q8_0' }]);
  });

  it('puts the requested context and margin before faster configurations that give them up', () => {
    const ranked = rankFits(
      [fit(4096, 'f16', 100, 90), fit(8192, 'f16', 50, 80), fit(8192, 'f16', 100, 30)],
      8192,
      100,
    );
    expect(ranked.map((r) => [r.candidate.contextTokens, r.marginBytes])).toEqual([
      [8192, 100],
      [8192, 50],
      [4096, 100],
    ]);
    expect(ranked[2]?.tradeOffs).toEqual([{ kind: 'shorter-context', requested: 8192, chosen: 4096 }]);
  });
});
