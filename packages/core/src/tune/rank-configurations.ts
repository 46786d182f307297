/**
 * @module tune/rank-configurations — what each fitting configuration trades away, which ones are worth
 * showing, and their order.
 */
import type { KvCacheTypeName } from '../estimate/scenario.js';
import type { PlacementFit } from './search-placements.js';
import type { TradeOff } from './tune-types.js';

/**
 * How many "steps" of quality or safety a KV type gives up. q8_0 KV is close to lossless, q4_0 is
 * noticeably lossier (Ollama docs/faq.mdx: q8_0 "usually has no noticeable impact", q4_0 "a small-medium
 * loss in precision that may be more noticeable at higher context sizes").
 */
const KV_STEPS: Readonly<Record<KvCacheTypeName, number>> = { f16: 0, q8_0: 1, q4_0: 2 };

/**
 * Speed a trade-off step must buy before it ranks above the configuration without it: 5 %, about the
 * run-to-run spread of llama-bench decode figures, so a trade is never recommended for a gain nobody
 * could measure. A preference, not a physical constant.
 */
const TRADE_STEP_GAIN = 0.05;

/** A fit seen against the request. */
export interface RankedFit extends PlacementFit {
  readonly tradeOffs: readonly TradeOff[];
  /** Decode tokens/s discounted by the KV trade-off steps; ranks configurations of one context and margin. */
  readonly score: number;
}

/** What `fit` trades away against the requested context and margin. */
function tradeOffsOf(fit: PlacementFit, requestedContext: number, requestedMargin: number): TradeOff[] {
  const out: TradeOff[] = [];
  const c = fit.candidate;
  if (c.contextTokens < requestedContext) {
    out.push({ kind: 'shorter-context', requested: requestedContext, chosen: c.contextTokens });
  }
  if (c.kvCacheType !== 'f16') out.push({ kind: 'quantised-kv', kvCacheType: c.kvCacheType });
  if (fit.marginBytes < requestedMargin) {
    out.push({ kind: 'tight-margin', marginBytes: fit.marginBytes, requestedMarginBytes: requestedMargin });
  }
  return out;
}

/** What a fit is ranked against. */
interface Request {
  readonly contextTokens: number;
  readonly marginBytes: number;
}

/** Steps a fit gives up: its KV steps, one per halving of the context, one for the tight margin. */
function steps(fit: PlacementFit, request: Request): number {
  const halvings = Math.ceil(Math.log2(request.contextTokens / fit.candidate.contextTokens) - 1e-9);
  return (
    KV_STEPS[fit.candidate.kvCacheType] +
    Math.max(0, halvings) +
    (fit.marginBytes < request.marginBytes ? 1 : 0)
  );
}

/**
 * A is at least as good as B on context, KV precision and margin, and B's extra steps (a quantised KV
 * cache, a halved context, a tight margin) do not buy `TRADE_STEP_GAIN` of speed each: B is not worth
 * showing.
 */
function dominates(a: RankedFit, b: RankedFit, request: Request): boolean {
  const extra = steps(b, request) - steps(a, request);
  return (
    a.candidate.contextTokens >= b.candidate.contextTokens &&
    KV_STEPS[a.candidate.kvCacheType] <= KV_STEPS[b.candidate.kvCacheType] &&
    a.marginBytes >= b.marginBytes &&
    a.estimate.decodeTokensPerSecond >= b.estimate.decodeTokensPerSecond * (1 - TRADE_STEP_GAIN) ** extra
  );
}

/**
 * Drops fits another fit dominates (see `dominates`), then orders the rest: the requested context first, longer contexts
 * before shorter ones; within a context the requested margin before the tight one (the first
 * recommendation never bets on less headroom than asked for), then decode speed discounted by
 * `TRADE_STEP_GAIN` per KV step.
 */
export function rankFits(
  fits: readonly PlacementFit[],
  requestedContext: number,
  requestedMargin: number,
): RankedFit[] {
  const request: Request = { contextTokens: requestedContext, marginBytes: requestedMargin };
  const ranked = fits.map((fit): RankedFit => {
    const score =
      fit.estimate.decodeTokensPerSecond * (1 - TRADE_STEP_GAIN) ** KV_STEPS[fit.candidate.kvCacheType];
    return { ...fit, tradeOffs: tradeOffsOf(fit, requestedContext, requestedMargin), score };
  });
  const kept = ranked.filter(
    (b, i) =>
      !ranked.some((a, j) => j !== i && dominates(a, b, request) && (!dominates(b, a, request) || j < i)),
  );
  return kept.sort(
    (a, b) =>
      b.candidate.contextTokens - a.candidate.contextTokens ||
      b.marginBytes - a.marginBytes ||
      b.score - a.score,
  );
}
