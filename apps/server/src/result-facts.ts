/**
 * @module result-facts — the summary columns derived from a validated result document: which device it
 * claims, the browser, and the headline bandwidth (the figure the estimator's calibration would use).
 */
import {
  calibrationFromResult,
  devices,
  type ResultDocument,
  resultBrowser,
  uploaderDeviceName,
} from '@cliffbench/core';

export interface ResultFacts {
  /** Display name: the catalog name of `claimedDevice.deviceId`, else the claimed name, else the adapter. */
  readonly device: string;
  readonly deviceId: string | null;
  readonly vendor: string;
  readonly browser: string;
  readonly mode: ResultDocument['mode'];
  /** When the run finished (ISO 8601). */
  readonly runAt: string;
  /** Effective bandwidth the calibration takes from this run, GB/s. */
  readonly bandwidthGBs: number;
}

/** The catalog name of `claimedDevice.deviceId`, else the uploader's name, else the adapter. */
function deviceOf(doc: ResultDocument): string {
  const id = doc.claimedDevice?.deviceId;
  const catalog = id === undefined ? undefined : devices.find((d) => d.id === id);
  return catalog?.name ?? uploaderDeviceName(doc);
}

export function resultFacts(doc: ResultDocument): ResultFacts {
  return {
    device: deviceOf(doc),
    deviceId: doc.claimedDevice?.deviceId ?? null,
    vendor: doc.adapter.vendor,
    browser: resultBrowser(doc),
    mode: doc.mode,
    runAt: doc.createdAt,
    bandwidthGBs: calibrationFromResult(doc).gpuBandwidthGBs ?? 0,
  };
}
