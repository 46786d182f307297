/**
 * @module tune/search-configurations — the whole search for one model on one machine: every context
 * of the ladder × every KV type × the requested and a tighter margin, each with its fastest split, then
 * ranked.
 */
import type { KvCacheTypeName } from '../estimate/scenario.js';
import type { TuneEvaluator } from './evaluator.js';
import { type RankedFit, rankFits } from './rank-configurations.js';
import { bestPlacements, contextLadder, type PlacementFit } from './search-placements.js';

/** llama.cpp `--fit-target` default: 1024 MiB left free per device (tools/server/README.md). */
export const DEFAULT_MARGIN_BYTES = 1024 * 2 ** 20;
/** llama.cpp `--fit-ctx` default: `--fit` never shrinks the context below 4096 tokens. */
export const DEFAULT_MIN_CONTEXT_TOKENS = 4096;
/** KV types searched unless the caller narrows them. */
export const DEFAULT_KV_TYPES: readonly KvCacheTypeName[] = ['f16', 'q8_0', 'q4_0'];

/** The search's knobs with defaults applied. */
export interface SearchSpace {
  readonly contextTokens: number;
  readonly minContextTokens: number;
  readonly marginBytes: number;
  /** Also try half the margin. */
  readonly tightMargin: boolean;
  readonly kvCacheTypes: readonly KvCacheTypeName[];
}

/**
 * Margins to try: the requested one, and half of it as a "tight" option that is shown only when it
 * buys speed (a smaller margin leaves less room for what the estimate misses: desktop compositor,
 * driver growth, fragmentation).
 */
function marginLadder(requested: number, tight = true): number[] {
  return tight && requested >= 256 * 2 ** 20 ? [requested, requested / 2] : [requested];
}

/** Runs the search and returns the ranked, non-dominated fits. */
export function searchConfigurations(
  evaluator: TuneEvaluator,
  space: SearchSpace,
): { readonly ranked: RankedFit[]; readonly evaluations: number } {
  const margins = marginLadder(space.marginBytes, space.tightMargin);
  const fits: PlacementFit[] = [];
  let evaluations = 0;
  for (const context of contextLadder(space.contextTokens, space.minContextTokens)) {
    for (const kv of space.kvCacheTypes) {
      const found = bestPlacements(evaluator, context, kv, margins);
      fits.push(...found.fits);
      evaluations += found.evaluations;
    }
  }
  return { ranked: rankFits(fits, space.contextTokens, space.marginBytes), evaluations };
}
