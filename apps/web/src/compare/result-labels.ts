/** @module compare/result-labels — how a result document is named in the Compare view: device and browser. */
import type { ResultDocument } from '@cliffbench/core';
import { claimedCatalogDevice } from './calibrated-decode.js';

/** The name the uploader gave, else the adapter's vendor, architecture and description. */
export const resultName = (d: ResultDocument): string =>
  d.claimedDevice?.name ||
  [d.adapter.vendor, d.adapter.architecture, d.adapter.description]
    .filter((s) => s.trim() !== '')
    .join(' ') ||
  'unnamed adapter';

/** The catalog device's name when the result claims one, else `resultName`. */
export const deviceName = (d: ResultDocument): string => claimedCatalogDevice(d)?.name ?? resultName(d);

/** User-agent tokens in the order they must be tested (Edge and Opera also say "Chrome/", all say "Safari/"). */
const BROWSER_TOKENS: readonly (readonly [token: string, browser: string])[] = [
  ['Edg/', 'Edge'],
  ['OPR/', 'Opera'],
  ['Firefox/', 'Firefox'],
  ['Chrome/', 'Chrome'],
  ['Safari/', 'Safari'],
];

/** The browser the run reports, else the one its user agent names, else its runtime (`node`, `browser`). */
export const browserName = (d: ResultDocument): string =>
  d.environment.browser ??
  BROWSER_TOKENS.find(([token]) => d.environment.userAgent.includes(token))?.[1] ??
  d.environment.runtime;
