/**
 * @module cli/format-curve — a cliff curve as an aligned text table with a bar per point, or as CSV.
 */
import type { Curve } from '../curves/cliff-curve.js';

const BAR = 30;

const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(1);

/** CSV with a header row: x, decode, band, fits, regime, device and host GiB. */
export function curveCsv(c: Curve): string {
  const rows = c.points.map((p) =>
    [
      p.x,
      p.decodeTokensPerSecond.toFixed(3),
      p.band.low.toFixed(3),
      p.band.high.toFixed(3),
      p.fits,
      p.regime,
      gib(p.deviceBytes),
      gib(p.hostBytes),
    ].join(','),
  );
  const header = `${c.axis},decode_tps,band_low,band_high,fits,regime,device_gib,host_gib`;
  return [header, ...rows].join('\n');
}

/** A table with a bar per point; the cliff (last point that fits in GPU memory) is marked. */
export function curveTable(c: Curve): string {
  const top = Math.max(...c.points.map((p) => p.decodeTokensPerSecond), 1e-9);
  const head = `${c.xLabel} (${c.unit})`;
  const width = Math.max(head.length, ...c.points.map((p) => String(p.x).length));
  const lines = [`${head.padStart(width)}  tok/s     ${''.padEnd(BAR)}  regime`];
  for (const p of c.points) {
    const filled = Math.max(0, Math.round((p.decodeTokensPerSecond / top) * BAR));
    const bar = '█'.repeat(filled).padEnd(BAR, ' ');
    const mark = p.fits ? '' : ' (does not fit)';
    lines.push(
      `${String(p.x).padStart(width)}  ${tps(p.decodeTokensPerSecond).padStart(8)}  ${bar}  ${p.regime}${mark}`,
    );
  }
  if (c.cliffX !== undefined) {
    const what =
      c.axis === 'gpuLayers'
        ? `At most ${c.cliffX} layers fit in GPU memory.`
        : c.axis === 'context'
          ? `Everything stays in GPU memory up to a ${c.cliffX}-token context.`
          : `Everything fits in GPU memory from ${c.cliffX} GB.`;
    lines.push('', what);
  }
  return lines.join('\n');
}
