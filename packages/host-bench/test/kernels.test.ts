import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRamKernels, watPath } from '../scripts/compile-wat.js';
import {
  fillRandomWords,
  firstDifference,
  instantiateRamKernels,
  type RamKernels,
  ramKernelsWasm,
  referenceSum,
  repeatedSum,
  WASM_PAGE_BYTES,
  wasmSimdSupported,
} from '../src/index.js';

const PAGES = 4;
let kernels: RamKernels;
let words: Uint32Array;

beforeAll(async () => {
  const memory = new WebAssembly.Memory({ initial: PAGES });
  kernels = await instantiateRamKernels(memory);
  words = new Uint32Array(memory.buffer);
});

/** 16-byte aligned [offset, offset + bytes) inside the test memory. */
const alignedRange = fc
  .tuple(
    fc.nat({ max: (PAGES * WASM_PAGE_BYTES) / 16 / 2 }),
    fc.nat({ max: (PAGES * WASM_PAGE_BYTES) / 16 / 2 }),
  )
  .map(([start, length]) => ({ offset: start * 16, bytes: length * 16 }));

describe('the read kernel', () => {
  it('sums every word of any aligned range exactly as the JavaScript reference does', () => {
    fc.assert(
      fc.property(
        alignedRange,
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 5 }),
        (range, seed, reps) => {
          fillRandomWords(words, seed);
          const expected = repeatedSum(
            referenceSum(words.subarray(range.offset / 4, (range.offset + range.bytes) / 4)),
            reps,
          );
          expect(kernels.read(range.offset, range.bytes, reps)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('changes its sum when any single word of the range changes', () => {
    fc.assert(
      fc.property(
        alignedRange.filter((r) => r.bytes > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        (range, pick, delta) => {
          fillRandomWords(words, 7);
          const before = kernels.read(range.offset, range.bytes, 1);
          const index = range.offset / 4 + (pick % (range.bytes / 4));
          words[index] = ((words[index] as number) + delta) >>> 0;
          expect(kernels.read(range.offset, range.bytes, 1)).not.toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses ranges that are misaligned or leave the memory', () => {
    expect(() => kernels.read(8, 64, 1)).toThrow(RangeError);
    expect(() => kernels.read(0, 72, 1)).toThrow(RangeError);
    expect(() => kernels.read(0, PAGES * WASM_PAGE_BYTES + 16, 1)).toThrow(RangeError);
    expect(() => kernels.read(0, 64, 0)).toThrow(RangeError);
  });
});

describe('the copy kernel', () => {
  it('copies any aligned range word for word and writes nothing outside it', () => {
    const half = (PAGES * WASM_PAGE_BYTES) / 2;
    fc.assert(
      fc.property(fc.nat({ max: half / 16 - 2 }), fc.integer({ min: 1, max: 3 }), (length, reps) => {
        const bytes = length * 16;
        fillRandomWords(words, length + 1);
        const original = words.slice();
        kernels.copy(half, 0, bytes, reps);
        const dst = half / 4;
        expect(firstDifference(words.subarray(dst, dst + bytes / 4), original.subarray(0, bytes / 4))).toBe(
          -1,
        );
        expect(firstDifference(words.subarray(0, dst), original.subarray(0, dst))).toBe(-1);
        expect(firstDifference(words.subarray(dst + bytes / 4), original.subarray(dst + bytes / 4))).toBe(-1);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses overlapping ranges', () => {
    expect(() => kernels.copy(16, 0, 64, 1)).toThrow(/overlap/);
  });
});

describe('the word comparison', () => {
  it('finds the first differing word, or -1 for equal arrays', () => {
    expect(firstDifference(Uint32Array.of(1, 2, 3), Uint32Array.of(1, 2, 3))).toBe(-1);
    expect(firstDifference(Uint32Array.of(1, 2, 3), Uint32Array.of(1, 5, 3))).toBe(1);
    expect(firstDifference(Uint32Array.of(1, 2), Uint32Array.of(1, 2, 3))).toBe(2);
  });
});

describe('the compiled module', () => {
  it('is the current compilation of ram-kernels.wat (run `npm run build:wasm` after editing it)', async () => {
    expect(readFileSync(watPath, 'utf8')).toContain('v128.load');
    expect(Buffer.from(ramKernelsWasm()).equals(Buffer.from(await compileRamKernels()))).toBe(true);
  });

  it('validates here, so this runtime has WebAssembly SIMD', () => {
    expect(wasmSimdSupported()).toBe(true);
  });
});
