/**
 * @module calibration/least-squares — the straight-line fit y = intercept + slope·x behind every calibration.
 * Timing noise is proportional to the time measured (a 1 ms pass jitters by microseconds, a 100 ms pass by
 * about a millisecond), so the fit minimises the sum of squared *relative* residuals, Σ((y − fit)/y)²:
 * weighted least squares with weights 1/y². The intercept is a fixed cost and cannot be negative: when the
 * free fit makes it so, the line is refitted through the origin (the constrained least-squares optimum).
 */

/** A fitted line and how well it describes the points. */
export interface LineFit {
  readonly intercept: number;
  readonly slope: number;
  /** Coefficient of determination of y, 1 − SS_res / SS_tot (unweighted). */
  readonly r2: number;
  /** Root mean square of (y − fit) / y. */
  readonly residualRelRms: number;
  readonly points: number;
}

function quality(x: readonly number[], y: readonly number[], intercept: number, slope: number): LineFit {
  const n = x.length;
  const mean = y.reduce((sum, value) => sum + value, 0) / n;
  let ssRes = 0;
  let ssTot = 0;
  let relSq = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    const residual = yi - (intercept + slope * (x[i] as number));
    ssRes += residual * residual;
    ssTot += (yi - mean) * (yi - mean);
    relSq += (residual / yi) ** 2;
  }
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
  return { intercept, slope, r2, residualRelRms: Math.sqrt(relSq / n), points: n };
}

/**
 * Relative least-squares line through (x, y) with intercept ≥ 0. Callers check the inputs: equal lengths, at
 * least two distinct x, finite values, y > 0.
 */
export function fitLineRelative(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  const w = y.map((value) => 1 / (value * value));
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i] as number;
    swx += (w[i] as number) * (x[i] as number);
    swy += (w[i] as number) * (y[i] as number);
  }
  const meanX = swx / sw;
  const meanY = swy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    sxx += (w[i] as number) * dx * dx;
    sxy += (w[i] as number) * dx * ((y[i] as number) - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  if (intercept >= 0) return quality(x, y, intercept, slope);
  // Through the origin: minimise Σ w(y − s·x)² → s = Σwxy / Σwx².
  let wxx = 0;
  let wxy = 0;
  for (let i = 0; i < n; i++) {
    wxx += (w[i] as number) * (x[i] as number) ** 2;
    wxy += (w[i] as number) * (x[i] as number) * (y[i] as number);
  }
  return quality(x, y, 0, wxy / wxx);
}

/** Number of distinct values in `values`. */
export function distinctCount(values: readonly number[]): number {
  return new Set(values).size;
}
