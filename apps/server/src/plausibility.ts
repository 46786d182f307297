/**
 * @module plausibility — checks a schema-valid result document for figures and text that cannot be true or
 * cannot be stored: a median that is not the median of its samples, a bandwidth that is not bytes ÷ time, a
 * bandwidth far above the spec of the catalog device the uploader claims, NUL characters or unpaired
 * surrogates in text (PostgreSQL text cannot hold them).
 */
import { devices, type ResultDocument } from '@cliffbench/core';

export interface Problem {
  /** Dotted path into the document, e.g. `measurements.3.medianSeconds`. */
  readonly path: string;
  /** What is wrong and what is accepted. */
  readonly message: string;
}

/**
 * Measured effective bandwidth may exceed the claimed device's spec by at most this factor. Judgement: DRAM
 * benchmarks land at 70–95 % of spec; 1.5× leaves room for spec rows that understate and for compression.
 */
export const MAX_SPEC_RATIO = 1.5;

/**
 * Working sets at least this large cannot sit in any GPU's last-level cache (the largest today: 256 MB of
 * Infinity Cache on AMD Instinct MI300X, https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html),
 * so their bandwidth is memory bandwidth and is held to the spec. Smaller ones may legitimately run from cache.
 */
export const CACHE_FREE_WORKING_SET_BYTES = 512 * 2 ** 20;

/** Relative tolerance for `medianSeconds` against the samples (floating-point interpolation only). */
const MEDIAN_TOLERANCE = 1e-6;
/** Relative tolerance for `bandwidthGBs` against bytes ÷ median (allows rounding to 4 significant digits). */
const BANDWIDTH_TOLERANCE = 1e-3;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

/** A UTF-16 surrogate without its partner. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes(String.fromCharCode(0)) || UNPAIRED_SURROGATE.test(text);

function textProblems(value: unknown, path: string, out: Problem[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (unstorable(value)) {
      out.push({ path, message: 'text may not contain NUL characters or unpaired UTF-16 surrogates' });
    }
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) textProblems(v, `${path}.${i}`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = path === '' ? k : `${path}.${k}`;
      textProblems(k, child, out);
      textProblems(v, child, out);
    }
  }
}

function figureProblems(doc: ResultDocument, out: Problem[]): void {
  doc.measurements.forEach((m, i) => {
    if (!close(m.medianSeconds, median(m.samplesSeconds), MEDIAN_TOLERANCE)) {
      out.push({
        path: `measurements.${i}.medianSeconds`,
        message: `${m.medianSeconds} s is not the median of its ${m.samplesSeconds.length} samplesSeconds (${median(m.samplesSeconds)} s)`,
      });
    }
    const expected = m.bytesPerPass / m.medianSeconds / 1e9;
    if (!close(m.bandwidthGBs, expected, BANDWIDTH_TOLERANCE)) {
      out.push({
        path: `measurements.${i}.bandwidthGBs`,
        message: `${m.bandwidthGBs} GB/s must equal bytesPerPass / medianSeconds / 1e9 = ${expected} GB/s`,
      });
    }
  });
}

function specProblems(doc: ResultDocument, out: Problem[]): void {
  const id = doc.claimedDevice?.deviceId;
  if (id === undefined) return;
  const device = devices.find((d) => d.id === id);
  if (!device) {
    out.push({
      path: 'claimedDevice.deviceId',
      message: `"${id}" is not a catalog device id; omit deviceId or use one from \`cliffbench devices\``,
    });
    return;
  }
  const limit = device.bandwidthGBs * MAX_SPEC_RATIO;
  const tooFast = (gbs: number) => gbs > limit;
  const what = (gbs: number) =>
    `${gbs.toPrecision(4)} GB/s is more than ${MAX_SPEC_RATIO}× the ${device.name}'s spec of ${device.bandwidthGBs} GB/s`;
  doc.fits.forEach((f, i) => {
    if (tooFast(f.bandwidthGBs)) out.push({ path: `fits.${i}.bandwidthGBs`, message: what(f.bandwidthGBs) });
  });
  doc.measurements.forEach((m, i) => {
    if (m.workingSetBytes >= CACHE_FREE_WORKING_SET_BYTES && tooFast(m.bandwidthGBs)) {
      out.push({ path: `measurements.${i}.bandwidthGBs`, message: what(m.bandwidthGBs) });
    }
  });
}

/** Problems found, each with where and what is accepted; empty when the document is plausible. */
export function implausibilities(doc: ResultDocument): Problem[] {
  const out: Problem[] = [];
  textProblems(doc, '', out);
  figureProblems(doc, out);
  specProblems(doc, out);
  return out.slice(0, 20);
}
