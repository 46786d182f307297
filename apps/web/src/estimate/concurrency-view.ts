/**
 * @module estimate/concurrency-view — the concurrency curve (spec, and measured when calibrated) as chart props:
 * per-stream and aggregate decode against the number of streams, where the streams stop fitting in GPU memory
 * and the current setting marked, and a sentence that says it. No DOM: tested without a browser.
 */
import type { ChartMarker, ChartSeries } from '../charts/LineChart.js';
import { sig3, tokens } from '../format.js';
import type { ConcurrencyCurve } from './concurrency.js';

export interface ConcurrencyChartModel {
  readonly x: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly markers: readonly ChartMarker[];
  readonly summary: string;
}

const streamsText = (n: number): string => `${n} stream${n === 1 ? '' : 's'}`;

/** Chart props for `spec` (and `calibrated`, dashed beside it). */
export function concurrencyChart(
  spec: ConcurrencyCurve,
  calibrated: ConcurrencyCurve | undefined,
): ConcurrencyChartModel {
  const series: ChartSeries[] = [
    {
      label: 'per stream, spec (tok/s)',
      values: spec.points.map((p) => p.perStreamTokensPerSecond),
      color: '--series-spec',
      width: 2.5,
      points: true,
    },
    {
      label: 'all streams, spec (tok/s)',
      values: spec.points.map((p) => p.aggregateTokensPerSecond),
      color: '--series-3',
      width: 2.5,
      points: true,
    },
  ];
  if (calibrated !== undefined) {
    const byN = new Map(calibrated.points.map((p) => [p.streams, p]));
    series.push(
      {
        label: 'per stream, measured (tok/s)',
        values: spec.points.map((p) => byN.get(p.streams)?.perStreamTokensPerSecond ?? null),
        color: '--series-measured',
        width: 2,
        dash: [8, 4],
      },
      {
        label: 'all streams, measured (tok/s)',
        values: spec.points.map((p) => byN.get(p.streams)?.aggregateTokensPerSecond ?? null),
        color: '--series-5',
        width: 2,
        dash: [8, 4],
      },
    );
  }
  const stop = spec.stopsFittingAt;
  const markers: ChartMarker[] = [];
  if (stop !== undefined) markers.push({ x: stop, label: `in RAM from ${streamsText(stop)}` });
  markers.push({
    x: spec.current,
    label: `you: ${streamsText(spec.current)}`,
    color: '--current',
    dashed: false,
  });
  const now = spec.points.find((p) => p.streams === spec.current);
  const first = spec.points[0];
  const last = spec.points[spec.points.length - 1];
  const fitting =
    stop !== undefined
      ? `everything fits in GPU memory up to ${streamsText(spec.points.filter((p) => p.streams < stop).pop()?.streams ?? 1)}; from ${streamsText(stop)} part of it moves to system RAM`
      : first?.onGpu === true
        ? `everything fits in GPU memory up to ${streamsText(last?.streams ?? 1)}`
        : 'it does not fit entirely in GPU memory even with one stream';
  const summary =
    now === undefined || first === undefined || last === undefined
      ? ''
      : `With ${streamsText(now.streams)} each gets ${sig3(now.perStreamTokensPerSecond)} tok/s ` +
        `(${tokens(now.contextPerStream)} context each), ${sig3(now.aggregateTokensPerSecond)} tok/s together; ` +
        `each stream goes from ${sig3(first.perStreamTokensPerSecond)} tok/s at ${streamsText(first.streams)} to ` +
        `${sig3(last.perStreamTokensPerSecond)} at ${last.streams}; ${fitting}.`;
  return { x: spec.points.map((p) => p.streams), series, markers, summary };
}
