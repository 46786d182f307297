/**
 * @module device/match — forgiving name matching for the hardware catalogs. Names and queries become the same
 * tokens (case, spacing and punctuation ignored; "7900xtx" = "7900 xtx"; "12 GB" = "12gb"; "40-core" =
 * "40c"), brand words become a vendor filter, and a candidate matches when it holds every query token.
 * Candidates are ranked by how many words of their name the query left unexplained.
 */

/** Brand words: a query may name them or not; when it does, they restrict the vendor. */
const brandVendor: Readonly<Record<string, string>> = {
  nvidia: 'NVIDIA',
  geforce: 'NVIDIA',
  rtx: 'NVIDIA',
  gtx: 'NVIDIA',
  quadro: 'NVIDIA',
  tesla: 'NVIDIA',
  amd: 'AMD',
  radeon: 'AMD',
  rx: 'AMD',
  instinct: 'AMD',
  intel: 'Intel',
  arc: 'Intel',
  apple: 'Apple',
};

/** Words that carry no identity in names or queries. */
const filler = new Set([
  'gpu',
  'graphics',
  'generation',
  'gen',
  'card',
  'edition',
  'channel',
  'channels',
  'the',
]);

/** Spellings folded onto the catalog's word. */
const synonyms: Readonly<Record<string, string>> = { mobile: 'laptop', notebook: 'laptop' };

/** Memory-channel counts spelled as the catalog spells them. */
const channelWords: Readonly<Record<string, string>> = { '1': 'single', '2': 'dual', '4': 'quad' };

/** Apple product names in a query stand for the vendor, not for tokens a chip name holds. */
const appleProducts = /\b(mac\s*book(\s*(pro|air))?|mac\s*(studio|mini|pro)|imac)\b/g;

interface Token {
  readonly text: string;
  /** Index of the whitespace/bracket-separated word of the source text it came from. */
  readonly word: number;
}

const isNumber = (text: string | undefined): text is string => text !== undefined && /^[0-9]+$/.test(text);

/** Folds "12 gb" → "12gb", "40 core"/"40c"/"40 gpu cores" → "40c", "2 channel" → "dual", "x 16" → "x16". */
function mergeUnits(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1]?.text;
    const afterGpu = next === 'gpu' ? tokens[i + 2]?.text : undefined;
    if (isNumber(token.text) && (next === 'gb' || next === 'g' || next === 'gib')) {
      out.push({ text: `${token.text}gb`, word: token.word });
      i += 1;
    } else if (isNumber(token.text) && (next === 'c' || next === 'core' || next === 'cores')) {
      out.push({ text: `${token.text}c`, word: token.word });
      i += 1;
    } else if (isNumber(token.text) && (afterGpu === 'core' || afterGpu === 'cores')) {
      out.push({ text: `${token.text}c`, word: token.word });
      i += 2;
    } else if (token.text === 'x' && isNumber(next)) {
      out.push({ text: `x${next}`, word: token.word });
      i += 1;
    } else if (isNumber(token.text) && (next === 'ch' || next === 'channel' || next === 'channels')) {
      out.push({ text: channelWords[token.text] ?? `${token.text}ch`, word: token.word });
      i += 1;
    } else {
      out.push({ text: synonyms[token.text] ?? token.text, word: token.word });
    }
  }
  return out.filter((token) => !filler.has(token.text));
}

/** The tokens of a name or query, each tagged with the word it came from. */
function tokenize(text: string): Token[] {
  const words = text
    .toLowerCase()
    .replace(appleProducts, ' apple ')
    .replaceAll('+', ' plus ')
    .split(/[\s()[\],;/]+/)
    .filter((word) => word !== '');
  const tokens = words.flatMap((word, index) =>
    // "4.0" is one number, and the same number as "4".
    (word.match(/[a-z]+|[0-9]+(?:\.[0-9]+)?/g) ?? []).map((text) => ({
      text: text.replace(/\.0+$/, ''),
      word: index,
    })),
  );
  return mergeUnits(tokens);
}

