/**
 * @module tune/TuneCurveChart — decode tokens/s against `--n-cpu-moe` (MoE) or GPU layers (dense), drawn with
 * the page's LineChart: solid where the split fits, dashed where it does not, the chosen split marked.
 */
import type { TuneCurve } from '@cliffbench/core';
import { LineChart } from '../charts/LineChart.js';
import { sig3 } from '../format.js';
import { curveColumns } from './best-settings-view.js';

export interface TuneCurveChartProps {
  readonly curve: TuneCurve;
  /** CSS pixels. @default 220 */
  readonly height?: number;
}

export function TuneCurveChart({ curve, height = 220 }: TuneCurveChartProps) {
  const [x, fits, spills] = curveColumns(curve);
  const axis = curve.axis === 'cpuMoeLayers' ? '--n-cpu-moe' : 'GPU layers';
  const summary =
    curve.chosenX === undefined ? 'No split chosen.' : `The chosen split is ${axis} ${curve.chosenX}.`;
  return (
    <LineChart
      title={`${curve.yLabel} against ${curve.xLabel}`}
      xLabel={curve.xLabel}
      yLabel={curve.yLabel}
      x={x as number[]}
      series={[
        { label: 'fits', values: fits as (number | null)[], color: '--series-spec', width: 2.5 },
        { label: 'does not fit', values: spills as (number | null)[], color: '--series-6', dash: [6, 4] },
      ]}
      markers={
        curve.chosenX === undefined
          ? []
          : [{ x: curve.chosenX, label: `chosen: ${curve.chosenX}`, color: '--current', dashed: false }]
      }
      formatY={sig3}
      summary={summary}
      height={height}
    />
  );
}
