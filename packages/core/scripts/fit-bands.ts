/**
 * Generates src/uncertainty/band-table.ts from the validation rows (test/fixtures/validation-public.jsonl and
 * validation-extra.jsonl) with the current speed coefficients:
 * - decode: for every (backend, regime) and every regime over all backends ('*'), the 10th and 90th percentiles
 *   of measured/predicted decode tokens/s, widened to include 1 (the estimate itself). Regimes without
 *   MIN_BAND_ROWS rows get the fallback band: the most extreme fitted low and high, each squared (twice the
 *   widest spread in log terms), because the regimes without data are the spill regimes, which vary most;
 * - prefill: the same percentiles of measured/predicted prefill tokens/s per (backend, device class) and per
 *   device class over all backends, with the fallback built the same way;
 * - weight bytes: the same percentiles of published/predicted tensor bytes over the published model sizes
 *   (test/published-sizes.ts, rows without a caveat), the memory figures' only predicted part.
 * Usage: `npm run fit:bands` prints the table; `npm run fit:bands -- --write` replaces src/uncertainty/band-table.ts
 * (a shell redirect would empty that file before this script, which imports it, starts). An argument that is
 * not a flag is the validation file to read instead of both in-repo files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { quantile, resolveScenario } from '../src/index.js';
import { MIN_BAND_ROWS } from '../src/uncertainty/band-table.js';
import { publishedTensorBytes } from '../test/published-sizes.js';
import {
  loadValidationRows,
  type PrefillPrediction,
  predictPrefillRows,
  predictRows,
  type RowPrediction,
  resolveRows,
} from './validation.js';

interface Band {
  readonly backend: string;
  readonly regime: string;
  readonly low: number;
  readonly high: number;
  readonly rows: number;
}

const round = (x: number): number => Number(x.toFixed(3));

/** p10 and p90 of measured ÷ predicted, widened to include 1. */
function ratioBand(ratios: readonly number[]): { low: number; high: number; rows: number } {
  return {
    low: round(Math.min(1, quantile(ratios, 0.1))),
    high: round(Math.max(1, quantile(ratios, 0.9))),
    rows: ratios.length,
  };
}

const ratiosOf = (xs: readonly { measured: number; predicted: number }[]): number[] =>
  xs.map((p) => p.measured / p.predicted);

/** The fallback band: the most extreme trusted low and high, each squared (see the module note). */
function fallbackOf(bands: readonly { low: number; high: number; rows: number }[]): {
  low: number;
  high: number;
} {
  const trusted = bands.filter((b) => b.rows >= MIN_BAND_ROWS);
  const low = Math.min(...trusted.map((b) => b.low));
  const high = Math.max(...trusted.map((b) => b.high));
  return { low: Number((low * low).toFixed(2)), high: Number((high * high).toFixed(2)) };
}

function band(backend: string, regime: string, predictions: readonly RowPrediction[]): Band {
  return { backend, regime, ...ratioBand(ratiosOf(predictions)) };
}

/** Bands for every backend/regime pair and every regime, plus the fallback. */
export function fitBands(predictions: readonly RowPrediction[]): {
  bands: Band[];
  fallback: { low: number; high: number };
} {
  const bands: Band[] = [];
  const regimes = [...new Set(predictions.map((p) => p.regime))].sort();
  for (const regime of regimes) {
    const inRegime = predictions.filter((p) => p.regime === regime);
    bands.push(band('*', regime, inRegime));
    for (const backend of [...new Set(inRegime.map((p) => p.backend))].sort()) {
      bands.push(
        band(
          backend,
          regime,
          inRegime.filter((p) => p.backend === backend),
        ),
      );
    }
  }
  return { bands, fallback: fallbackOf(bands) };
}

interface PrefillBand {
  readonly backend: string;
  readonly deviceClass: string;
  readonly low: number;
  readonly high: number;
  readonly rows: number;
}

/** Prefill bands for every backend/device-class pair and every device class, plus the fallback. */
export function fitPrefillBands(predictions: readonly PrefillPrediction[]): {
  bands: PrefillBand[];
  fallback: { low: number; high: number };
} {
  const bands: PrefillBand[] = [];
  for (const deviceClass of [...new Set(predictions.map((p) => p.deviceClass))].sort()) {
    const inClass = predictions.filter((p) => p.deviceClass === deviceClass);
    bands.push({ backend: '*', deviceClass, ...ratioBand(ratiosOf(inClass)) });
    for (const backend of [...new Set(inClass.map((p) => p.backend))].sort()) {
      bands.push({
        backend,
        deviceClass,
        ...ratioBand(ratiosOf(inClass.filter((p) => p.backend === backend))),
      });
    }
  }
  return { bands, fallback: fallbackOf(bands) };
}

