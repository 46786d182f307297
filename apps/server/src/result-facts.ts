/**
 * @module result-facts — the summary columns derived from a validated result document: which device it
 * claims, the browser, and the headline bandwidth (the figure the estimator's calibration would use).
 */
import { calibrationFromResult, devices, type ResultDocument } from '@cliffbench/core';

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

/** User-agent tokens in the order they must be tested (Edge and Chrome both say "Safari/"). */
const BROWSER_TOKENS: readonly (readonly [token: string, browser: string])[] = [
  ['Edg/', 'Edge'],
  ['OPR/', 'Opera'],
  ['Firefox/', 'Firefox'],
  ['Chrome/', 'Chrome'],
  ['Safari/', 'Safari'],
];

function browserOf(doc: ResultDocument): string {
  if (doc.environment.browser) return doc.environment.browser;
  if (doc.environment.runtime === 'node') return 'node';
  return BROWSER_TOKENS.find(([token]) => doc.environment.userAgent.includes(token))?.[1] ?? 'unknown';
}

function deviceOf(doc: ResultDocument): string {
  const id = doc.claimedDevice?.deviceId;
  const catalog = id === undefined ? undefined : devices.find((d) => d.id === id);
  const adapter = [doc.adapter.vendor, doc.adapter.architecture, doc.adapter.description]
    .filter((part) => part.trim() !== '')
    .join(' ');
  return catalog?.name ?? (doc.claimedDevice?.name.trim() || adapter || 'unnamed adapter');
}

export function resultFacts(doc: ResultDocument): ResultFacts {
  return {
    device: deviceOf(doc),
    deviceId: doc.claimedDevice?.deviceId ?? null,
    vendor: doc.adapter.vendor,
    browser: browserOf(doc),
    mode: doc.mode,
    runAt: doc.createdAt,
    bandwidthGBs: calibrationFromResult(doc).gpuBandwidthGBs ?? 0,
  };
}
