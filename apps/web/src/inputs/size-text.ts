/**
 * @module inputs/size-text — a file size as typed ("860 MB", "0.86 GB", "1.1 GiB", "860") into bytes, and bytes
 * back into the text the field shows. Decimal units as model hubs print file sizes; binary ones as llama.cpp logs.
 */

/** Bytes per unit; a bare number is MB. */
const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
};

/**
 * Bytes for `raw`, undefined for an empty field, or a sentence saying what is wrong and what is accepted.
 * @param maxBytes the largest size accepted.
 */
export function parseSize(raw: string, maxBytes: number): number | undefined | string {
  const t = raw.trim().toLowerCase().replace(',', '.');
  if (t === '') return undefined;
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)$/.exec(t);
  const unit = UNITS[m?.[2] === '' ? 'mb' : (m?.[2] ?? '')];
  const bytes = m === null || unit === undefined ? Number.NaN : Math.round(Number(m[1]) * unit);
  if (!Number.isFinite(bytes) || bytes <= 0 || bytes > maxBytes) {
    return `“${raw.trim()}” is not a size: give a number above 0 and up to ${maxBytes / 1e9} GB, with MB, GB, MiB or GiB (a bare number is MB), e.g. 860 MB or 1.2 GB.`;
  }
  return bytes;
}

/** The field's text for `bytes`: MB with at most one decimal ("860 MB", "1190.5 MB"). */
export const sizeText = (bytes: number): string => `${Number((bytes / 1e6).toFixed(1))} MB`;
