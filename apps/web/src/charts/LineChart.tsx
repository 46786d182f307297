/**
 * @module charts/LineChart — a uPlot line chart (canvas, ~50 KB min, fast with thousands of points) with the
 * page's colours, an optional shaded band between two series, labelled vertical markers (the cliff, the
 * current setting), an accessible name, a one-sentence summary and the data as a table for screen readers.
 * The plot is built once per shape and theme; new data goes through `setData`, so typing stays smooth.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { trimZeros } from '../format.js';
import { cssColor, themeVersion } from '../state/theme.js';

/** The name of a CSS custom property holding a colour, e.g. `--series-spec` (styles.css). */
export type CssColorVar = `--${string}`;

/** Colours for overlaid results, distinct in both themes. */
export const SERIES_COLORS: readonly CssColorVar[] = [
  '--series-spec',
  '--series-measured',
  '--series-3',
  '--series-4',
  '--series-5',
  '--series-6',
];

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: CssColorVar;
  readonly dash?: readonly number[];
  /** Line width, CSS px. @default 2 */
  readonly width?: number;
  /** Draw a dot at every point. @default false */
  readonly points?: boolean;
  /** Join the points with a line; false draws the dots alone (unrelated measurements). @default true */
  readonly line?: boolean;
  /** Left out of the legend (band edges, which the band's own legend entry covers). @default false */
  readonly quiet?: boolean;
}

/** A shaded area between two series (indices into `series`). */
export interface ChartBand {
  readonly upper: number;
  readonly lower: number;
  /** The fill colour. */
  readonly color: CssColorVar;
}

export interface ChartMarker {
  readonly x: number;
  readonly label: string;
  /** The line colour. @default --cliff */
  readonly color?: CssColorVar;
  /** @default true */
  readonly dashed?: boolean;
}

export interface LineChartProps {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly bands?: readonly ChartBand[];
  readonly markers?: readonly ChartMarker[];
  /** Log-2 x axis (context, working-set sizes). @default false */
  readonly logX?: boolean;
  /** Tick and table text of an x value. @default String */
  readonly formatX?: (x: number) => string;
  /** Tick and table text of a y value. @default String */
  readonly formatY?: (y: number) => string;
  /** One sentence for assistive technology and the caption. */
  readonly summary: string;
  /** CSS px. @default 260 */
  readonly height?: number;
  readonly testId?: string;
}

const MIN_WIDTH = 260;

