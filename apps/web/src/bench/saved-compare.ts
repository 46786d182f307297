/**
 * @module bench/saved-compare — results kept in this browser, compared locally: one column per result (who,
 * when, the bandwidth the estimates would use, the ceiling, each format's fit, upload) and their cache
 * sweeps overlaid. Pure: tested without IndexedDB.
 */
import {
  calibrationFromResult,
  type ResultDocument,
  streamCeiling,
  type WeightFormat,
} from '@cliffbench/core';

export interface ComparedResult {
  readonly label: string;
  readonly decodeGBs?: number;
  readonly ceilingGBs?: number;
  readonly uploadGBs?: number;
  readonly byFormat: Partial<Record<WeightFormat, number>>;
}

/** A short name for a result: the claimed device, else the adapter. */
export function resultLabel(doc: ResultDocument): string {
  const a = doc.adapter;
  return (
    doc.claimedDevice?.name ??
    ([a.vendor, a.architecture, a.description].filter((s) => s !== '').join(' ') || 'unnamed adapter')
  );
}

export function compared(doc: ResultDocument): ComparedResult {
  const ceilingGBs = streamCeiling(doc)?.bandwidthGBs;
  const byFormat: Partial<Record<WeightFormat, number>> = {};
  for (const f of doc.fits) byFormat[f.format] = f.bandwidthGBs;
  return {
    label: `${resultLabel(doc)}, ${doc.createdAt.slice(0, 10)}`,
    decodeGBs: calibrationFromResult(doc).gpuBandwidthGBs,
    ...(ceilingGBs === undefined ? {} : { ceilingGBs }),
    ...(doc.upload === undefined ? {} : { uploadGBs: doc.upload.bandwidthGBs }),
    byFormat,
  };
}

/** The formats any of `docs` fitted, in a fixed order. */
export function formatsOf(docs: readonly ResultDocument[]): WeightFormat[] {
  const order: readonly WeightFormat[] = ['q4_0', 'q4_k', 'q8_0', 'f16', 'f32'];
  return order.filter((f) => docs.some((d) => d.fits.some((x) => x.format === f)));
}

/** The sweeps of `docs` on one x axis (union of working-set sizes), one series each. */
export function sweepOverlay(docs: readonly ResultDocument[]): { x: number[]; series: (number | null)[][] } {
  const x = [...new Set(docs.flatMap((d) => d.sweep.map((s) => s.workingSetBytes)))].sort((a, b) => a - b);
  const series = docs.map((d) => {
    const byX = new Map(d.sweep.map((s) => [s.workingSetBytes, s.bandwidthGBs]));
    return x.map((v) => byX.get(v) ?? null);
  });
  return { x, series };
}
