/**
 * @module model/catalog-entry — the shape of one catalog row: the config.json fields a model publishes, plus
 * the id, display name and the source those fields were read from.
 */

export interface CatalogEntry {
  /** Stable kebab-case id (`gemma-4-31b`); other packages and saved scenarios refer to it. */
  readonly id: string;
  readonly name: string;
  /** Where the config numbers come from (config.json URL, paper, converter script). */
  readonly source: string;
  /** Hugging Face config.json fields, built by `architectureFromHfConfig` like a user's file. */
  readonly config: Readonly<Record<string, unknown>>;
}

/** `count` layers of `[sliding × (every − 1), full]`, as Gemma's `layer_types` lists spell it out. */
export const everyNthFull = (count: number, every: number): string[] =>
  Array.from({ length: count }, (_, i) => ((i + 1) % every === 0 ? 'full_attention' : 'sliding_attention'));
