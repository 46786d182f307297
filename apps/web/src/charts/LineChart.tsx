/**
 * @module charts/LineChart — a uPlot line chart (small, fast, canvas) with an accessible name and a
 * text summary for screen readers; an optional vertical marker shows where the cliff is.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly dash?: number[];
}

export interface LineChartProps {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly number[];
  readonly series: readonly Series[];
  readonly markerX?: number | undefined;
  readonly markerLabel?: string;
  readonly logX?: boolean;
  /** One-sentence description for assistive technology. */
  readonly summary: string;
}

export function LineChart(props: LineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const marker = props.markerX;
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: 240,
      scales: { x: { time: false, ...(props.logX ? { distr: 3 } : {}) } },
      axes: [
        { label: props.xLabel, stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.2)' } },
        { label: props.yLabel, stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.2)' } },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          ...(s.dash ? { dash: s.dash } : {}),
        })),
      ],
      hooks:
        marker === undefined
          ? {}
          : {
              draw: [
                (u: uPlot) => {
                  const cx = u.valToPos(marker, 'x', true);
                  const ctx = u.ctx;
                  ctx.save();
                  ctx.strokeStyle = '#d33';
                  ctx.setLineDash([6, 4]);
                  ctx.beginPath();
                  ctx.moveTo(cx, u.bbox.top);
                  ctx.lineTo(cx, u.bbox.top + u.bbox.height);
                  ctx.stroke();
                  ctx.restore();
                },
              ],
            },
    };
    const data = [
      props.x as number[],
      ...props.series.map((s) => s.values as (number | null)[]),
    ] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: 240 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.x, props.series, props.markerX, props.logX, props.xLabel, props.yLabel]);
  return (
    <figure class="chart">
      <figcaption>
        {props.title}
        {props.markerX !== undefined && props.markerLabel ? (
          <span class="marker-note"> — {props.markerLabel}</span>
        ) : null}
      </figcaption>
      <div ref={host} role="img" aria-label={`${props.title}. ${props.summary}`} />
    </figure>
  );
}
