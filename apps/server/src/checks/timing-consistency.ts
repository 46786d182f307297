/**
 * @module checks/timing-consistency — figures a result document derives from its own raw samples must follow
 * from them: every stated median is the median of its samples, every bandwidth is bytes ÷ median ÷ 1e9 (GPU
 * measurements, sweep points, uploads, the RAM section), counts agree (a fit cannot use more sizes than were
 * measured, a RAM round moves threads × bytes per worker × repetitions), and the RAM summary figures are the
 * measurements they name. The benchmarks write exactly these (packages/webgpu-bench run/run-state.ts,
 * packages/host-bench run/measure-kernel.ts), so a mismatch means the document was edited or forged.
 */
import { median, type ResultDocument } from '@cliffbench/core';
import type { Problem } from './problem.js';

/** Relative tolerance for a stated median against its samples (floating-point interpolation only). */
const MEDIAN_TOLERANCE = 1e-6;
/** Relative tolerance for a stated bandwidth against bytes ÷ median (allows rounding to 4 significant digits). */
const BANDWIDTH_TOLERANCE = 1e-3;
/** Relative tolerance for products of counts (exact in practice; loose only for products past 2^53). */
const COUNT_TOLERANCE = 1e-9;

const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

/** One timed figure of the document. */
interface Timed {
  readonly path: string;
  readonly samplesSeconds: readonly number[];
  /** The median the document states, when it states one. */
  readonly medianSeconds?: number;
  /** Bytes moved per sample, and how the document expresses them. */
  readonly bytes: number;
  readonly bytesWhat: string;
  readonly bandwidthGBs: number;
}

/** Where each kind of timed figure lives in a document, and which bytes its bandwidth divides. */
const TIMED_FIGURES: readonly ((doc: ResultDocument) => Timed[])[] = [
  (doc) =>
    doc.measurements.map((m, i) => ({
      path: `measurements.${i}`,
      samplesSeconds: m.samplesSeconds,
      medianSeconds: m.medianSeconds,
      bytes: m.bytesPerPass,
      bytesWhat: 'bytesPerPass',
      bandwidthGBs: m.bandwidthGBs,
    })),
  (doc) =>
    doc.sweep.map((s, i) => ({
      path: `sweep.${i}`,
      samplesSeconds: s.samplesSeconds,
      bytes: s.workingSetBytes,
      bytesWhat: 'workingSetBytes',
      bandwidthGBs: s.bandwidthGBs,
    })),
  (doc) =>
    [
      ...(doc.upload ? [{ path: 'upload', u: doc.upload }] : []),
      ...(doc.uploads ?? []).map((u, i) => ({ path: `uploads.${i}`, u })),
    ].map(({ path, u }) => ({
      path,
      samplesSeconds: u.samplesSeconds,
      bytes: u.bytes,
      bytesWhat: 'bytes',
      bandwidthGBs: u.bandwidthGBs,
    })),
  (doc) =>
    (doc.ram?.threadSweep ?? []).map((m, i) => ({
      path: `ram.threadSweep.${i}`,
      samplesSeconds: m.samplesSeconds,
      medianSeconds: m.medianSeconds,
      bytes: m.bytesPerRound,
      bytesWhat: 'bytesPerRound',
      bandwidthGBs: m.bandwidthGBs,
    })),
  (doc) =>
    (doc.ram?.workingSetSweep ?? []).map((p, i) => ({
      path: `ram.workingSetSweep.${i}`,
      samplesSeconds: p.samplesSeconds,
      medianSeconds: p.medianSeconds,
      bytes: p.workingSetBytes * p.repsPerRound,
      bytesWhat: 'workingSetBytes × repsPerRound',
      bandwidthGBs: p.bandwidthGBs,
    })),
];

function timedProblems(t: Timed, out: Problem[]): void {
  const actual = median(t.samplesSeconds);
  if (t.medianSeconds !== undefined && !close(t.medianSeconds, actual, MEDIAN_TOLERANCE)) {
    out.push({
      path: `${t.path}.medianSeconds`,
      message: `${t.medianSeconds} s is not the median of its ${t.samplesSeconds.length} samplesSeconds (${actual} s)`,
    });
  }
  const expected = t.bytes / (t.medianSeconds ?? actual) / 1e9;
  if (!close(t.bandwidthGBs, expected, BANDWIDTH_TOLERANCE)) {
    out.push({
      path: `${t.path}.bandwidthGBs`,
      message: `${t.bandwidthGBs} GB/s must equal ${t.bytesWhat} / median seconds / 1e9 = ${expected} GB/s`,
    });
  }
}

/** A fit is over one point per GEMV shape of its format, so it cannot claim more points than were measured. */
function fitCountProblems(doc: ResultDocument, out: Problem[]): void {
  doc.fits.forEach((fit, i) => {
    const measured = doc.measurements.filter((m) => m.kernel === 'gemv' && m.format === fit.format).length;
    if (fit.points > measured) {
      out.push({
        path: `fits.${i}.points`,
        message: `a ${fit.format} fit over ${fit.points} sizes, but the document has ${measured} ${fit.format} GEMV measurements`,
      });
    }
  });
}

/** RAM rounds move threads × bytes per worker × repetitions; the summary figures are measurements it holds. */
function ramProblems(ram: NonNullable<ResultDocument['ram']>, out: Problem[]): void {
  ram.threadSweep.forEach((m, i) => {
    const moved = m.threads * m.bytesPerWorker * m.repsPerRound;
    if (!close(m.bytesPerRound, moved, COUNT_TOLERANCE)) {
      out.push({
        path: `ram.threadSweep.${i}.bytesPerRound`,
        message: `${m.bytesPerRound} bytes must equal threads × bytesPerWorker × repsPerRound = ${moved}`,
      });
    }
  });
  const byKernel = (kernel: 'read' | 'copy') => ram.threadSweep.filter((m) => m.kernel === kernel);
  const best = (kernel: 'read' | 'copy') =>
    byKernel(kernel).reduce<(typeof ram.threadSweep)[number] | undefined>(
      (a, b) => (a === undefined || b.bandwidthGBs > a.bandwidthGBs ? b : a),
      undefined,
    );
  const single = (kernel: 'read' | 'copy') => byKernel(kernel).find((m) => m.threads === 1);
  const summaries: readonly [keyof typeof ram, number | undefined, string][] = [
    ['bestReadGBs', best('read')?.bandwidthGBs, 'the fastest read of threadSweep'],
    ['bestReadThreads', best('read')?.threads, 'the worker count of the fastest read of threadSweep'],
    ['bestCopyGBs', best('copy')?.bandwidthGBs, 'the fastest copy of threadSweep'],
    ['singleThreadReadGBs', single('read')?.bandwidthGBs, 'the one-worker read of threadSweep'],
    ['singleThreadCopyGBs', single('copy')?.bandwidthGBs, 'the one-worker copy of threadSweep'],
  ];
  for (const [key, expected, what] of summaries) {
    const stated = ram[key] as number;
    if (expected === undefined || !close(stated, expected, BANDWIDTH_TOLERANCE)) {
      out.push({
        path: `ram.${key}`,
        message: `${stated} must be ${what} (${expected ?? 'none measured'})`,
      });
    }
  }
}

/** Appends every figure that does not follow from the document's own samples and counts to `out`. */
export function consistencyProblems(doc: ResultDocument, out: Problem[]): void {
  for (const figures of TIMED_FIGURES) for (const t of figures(doc)) timedProblems(t, out);
  fitCountProblems(doc, out);
  if (doc.ram) ramProblems(doc.ram, out);
}
