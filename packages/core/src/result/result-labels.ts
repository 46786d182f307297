/**
 * @module result/result-labels — how a result document is named for people: the device its uploader names
 * (else its adapter) and the browser it ran in. One definition for the server's stored summaries, the Compare
 * view and the calibration's `source`.
 */
import type { ResultDocument } from './schema.js';

/** The name the uploader gave the device, else the adapter's vendor, architecture and description. */
export function uploaderDeviceName(doc: ResultDocument): string {
  const adapter = [doc.adapter.vendor, doc.adapter.architecture, doc.adapter.description]
    .filter((part) => part.trim() !== '')
    .join(' ');
  return doc.claimedDevice?.name.trim() || adapter || 'unnamed adapter';
}

/** User-agent tokens in the order they must be tested (Edge and Opera also say "Chrome/", all say "Safari/"). */
const BROWSER_TOKENS: readonly (readonly [token: string, browser: string])[] = [
  ['Edg/', 'Edge'],
  ['OPR/', 'Opera'],
  ['Firefox/', 'Firefox'],
  ['Chrome/', 'Chrome'],
  ['Safari/', 'Safari'],
];

/** The browser the run reports, else the one its user agent names; `node` for Dawn runs, else `unknown`. */
export function resultBrowser(doc: ResultDocument): string {
  if (doc.environment.browser) return doc.environment.browser;
  if (doc.environment.runtime === 'node') return 'node';
  return BROWSER_TOKENS.find(([token]) => doc.environment.userAgent.includes(token))?.[1] ?? 'unknown';
}
