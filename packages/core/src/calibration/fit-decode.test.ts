import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecodePoint, fitDecodeFromLlamaBench } from '../index.js';

const GIB = 2 ** 30;

/** llama-bench tg figures of a model at several file sizes under t = t0 + bytes / (η · BW). */
function points(
  eta: number,
  t0Seconds: number,
  bandwidthGBs: number,
  sizesGiB: readonly number[],
): DecodePoint[] {
  return sizesGiB.map((gib) => ({
    bytesPerToken: gib * GIB,
    tokensPerSecond: 1 / (t0Seconds + (gib * GIB) / (eta * bandwidthGBs * 1e9)),
  }));
}

describe('fitDecodeFromLlamaBench', () => {
  it('recovers η and t0 from two or more sizes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.02, noNaN: true }),
        fc.double({ min: 50, max: 3000, noNaN: true }),
        (eta, t0, bandwidth) => {
          const fit = fitDecodeFromLlamaBench(points(eta, t0, bandwidth, [3.56, 6.67, 12.55]), bandwidth);
          expect(fit.method).toBe('least-squares');
          expect(fit.eta).toBeCloseTo(eta, 9);
          expect(fit.t0Seconds).toBeCloseTo(t0, 9);
        },
      ),
    );
  });

  it('keeps the given t0 and solves η from one size', () => {
    const [point] = points(0.85, 0.004, 360, [6.67]);
    const fit = fitDecodeFromLlamaBench([point as DecodePoint], 360, 0.004);
    expect(fit).toMatchObject({ method: 'one-point', t0Seconds: 0.004 });
    expect(fit.eta).toBeCloseTo(0.85, 12);
  });

  it('fits the published M1 (8-core GPU) Q4_0 and Q8_0 runs to a plausible Metal η and t0', () => {
    // LLaMA 2 7B on an M1 8-core GPU, 68.25 GB/s: Q4_0 3.56 GiB at 14.15 tok/s, Q8_0 6.67 GiB at 7.91 tok/s
    // (github.com/ggml-org/llama.cpp/discussions/4167; rows gt001 and gt002 of
    // test/fixtures/validation-public.jsonl).
    const fit = fitDecodeFromLlamaBench(
      [
        { bytesPerToken: 3.56 * GIB, tokensPerSecond: 14.15 },
        { bytesPerToken: 6.67 * GIB, tokensPerSecond: 7.91 },
      ],
      68.25,
    );
    expect(fit.eta).toBeGreaterThan(0.8);
    expect(fit.eta).toBeLessThan(0.95);
    expect(fit.t0Seconds).toBeGreaterThan(0.004);
    expect(fit.t0Seconds).toBeLessThan(0.009);
  });

  it('refuses one size without a t0, and a speed faster than t0 allows', () => {
    const one = [{ bytesPerToken: 4 * GIB, tokensPerSecond: 50 }];
    expect(() => fitDecodeFromLlamaBench(one, 360)).toThrow(/t0/);
    expect(() => fitDecodeFromLlamaBench(one, 360, 0.05)).toThrow(/faster/);
  });

  it('refuses figures implying more than 1.2 × the spec bandwidth', () => {
    // 4 GiB per token at 89.5 tok/s with t0 = 2 ms reads 4.29 GB in 9.17 ms: 468 GB/s, 1.30 × 360 GB/s.
    const tooFast = [{ bytesPerToken: 4 * GIB, tokensPerSecond: 89.5 }];
    expect(() => fitDecodeFromLlamaBench(tooFast, 360, 0.002)).toThrow(/η = 1\.30/);
  });

  it('refuses empty, non-positive and non-finite inputs', () => {
    expect(() => fitDecodeFromLlamaBench([], 360, 0.004)).toThrow(/at least one/);
    expect(() => fitDecodeFromLlamaBench([{ bytesPerToken: 4e9, tokensPerSecond: 0 }], 360, 0.004)).toThrow(
      /> 0/,
    );
    expect(() =>
      fitDecodeFromLlamaBench([{ bytesPerToken: Number.NaN, tokensPerSecond: 9 }], 360, 0),
    ).toThrow();
    expect(() => fitDecodeFromLlamaBench(points(0.9, 0.003, 360, [4, 8]), 0)).toThrow(/Spec bandwidth/);
  });

  it('refuses sizes where the larger model decodes faster', () => {
    const inverted = [
      { bytesPerToken: 4 * GIB, tokensPerSecond: 40 },
      { bytesPerToken: 8 * GIB, tokensPerSecond: 60 },
    ];
    expect(() => fitDecodeFromLlamaBench(inverted, 360)).toThrow(/not slower/);
  });
});