/** The token sequence of a text: equal for spellings that differ only in case, spacing and punctuation. */
export function tokenKey(text: string): string {
  return tokenize(text)
    .map((token) => token.text)
    .join(' ');
}

const isQualifier = (text: string): boolean =>
  /^[0-9]+(gb|c|ch)$/.test(text) || text === 'single' || text === 'dual' || text === 'quad';

/** Something a catalog lists by name. */
export interface Matchable {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly vendor?: string;
}

/** A name's words that identify the product (qualifiers such as "12GB" or "40-core" and brand words excluded). */
interface Spelling {
  readonly tokens: ReadonlySet<string>;
  readonly identityWords: readonly (readonly string[])[];
  /** Tokens lent by the aliases, not the text's own. */
  readonly borrowed: ReadonlySet<string>;
}

function spell(text: string, hidden: readonly string[], borrowed: readonly string[] = []): Spelling {
  const tokens = tokenize(text);
  const own = new Set([...tokens.map((token) => token.text), ...hidden]);
  const words = new Map<number, string[]>();
  for (const token of tokens) words.set(token.word, [...(words.get(token.word) ?? []), token.text]);
  const identityWords = [...words.values()].filter(
    (word) => !word.every((text) => isQualifier(text) || text in brandVendor),
  );
  return {
    tokens: new Set([...own, ...borrowed]),
    identityWords,
    borrowed: new Set(borrowed.filter((text) => !own.has(text))),
  };
}

/** A parsed query: tokens every candidate must hold, the vendor its brand words name, a trailing partial token. */
interface ParsedQuery {
  readonly required: readonly string[];
  readonly vendor: string | undefined | null;
  readonly partial: string | undefined;
}

function parseQuery(query: string, allowPartial: boolean): ParsedQuery {
  const tokens = tokenize(query).map((token) => token.text);
  const endsOpen = allowPartial && /[a-z0-9]$/i.test(query);
  const last = endsOpen ? tokens.at(-1) : undefined;
  const partial = last !== undefined && !(last in brandVendor) ? last : undefined;
  const complete = partial === undefined ? tokens : tokens.slice(0, -1);
  const vendors = new Set(complete.filter((text) => text in brandVendor).map((text) => brandVendor[text]));
  // Two different vendors' brand words cannot both hold: `null` matches nothing.
  const vendor = vendors.size > 1 ? null : [...vendors][0];
  return { required: [...new Set(complete.filter((text) => !(text in brandVendor)))], vendor, partial };
}

/** One candidate and how well it matched. */
export interface Ranked<T> {
  readonly item: T;
  /** Identity words of the name the query left unexplained: 0 is a full match. */
  readonly score: number;
  /** Whether the trailing partial token matched only as a prefix. */
  readonly prefix: boolean;
  /** Whether only an alias matched as well, not the name ("ryzen 9" is a CPU's name, an iGPU's alias). */
  readonly viaAlias: boolean;
  /** Position in the catalog. */
  readonly index: number;
}

function scoreSpelling(
  spelling: Spelling,
  query: ParsedQuery,
  vendor: string | undefined,
): Ranked<null> | null {
  if (!query.required.every((text) => spelling.tokens.has(text))) return null;
  const covered = new Set(query.required);
  let prefix = false;
  if (query.partial !== undefined) {
    const partial = query.partial;
    const brandWords = Object.keys(brandVendor).filter((word) => brandVendor[word] === vendor);
    if (spelling.tokens.has(partial)) covered.add(partial);
    else {
      const hit = [...spelling.tokens, ...brandWords].find((text) => text.startsWith(partial));
      if (hit === undefined) return null;
      covered.add(hit);
      prefix = true;
    }
  }
  const score = spelling.identityWords.filter((word) => !word.every((text) => covered.has(text))).length;
  const viaAlias = [...covered].some((text) => spelling.borrowed.has(text));
  return { item: null, score, prefix, viaAlias, index: 0 };
}

