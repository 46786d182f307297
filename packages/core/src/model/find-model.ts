/**
 * @module model/find-model — forgiving catalog lookup: "Gemma 4 31B", "gemma4-31b", "31b" (when only one
 * model matches), Hugging Face repo ids ("google/gemma-4-31B-it") and GGUF file names
 * ("gemma-4-31B-it-Q4_K_M.gguf") all find `gemma-4-31b`.
 */
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from './architecture.js';
import { models } from './catalog.js';

/** Words that name a variant of the same weights shape, or the publisher, not the model. */
const NOISE = new Set(['it', 'instruct', 'chat', 'hf', 'base', 'pt', 'gguf', 'meta', 'the', 'model']);
/** A GGUF quant suffix (`-Q4_K_M`, `.IQ4_XS`, `-UD-Q2_K_XL`, `-F16`, `-MXFP4`) and the extension. */
const FILE_SUFFIX = /(?:[-_.](?:ud-)?(?:i?q\d\w*|bf16|f16|f32|mxfp4\w*))?(?:\.gguf)?$/i;

/** Lower-case letters and digits only, "." kept between digits as "p" (3.1, 2.5). */
const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/(\d)\.(\d)/g, '$1p$2')
    .replace(/[^a-z0-9]/g, '');

/**
 * Words, versions and sizes: "Qwen2.5-Coder-7B" → qwen, 2.5, coder, 7b; "gemma-4-E2B" → gemma, 4, e2b;
 * "A3B" and "v0.3" stay whole (organisation prefix and noise words dropped).
 */
const tokens = (s: string): string[] =>
  (
    s
      .slice(s.lastIndexOf('/') + 1)
      .toLowerCase()
      .match(/[aev]?\d+(?:\.\d+)*b?|[a-z]+/g) ?? []
  ).filter((t) => !NOISE.has(t));

/** Extra tokens `candidate` has beyond `query` when `query` is an in-order subsequence of it, else undefined. */
function extraTokens(query: readonly string[], candidate: readonly string[]): number | undefined {
  let j = 0;
  for (const t of candidate) if (t === query[j]) j++;
  return j === query.length ? candidate.length - query.length : undefined;
}

/** Sørensen-Dice similarity of two strings' letter pairs (0-1), to list close ids first. */
function similarity(a: string, b: string): number {
  const pairs = (s: string) => Array.from({ length: Math.max(s.length - 1, 0) }, (_, i) => s.slice(i, i + 2));
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length + pb.length === 0) return 0;
  const rest = [...pb];
  let shared = 0;
  for (const p of pa) {
    const k = rest.indexOf(p);
    if (k >= 0) {
      shared++;
      rest.splice(k, 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/**
 * The catalog model an id or name refers to. Case, spacing and punctuation do not matter; organisation
 * prefixes, "-it"/"-Instruct"/"-chat" and GGUF quant suffixes are ignored; a partial name that fits one
 * model best (fewest words left over) finds it.
 * @throws CliffbenchError `unknown-model` with `detail.candidates` (catalog ids, closest first) when nothing
 *   or several models match equally well.
 */
export function findModel(idOrName: string): ModelArchitecture {
  const cleaned = idOrName.trim().replace(FILE_SUFFIX, '');
  const q = squash(cleaned);
  const exact = models.find((m) => squash(m.id) === q || squash(m.name) === q);
  if (exact) return exact;
  const query = tokens(cleaned);
  const matches = query.length
    ? models
        .map((m) => ({
          m,
          extra: Math.min(...[m.id, m.name].map((k) => extraTokens(query, tokens(k)) ?? Infinity)),
        }))
        .filter((x) => Number.isFinite(x.extra))
        .sort((a, b) => a.extra - b.extra)
    : [];
  const [best, second] = matches;
  if (best && (!second || second.extra > best.extra)) return best.m;
  const ranked =
    matches.length > 1
      ? matches.map((x) => x.m.id)
      : [...models]
          .sort((a, b) => similarity(q, squash(b.id)) - similarity(q, squash(a.id)))
          .map((m) => m.id);
  const candidates = matches.length > 1 ? ranked : ranked.slice(0, 6);
  const what =
    matches.length > 1 ? `"${idOrName}" matches several models` : `no catalog model is called "${idOrName}"`;
  throw new CliffbenchError(
    'unknown-model',
    `${what}; closest catalog ids: ${candidates.join(', ')} — or give a config.json / .gguf file.`,
    { candidates },
  );
}
