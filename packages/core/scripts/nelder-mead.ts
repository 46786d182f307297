/**
 * A plain Nelder–Mead simplex minimiser (standard coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½), for the fit scripts' few-parameter robust least squares.
 */

export interface MinimizeOptions {
  /** Initial step per coordinate. @default 0.3 */
  readonly step?: number;
  /** Stop when the simplex's values differ by less than this. @default 1e-10 */
  readonly tolerance?: number;
  /** @default 20000 */
  readonly maxEvaluations?: number;
}

/** Minimises `f` from `start`; returns the best point and value. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): { readonly x: number[]; readonly value: number; readonly evaluations: number } {
  const n = start.length;
  const step = options.step ?? 0.3;
  const tolerance = options.tolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 20000;
  let evaluations = 0;
  const evaluate = (x: number[]): { x: number[]; v: number } => {
    evaluations += 1;
    return { x, v: f(x) };
  };
  let simplex = [evaluate([...start])];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] as number) + step;
    simplex.push(evaluate(x));
  }
  const combine = (a: number[], b: number[], t: number): number[] =>
    a.map((ai, i) => ai + t * ((b[i] as number) - ai));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0] as { x: number[]; v: number };
    const worst = simplex[n] as { x: number[]; v: number };
    const second = simplex[n - 1] as { x: number[]; v: number };
    if (Math.abs(worst.v - best.v) < tolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (simplex[i]?.x[j] as number) / n;
    const reflected = evaluate(combine(centroid, worst.x, -1));
    if (reflected.v < best.v) {
      const expanded = evaluate(combine(centroid, worst.x, -2));
      simplex[n] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < second.v) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.v < worst.v;
      const contracted = evaluate(combine(centroid, worst.x, outside ? -0.5 : 0.5));
      if (contracted.v < (outside ? reflected.v : worst.v)) {
        simplex[n] = contracted;
      } else {
        simplex = simplex.map((p, i) => (i === 0 ? p : evaluate(combine(best.x, p.x, 0.5))));
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  const top = simplex[0] as { x: number[]; v: number };
  return { x: top.x, value: top.v, evaluations };
}