/** Fewest unexplained words first, then whole words before a prefix, then a name before an alias. */
const byMatch = (a: Ranked<unknown>, b: Ranked<unknown>): number =>
  a.score - b.score || Number(a.prefix) - Number(b.prefix) || Number(a.viaAlias) - Number(b.viaAlias);

const spellingCache = new WeakMap<object, Spelling[]>();

function spellingsOf<T extends Matchable>(item: T, hidden: (item: T) => readonly string[]): Spelling[] {
  const cached = spellingCache.get(item);
  if (cached !== undefined) return cached;
  // The name also holds its aliases' tokens ("DDR5-5200 quad-channel (Threadripper 7000)" finds the entry
  // named "DDR5-5200 quad-channel" with alias "Threadripper 7000"); each alias is a spelling of its own too.
  const aliases = item.aliases ?? [];
  const aliasTokens = aliases.flatMap((alias) => tokenize(alias).map((token) => token.text));
  const extra = hidden(item);
  const spellings = [spell(item.name, extra, aliasTokens), ...aliases.map((alias) => spell(alias, extra))];
  spellingCache.set(item, spellings);
  return spellings;
}

/**
 * Candidates holding every query token, best first (fewest unexplained words, exact before prefix, a match
 * of the name before one of an alias only, catalog order). With `allowPartial`, a query not ending in a space may end in an unfinished word
 * (search-as-you-type). `hidden` adds tokens a name does not spell but users type (the memory size of a card,
 * its form factor).
 */
export function rankMatches<T extends Matchable>(
  items: readonly T[],
  query: string,
  options: { allowPartial?: boolean; hidden?: (item: T) => readonly string[] } = {},
): Ranked<T>[] {
  const parsed = parseQuery(query, options.allowPartial ?? false);
  // A brand alone lists that vendor while typing, but names no product.
  const brandOnly = parsed.required.length === 0 && parsed.partial === undefined;
  if (brandOnly && (parsed.vendor === undefined || !options.allowPartial)) return [];
  const hidden = options.hidden ?? (() => []);
  const ranked: Ranked<T>[] = [];
  items.forEach((item, index) => {
    if (parsed.vendor === null || (parsed.vendor !== undefined && item.vendor !== parsed.vendor)) return;
    const best = spellingsOf(item, hidden)
      .map((spelling, which) => {
        const hit = scoreSpelling(spelling, parsed, item.vendor);
        return hit === null || which === 0 ? hit : { ...hit, viaAlias: true };
      })
      .filter((hit) => hit !== null)
      .sort(byMatch)[0];
    if (best !== undefined) ranked.push({ ...best, item, index });
  });
  return ranked.sort((a, b) => byMatch(a, b) || a.index - b.index);
}

/** Candidates sharing the most query tokens with the query, for "did you mean" lists when nothing matches. */
export function closestMatches<T extends Matchable>(
  items: readonly T[],
  query: string,
  limit: number,
  hidden: (item: T) => readonly string[] = () => [],
): T[] {
  const wanted = [...new Set(tokenize(query).map((token) => token.text))].filter(
    (text) => !(text in brandVendor),
  );
  return items
    .map((item, index) => {
      const tokens = spellingsOf(item, hidden).flatMap((spelling) => [...spelling.tokens]);
      const shared = wanted.filter((text) => tokens.some((token) => token.startsWith(text))).length;
      return { item, shared, index };
    })
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}

/** The vendor a name's brand words point to ("GeForce RTX 4090" → NVIDIA), when they point to exactly one. */
export function vendorFromBrandWords(text: string): string | undefined {
  const vendors = new Set(
    tokenize(text)
      .map((token) => brandVendor[token.text])
      .filter((vendor) => vendor !== undefined),
  );
  return vendors.size === 1 ? [...vendors][0] : undefined;
}
