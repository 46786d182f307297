/**
 * @module model-file/hub-settings — where the page looks for Hugging Face models: the Hub's base URL, a
 * setting kept in localStorage (the page's HF_ENDPOINT: a mirror, or the tests' local server; empty means
 * https://huggingface.co), and an access token for gated repositories, kept in this page's memory only (never
 * stored, never in the URL). No imports: the inputs read it without loading the GGUF reader.
 */

const ENDPOINT_KEY = 'cliffbench.hubEndpoint';

/** The saved Hub base URL, or '' for the default (https://huggingface.co). */
export function savedHubEndpoint(): string {
  try {
    return globalThis.localStorage?.getItem(ENDPOINT_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Saves the Hub base URL; '' clears the setting. */
export function saveHubEndpoint(url: string): void {
  const value = url.trim().replace(/\/+$/, '');
  try {
    if (value === '') globalThis.localStorage?.removeItem(ENDPOINT_KEY);
    else globalThis.localStorage?.setItem(ENDPOINT_KEY, value);
  } catch {
    // Storage refused (private mode): nothing is kept.
  }
}

let token = '';

/** The access token for gated repositories ('' when none): memory only. */
export const hubToken = (): string => token;

export function setHubToken(value: string): void {
  token = value.trim();
}
