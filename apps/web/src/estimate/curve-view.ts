/**
 * @module estimate/curve-view — a cliff curve (spec, and calibrated when measured) as chart props: the decode
 * line with its band, the crossing marked, the current setting marked, and a sentence that says what it shows.
 * No DOM: tested without a browser.
 */
import type { Curve } from '@cliffbench/core';
import type { ChartBand, ChartMarker, ChartSeries } from '../charts/LineChart.js';
import { sig3, tokens, trimZeros } from '../format.js';

export interface CurveChartModel {
  readonly x: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly bands: readonly ChartBand[];
  readonly markers: readonly ChartMarker[];
  readonly summary: string;
  readonly formatX: (x: number) => string;
}

/** How each axis's values and crossing are written. */
const AXES: Readonly<
  Record<Curve['axis'], { readonly fmt: (x: number) => string; readonly cliff: (x: string) => string }>
> = {
  context: { fmt: tokens, cliff: (x) => `fits in GPU memory up to ${x}` },
  gpuMemory: { fmt: (x) => `${trimZeros(sig3(x))} GB`, cliff: (x) => `everything fits from ${x}` },
  gpuLayers: { fmt: (x) => String(x), cliff: (x) => `most layers that fit: ${x}` },
};

/** What the curve says when it has no crossing. */
function noCrossing(c: Curve): string {
  const allFit = c.points.every((p) => p.regime === 'gpu' || p.regime === 'unified');
  if (c.axis === 'gpuLayers') return allFit ? 'every layer count fits' : 'not even one layer fits';
  return allFit
    ? 'everything fits in GPU memory along the whole axis'
    : 'it never fits entirely in GPU memory';
}

/**
 * Chart props for `spec` (and `calibrated`): decode tok/s, its band shaded, the crossing (`cliffX`) and the
 * current setting (`currentX`, labelled `currentLabel`) as vertical markers.
 */
export function curveChart(
  spec: Curve,
  calibrated: Curve | undefined,
  currentX: number | undefined,
  currentLabel: string,
): CurveChartModel {
  const axis = AXES[spec.axis];
  const decode = spec.points.map((p) => p.decodeTokensPerSecond);
  const series: ChartSeries[] = [
    { label: 'decode, spec (tok/s)', values: decode, color: '--series-spec', width: 2.5 },
    {
      label: 'band high',
      values: spec.points.map((p) => p.band.high),
      color: '--band-edge',
      width: 1,
      quiet: true,
    },
    {
      label: 'band low',
      values: spec.points.map((p) => p.band.low),
      color: '--band-edge',
      width: 1,
      quiet: true,
    },
  ];
  if (calibrated !== undefined) {
    const byX = new Map(calibrated.points.map((p) => [p.x, p.decodeTokensPerSecond]));
    series.push({
      label: 'decode, measured (tok/s)',
      values: spec.points.map((p) => byX.get(p.x) ?? null),
      color: '--series-measured',
      width: 2.5,
      dash: [8, 4],
    });
  }
  const markers: ChartMarker[] = [];
  if (spec.cliffX !== undefined) markers.push({ x: spec.cliffX, label: axis.cliff(axis.fmt(spec.cliffX)) });
  if (currentX !== undefined) {
    markers.push({
      x: currentX,
      label: `${currentLabel}: ${axis.fmt(currentX)}`,
      color: '--current',
      dashed: false,
    });
  }
  const first = spec.points[0];
  const last = spec.points[spec.points.length - 1];
  const range =
    first === undefined || last === undefined
      ? ''
      : `Decode goes from ${sig3(first.decodeTokensPerSecond)} tok/s at ${axis.fmt(first.x)} to ${sig3(last.decodeTokensPerSecond)} at ${axis.fmt(last.x)}`;
  const crossing = spec.cliffX === undefined ? noCrossing(spec) : axis.cliff(axis.fmt(spec.cliffX));
  return {
    x: spec.points.map((p) => p.x),
    series,
    bands: [{ upper: 1, lower: 2, color: '--band-fill' }],
    markers,
    summary: `${range}; ${crossing}.`,
    formatX: axis.fmt,
  };
}
