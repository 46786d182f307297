/** @module random — a fast seeded generator (xorshift32) for benchmark data and tests. */

export class Xorshift32 {
  private state: number;
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
  fill<T extends Uint32Array>(words: T): T {
    for (let i = 0; i < words.length; i++) words[i] = this.nextU32();
    return words;
  }
}
