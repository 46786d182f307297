/**
 * @module format — how the page writes numbers: tokens/s, bytes (GiB, as llama.cpp prints them), bandwidth
 * (GB/s, as spec sheets print it), seconds and token counts. One place, so every label says its unit the same way.
 */

const GIB = 2 ** 30;

/** Three significant figures, without exponent: 0.0412, 3.38, 42.1, 985. */
export function sig3(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  return x.toPrecision(3);
}

/** A decode band, e.g. "2.03–4.84". */
export const band = (b: { readonly low: number; readonly high: number }): string =>
  `${sig3(b.low)}–${sig3(b.high)}`;

/** Bytes as GiB with one decimal, e.g. "10.4 GiB". */
export const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

/** Bytes as GB (1e9) with one decimal, e.g. "18.7 GB" — for file sizes. */
export const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** Bandwidth, e.g. "360 GB/s", "0.0412 GB/s". */
export const gbPerSec = (x: number): string => `${sig3(x)} GB/s`;

/** Seconds, with ms below one second: "1.99 s", "45 ms". */
export function seconds(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x < 1) return `${sig3(x * 1000)} ms`;
  return `${sig3(x)} s`;
}

/** Byte counts of a working set, binary units: "1 MiB", "256 MiB", "1 GiB". */
export function binaryBytes(bytes: number): string {
  if (bytes >= GIB) return `${sig3(bytes / GIB)} GiB`;
  if (bytes >= 2 ** 20) return `${sig3(bytes / 2 ** 20)} MiB`;
  return `${sig3(bytes / 1024)} KiB`;
}

/** Token counts: 8192 → "8k", 131072 → "128k", 1000 → "1,000". */
export function tokens(n: number): string {
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}k`;
  return n.toLocaleString('en');
}

/** A ratio as a percentage: 0.873 → "87%", 0.0004 → "0.04%". */
export function percent(ratio: number): string {
  const p = ratio * 100;
  return `${p >= 10 ? p.toFixed(0) : sig3(p)}%`;
}

/** Number text without trailing zeros: "5.00" → "5", "2.50 GB" → "2.5 GB". */
export const trimZeros = (text: string): string =>
  text.replace(/\.(\d*?)0+(?!\d)/, (_m, d: string) => (d === '' ? '' : `.${d}`));
