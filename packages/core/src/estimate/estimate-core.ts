/**
 * @module estimate/estimate-core — placement and decode speed only: what advice and curves evaluate many
 * times over variants of one scenario.
 */
import { type Placement, place } from '../placement/place.js';
import type { DecodeBreakdown } from '../speed/decode.js';
import { decodeTimeAnyGpus } from '../speed/multi-gpu-decode.js';
import type { ResolvedScenario } from './resolved.js';

/** Placement and decode of one resolved scenario. */
export interface CoreEstimate {
  readonly placement: Placement;
  readonly decode: DecodeBreakdown;
}

/** Places the model and estimates decode. */
export function coreEstimate(r: ResolvedScenario): CoreEstimate {
  const placement = place(r);
  return { placement, decode: decodeTimeAnyGpus(r, placement) };
}

/**
 * Whether everything sits in accelerator memory and fits there (an explicit -ngl past the fit is placed on the
 * GPU but fails to allocate).
 */
export const allOnGpu = (p: Placement): boolean => p.fits && (p.regime === 'gpu' || p.regime === 'unified');
