/**
 * @module model/catalog — the model catalog, written as the config.json fields each model publishes and
 * built by the same code that imports a user's config.json. Each entry cites where its numbers come from.
 */
import type { ModelArchitecture } from './architecture.js';
import type { CatalogEntry } from './catalog-entry.js';
import { GEMMA_ENTRIES } from './catalog-gemma.js';
import { OTHER_ENTRIES } from './catalog-other.js';
import { architectureFromHfConfig } from './hf-config.js';

const ENTRIES: readonly CatalogEntry[] = [...GEMMA_ENTRIES, ...OTHER_ENTRIES];

/** Every catalog model, Gemma 4 first. */
export const models: readonly ModelArchitecture[] = ENTRIES.map((e) =>
  architectureFromHfConfig(e.config, { id: e.id, name: e.name, source: e.source }),
);

/** The config.json data a catalog model was built from (for tests and for "export config"). */
export function catalogConfig(id: string): Readonly<Record<string, unknown>> | undefined {
  return ENTRIES.find((e) => e.id === id)?.config;
}
