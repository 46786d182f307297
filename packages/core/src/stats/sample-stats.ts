/** @module stats/sample-stats — sample statistics for timings (both benchmarks and the server's checks use these): median, quartiles and the 95% confidence interval of the mean. */

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/** Linear-interpolated quantile, q in [0, 1] (the definition PostgreSQL's percentile_cont uses). */
export function quantile(xs: readonly number[], q: number): number {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/**
 * Two-sided 95% Student t critical values for 1…30 degrees of freedom (standard tables); beyond 30,
 * 1.96 + 2.5/df (within 0.003 of the table at 40, 60 and 120 degrees of freedom).
 */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Half-width of the 95% confidence interval of the mean, relative to the mean (∞ for fewer than 2 samples). */
export function ci95Relative(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.POSITIVE_INFINITY;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const t = T95[n - 2] ?? 1.96 + 2.5 / (n - 1);
  return (t * Math.sqrt(variance / n)) / mean;
}

export interface StopRule {
  readonly minSamples: number;
  readonly maxSamples: number;
  /** Stop once the relative CI half-width is at most this (0.03 = ±3%). */
  readonly targetCi95: number;
  /** Stop after this much measuring time, seconds. */
  readonly maxSeconds: number;
}

/** Whether sampling can stop: tight enough, or a cap reached. */
export function enoughSamples(samples: readonly number[], elapsedSeconds: number, rule: StopRule): boolean {
  if (samples.length >= rule.maxSamples) return true;
  if (samples.length < rule.minSamples) return false;
  return ci95Relative(samples) <= rule.targetCi95 || elapsedSeconds >= rule.maxSeconds;
}
