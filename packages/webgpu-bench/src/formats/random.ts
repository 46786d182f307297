/** @module formats/random — a fast seeded generator (xorshift32) for benchmark data and tests. */

/** Marsaglia's xorshift32 (J. Stat. Softw. 8(14), 2003, shifts 13/17/5): fast, seedable, not cryptographic. */
export class Xorshift32 {
  private state: number;
  /** `seed` 0 is replaced by 1 (xorshift's all-zero state is a fixed point). */
  constructor(seed = 0x9e3779b9) {
    this.state = seed >>> 0 || 1;
  }
  /** A uniformly random 32-bit unsigned integer. */
  nextU32(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (this.nextU32() / 2 ** 32) * (hi - lo);
  }
  /** Fills `words` with random values and returns it. */
  fill<T extends Uint32Array>(words: T): T {
    for (let i = 0; i < words.length; i++) words[i] = this.nextU32();
    return words;
  }
}

/**
 * A generator for one row of a matrix: the seed and the row index are mixed (Murmur3's 32-bit finaliser)
 * so any row can be regenerated on its own — the CPU reference recomputes only the rows it checks.
 */
export function rowRandom(seed: number, row: number): Xorshift32 {
  let h = (seed ^ Math.imul(row + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Xorshift32((h ^ (h >>> 16)) >>> 0);
}
