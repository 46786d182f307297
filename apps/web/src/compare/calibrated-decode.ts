/**
 * @module compare/calibrated-decode — the estimator's decode speed for a model on the device a result claims,
 * with the result's measured bandwidth as calibration (core's `calibrationFromResult`).
 */
import { calibrationFromResult, devices, estimate, findDevice, type ResultDocument } from '@cliffbench/core';

/** Gemma 4 models compared, at the quantisation most people download. */
export const COMPARED_MODELS: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'gemma-4-e4b', label: 'Gemma 4 E4B' },
  { id: 'gemma-4-12b', label: 'Gemma 4 12B' },
  { id: 'gemma-4-26b-a4b', label: 'Gemma 4 26B-A4B' },
  { id: 'gemma-4-31b', label: 'Gemma 4 31B' },
];
export const COMPARED_QUANT = 'Q4_K_M';

/** The catalog device a result claims (by id, else by name), or undefined. */
export function claimedCatalogDevice(doc: ResultDocument) {
  const id = doc.claimedDevice?.deviceId;
  const byId = id === undefined ? undefined : devices.find((d) => d.id === id);
  if (byId) return byId;
  const name = doc.claimedDevice?.name;
  if (!name) return undefined;
  try {
    return findDevice(name);
  } catch {
    return undefined; // unknown or ambiguous: no estimate rather than a guess
  }
}

/** Decode tokens/s (and its band), or undefined when the result claims no catalog device or it does not fit. */
export function calibratedDecode(doc: ResultDocument, model: string) {
  const device = claimedCatalogDevice(doc);
  if (!device) return undefined;
  try {
    const e = estimate({
      model,
      quant: COMPARED_QUANT,
      device: device.id,
      calibration: calibrationFromResult(doc),
    });
    return e.fits ? { tokensPerSecond: e.decodeTokensPerSecond, band: e.band, regime: e.regime } : undefined;
  } catch {
    return undefined;
  }
}
