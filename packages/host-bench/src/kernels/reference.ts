/**
 * @module kernels/reference — the JavaScript side of the correctness check: fills buffers with
 * pseudo-random words and sums them exactly as the read kernel must (wrapping 32-bit addition).
 */

/** Fills `words` with xorshift32 output (Marsaglia 2003, shifts 13/17/5) from a non-zero `seed`. */
export function fillRandomWords(words: Uint32Array, seed: number): void {
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
}

/** Wrapping 32-bit sum of `words`, as a signed 32-bit integer (what the read kernel returns for one pass). */
export function referenceSum(words: Uint32Array): number {
  let sum = 0;
  for (let i = 0; i < words.length; i++) sum = (sum + (words[i] as number)) | 0;
  return sum;
}

/** The read kernel's result for `reps` passes over words whose single-pass sum is `sum`. */
export function repeatedSum(sum: number, reps: number): number {
  return Math.imul(sum, reps) | 0;
}

/** Index of the first word where `a` and `b` differ, or -1 when they are equal. */
export function firstDifference(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}
