/**
 * @module device/lookup — resolve a typed name to exactly one catalog entry, or fail saying why: nothing
 * matches (with the closest names), or several match equally well (with all of them, so the user can choose).
 */
import { CliffbenchError } from '../errors.js';
import { closestMatches, type Matchable, rankMatches, tokenKey } from './match.js';

/** How to look things up in one catalog. */
export interface LookupSpec<T extends Matchable & { readonly id: string }> {
  /** What the catalog holds, for messages: "device", "host memory", "PCIe link". */
  readonly what: string;
  readonly items: readonly T[];
  /** A query that resolves, shown when nothing matches. */
  readonly example: string;
  /** What tells similar entries apart, shown when several match. */
  readonly distinguish: string;
  /** Tokens users type that a name does not spell. */
  readonly hidden?: (item: T) => readonly string[];
  /** Picks one of equally good matches when they are interchangeable; `undefined` keeps them ambiguous. */
  readonly resolveTie?: (tied: readonly T[]) => T | undefined;
}

const normalized = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
const keyCache = new WeakMap<object, string>();

function keyOf(item: Matchable): string {
  const key = keyCache.get(item) ?? tokenKey(item.name);
  keyCache.set(item, key);
  return key;
}

/** The one entry `query` names; throws 'unknown-device' or 'ambiguous-device'. */
export function lookupOne<T extends Matchable & { readonly id: string }>(
  query: string,
  spec: LookupSpec<T>,
): T {
  const wanted = normalized(query);
  // An id, or the name itself however cased and punctuated, is exact.
  const key = tokenKey(wanted);
  const exact = spec.items.find((item) => item.id === wanted || (key !== '' && keyOf(item) === key));
  if (exact !== undefined) return exact;
  const ranked =
    wanted === '' ? [] : rankMatches(spec.items, wanted, spec.hidden ? { hidden: spec.hidden } : {});
  const top = ranked[0];
  if (top === undefined) {
    const suggestions = closestMatches(spec.items, wanted, 5, spec.hidden).map((item) => item.name);
    const hint = suggestions.length > 0 ? ` Closest: ${suggestions.join('; ')}.` : '';
    const problem = wanted === '' ? `No ${spec.what} named.` : `No ${spec.what} matches "${query}".`;
    throw new CliffbenchError('unknown-device', `${problem}${hint} Name one, e.g. "${spec.example}".`, {
      query,
      suggestions,
    });
  }
  const tied = ranked.filter((entry) => entry.score === top.score).map((entry) => entry.item);
  if (tied.length === 1) return top.item;
  const chosen = spec.resolveTie?.(tied);
  if (chosen !== undefined) return chosen;
  const candidates = tied.map((item) => item.name);
  throw new CliffbenchError(
    'ambiguous-device',
    `"${query}" matches ${candidates.length} ${spec.what} entries equally: ${candidates.join('; ')}. ` +
      `Add what tells them apart (${spec.distinguish}).`,
    { query, candidates },
  );
}
