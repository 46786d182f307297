/**
 * @module tune/TuneCurveChart — decode tokens/s against `--n-cpu-moe` (MoE) or GPU layers (dense), drawn
 * with uPlot: solid where the split fits, dashed where it does not, the chosen split as a dot.
 */
import type { TuneCurve } from '@cliffbench/core';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { curveColumns } from './best-settings-view.js';

export interface TuneCurveChartProps {
  readonly curve: TuneCurve;
  /** CSS pixels. @default 480 */
  readonly width?: number;
  /** CSS pixels. @default 220 */
  readonly height?: number;
}

function options(curve: TuneCurve, width: number, height: number): uPlot.Options {
  return {
    width,
    height,
    scales: { x: { time: false } },
    axes: [{ label: curve.xLabel }, { label: curve.yLabel }],
    series: [
      { label: curve.axis === 'cpuMoeLayers' ? '--n-cpu-moe' : 'GPU layers' },
      { label: 'fits', stroke: 'var(--tune-fits, #2a7ae2)', width: 2 },
      { label: 'does not fit', stroke: 'var(--tune-spill, #999)', dash: [6, 4], width: 1 },
      {
        label: 'chosen',
        stroke: 'var(--tune-chosen, #d9480f)',
        points: { show: true, size: 9, fill: 'var(--tune-chosen, #d9480f)' },
        paths: () => null,
      },
    ],
  };
}

export function TuneCurveChart({ curve, width = 480, height = 220 }: TuneCurveChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    plot.current = new uPlot(options(curve, width, height), curveColumns(curve), el);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
    // The axis, labels and size shape the chart; new data alone goes through setData below.
  }, [curve.axis, curve.xLabel, width, height]);

  useEffect(() => {
    plot.current?.setData(curveColumns(curve));
  }, [curve]);

  const summary = curve.chosenX === undefined ? 'no split chosen' : `chosen: ${curve.chosenX}`;
  return (
    <div
      class="tune-curve"
      ref={host}
      role="img"
      aria-label={`${curve.yLabel} against ${curve.xLabel}; ${summary}`}
    />
  );
}
