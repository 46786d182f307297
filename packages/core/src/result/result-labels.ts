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

/**
 * A browser label without its version: "Chrome 138" → "Chrome", "Safari 26.0.1" → "Safari", "Arc" → "Arc"
 * (a trailing space-separated version number is dropped; the label is trimmed).
 */
export function browserName(label: string): string {
  return label.trim().replace(/\s+v?\d+(?:\.\d+)*$/i, '');
}

/**
 * The browser a run ran in, by name without version — the one rule for the server's stored `browser` column,
 * its `?browser=` filter and the Compare view: the browser the run reports, else the one its user agent names;
 * `node` for Dawn runs, else `unknown`. The version stays in the document (`environment.browser`, `userAgent`).
 */
export function resultBrowser(doc: Pick<ResultDocument, 'environment'>): string {
  const reported = browserName(doc.environment.browser ?? '');
  if (reported) return reported;
  if (doc.environment.runtime === 'node') return 'node';
  return BROWSER_TOKENS.find(([token]) => doc.environment.userAgent.includes(token))?.[1] ?? 'unknown';
}
