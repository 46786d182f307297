/**
 * @module run/plateaus — reads the cache levels off the working-set sweep: consecutive sizes whose bandwidth
 * stays close form a plateau (a cache level, or RAM for the largest sizes); lone points between plateaus are
 * the transitions.
 */
import type { RamPlateau } from '@cliffbench/core';
import { median } from '@cliffbench/core';

/** Plateau tolerance: a point joins when within this fraction of the plateau's median (judgement). @default 0.2 */
export const PLATEAU_TOLERANCE = 0.2;

/** Plateaus of at least two points, smallest working sets first. Points must be sorted by size. */
export function plateaus(
  points: readonly { readonly workingSetBytes: number; readonly bandwidthGBs: number }[],
  tolerance = PLATEAU_TOLERANCE,
): RamPlateau[] {
  const groups: { bytes: number[]; bandwidths: number[] }[] = [];
  for (const point of points) {
    const group = groups.at(-1);
    const level = group ? median(group.bandwidths) : Number.NaN;
    if (group && Math.abs(point.bandwidthGBs - level) <= tolerance * level) {
      group.bytes.push(point.workingSetBytes);
      group.bandwidths.push(point.bandwidthGBs);
    } else {
      groups.push({ bytes: [point.workingSetBytes], bandwidths: [point.bandwidthGBs] });
    }
  }
  return groups
    .filter((g) => g.bytes.length >= 2)
    .map((g) => ({
      fromBytes: g.bytes[0] as number,
      toBytes: g.bytes.at(-1) as number,
      bandwidthGBs: median(g.bandwidths),
    }));
}