/** published/predicted tensor bytes over the published model sizes without a caveat. */
export function weightBytesBand(): { low: number; high: number; rows: number } {
  const ratios = publishedTensorBytes
    .filter((row) => row.caveat === undefined)
    .map((row) => {
      const r = resolveScenario({
        model: { hfConfig: row.hfConfig },
        quant: row.quant,
        device: { name: 'reference', kind: 'cpu', bandwidthGBs: 50 },
      });
      return row.weightsBytes / r.sums.totalBytes;
    });
  return ratioBand(ratios);
}

function render(
  result: ReturnType<typeof fitBands>,
  rowCount: number,
  prefill: ReturnType<typeof fitPrefillBands>,
  weights: ReturnType<typeof weightBytesBand>,
): string {
  const rows = result.bands
    .map(
      (b) =>
        `  { backend: '${b.backend}', regime: '${b.regime}', low: ${b.low}, high: ${b.high}, rows: ${b.rows} },`,
    )
    .join('\n');
  const prefillRows = prefill.bands
    .map(
      (b) =>
        `  { backend: '${b.backend}', deviceClass: '${b.deviceClass}', low: ${b.low}, high: ${b.high}, rows: ${b.rows} },`,
    )
    .join('\n');
  return `/**
 * @module uncertainty/band-table — uncertainty bands. GENERATED by
 * \`npm run fit:bands -- --write\` from test/fixtures/validation-public.jsonl and
 * validation-extra.jsonl (${rowCount} rows): for each (backend, regime) and each regime over all backends ('*'),
 * the 10th and 90th percentiles of measured/predicted decode tokens/s over the validation rows, widened to
 * include 1; the same for prefill tokens/s by (backend, device class); and of published/predicted tensor bytes
 * over the published model sizes (test/published-sizes.ts).
 */
import type { Backend, Regime } from '../estimate/scenario.js';

/** One band: estimate × low … estimate × high. */
export interface BandRow {
  readonly backend: Backend | '*';
  readonly regime: Regime;
  readonly low: number;
  readonly high: number;
  readonly rows: number;
}

/** Fewest rows a band needs before it is trusted over a coarser one. */
export const MIN_BAND_ROWS = ${MIN_BAND_ROWS};

/**
 * Regimes without enough rows get this band: the most extreme fitted low and high, each squared (twice the
 * widest spread in log terms). The regimes without data are the spill regimes (partial offload, sysmem
 * fallback, over Apple's limit, from disk), whose speed varies most with hardware the scenario does not name.
 */
export const FALLBACK_BAND = { low: ${result.fallback.low}, high: ${result.fallback.high} } as const;

export const bandTable: readonly BandRow[] = [
${rows}
];

/** One prefill band: estimate × low … estimate × high, for a backend ('*': all) and device class. */
export interface PrefillBandRow {
  readonly backend: Backend | '*';
  readonly deviceClass: 'cpu' | 'apple' | 'integrated' | 'discrete';
  readonly low: number;
  readonly high: number;
  readonly rows: number;
}

/** Device classes without enough prefill rows get this band (built as FALLBACK_BAND is). */
export const PREFILL_FALLBACK_BAND = { low: ${prefill.fallback.low}, high: ${prefill.fallback.high} } as const;

export const prefillBandTable: readonly PrefillBandRow[] = [
${prefillRows}
];

/**
 * Published ÷ predicted tensor bytes, p10 and p90 over ${weights.rows} published model sizes: the band on predicted
 * weight bytes (KV cache and compute buffers are exact formulas; a real file size or GGUF header makes weights
 * exact too).
 */
export const WEIGHT_BYTES_BAND = { low: ${weights.low}, high: ${weights.high}, rows: ${weights.rows} } as const;
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const rows = loadValidationRows(args.find((arg) => !arg.startsWith('--')));
  const resolved = resolveRows(rows);
  const table = render(
    fitBands(predictRows(resolved)),
    rows.length,
    fitPrefillBands(predictPrefillRows(resolved)),
    weightBytesBand(),
  );
  if (args.includes('--write')) {
    const target = fileURLToPath(new URL('../src/uncertainty/band-table.ts', import.meta.url));
    writeFileSync(target, table);
    process.stderr.write(`fit-bands: wrote ${target}\n`);
  } else process.stdout.write(table);
}
