/**
 * @module result/stream-figures — a result document's streaming figures: the read ceiling (the fastest
 * streaming read, what the GEMVs' "of ceiling" ratios divide by) and the copy cross-check (bytes read plus
 * written per second, by a second read style in the ceiling's tuned shape).
 */
import type { Measurement, ResultDocument } from './schema.js';

const fastest = (doc: ResultDocument, kernel: Measurement['kernel']): Measurement | undefined =>
  doc.measurements
    .filter((m) => m.kernel === kernel)
    .reduce<Measurement | undefined>((a, m) => (a && a.bandwidthGBs >= m.bandwidthGBs ? a : m), undefined);

/** The fastest streaming read of `doc`: its read ceiling. */
export const streamCeiling = (doc: ResultDocument): Measurement | undefined => fastest(doc, 'stream-read');

/** The copy cross-check of `doc` (documents before it was added have none). */
export const copyCrossCheck = (doc: ResultDocument): Measurement | undefined => fastest(doc, 'stream-copy');
