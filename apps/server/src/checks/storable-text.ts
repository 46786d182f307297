/**
 * @module checks/storable-text — text PostgreSQL cannot store: NUL characters and unpaired UTF-16 surrogates,
 * in any string or object key of the document.
 */
import { MAX_PROBLEMS, type Problem } from './problem.js';

/** A UTF-16 surrogate without its partner. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes(String.fromCharCode(0)) || UNPAIRED_SURROGATE.test(text);

/** Appends a problem for every unstorable string or key under `value` (at `path`) to `out`. */
export function textProblems(value: unknown, path: string, out: Problem[]): void {
  if (out.length >= MAX_PROBLEMS) return;
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
