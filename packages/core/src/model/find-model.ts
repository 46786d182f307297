/**
 * @module model/find-model — forgiving catalog lookup: "Gemma 4 31B", "gemma4-31b", "31b" (when only one
 * model matches) all find `gemma-4-31b`.
 */
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from './architecture.js';
import { models } from './catalog.js';

/** Lower-case letters and digits only, with "." kept between digits (3.1, 2.5). */
const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/(\d)\.(\d)/g, '$1p$2')
    .replace(/[^a-z0-9]/g, '');

/**
 * The catalog model an id or name refers to.
 * @throws CliffbenchError `unknown-model` listing the catalog ids (closest first) when nothing or several match.
 */
export function findModel(idOrName: string): ModelArchitecture {
  const q = squash(idOrName);
  const exact = models.find((m) => squash(m.id) === q || squash(m.name) === q);
  if (exact) return exact;
  const partial = models.filter((m) => squash(m.id).includes(q) || squash(m.name).includes(q));
  if (q.length > 0 && partial.length === 1) return partial[0] as ModelArchitecture;
  const candidates = (partial.length > 1 ? partial : models).map((m) => m.id);
  const what =
    partial.length > 1 ? `"${idOrName}" matches several models` : `no catalog model is called "${idOrName}"`;
  throw new CliffbenchError(
    'unknown-model',
    `${what}; use one of: ${candidates.join(', ')} — or give a config.json / .gguf file.`,
    { candidates },
  );
}