function drawMarkers(u: uPlot, markers: readonly ChartMarker[]) {
  const ctx = u.ctx;
  const dpr = devicePixelRatio || 1;
  ctx.save();
  ctx.font = `${12 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (const [i, m] of markers.entries()) {
    const cx = u.valToPos(m.x, 'x', true);
    if (!Number.isFinite(cx) || cx < u.bbox.left - 1 || cx > u.bbox.left + u.bbox.width + 1) continue;
    const color = cssColor(m.color ?? '--cliff');
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 2 * dpr;
    ctx.setLineDash(m.dashed === false ? [] : [6 * dpr, 4 * dpr]);
    ctx.beginPath();
    ctx.moveTo(cx, u.bbox.top);
    ctx.lineTo(cx, u.bbox.top + u.bbox.height);
    ctx.stroke();
    const w = ctx.measureText(m.label).width;
    const right = cx + 4 * dpr + w < u.bbox.left + u.bbox.width;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(m.label, cx + (right ? 4 : -4) * dpr, u.bbox.top + (4 + 16 * i) * dpr);
  }
  ctx.restore();
}

function options(
  p: LineChartProps,
  width: number,
  markers: { current: readonly ChartMarker[] },
): uPlot.Options {
  const fg = cssColor('--fg', '#222');
  const grid = cssColor('--grid', 'rgba(128,128,128,0.2)');
  const fmtX = p.formatX ?? String;
  const fmtY = p.formatY ?? String;
  return {
    width,
    height: p.height ?? 260,
    scales: {
      x: { time: false, ...(p.logX ? { distr: 3, log: 2 } : {}) },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        label: p.xLabel,
        stroke: fg,
        grid: { stroke: grid },
        ticks: { stroke: grid },
        values: (_u, splits) => splits.map((v) => (v === null ? '' : trimZeros(fmtX(v)))),
      },
      {
        label: p.yLabel,
        stroke: fg,
        grid: { stroke: grid },
        ticks: { stroke: grid },
        size: 56,
        values: (_u, splits) => splits.map((v) => (v === null ? '' : trimZeros(fmtY(v)))),
      },
    ],
    series: [
      { label: p.xLabel, value: (_u, v) => (v === null ? '–' : fmtX(v)) },
      ...p.series.map((s) => ({
        label: s.label,
        stroke: cssColor(s.color),
        width: s.width ?? 2,
        ...(s.dash ? { dash: [...s.dash] } : {}),
        points: { show: s.points ?? false, size: 7 },
        ...(s.line === false ? { paths: () => null } : {}),
        value: (_u: uPlot, v: number | null) => (v === null ? '–' : fmtY(v)),
      })),
    ],
    bands: (p.bands ?? []).map((b) => ({ series: [b.upper + 1, b.lower + 1], fill: cssColor(b.color) })),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    hooks: { draw: [(u: uPlot) => drawMarkers(u, markers.current)] },
  };
}

function columns(p: LineChartProps): uPlot.AlignedData {
  return [p.x as number[], ...p.series.map((s) => s.values as (number | null)[])] as uPlot.AlignedData;
}

/** What decides the plot's construction; data and markers change without rebuilding it. */
const shapeKey = (p: LineChartProps, theme: number): string =>
  JSON.stringify([
    p.xLabel,
    p.yLabel,
    p.logX ?? false,
    p.series.map((s) => [s.label, s.color]),
    p.bands,
    theme,
  ]);

export function LineChart(props: LineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const markers = useRef<readonly ChartMarker[]>(props.markers ?? []);
  markers.current = props.markers ?? [];
  const latest = useRef(props);
  latest.current = props;
  const key = shapeKey(props, themeVersion.value);

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    const u = new uPlot(
      options(latest.current, Math.max(MIN_WIDTH, el.clientWidth), markers),
      columns(latest.current),
      el,
    );
    plot.current = u;
    const resize = new ResizeObserver(() => {
      const width = Math.max(MIN_WIDTH, el.clientWidth);
      if (width !== u.width) u.setSize({ width, height: u.height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [key]);

  useEffect(() => {
    plot.current?.setData(columns(props));
  }, [props.x, props.series]);

  const markerKey = JSON.stringify(props.markers ?? []);
  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [markerKey]);

  const fmtX = props.formatX ?? String;
  const fmtY = props.formatY ?? String;
  const shown = props.series.filter((s) => !s.quiet);
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>
        <strong>{props.title}</strong>
        <span class="chart-summary">{props.summary}</span>
      </figcaption>
      <div class="chart-plot" ref={host} role="img" aria-label={`${props.title}. ${props.summary}`} />
      <ul class="chart-legend" aria-hidden="true">
        {shown.map((s) => (
          <li key={s.label}>
            <span
              class="swatch"
              style={{
                borderTopColor: `var(${s.color})`,
                borderTopStyle: s.dash === undefined ? 'solid' : 'dashed',
              }}
            />
            {s.label}
          </li>
        ))}
        {(props.bands ?? []).map((b) => (
          <li key={`band-${b.color}`}>
            <span class="swatch band" style={{ background: `var(${b.color})` }} />
            uncertainty band
          </li>
        ))}
        {(props.markers ?? []).map((m) => (
          <li key={m.label}>
            <span
              class="swatch marker"
              style={{
                borderLeftColor: `var(${m.color ?? '--cliff'})`,
                borderLeftStyle: m.dashed === false ? 'solid' : 'dashed',
              }}
            />
            {m.label}
          </li>
        ))}
      </ul>
      <details class="chart-data">
        <summary>Data as a table</summary>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{props.xLabel}</th>
                {props.series.map((s) => (
                  <th scope="col" key={s.label}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.x.map((x, i) => (
                <tr key={x}>
                  <th scope="row">{fmtX(x)}</th>
                  {props.series.map((s) => {
                    const v = s.values[i];
                    return (
                      <td class="num" key={s.label}>
                        {v === null || v === undefined ? '–' : fmtY(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
